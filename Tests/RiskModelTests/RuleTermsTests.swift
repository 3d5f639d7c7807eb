import Testing
@testable import RiskModel
import SupplyChainModel

/// The memoised rule terms (``VendorTerms``, ``FactTerms``, ``DateTerms``) give the flags the
/// uncached rules give, on random contracts with many repeats (so the memo is hit).
struct RuleTermsTests {
    static func at(_ line: Int) -> SupplyChainModel.SourceLocation { SupplyChainModel.SourceLocation(file: "x.csv", line: line) }


    static func pick<T>(_ values: [T], _ random: inout SeededGenerator) -> T { values[Int(random.next() % UInt64(values.count))] }

    /// Vendors with no suppliers, thin and full coverage, reaching Xinjiang or a UFLPA entity
    /// at several tiers; contracts drawn from texts that hit and miss every rule.
    static func randomAssessment(seed: UInt64, contracts count: Int, workers: Int) -> (Assessment, ScoringParameters) {
        var random = SeededGenerator(seed: seed)
        let suppliers = [
            Supplier(id: "V1", name: "Harbor Point Apparel LLC", country: "US", location: at(2)),
            Supplier(id: "T1", name: "Korla Example Ginning", country: "CN", region: "Xinjiang", location: at(3)),
            Supplier(id: "V2", name: "Plain Goods Inc.", country: "US", location: at(4)),
            Supplier(id: "V3", name: "Sunny Modules Inc.", country: "US", location: at(5)),
            Supplier(id: "U1", name: "Xinjiang Daqo New Energy Co., Ltd.", country: "CN", location: at(6)),
            Supplier(id: "V4", name: "Two Tier Trading", country: "MY", goods: ["Gloves"], location: at(7)),
            Supplier(id: "M1", name: "Middle Cotton Mill", country: "Vietnam", goods: ["Garments"], location: at(8)),
            Supplier(id: "V5", name: "Quiet Services", country: "Atlantis", location: at(9)),
        ]
        let links = [
            SupplyLink(buyerID: "V1", supplierID: "T1", share: 0.3, location: at(2)),
            SupplyLink(buyerID: "V3", supplierID: "U1", share: 1, location: at(3)),
            SupplyLink(buyerID: "V4", supplierID: "M1", share: 0.5, location: at(4)),
            SupplyLink(buyerID: "M1", supplierID: "T1", share: nil, location: at(5)),
            SupplyLink(buyerID: "M1", supplierID: "U1", share: 0.9, location: at(6)),
            SupplyLink(buyerID: "V5", supplierID: "V2", share: 1, location: at(7)),
        ]
        let vendors: [String?] = ["V1", "V2", "V3", "V4", "V5", "M1", "T1", "U1", "NOPE", nil]
        // Beyond the named values, many made at run time (the recent-texts caches' slots are
        // reused; equal text in separate storage).
        let agencies: [String?] = [nil, "Department of Defense", "General Services Administration", "DEPT OF THE NAVY", "9700", "Department of Energy"]
            + (0..<120).map { k in ["Department of Defense", "Agency number", "DEPT OF THE NAVY"][k % 3] + " \(k % 40)" }
        let countries: [String?] = [nil, "CN", "China", "US", "USA", "MY", "Malaysia", "KH", "VN", "BD", "MX", "Atlantis", "IN"]
            + (0..<300).map { k in ["China", "Malaysia", "Atlantis", "United States of America"][k % 4] + (k % 8 < 4 ? "" : " \(k)") }
        let pscs: [String?] = [nil, "8415", "8420", "8430", "7025", "R408", "6515", "8440"]
        let naics: [String?] = [nil, "315210", "334413", "316210", "339113", "541511"]
        let descriptions: [String?] = [nil, "Supply of footwear", "Nitrile gloves, large", "cotton t-shirts", "solar panels and polysilicon", "consulting"]
        // Threshold edges, then many dates (the recent-dates cache's slots are reused) and long
        // ones made at run time (heap strings, equal text in separate storage).
        let dates: [String?] = [nil, "2019-01-01", "2020-09-15", "2021-03-02", "2025-09-30", "2025-10-01", "2026-01-01"]
            + (0..<300).map { k in "20\(18 + k % 9)-\(10 + k % 3)-\(10 + k % 19)" }
            + (0..<6).map { k in String(repeating: "2025-10-01", count: 1) + "T00:00:0\(k % 3)Z" }
        let amounts: [Double?] = [nil, 0, 9_999, 12_000, 16_000, 200_000, 600_000, 700_000.01, 2e6, -5]
        let types: [String?] = [nil, "PRODUCT", "SERVICE", "product"]
        let contracts = (0..<count).map { i in
            Contract(
                id: "C\(i)", vendorID: pick(vendors, &random), vendorCountry: pick(countries, &random), agency: pick(agencies, &random),
                fundingAgency: pick(agencies, &random), amount: pick(amounts, &random), potentialValue: pick(amounts, &random),
                currency: pick(["USD", "EUR"], &random), placeOfPerformance: pick(countries, &random), countryOfOrigin: pick(countries, &random),
                psc: pick(pscs, &random), productOrServiceType: pick(types, &random), naics: pick(naics, &random),
                description: pick(descriptions, &random), awardDate: pick(dates, &random), location: at(i + 2))
        }
        var parameters = ScoringParameters()
        parameters.workers = workers
        parameters.rules.unmappedMinAmount = 100_000
        let assessment = Assessor(parameters: parameters).assess(
            suppliers: imported(suppliers, file: "s.csv"), links: imported(links, file: "l.csv"), contracts: imported(contracts, file: "c.csv"))
        return (assessment, parameters)
    }

