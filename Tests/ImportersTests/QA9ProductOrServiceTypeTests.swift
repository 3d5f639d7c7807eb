import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// `product_or_service_type` is `PRODUCT` or `SERVICE` (docs/FORMATS.md), and the rules read
/// anything but `PRODUCT` as a service: `Products`, `Goods` or `P` turned the supplies rules
/// (FAR-22.1703-PLAN, DFARS-225.7022) off for the contract without a word, even with a numeric
/// PSC that says supplies. Such a value now rejects the row (`invalid-value`, with its column),
/// as the other checked columns do, in every reading path (records kept or only counted).
@Suite("QA9: product_or_service_type is checked")
struct QA9ProductOrServiceTypeTests {
    static let csv = """
        contract_id,vendor_id,psc,product_or_service_type
        C1,V1,8405,PRODUCT
        C2,V1,S114,service
        C3,V1,8405,Products
        C4,V1,8405,P
        C5,V1,8405,

        """

    @Test(arguments: [true, false])
    func otherValuesRejectTheRow(keep: Bool) throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("contracts.csv", Self.csv)
        var options = ImportOptions()
        options.keepRecords = keep
        let result = try NativeCSVImporter.contracts(path: path, options: options)
        if keep {
            #expect(result.records.map(\.id) == ["C1", "C2", "C5"])
            #expect(result.records.map(\.productOrServiceType) == ["PRODUCT", "SERVICE", nil])
        }
        #expect(result.summary.accepted == 3)
        #expect(result.summary.rejectedByReason == ["invalid-value": 2])
        let errors = result.findings.filter { $0.code == "invalid-value" }
        #expect(errors.map(\.location) == [4, 5].map { SourceLocation(file: path, line: $0, column: 4) })
        #expect(errors.allSatisfy { $0.message.contains("PRODUCT or SERVICE") }, "\(errors)")
    }

    @Test func nativeXMLToo() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("doc.xml", """
            <flrisk xmlns="urn:flrisk:native:1"><contracts>
              <contract><contract_id>C1</contract_id><vendor_id>V1</vendor_id><product_or_service_type>Goods</product_or_service_type></contract>
            </contracts></flrisk>

            """)
        let read = try NativeXML.read(path: path)
        #expect(read.contracts.summary.rejectedByReason == ["invalid-value": 1])
    }
}
