import Foundation
import Testing

/// `flrisk explain` of a contract whose vendor is not in the suppliers file (QA10): the vendor
/// is named as the contract gives it. A contract naming its vendor by DUNS number alone said
/// "Vendor ? is not in the suppliers file", the number dropped.
@Suite("QA10: explain a contract without a known vendor", .serialized)
struct QA10ExplainTests {
    @Test(arguments: [
        ("vendor_duns", "123456789", "Vendor 123456789 is not in the suppliers file."),
        ("vendor_uei", "ZQGGHJH74DW7", "Vendor ZQGGHJH74DW7 is not in the suppliers file."),
        ("vendor_name", "Nobody Known LLC", "Vendor Nobody Known LLC is not in the suppliers file."),
    ])
    func theVendorIsNamedAsGiven(column: String, value: String, line: String) throws {
        let scratch = Scratch()
        let contracts = scratch.write("c.csv", "contract_id,\(column),amount\nC1,\(value),100\n")
        let run = try CLI.run([
            "explain", "C1", "--suppliers", "Datasets/demo/suppliers.csv", "--links", "Datasets/demo/links.csv", "--contracts", contracts,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(line), "\(run.stdout)")
    }
}
