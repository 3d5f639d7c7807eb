import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Header names are compared "without case, spaces, hyphens or punctuation" (docs/FORMATS.md),
/// but a header in camel case, as database and ERP exports write it (`ContractID`,
/// `CountryOfOrigin`, `VendorUEI`), did not match: a required column stopped the run, and an
/// optional one (`CountryOfOrigin`, which FL-GOODS reads) was ignored with only a note. A
/// change of case inside a word is now a word break, as a space or `_` is.
@Suite("QA9: camel-case headers")
struct QA9CamelCaseHeaderTests {
    @Test func camelCaseHeadersNameTheirColumns() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("contracts.csv", """
            ContractID,VendorUEI,vendorName,CountryOfOrigin,ProductOrServiceType,AwardDate
            C1,ZQGGHJH74DW7,Acme,CN,PRODUCT,2025-10-01

            """)
        let result = try Inputs.contracts(paths: [path])
        let contract = try #require(result.records.first)
        #expect(contract.id == "C1" && contract.vendorUEI == "ZQGGHJH74DW7" && contract.vendorName == "Acme")
        #expect(contract.countryOfOrigin == "CN" && contract.productOrServiceType == "PRODUCT" && contract.awardDate == "2025-10-01")
        #expect(!result.findings.contains { $0.code == "unknown-column" }, "\(result.findings)")
    }

    @Test func splitsOnlyAtChangesOfCase() {
        #expect(HeaderMap.normalise("SupplierID") == "supplier_id")
        #expect(HeaderMap.normalise("DUNSNumber") == "duns_number")
        #expect(HeaderMap.normalise("SUPPLIER_ID") == "supplier_id")
        #expect(HeaderMap.normalise("Supplier ID") == "supplier_id")
        #expect(HeaderMap.normalise("os_id") == "os_id")
    }

    /// Generated facility ids hash names normalised without case: they stay the same.
    @Test func generatedFacilityIDsIgnoreCaseAsBefore() {
        #expect(FacilityList.generatedID(country: "BD", name: "McKinsey Apparel", address: "Road 1")
            == FacilityList.generatedID(country: "bd", name: "MCKINSEY APPAREL", address: "road 1"))
    }
}
