import FlriskTestSupport
import Foundation
import Testing

/// Excel's `sep=` first line, through `score` and `validate` as a user runs them.
@Suite("QA12: sep= line on the command line", .serialized)
struct QA12SeparatorLineCLITests {
    @Test func scoreAndValidateReadTheNamedDelimiter() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "\u{FEFF}sep=;\r\nsupplier_id;name;country\r\nV1;Acme, Inc;US\r\n")
        let links = scratch.write("l.csv", "sep=|\nbuyer_id|supplier_id|share\n")
        let contracts = scratch.write("c.csv", "sep=\t\ncontract_id\tvendor_id\tamount\nC1\tV1\t10,5\nC2\tV1\t20\n")
        let run = try CLI.run(["score", "--suppliers", suppliers, "--links", links, "--contracts", contracts, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"name\": \"Acme, Inc\""), "\(run.stdout.prefix(400))")
        #expect(run.stderr.contains("\(contracts):3:3: error: [invalid-number]"), "\(run.stderr)")
        let check = try CLI.run(["validate", suppliers, links, contracts])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("s.csv: suppliers: 1 rows read, 1 accepted"), "\(check.stdout)")
        #expect(check.stdout.contains("c.csv: contracts: 2 rows read, 1 accepted, 1 rejected"), "\(check.stdout)")
        #expect(check.stderr.contains("\(contracts):3:3: error: [invalid-number]"), "\(check.stderr)")
    }

    @Test func anUnknownDelimiterNamesTheFileAndLineOne() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "sep=ab\nsupplier_id,name\nV1,Acme\n")
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,V1,10\n")
        for arguments in [["score", "--suppliers", suppliers, "--contracts", contracts], ["validate", suppliers]] {
            let run = try CLI.run(arguments)
            #expect(run.status == 2, "\(arguments) \(run.stdout)")
            #expect(run.stderr.contains("\(suppliers):1:5: error: [unknown-delimiter] the first line 'sep=ab'"), "\(run.stderr)")
        }
    }
}
