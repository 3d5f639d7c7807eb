import Foundation
import Testing

/// The rejects file has one row per rejected row counted in the report, also for a link whose
/// id differs from a supplier's only by Unicode normalisation: the network compares ids byte
/// for byte and rejects it (`unknown-supplier`); before, the rejects file compared them as
/// Swift strings (canonical equivalence), took the link as known and left it out.
@Suite("QA: rejects file and lookalike ids", .serialized)
struct QARejectsTests {
    @Test func linkWithAnNFDIdIsInTheRejectsFile() throws {
        let scratch = Scratch()
        let nfc = "Caf\u{E9}", nfd = "Cafe\u{301}"
        let document = scratch.write("doc.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <flrisk xmlns="urn:flrisk:native:1">
              <suppliers>
                <supplier><supplier_id>\(nfc)</supplier_id><name>Acme</name><country>US</country></supplier>
                <supplier><supplier_id>S1</supplier_id><name>Mill</name><country>CN</country></supplier>
              </suppliers>
              <links>
                <link><buyer_id>\(nfd)</buyer_id><supplier_id>S1</supplier_id><share>0.4</share></link>
                <link><buyer_id>Nope</buyer_id><supplier_id>S1</supplier_id></link>
              </links>
              <contracts><contract><contract_id>C1</contract_id><vendor_id>\(nfc)</vendor_id></contract></contracts>
            </flrisk>

            """)
        let rejects = scratch.url.appendingPathComponent("rejects.csv").path
        let report = scratch.url.appendingPathComponent("report.json").path
        let run = try CLI.run(["score", "--input", document, "--rejects", rejects, "--format", "json", "--output", report, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as! [String: Any]
        let links = (json["inputs"] as! [[String: Any]]).first { $0["role"] as? String == "links" }!
        #expect(links["rows_rejected"] as? Int == 2)
        let rows = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + 2, "a header and one row per rejected link")
        #expect(rows.contains { $0.hasPrefix("\"\(document)\",\"8\",") && $0.contains(nfd) })
    }

    /// A rejects path in a folder that does not exist yet: the folder is made, as for the
    /// report (before: rejects-unwritable, "create: No such file or directory", exit 2).
    @Test func aMissingRejectsFolderIsMade() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nS1,Acme,US\nS1,Again,US\n")
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,S1,100\n")
        let rejects = scratch.url.appendingPathComponent("out/rows/rejects.csv").path
        let report = scratch.url.appendingPathComponent("out/report.csv").path
        let run = try CLI.run(["score", "--suppliers", suppliers, "--contracts", contracts, "--rejects", rejects, "--format", "csv", "--output", report, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 2 && rows[1].contains("duplicate-id"), "\(rows)")
    }
}