    @Test(arguments: [(UInt64(1), 1), (UInt64(7), 1), (UInt64(42), 3)])
    func memoisedFlagsAgreeWithTheUncachedRules(seed: UInt64, workers: Int) {
        let (assessment, parameters) = Self.randomAssessment(seed: seed, contracts: 1500, workers: workers)
        let rules = ReviewRules(parameters: parameters, suppliers: assessment.suppliers, reference: .embedded)
        var rulesSeen = Set<RuleID>()
        for contract in assessment.contracts {
            let expected = rules.uncachedFlags(for: contract.contract, vendor: contract.vendor)
            #expect(contract.flags == expected, "\(contract.contract.id)")
            rulesSeen.formUnion(contract.flags.map(\.rule))
        }
        // The inputs reach every rule, so each memoised path was compared.
        #expect(rulesSeen == Set(RuleID.allCases))
    }

    @Test func memoisedFlagsAgreeWhenRulesAreSwitchedOff() {
        let (assessment, parameters) = Self.randomAssessment(seed: 3, contracts: 300, workers: 1)
        var off = parameters
        off.rules.goodsEnabled = false
        off.rules.dfarsEnabled = false
        off.rules.compliancePlanEnabled = false
        let memoised = ReviewRules(parameters: off, suppliers: assessment.suppliers, reference: .embedded)
        let uncached = ReviewRules(parameters: off, suppliers: assessment.suppliers, reference: .embedded)
        for contract in assessment.contracts {
            #expect(memoised.flags(for: contract.contract, vendor: contract.vendor) == uncached.uncachedFlags(for: contract.contract, vendor: contract.vendor))
        }
    }

    @Test func insertionSortMatchesSorted() {
        var random = SeededGenerator(seed: 9)
        for _ in 0..<200 {
            let rules = RuleID.allCases.filter { _ in random.next() % 2 == 0 }
            var flags = rules.map { ReviewFlag(rule: $0, severity: Self.pick(Severity.allCases, &random), message: $0.rawValue) }
            flags.shuffle(using: &random)
            let expected = flags.sorted {
                $0.severity != $1.severity ? $0.severity > $1.severity : ReviewRules.order(of: $0.rule) < ReviewRules.order(of: $1.rule)
            }
            ReviewRules.sortBySeverity(&flags)
            #expect(flags == expected)
        }
    }
}
