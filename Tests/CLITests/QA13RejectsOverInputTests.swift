import Foundation
import Testing

/// `--rejects` naming an input was refused with "X is the input X; write the report
/// elsewhere.", blaming the report for a path given to `--rejects`. The message now names the
/// option and says what to move.
@Suite("QA13: --rejects over an input names --rejects")
struct QA13RejectsOverInputTests {
    @Test func theMessageNamesTheRejectsFile() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nX,Acme,US\n")
        let contractsText = "contract_id,vendor_id,amount\nC1,X,10\n"
        let contracts = scratch.write("c.csv", contractsText)
        let inputs = ["--suppliers", suppliers, "--contracts", contracts, "--quiet"]
        let run = try CLI.run(["score"] + inputs + ["--rejects", contracts, "--format", "json", "--output", scratch.url.appendingPathComponent("r.json").path])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--rejects \(contracts) is the input \(contracts); write the rejected rows elsewhere."), "\(run.stderr)")
        #expect(!run.stderr.contains("write the report elsewhere"), "\(run.stderr)")
        #expect(try String(contentsOfFile: contracts, encoding: .utf8) == contractsText)
        let report = try CLI.run(["score"] + inputs + ["--format", "csv", "--output", contracts])
        #expect(report.status == 64 && report.stderr.contains("\(contracts) is the input \(contracts); write the report elsewhere."), "\(report.stderr)")
    }
}
