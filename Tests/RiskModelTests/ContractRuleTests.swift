import Testing
@testable import RiskModel
import SupplyChainModel

/// The contract rules, one network:
///
///     V1 (US) → T1 (CN, Xinjiang, 0.3)      V2 (US, no suppliers)
///     V3 (US) → U1 (CN, 'Xinjiang Daqo New Energy Co., Ltd.' — UFLPA-listed, 1.0)
struct ContractRuleTests {
    static func at(_ line: Int) -> SupplyChainModel.SourceLocation { SupplyChainModel.SourceLocation(file: "c.csv", line: line) }

    static func assess(_ contracts: [Contract], _ parameters: ScoringParameters = ScoringParameters()) -> [String: ContractAssessment] {
        let suppliers = [
            Supplier(id: "V1", name: "Harbor Point Apparel LLC", country: "US", location: SupplyChainModel.SourceLocation(file: "s.csv", line: 2)),
            Supplier(id: "T1", name: "Korla Example Ginning", country: "CN", region: "Xinjiang", location: SupplyChainModel.SourceLocation(file: "s.csv", line: 3)),
            Supplier(id: "V2", name: "Plain Goods Inc.", country: "US", location: SupplyChainModel.SourceLocation(file: "s.csv", line: 4)),
            Supplier(id: "V3", name: "Sunny Modules Inc.", country: "US", location: SupplyChainModel.SourceLocation(file: "s.csv", line: 5)),
            Supplier(id: "U1", name: "Xinjiang Daqo New Energy Co., Ltd.", country: "CN", location: SupplyChainModel.SourceLocation(file: "s.csv", line: 6)),
        ]
        let links = [
            SupplyLink(buyerID: "V1", supplierID: "T1", share: 0.3, location: SupplyChainModel.SourceLocation(file: "l.csv", line: 2)),
            SupplyLink(buyerID: "V3", supplierID: "U1", share: 1, location: SupplyChainModel.SourceLocation(file: "l.csv", line: 3)),
        ]
        let a = Assessor(parameters: parameters).assess(
            suppliers: imported(suppliers, file: "s.csv"), links: imported(links, file: "l.csv"), contracts: imported(contracts, file: "c.csv"))
        return Dictionary(uniqueKeysWithValues: a.contracts.map { ($0.contract.id, $0) })
    }

    static func flag(_ contract: ContractAssessment?, _ rule: RuleID) -> ReviewFlag? { contract?.flags.first { $0.rule == rule } }

    @Test func goodsRuleReadsPSCNAICSAndDescriptionAgainstEveryCountryField() {
        let r = Self.assess([
            Contract(id: "psc", vendorID: "V2", amount: 1000, placeOfPerformance: "Bangladesh", psc: "8420", location: Self.at(2)),
            Contract(id: "desc", vendorID: "V2", amount: 1000, countryOfOrigin: "MYS", description: "Nitrile gloves, large", location: Self.at(3)),
            Contract(id: "vendor", vendorID: "V2", vendorCountry: "CN", amount: 1000, naics: "334413", location: Self.at(4)),
            Contract(id: "clean", vendorID: "V2", amount: 1000, placeOfPerformance: "US", psc: "8420", location: Self.at(5)),
        ])
        let psc = Self.flag(r["psc"], .goods)
        #expect(psc?.severity == .medium && psc?.fields == ["psc", "place_of_performance"])
        #expect(psc?.message.contains("Garments from BD") == true && psc?.message.contains("dol_goods_2022.csv line") == true)
        #expect(Self.flag(r["desc"], .goods)?.fields == ["description", "country_of_origin"])
        #expect(Self.flag(r["vendor"], .goods)?.fields == ["naics", "vendor_country"])
        #expect(Self.flag(r["clean"], .goods) == nil)
    }

    /// A hyphenated compound names its material: "cotton-blend t-shirts" from China mentions
    /// cotton (a DOL good for CN) as well as the garment; a negated one does not.
    @Test func hyphenatedWordsAreReadByTheirParts() {
        let goods = ReferenceData.embedded.goods
        #expect(Set(goods.mentions(in: "Cotton-blend T-shirts, 100 each").map(\.goodID)).isSuperset(of: ["cotton"]))
        #expect(goods.mentions(in: "Cotton-blend T-shirts").contains { $0.phrase == "t-shirts" })
        #expect(goods.mentions(in: "rubber-coated work gloves").contains { $0.goodID == "rubber" })
        #expect(!goods.mentions(in: "non-cotton fabric").contains { $0.goodID == "cotton" })
        #expect(!goods.mentions(in: "faux-leather belts").contains { $0.goodID == "leather" })
        #expect(!goods.mentions(in: "cotton-free wipes").contains { $0.goodID == "cotton" })
    }

    @Test(arguments: [("2025-09-30", 600_000.0, true), ("2025-10-01", 600_000.0, false), ("2025-10-01", 700_000.01, true), ("2025-09-30", 550_000.0, false)])
    func compliancePlanThresholdSwitchesOnTheAwardDate(date: String, amount: Double, fires: Bool) {
        let r = Self.assess([Contract(id: "c", vendorID: "V2", amount: amount, placeOfPerformance: "MX", psc: "R408", awardDate: date, location: Self.at(2))])
        let flag = Self.flag(r["c"], .compliancePlan)
        #expect((flag != nil) == fires, "\(date) \(amount)")
        if let flag {
            #expect(flag.severity == .medium && flag.message.contains("verify COTS status"))
            #expect(flag.message.contains(date < "2025-10-01" ? "threshold 550,000.00" : "threshold 700,000.00"))
            #expect(flag.fields == ["amount", "award_date", "place_of_performance"])
        }
    }

