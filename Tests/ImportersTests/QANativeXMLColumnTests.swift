import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A rejected native XML record is located at the line of its start tag, without a column.
/// Before, the finding carried the field's place in the CSV layout as a column
/// ("doc.xml:6:9: error: [invalid-number] … 'risk'"), which points at an unrelated character
/// of the XML line.
@Suite("QA: native XML rejections carry no CSV column")
struct QANativeXMLColumnTests {
    @Test func rejectionsHaveLineOnly() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("doc.xml", """
            <flrisk xmlns="urn:flrisk:native:1">
              <suppliers>
                <supplier><supplier_id>S1</supplier_id><name>Mill</name><risk>150%</risk></supplier>
                <supplier><supplier_id>S1</supplier_id><name>Again</name></supplier>
              </suppliers>
              <links><link><buyer_id>S1</buyer_id><supplier_id>S2</supplier_id><share>2</share></link></links>
              <contracts><contract><contract_id>C1</contract_id><vendor_id>S1</vendor_id><award_date>2025-13-01</award_date></contract></contracts>
            </flrisk>

            """)
        let read = try NativeXML.read(path: path)
        let errors = (read.suppliers.findings + read.links.findings + read.contracts.findings).filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["invalid-number", "invalid-number", "invalid-date"])
        #expect(errors.map { $0.location?.line } == [3, 6, 7])
        #expect(errors.allSatisfy { $0.location?.column == nil })
        #expect((read.suppliers.rejectedRows + read.links.rejectedRows + read.contracts.rejectedRows).allSatisfy { $0.location.column == nil })
    }
}
