import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A record inside a record of a native XML document (`<supplier>` in `<supplier>`, or a
/// `<suppliers>` section pasted into one) was taken for an unknown column: the inner record was
/// lost with one `note: [unknown-column]` per file for the first such element, and nothing at
/// all for the next ones (notes are once per name), while the outer record was accepted. Now
/// the outer record is rejected as `invalid-value` at its line, naming what it holds, as an
/// element inside a field already is.
@Suite("QA15: a native XML record inside another rejects the outer one")
struct QA15NativeXMLNestedRecordTests {
    @Test func aNestedSupplierRejectsItsRecordEachTime() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("doc.xml", """
            <flrisk xmlns="urn:flrisk:native:1">
            <suppliers>
            <supplier><supplier_id>A</supplier_id>
              <supplier><supplier_id>B</supplier_id><name>Bee</name></supplier>
              <name>Ay</name></supplier>
            <supplier><supplier_id>C</supplier_id><name>Cee</name><suppliers><supplier><supplier_id>D</supplier_id><name>D</name></supplier></suppliers></supplier>
            <supplier><supplier_id>E</supplier_id><name>Eee</name><colour>red</colour></supplier>
            </suppliers>
            <links><link><buyer_id>E</buyer_id><supplier_id>A</supplier_id><link><buyer_id>A</buyer_id></link></link></links>
            </flrisk>

            """)
        let result = try NativeXML.read(path: path)
        #expect(result.suppliers.records.map(\.id) == ["E"])
        #expect(result.suppliers.summary.rejectedByReason == ["invalid-value": 2], "\(result.suppliers.findings)")
        let errors = result.suppliers.findings.filter { $0.code == "invalid-value" }
        #expect(errors.map { $0.location?.line } == [3, 6])
        #expect(errors.first?.message == "row rejected: <supplier> holds a <supplier>; records do not nest (each <supplier> is a child of <suppliers>), so the inner one is not read", "\(errors)")
        #expect(errors.last?.message.contains("<supplier> holds a <suppliers>;") == true, "\(errors)")
        // Unknown columns are still noted; the nested records are not among them.
        let notes = result.suppliers.findings.filter { $0.code == "unknown-column" }
        #expect(notes.map { $0.location?.line } == [7], "\(notes)")
        #expect(result.links.records.isEmpty && result.links.summary.rejectedByReason == ["invalid-value": 1], "\(result.links.findings)")
    }
}
