import Testing
@testable import RiskModel
import SupplyChainModel

/// Awards before April 2022 name their vendor by DUNS number (USAspending `recipient_duns`,
/// FPDS `DUNSNumber`), often with no UEI: such a contract is resolved to the supplier with
/// that `duns`, after id and UEI and before name.
@Suite("Vendors by DUNS number")
struct DUNSVendorTests {
    static func at(_ line: Int, _ file: String = "c.csv") -> SupplyChainModel.SourceLocation { .init(file: file, line: line) }

    static let suppliers = [
        Supplier(id: "S1", name: "Nordwind Textil GmbH", country: "DE", duns: "012345678", location: at(2, "s.csv")),
        Supplier(id: "S2", name: "Harbor Point LLC", country: "US", uei: "HS4R7PFX1V62", duns: "987654321", location: at(3, "s.csv")),
        Supplier(id: "S3", name: "Acme Inc", country: "US", duns: "55-512-3456", location: at(4, "s.csv")),
        Supplier(id: "S4", name: "Acme Two Inc", country: "CN", duns: "555123456", location: at(5, "s.csv")),
    ]

    static func vendors(_ contracts: [Contract]) -> (Assessment, [String: (Int?, VendorMatch)]) {
        let a = Assessor(parameters: ScoringParameters()).assess(
            suppliers: imported(suppliers, file: "s.csv"), links: imported([SupplyLink](), file: "l.csv"), contracts: imported(contracts, file: "c.csv"))
        return (a, Dictionary(uniqueKeysWithValues: a.contracts.map { ($0.contract.id, ($0.vendor, $0.vendorMatch)) }))
    }

    @Test func aContractNamingOnlyADUNSNumberFindsItsVendor() {
        let (a, found) = Self.vendors([
            // Written as a spreadsheet leaves it (leading zero gone), with dashes, and as DUNS+4.
            Contract(id: "K1", vendorDUNS: "12345678", vendorName: "NORDWIND TEXTILE", location: Self.at(2)),
            Contract(id: "K2", vendorDUNS: "987-654-321", location: Self.at(3)),
            Contract(id: "K3", vendorDUNS: "9876543210001", location: Self.at(4)),
            // Id and UEI come first; a name is used only when the DUNS number finds no one.
            Contract(id: "K4", vendorID: "S1", vendorDUNS: "987654321", location: Self.at(5)),
            Contract(id: "K5", vendorUEI: "hs4r7pfx1v62", vendorDUNS: "012345678", location: Self.at(6)),
            Contract(id: "K6", vendorDUNS: "000000001", vendorName: "Harbor Point, LLC", location: Self.at(7)),
            // Not a DUNS number: letters, or ten digits.
            Contract(id: "K7", vendorDUNS: "12345678A", location: Self.at(8)),
            Contract(id: "K8", vendorDUNS: "0123456789", location: Self.at(9)),
        ])
        #expect(found["K1"]! == (0, .duns) && found["K2"]! == (1, .duns) && found["K3"]! == (1, .duns))
        #expect(found["K4"]! == (0, .id) && found["K5"]! == (1, .uei) && found["K6"]! == (1, .name))
        #expect(found["K7"]! == (nil, .none) && found["K8"]! == (nil, .none))
        let unknown = a.findings.filter { $0.code == "unknown-vendor" }.map(\.message)
        #expect(unknown.count == 2 && unknown[0].contains("DUNS '12345678A'"))
    }

    /// Two suppliers with one DUNS number (as written, `55-512-3456` and `555123456`): the first
    /// is used, with one ambiguous-vendor warning naming the other.
    @Test func aDUNSNumberOfSeveralSuppliersIsAWarning() {
        let (a, found) = Self.vendors([
            Contract(id: "K1", vendorDUNS: "555123456", location: Self.at(2)),
            Contract(id: "K2", vendorDUNS: "555-123-456", location: Self.at(3)),
        ])
        #expect(found["K1"]! == (2, .duns) && found["K2"]! == (2, .duns))
        let warnings = a.findings.filter { $0.code == "ambiguous-vendor" }
        #expect(warnings.count == 1 && warnings[0].message.contains("DUNS '555123456' fits 2 suppliers") && warnings[0].message.contains("'S4'"))
    }

    @Test(arguments: [
        ("012345678", "012345678"), ("12345678", "012345678"), ("01-234-5678", "012345678"), ("0123456780001", "012345678"),
        (" 123 456 789 ", "123456789"), ("1", "000000001"),
    ])
    func dunsNumbersAreComparedByTheirNineDigits(written: String, key: String) {
        #expect(VendorResolver.dunsKey(written) == key)
    }

    @Test(arguments: ["", "000000000", "0123456789", "12345678A", "N/A", "123,456,789", "１２３４５６７８９"])
    func otherValuesAreNoDUNSNumber(written: String) {
        #expect(VendorResolver.dunsKey(written) == nil)
    }
}
