import Testing
@testable import Importers
import SupplyChainModel

/// An id that names no supplier because of a character that prints as nothing is rejected
/// with that character named, on the table path and in the message the record path uses.
@Suite("Invisible characters in unknown ids")
struct InvisibleIDTests {
    @Test func theInvisibleCharacterIsNamed() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("links.csv", "buyer_id,supplier_id,share\nS1,S2\u{200B},0.5\nS1\u{00A0}X,S2,0.5\nS1,S3,0.5\n")
        let known = ["S1", "S2"]
        let lookup: SupplierLookup = { keys, ends in
            ends.indices.map { i in
                let key = String(decoding: keys[(i == 0 ? 0 : ends[i - 1])..<ends[i]], as: UTF8.self)
                return known.firstIndex(of: key).map(Int32.init) ?? -1
            }
        }
        let read = try NativeCSVImporter.linkTable(path: path, supplier: lookup)
        let messages = read.findings.filter { $0.code == UnknownSupplier.code }.map(\.message)
        #expect(messages == [
            "row rejected: supplier_id 'S2\u{200B}' (with an invisible U+200B at character 3) names no supplier in the suppliers file",
            "row rejected: buyer_id 'S1\u{00A0}X' (with an invisible U+00A0 at character 3) names no supplier in the suppliers file",
            "row rejected: supplier_id 'S3' names no supplier in the suppliers file",
        ])
    }

    @Test(arguments: [("\u{FEFF}S1", "U+FEFF at character 1"), ("S\u{202E}1", "U+202E at character 2"), ("S1\u{7}", "U+0007 at character 3")])
    func otherInvisibleCharacters(id: String, named: String) {
        #expect(UnknownSupplier.reason(buyerID: id, supplierID: nil).contains("(with an invisible \(named))"))
        #expect(!UnknownSupplier.reason(buyerID: "S 1", supplierID: "Sé").contains("invisible"))
    }
}
