import Foundation
import Testing

/// A link naming no supplier was rejected with "… names no supplier in the suppliers file"
/// also when no suppliers file was given (the suppliers derived from the contracts and
/// subawards), and two unknown ends read "buyer_id 'A' and supplier_id 'B' names no supplier".
/// Without a suppliers file the message now says where the suppliers come from, and two
/// unknown ends read "neither buyer_id 'A' nor supplier_id 'B' names a supplier".
@Suite("QA14: the unknown-supplier message")
struct QA14UnknownSupplierMessageTests {
    @Test func withoutASuppliersFileTheMessageSaysWhereSuppliersComeFrom() throws {
        let scratch = Scratch()
        let contracts = scratch.write("c.csv", "contract_id,vendor_uei,vendor_name,amount\nC1,UEI1,Acme,10\n")
        let links = scratch.write("l.csv", "buyer_id,supplier_id\nUEI1,S9\nA1,B1\n")
        let rejects = scratch.url.appendingPathComponent("rejects.csv").path
        let run = try CLI.run([
            "score", "--contracts", contracts, "--links", links, "--rejects", rejects, "--format", "json", "--output",
            scratch.url.appendingPathComponent("r.json").path,
        ])
        #expect(run.stderr.contains("l.csv:2: error: [unknown-supplier] row rejected: supplier_id 'S9' names no supplier: no suppliers file was given (--suppliers), so the suppliers are the contracts' vendors and the subaward parties"), "\(run.stderr)")
        #expect(run.stderr.contains("l.csv:3: error: [unknown-supplier] row rejected: neither buyer_id 'A1' nor supplier_id 'B1' names a supplier: no suppliers file was given"), "\(run.stderr)")
        #expect(!run.stderr.contains("in the suppliers file"), "\(run.stderr)")
        let written = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(written.contains("no suppliers file was given (--suppliers)") && !written.contains("in the suppliers file"), "\(written)")
    }

    @Test func withASuppliersFileTheMessageNamesIt() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nV1,Acme,US\n")
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,V1,10\n")
        let links = scratch.write("l.csv", "buyer_id,supplier_id\nA1,B1\n")
        let run = try CLI.run(["score", "--suppliers", suppliers, "--contracts", contracts, "--links", links, "--format", "json", "--output", scratch.url.appendingPathComponent("r.json").path])
        #expect(run.stderr.contains("row rejected: neither buyer_id 'A1' nor supplier_id 'B1' names a supplier in the suppliers file"), "\(run.stderr)")
    }
}
