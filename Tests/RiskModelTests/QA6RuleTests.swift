import Testing
@testable import RiskModel
import SupplyChainModel

/// Sixth QA pass on the model: vendors and rules on hostile or boundary inputs.
@Suite("QA6: vendors and rules")
struct QA6RuleTests {
    static func location(_ file: String, _ line: Int) -> SupplyChainModel.SourceLocation { .init(file: file, line: line) }

    static func assess(
        _ suppliers: [Supplier], _ links: [SupplyLink] = [], _ contracts: [Contract], parameters: ScoringParameters = ScoringParameters()
    ) -> Assessment {
        return Assessor(parameters: parameters).assess(
            suppliers: imported(suppliers, file: "s.csv"), links: imported(links, file: "l.csv"), contracts: imported(contracts, file: "c.csv"))
    }

    /// A vendor name with no letter or digit ("???", "—") normalises to nothing, and so did a
    /// supplier named "-": the contract was scored as that supplier's (with its Xinjiang
    /// supplier's high flag) though nothing in the names agrees. Such a name now finds no
    /// vendor (unknown-vendor), and such a supplier is found by id or UEI only.
    @Test(arguments: ["???", "—", "-", " . "])
    func aNameWithoutLettersOrDigitsFindsNoVendor(name: String) {
        let suppliers = [
            Supplier(id: "S1", name: "-", country: "US", location: Self.location("s.csv", 2)),
            Supplier(id: "S2", name: "Real Co", country: "CN", region: "Xinjiang", location: Self.location("s.csv", 3)),
        ]
        let links = [SupplyLink(buyerID: "S1", supplierID: "S2", share: 1, location: Self.location("l.csv", 2))]
        let contracts = [
            Contract(id: "C1", vendorName: name, amount: 1_000_000, location: Self.location("c.csv", 2)),
            Contract(id: "C2", vendorID: "S1", amount: 1_000_000, location: Self.location("c.csv", 3)),
        ]
        let a = Self.assess(suppliers, links, contracts)
        let c1 = a.contracts.first { $0.contract.id == "C1" }!
        #expect(c1.vendor == nil && c1.vendorMatch == .none)
        #expect(a.findings.contains { $0.code == "unknown-vendor" && $0.location?.line == 2 })
        #expect(a.contracts.first { $0.contract.id == "C2" }!.vendor == 0, "by id it is still found")
    }

    /// FAR 22.1702 defines the United States as the 50 states, the District of Columbia and
    /// the outlying areas (Puerto Rico, Guam, the US Virgin Islands, American Samoa, the
    /// Northern Mariana Islands and the minor outlying islands), which ISO 3166 codes apart
    /// from US. A contract performed in Puerto Rico got FAR-22.1703-PLAN "place_of_performance
    /// PR outside the US" (medium), and a Guam vendor the info flag; neither is outside the US.
    @Test(arguments: ["Puerto Rico", "PR", "GUM", "Virgin Islands, U.S.", "American Samoa", "Northern Mariana Islands", "UM"])
    func anOutlyingAreaIsNotOutsideTheUS(place: String) {
        let suppliers = [Supplier(id: "V", name: "Vendor Inc.", country: "US", location: Self.location("s.csv", 2))]
        let contracts = [
            Contract(id: "place", vendorID: "V", amount: 1_000_000, placeOfPerformance: place, awardDate: "2025-10-01", location: Self.location("c.csv", 2)),
            Contract(id: "vendor", vendorID: "V", vendorCountry: place, amount: 1_000_000, awardDate: "2025-10-01", location: Self.location("c.csv", 3)),
            Contract(id: "origin", vendorID: "V", amount: 1_000_000, placeOfPerformance: place, countryOfOrigin: "CN", awardDate: "2025-10-01", location: Self.location("c.csv", 4)),
        ]
        let a = Self.assess(suppliers, [], contracts)
        func plan(_ id: String) -> ReviewFlag? { a.contracts.first { $0.contract.id == id }!.flags.first { $0.rule == .compliancePlan } }
        #expect(plan("place") == nil, "\(plan("place")?.message ?? "")")
        #expect(plan("vendor") == nil, "\(plan("vendor")?.message ?? "")")
        let origin = plan("origin")
        #expect(origin?.severity == .medium && origin?.message.contains("country_of_origin CN outside the US") == true)
        #expect(origin?.message.contains("place_of_performance") == false, "\(origin?.message ?? "")")
    }

    /// FL-UNMAPPED gave the declared share and the minimum coverage in whole percents: a
    /// vendor declaring 49.96% read "declares shares for 50% … (below 50%)", and a minimum
    /// of 50.5% read "below 51%" for a vendor at 50%. More digits are shown where whole
    /// percents would say something false; whole ones otherwise (the reports are unchanged).
    @Test(arguments: [(0.4996, 0.5, "49.96", "50"), (0.5, 0.505, "50", "50.5"), (0.49, 0.5, "49", "50"), (0.3, 0.5, "30", "50")])
    func theCoverageInTheMessageIsBelowTheMinimum(declared: Double, minimum: Double, shown: String, below: String) {
        let suppliers = [
            Supplier(id: "V", name: "Vendor Inc.", country: "US", location: Self.location("s.csv", 2)),
            Supplier(id: "S", name: "Supplier Inc.", country: "US", location: Self.location("s.csv", 3)),
        ]
        let links = [SupplyLink(buyerID: "V", supplierID: "S", share: declared, location: Self.location("l.csv", 2))]
        let contracts = [Contract(id: "C", vendorID: "V", amount: 1_000_000, location: Self.location("c.csv", 2))]
        var parameters = ScoringParameters()
        parameters.rules.unmappedMinCoverage = minimum
        let a = Self.assess(suppliers, links, contracts, parameters: parameters)
        let flag = a.contracts[0].flags.first { $0.rule == .unmapped }
        #expect(flag?.message.contains("declares shares for \(shown)% of its sourcing over 1 known supplier (below \(below)%)") == true, "\(flag?.message ?? "no flag")")
    }
}
