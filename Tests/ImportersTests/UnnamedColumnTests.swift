import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A header cell with no name (a trailing delimiter, `,,` or `---` in the header) names no
/// column. Its values had been dropped without a word: values past the last named cell are
/// now extra fields (warned about, as past the header's end), and an unnamed cell between
/// named ones is named once in a note.
@Suite("Header cells with no name")
struct UnnamedColumnTests {
    static func codes(_ findings: [Finding]) -> [String] { findings.map(\.code) }

    @Test func valuesPastTheLastNamedCellAreExtraFieldsInEveryTable() throws {
        let scratch = TemporaryDirectory()
        // The trailing delimiter of a spreadsheet export: empty values, nothing to say.
        let quiet = try Inputs.suppliers(path: scratch.file("q.csv", "supplier_id,name,\nV1,A,\nV2,B,\n"))
        #expect(quiet.records.count == 2 && !Self.codes(quiet.findings).contains("extra-fields"), "\(quiet.findings)")

        let suppliers = try Inputs.suppliers(path: scratch.file("s.csv", "supplier_id,name,\nV1,A,CN\nV2,B,\n"))
        #expect(suppliers.records.count == 2)
        let extra = suppliers.findings.filter { $0.code == "extra-fields" }
        #expect(extra.count == 1 && extra.first?.location?.line == 2, "\(suppliers.findings)")
        #expect(extra.first?.message.contains("the header names 2") == true)

        let contracts = try Inputs.contracts(paths: [scratch.file("c.csv", "contract_id,vendor_id,amount,,\nC1,V1,5,,x\n")])
        #expect(Self.codes(contracts.findings).contains("extra-fields"), "\(contracts.findings)")

        let links = try Inputs.links(path: scratch.file("l.csv", "buyer_id,supplier_id,share,\nV1,S1,0.5,oops\n"))
        #expect(Self.codes(links.links.findings).contains("extra-fields"), "\(links.links.findings)")

        let watchlist = try Inputs.watchlist(path: scratch.file("w.csv", "name,country,---\nEvil,CN,x\n"))
        #expect(Self.codes(watchlist.findings).contains("extra-fields"), "\(watchlist.findings)")
    }

    @Test func anUnnamedCellBetweenNamedOnesIsNoted() throws {
        let scratch = TemporaryDirectory()
        let suppliers = try Inputs.suppliers(path: scratch.file("s.csv", "supplier_id,,name, ,country\nV1,x,A,y,CN\n"))
        #expect(suppliers.records.map(\.country) == ["CN"])
        let notes = suppliers.findings.filter { $0.code == "unnamed-column" }
        #expect(notes.count == 1 && notes.first?.message == "columns 2, 4 have no name in the header; their values are ignored", "\(suppliers.findings)")
        #expect(notes.first?.location?.line == 1)
        let one = try Inputs.links(path: scratch.file("l.csv", "buyer_id,,supplier_id\nV1,x,S1\n"))
        #expect(one.links.findings.contains { $0.code == "unnamed-column" && $0.message.hasPrefix("column 2 has no name") }, "\(one.links.findings)")
    }
}
