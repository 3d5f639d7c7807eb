import Foundation
import SupplyChainModel
import Testing
@testable import Importers

/// Seventh QA pass: a native XML document given for a role it holds no section of.
@Suite("QA7: a native XML document read for one role")
struct QA7NativeXMLRoleTests {
    static let suppliersOnly = """
        <flrisk xmlns="urn:flrisk:native:1">
          <suppliers><supplier><supplier_id>S1</supplier_id><name>Mill</name></supplier></suppliers>
        </flrisk>

        """

    /// `flrisk generate --format xml` writes one section per document. Given to the wrong
    /// option (`--links suppliers.xml`, `--contracts links.xml`), a document was read as an
    /// empty section: 0 links or 0 contracts, exit 0, a clean report, where a CSV file of
    /// another role stops the run (`missing-column`). A document whose sections are all of
    /// other roles is now `missing-section`, naming what it holds.
    @Test func aDocumentWithoutTheRolesSectionIsRefused() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("suppliers.xml", Self.suppliersOnly)
        let asLinks = #expect(throws: InputError.self) { try Inputs.links(path: path) }
        #expect(asLinks?.code == "missing-section" && asLinks?.message.contains("<links>") == true && asLinks?.message.contains("<suppliers>") == true,
                "\(String(describing: asLinks))")
        let asContracts = #expect(throws: InputError.self) { try Inputs.contracts(paths: [path]) }
        #expect(asContracts?.code == "missing-section", "\(String(describing: asContracts))")
        #expect(try Inputs.suppliers(path: path).records.map(\.id) == ["S1"])
    }

    /// A document with the role's section, even empty (`generate --links 0`), or with no
    /// section at all, is read as before: no records, no error.
    @Test func anEmptySectionOrAnEmptyDocumentIsFine() throws {
        let scratch = TemporaryDirectory()
        let empty = scratch.file("links.xml", "<flrisk xmlns=\"urn:flrisk:native:1\">\n  <links>\n  </links>\n</flrisk>\n")
        #expect(try Inputs.links(path: empty).links.records.isEmpty)
        let bare = scratch.file("bare.xml", "<flrisk xmlns=\"urn:flrisk:native:1\"/>\n")
        #expect(try Inputs.contracts(paths: [bare]).records.isEmpty)
    }
}
