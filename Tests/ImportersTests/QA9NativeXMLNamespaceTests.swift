import Foundation
import Testing
@testable import Importers
import SupplyChainModel

@Suite("QA9: native XML columns in another namespace")
struct QA9NativeXMLNamespaceTests {
    /// A record whose column elements are in no namespace (a prefixed root whose children lack
    /// the prefix) is read as blank; the note said it ignored `<supplier_id>` while listing
    /// `supplier_id` among the known columns. It now names the namespace at fault.
    @Test func columnInAnotherNamespaceIsNamedAsSuch() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("doc.xml", """
            <f:flrisk xmlns:f="urn:flrisk:native:1">
              <f:suppliers>
                <f:supplier><supplier_id>V3</supplier_id><name>Nons</name></f:supplier>
              </f:suppliers>
            </f:flrisk>

            """)
        let read = try NativeXML.read(path: path)
        let notes = read.suppliers.findings.filter { $0.code == "unknown-column" }
        #expect(notes.count == 2)
        #expect(notes.allSatisfy { $0.message.contains("no namespace") && $0.message.contains(NativeXML.namespace) })
    }
}
