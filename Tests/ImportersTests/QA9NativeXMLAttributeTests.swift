import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Values written as attributes of a native XML record (`<supplier supplier_id="V1"
/// name="Acme"/>`, as tools that export XML by attributes write them) are not read: the
/// record has no child elements, so it counted as a blank row, without a word. Now each
/// attribute name is named once per record kind, at the line of the first record holding it.
@Suite("QA9: native XML attributes are not dropped without a word")
struct QA9NativeXMLAttributeTests {
    @Test func attributesOfRecordsAreNamed() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("doc.xml", """
            <flrisk xmlns="urn:flrisk:native:1">
              <suppliers>
                <supplier><supplier_id>S1</supplier_id><name>Mill</name></supplier>
                <supplier supplier_id="V1" name="Acme"/>
                <supplier supplier_id="V2" name="Beta"/>
              </suppliers>
              <contracts><contract><contract_id currency="EUR">C1</contract_id><vendor_id>S1</vendor_id></contract></contracts>
            </flrisk>

            """)
        let read = try NativeXML.read(path: path)
        #expect(read.suppliers.summary.accepted == 1)
        #expect(read.suppliers.summary.blank == 2)
        let notes = (read.suppliers.findings + read.contracts.findings).filter { $0.code == "unknown-attribute" }
        #expect(notes.map { $0.location?.line } == [4, 4, 7])
        #expect(notes.allSatisfy { $0.severity == .warning })
        #expect(notes[0].message.contains("supplier_id") && notes[0].message.contains("<supplier>"))
        #expect(notes[2].message.contains("currency") && notes[2].message.contains("<contract_id>"))
    }
}