    @Test func compliancePlanIsInfoWhenOnlyTheVendorIsAbroadAndSilentInTheUS() {
        let r = Self.assess([
            Contract(id: "vendor", vendorID: "V2", vendorCountry: "DE", amount: 900_000, placeOfPerformance: "US", awardDate: "2026-01-01", location: Self.at(2)),
            Contract(id: "us", vendorID: "V2", amount: 9_000_000, placeOfPerformance: "US", awardDate: "2026-01-01", location: Self.at(3)),
        ])
        #expect(Self.flag(r["vendor"], .compliancePlan)?.severity == .info)
        #expect(Self.flag(r["us"], .compliancePlan) == nil)
    }

    @Test(arguments: [("2025-09-30", 12_000.0, true), ("2025-10-01", 12_000.0, false), ("2025-10-01", 15_000.01, true)])
    func eo13126NeedsSuppliesAboveTheMicroPurchaseThreshold(date: String, amount: Double, fires: Bool) {
        let r = Self.assess([
            Contract(id: "c", vendorID: "V2", amount: amount, countryOfOrigin: "India", description: "Clay bricks", awardDate: date, location: Self.at(2)),
            Contract(id: "service", vendorID: "V2", amount: 1e6, countryOfOrigin: "India", psc: "Z111", description: "Bricks repair", awardDate: date, location: Self.at(3)),
        ])
        let flag = Self.flag(r["c"], .eo13126)
        #expect((flag != nil) == fires)
        #expect(flag.map { $0.message.contains("52.222-18/19") && $0.fields.contains("country_of_origin") } ?? true)
        #expect(Self.flag(r["service"], .eo13126) == nil)
    }

    @Test func dfarsNeedsDoDAndXinjiangOrUFLPA() {
        let r = Self.assess([
            Contract(id: "army", vendorID: "V1", agency: "Department of the Army", amount: 1, psc: "8415", location: Self.at(2)),
            Contract(id: "funded", vendorID: "V3", agency: "General Services Administration", fundingAgency: "DEPT OF DEFENSE", amount: 1, location: Self.at(3)),
            Contract(id: "gsa", vendorID: "V1", agency: "General Services Administration", amount: 1, location: Self.at(4)),
            Contract(id: "clean", vendorID: "V2", agency: "Defense Logistics Agency", amount: 1, location: Self.at(5)),
        ])
        let army = Self.flag(r["army"], .dfars)
        #expect(army?.severity == .high && army?.path == [0, 1] && army?.fields == ["agency", "suppliers.region"])
        #expect(army?.message.contains("Xinjiang") == true)
        let funded = Self.flag(r["funded"], .dfars)
        #expect(funded?.fields.first == "funding_agency" && funded?.message.contains("UFLPA Entity List entry") == true)
        #expect(Self.flag(r["gsa"], .dfars) == nil && Self.flag(r["clean"], .dfars) == nil)
    }

    @Test(arguments: ["Department of Defense", "DEPT OF THE NAVY", "Defense Logistics Agency", "9700", "U.S. Air Force"])
    func dodComponents(agency: String) { #expect(ReviewRules.isDoD(agency)) }

    @Test(arguments: ["General Services Administration", "Defense Nuclear Facilities Safety Board", "Department of Energy"])
    func notDoD(agency: String) { #expect(!ReviewRules.isDoD(agency)) }

    @Test func unmappedFlagsMissingOrThinSupplyChainsAboveTheAmount() {
        var parameters = ScoringParameters()
        parameters.rules.unmappedMinAmount = 100_000
        let r = Self.assess([
            Contract(id: "none", vendorID: "V2", amount: 200_000, psc: "8415", location: Self.at(2)),
            Contract(id: "thin", vendorID: "V1", amount: 200_000, psc: "8415", location: Self.at(3)),
            Contract(id: "full", vendorID: "V3", amount: 200_000, psc: "8415", location: Self.at(4)),
            Contract(id: "small", vendorID: "V2", amount: 99_000, psc: "8415", location: Self.at(5)),
            Contract(id: "service", vendorID: "V2", amount: 200_000, psc: "R408", location: Self.at(6)),
        ], parameters)
        #expect(Self.flag(r["none"], .unmapped)?.severity == .medium)
        let thin = Self.flag(r["thin"], .unmapped)
        #expect(thin?.severity == .low && thin?.message.contains("30%") == true)
        #expect(Self.flag(r["full"], .unmapped) == nil && Self.flag(r["small"], .unmapped) == nil && Self.flag(r["service"], .unmapped) == nil)
    }

    @Test func flagsAreOrderedBySeverityThenRule() {
        let r = Self.assess([Contract(id: "c", vendorID: "V1", agency: "Department of the Army", amount: 2e6, placeOfPerformance: "CN", psc: "8415", awardDate: "2026-01-01", location: Self.at(2))])
        let flags: [ReviewFlag] = r["c"]!.flags
        let severities = flags.map { $0.severity }
        #expect(severities == severities.sorted(by: >))
        #expect(flags.first?.rule == RuleID.entity && flags.contains { $0.rule == RuleID.dfars })
    }

    @Test func thresholdInEffectOnADate() {
        let t = RuleSettings().compliancePlanThreshold
        #expect(RuleSettings.amount(t, on: "2025-09-30")?.amount == 550_000)
        #expect(RuleSettings.amount(t, on: "2025-10-01")?.amount == 700_000)
        #expect(RuleSettings.amount(t, on: nil)?.amount == 700_000)
        #expect(RuleSettings.amount(t, on: "2019-01-01") == nil)
    }
}
