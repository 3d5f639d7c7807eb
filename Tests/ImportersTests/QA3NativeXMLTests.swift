import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Third QA pass on native XML: a field holding an element.
@Suite("QA3: native XML fields hold text only")
struct QA3NativeXMLTests {
    /// `<name>Nested <b>bold</b> name</name>` kept only the text after the last child element:
    /// the supplier was accepted as 'name', silently (and `<supplier_id>S<x/>9</supplier_id>`
    /// as '9'). A field that holds an element is now rejected (invalid-value) at the record's
    /// line, naming the field; the records around it are read as before, and an element that
    /// is not a column is still ignored whole (with its unknown-column note).
    @Test func aFieldHoldingAnElementRejectsItsRecord() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("doc.xml", """
            <flrisk xmlns="urn:flrisk:native:1">
              <suppliers>
                <supplier><supplier_id>S1</supplier_id><name>Mill</name></supplier>
                <supplier><supplier_id>S2</supplier_id><name>Nested <b>bold</b> name</name></supplier>
                <supplier><supplier_id>S<x/>9</supplier_id><name>Other</name></supplier>
                <supplier><supplier_id>S3</supplier_id><name>Plain</name><extra>not a column <b>x</b></extra></supplier>
              </suppliers>
              <contracts><contract><contract_id>C1</contract_id><vendor_id>S1</vendor_id><description>a <i>b</i></description></contract></contracts>
            </flrisk>

            """)
        let read = try NativeXML.read(path: path)
        #expect(read.suppliers.records.map(\.id) == ["S1", "S3"])
        #expect(read.suppliers.summary.read == 4 && read.suppliers.summary.rejectedByReason == ["invalid-value": 2])
        let errors = read.suppliers.findings.filter { $0.severity == .error }
        #expect(errors.map { $0.location?.line } == [4, 5])
        #expect(errors.first?.message.contains("<name>") == true && errors.first?.message.contains("<b>") == true, "\(errors.map(\.message))")
        #expect(read.suppliers.findings.contains { $0.code == "unknown-column" && $0.message.contains("<extra>") })
        #expect(read.contracts.records.isEmpty && read.contracts.summary.rejectedByReason == ["invalid-value": 1])
    }
}
