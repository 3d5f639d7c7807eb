import Testing
@testable import RiskModel
import SupplyChainModel

/// Third QA pass: a contract whose vendor name or UEI fits several suppliers.
@Suite("QA3: ambiguous vendors")
struct QA3VendorTests {
    static func location(_ line: Int) -> SupplyChainModel.SourceLocation { .init(file: "s.csv", line: line) }

    static func assess(_ suppliers: [Supplier], _ contracts: [Contract]) -> Assessment {
        return Assessor(parameters: ScoringParameters()).assess(
            suppliers: imported(suppliers, file: "s.csv"), links: imported([SupplyLink](), file: "l.csv"), contracts: imported(contracts, file: "c.csv"))
    }

    static let suppliers = [
        Supplier(id: "S1", name: "Acme Inc", country: "CN", uei: "AAAAAAAAAAAA", location: location(2)),
        Supplier(id: "S2", name: "ACME, INC.", country: "US", uei: "aaaaaaaaaaaa", location: location(3)),
        Supplier(id: "S3", name: "Acme Inc", country: "US", location: location(4)),
        Supplier(id: "S4", name: "Bolt Ltd", country: "US", uei: "BBBBBBBBBBBB", location: location(5)),
    ]

    /// Three suppliers are named "Acme Inc" once case and punctuation are ignored, and two
    /// share a UEI. Contracts naming the vendor that way went to the first of them with no
    /// word, so a CN supplier's risk could be scored for a US vendor's contract (or the other
    /// way round). The first is still used, with an ambiguous-vendor warning (once per name or
    /// UEI) that names the others and says how to choose.
    @Test func aNameOrUEIOfSeveralSuppliersIsAWarning() throws {
        let contracts = [
            Contract(id: "K1", vendorName: "acme inc", location: .init(file: "c.csv", line: 2)),
            Contract(id: "K2", vendorUEI: "AAAAAAAAAAAA", location: .init(file: "c.csv", line: 3)),
            Contract(id: "K3", vendorName: "Acme Inc.", location: .init(file: "c.csv", line: 4)),
            Contract(id: "K4", vendorName: "Bolt Ltd", location: .init(file: "c.csv", line: 5)),
            Contract(id: "K5", vendorUEI: "bbbbbbbbbbbb", location: .init(file: "c.csv", line: 6)),
            Contract(id: "K6", vendorID: "S2", location: .init(file: "c.csv", line: 7)),
        ]
        let a = Self.assess(Self.suppliers, contracts)
        let byID = Dictionary(uniqueKeysWithValues: a.contracts.map { ($0.contract.id, $0.vendor) })
        #expect(byID["K1"] == 0 && byID["K2"] == 0 && byID["K3"] == 0 && byID["K6"] == 1, "the first supplier is still used")
        let warnings = a.findings.filter { $0.code == "ambiguous-vendor" }
        #expect(warnings.count == 2, "one for the name, one for the UEI: \(warnings.map(\.message))")
        let name = try #require(warnings.first { $0.location?.line == 2 })
        #expect(name.severity == .warning && name.message.contains("'S1'") && name.message.contains("'S2'") && name.message.contains("'S3'"), "\(name.message)")
        #expect(name.message.contains("vendor_id"), "\(name.message)")
        let uei = try #require(warnings.first { $0.location?.line == 3 })
        #expect(uei.message.contains("'S1'") && uei.message.contains("'S2'") && !uei.message.contains("'S3'"), "\(uei.message)")
    }

    @Test func aNameOfOneSupplierIsNoWarning() {
        let contracts = [Contract(id: "K4", vendorName: "Bolt Ltd", location: .init(file: "c.csv", line: 2))]
        let a = Self.assess(Self.suppliers, contracts)
        #expect(!a.findings.contains { $0.code == "ambiguous-vendor" })
        #expect(a.contracts[0].vendor == 3)
    }
}
