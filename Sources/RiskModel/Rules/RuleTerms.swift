import SupplyChainModel

/// What the contract rules say about a vendor, worked out once per vendor: its `FL-ENTITY` and
/// `FL-EXPOSURE` flags whole, and the parts of `DFARS-225.7022` and `FL-UNMAPPED` that do not
/// depend on the contract (a vendor has many contracts; only the agency and amount differ).
final class VendorTerms {
    /// ``ReviewRules/flags(forVendor:)``, most severe first.
    let sortedFlags: [ReviewFlag]
    /// The vendor's side of `DFARS-225.7022`; nil when its chain reaches no UFLPA match or Xinjiang.
    let dfars: DFARSTerms?
    /// The vendor's side of `FL-UNMAPPED`; nil when its supply chain is mapped enough.
    let unmapped: UnmappedTerms?

    init(flags: [ReviewFlag], dfars: DFARSTerms?, unmapped: UnmappedTerms?) {
        var sorted = flags
        ReviewRules.sortBySeverity(&sorted)
        sortedFlags = sorted
        self.dfars = dfars
        self.unmapped = unmapped
    }
}

/// `DFARS-225.7022` for one vendor, less the DoD agency the contract names.
final class DFARSTerms {
    /// The message after "DoD contract (field 'agency') ".
    let suffix: String
    let path: [Int]
    /// The fields when the agency, the funding agency or both are DoD.
    let agencyFields: [String]
    let fundingFields: [String]
    let bothFields: [String]

    init(suffix: String, path: [Int], agencyFields: [String], fundingFields: [String], bothFields: [String]) {
        self.suffix = suffix
        self.path = path
        self.agencyFields = agencyFields
        self.fundingFields = fundingFields
        self.bothFields = bothFields
    }
}

/// `FL-UNMAPPED` for one vendor, less the contract's amount.
final class UnmappedTerms {
    let severity: Severity
    /// The message before and after the contract's amount.
    let head: String
    let tail: String
    let path: [Int]
    let fields: [String]

    init(severity: Severity, head: String, tail: String, path: [Int], fields: [String]) {
        self.severity = severity
        self.head = head
        self.tail = tail
        self.path = path
        self.fields = fields
    }
}

/// What `FL-GOODS`, `FAR-22.1703-PLAN` and `FAR-22.15-EO13126` read from a contract's goods and
/// named countries, worked out once per distinct goods list and countries: `FL-GOODS` whole,
/// the other two less the amounts and the award date.
final class FactTerms {
    /// Goods list (``RuleMemo/goodsLists`` index) and country ids (``RuleMemo/countryTable``
    /// index, -1 for none) of origin, performance and vendor country.
    struct Key: Hashable {
        var goods: Int32
        var origin: Int32
        var performance: Int32
        var vendor: Int32
    }

    /// `FL-GOODS`.
    let goods: ReviewFlag?
    /// The compliance-plan terms; nil when every named country is the US.
    let plan: PlanTerms?
    /// The EO 13126 terms; nil when no good and country pair is listed.
    let eo13126: EO13126Terms?

    init(goods: ReviewFlag?, plan: PlanTerms?, eo13126: EO13126Terms?) {
        self.goods = goods
        self.plan = plan
        self.eo13126 = eo13126
    }
}

/// `FAR-22.1703-PLAN` for a list of named countries, less the value and award date.
final class PlanTerms {
    /// Only the vendor's country is outside the US (severity info).
    let onlyVendor: Bool
    /// The message from the countries outside the US to the end.
    let tail: String
    /// The fields when the value is the amount, or the potential value.
    let amountFields: [String]
    let potentialFields: [String]

    init(onlyVendor: Bool, tail: String, amountFields: [String], potentialFields: [String]) {
        self.onlyVendor = onlyVendor
        self.tail = tail
        self.amountFields = amountFields
        self.potentialFields = potentialFields
    }
}

/// `FAR-22.15-EO13126` for the first listed good and country, less the amount and award date.
final class EO13126Terms {
    /// The message up to the amount.
    let head: String
    let fields: [String]

    init(head: String, fields: [String]) {
        self.head = head
        self.fields = fields
    }
}

/// The thresholds in effect on an award date and their parts of the messages.
/// The rule switches and the `FL-UNMAPPED` amount, read once: copying the rule settings per
/// contract would retain their arrays, which all workers share.
struct RuleSwitches {
    var goods, compliancePlan, eo13126, dfars, unmapped: Bool
    var unmappedMinAmount: Double
}

final class DateTerms {
    let plan: DatedAmount?
    /// " is above the FAR 22.1703(c) threshold … with " (empty without a threshold).
    let planMiddle: String
    let micro: DatedAmount?
    /// " is above the micro-purchase threshold … is required." (empty without a threshold).
    let microTail: String

    init(plan: DatedAmount?, planMiddle: String, micro: DatedAmount?, microTail: String) {
        self.plan = plan
        self.planMiddle = planMiddle
        self.micro = micro
        self.microTail = microTail
    }
}

extension ReviewRules {
    /// The rule switches, read from the parameters on first use.
    func switches() -> RuleSwitches {
        if let known = memo.switches { return known }
        let rules = parameters.rules
        let switches = RuleSwitches(
            goods: rules.goodsEnabled, compliancePlan: rules.compliancePlanEnabled, eo13126: rules.eo13126Enabled, dfars: rules.dfarsEnabled,
            unmapped: rules.unmappedEnabled, unmappedMinAmount: rules.unmappedMinAmount)
        memo.switches = switches
        return switches
    }

    /// The terms of a vendor, computed once per vendor.
    func terms(forVendor vendor: Int) -> VendorTerms {
        if memo.vendorTerms.isEmpty { memo.vendorTerms = Array(repeating: nil, count: suppliers.count) }
        if let known = memo.vendorTerms[vendor] { return known }
        let terms = VendorTerms(flags: flags(forVendor: vendor), dfars: dfarsTerms(vendor: vendor), unmapped: unmappedTerms(vendor: vendor))
        memo.vendorTerms[vendor] = terms
        return terms
    }

    /// `DFARS-225.7022` (high), its vendor side: a DoD-awarded or DoD-funded contract whose
    /// vendor's supply chain reaches (at its nearest hard flag) a UFLPA-listed entity or a
    /// supplier in Xinjiang.
    func dfarsTerms(vendor: Int) -> DFARSTerms? {
        guard let tier = suppliers[vendor].nearestHardFlagTier else { return nil }
        let path = suppliers[vendor].nearestHardFlagPath
        guard let reached = path.last else { return nil }
        let target = suppliers[reached]
        let uflpa = target.risk.matches.first { $0.list == UFLPAList.listName && $0.strength == .match }
        let xinjiang = target.risk.indicators.contains { $0.kind == .presumptionRegion }
        guard uflpa != nil || xinjiang else { return nil }
        let what = [
            uflpa.map { "matches UFLPA Entity List entry \($0.entryID)" }, xinjiang ? "is in the Xinjiang Uyghur Autonomous Region" : nil,
        ].compactMap { $0 }.joined(separator: " and ")
        let tail = (xinjiang ? ["suppliers.region"] : []) + (uflpa != nil ? ["suppliers.name"] : [])
        return DFARSTerms(
            suffix: "whose supply chain reaches \(who(target, tier: tier).lowercasedFirst), which \(what): DFARS 225.7022 prohibits goods mined, produced or manufactured with forced labor from Xinjiang.",
            path: path, agencyFields: ["agency"] + tail, fundingFields: ["funding_agency"] + tail,
            bothFields: ["agency", "funding_agency"] + tail)
    }

    /// ``unmappedFlag(_:_:vendor:)``'s vendor side.
    func unmappedTerms(vendor: Int) -> UnmappedTerms? {
        let rules = parameters.rules
        let scored = suppliers[vendor]
        let known = scored.knownSuppliers, declared = scored.declaredShare
        guard known == 0 || Self.coversTooLittle(declared, minimum: rules.unmappedMinCoverage) else { return nil }
        let minimum = Formatting.money(rules.unmappedMinAmount)
        let coverage = Self.coverageTexts(declared: declared, minimum: rules.unmappedMinCoverage)
        if known == 0 {
            return UnmappedTerms(
                severity: .medium,
                head: "Vendor \(scored.supplier.id) '\(scored.supplier.name)' has no known suppliers in the links file and the contract's ",
                tail: " is above \(minimum): its supply chain is not visible.", path: [vendor], fields: ["vendor_id", "amount", "links"])
        }
        return UnmappedTerms(
            severity: .low,
            head: "Vendor \(scored.supplier.id) '\(scored.supplier.name)' declares shares for \(coverage.declared)% of its sourcing over \(scored.knownSuppliers) known supplier\(scored.knownSuppliers == 1 ? "" : "s") (below \(coverage.minimum)%) and the contract's ",
            tail: " is above \(minimum): most of its supply chain is not visible.", path: [vendor], fields: ["vendor_id", "amount", "links.share"])
    }

    /// The terms of a contract's award date: from the recent dates when its stored bits were
    /// met lately, else ``dateTerms(on:)``.
    func dateTerms(of contract: ContractFields) -> DateTerms {
        contract.recent(&memo.recentDates, at: ContractFields.awardDate) { dateTerms(on: $0) }!
    }

    /// The terms of an award date, computed once per date.
    func dateTerms(on date: String?) -> DateTerms {
        if let known = memo.dateTerms[date] { return known }
        let plan = RuleSettings.amount(parameters.rules.compliancePlanThreshold, on: date)
        let micro = RuleSettings.amount(parameters.rules.microPurchaseThreshold, on: date)
        var planMiddle = "", microTail = ""
        if let plan {
            let dateText = date.map { "award date \($0) → threshold effective \(plan.effective)" } ?? "award date unknown → latest threshold, effective \(plan.effective)"
            planMiddle = " is above the FAR 22.1703(c) threshold \(Formatting.money(plan.amount)) (\(dateText)) with "
        }
        if let micro {
            microTail = " is above the micro-purchase threshold \(Formatting.money(micro.amount)) (effective \(micro.effective)): the contractor certification 52.222-18/19 is required."
        }
        let terms = DateTerms(plan: plan, planMiddle: planMiddle, micro: micro, microTail: microTail)
        if memo.dateTerms.count < RuleMemo.capacity { memo.dateTerms[date] = terms }
        return terms
    }

    /// ``countryID(_:)`` of the country text stored at `offset` of the record, from the recent
    /// countries when its bits were met lately.
    func countryID(_ contract: ContractFields, at offset: Int) -> Int32? {
        contract.recent(&memo.recentCountries, at: offset) { countryID($0) }
    }

    /// The id of a country text (-1 for none); nil when the table is full and the text new.
    func countryID(_ text: String?) -> Int32? {
        guard let text else { return -1 }
        if let known = memo.countryIDs[text] { return known }
        guard memo.countryTable.count < RuleMemo.capacity else { return nil }
        let id = Int32(memo.countryTable.count)
        memo.countryTable.append(reference.countries.resolve(text))
        memo.countryIDs[text] = id
        return id
    }

    /// The id of a contract's goods list; nil when the table is full and the goods new.
    func goodsID(_ contract: ContractFields) -> Int32? {
        let key = RuleMemo.GoodsKey(psc: contract.psc, naics: contract.naics, description: contract.description)
        if let known = memo.goodsIDs[key] { return known }
        guard memo.goodsLists.count < RuleMemo.capacity else { return nil }
        let id = Int32(memo.goodsLists.count)
        memo.goodsLists.append(goods(of: contract.record.pointee))
        memo.goodsIDs[key] = id
        return id
    }

    /// The terms of a contract's goods and countries, from the memo where seen before.
    func factTerms(of contract: ContractFields) -> FactTerms {
        guard let goods = goodsID(contract), let origin = countryID(contract, at: ContractFields.countryOfOrigin),
            let performance = countryID(contract, at: ContractFields.placeOfPerformance), let vendor = countryID(contract, at: ContractFields.vendorCountry)
        else {
            return factTerms(goods: self.goods(of: contract.record.pointee), countries: countries(of: contract.record.pointee))
        }
        let key = FactTerms.Key(goods: goods, origin: origin, performance: performance, vendor: vendor)
        if let known = memo.factTerms[key] { return known }
        var countries: [NamedCountry] = []
        for (field, id) in [("country_of_origin", origin), ("place_of_performance", performance), ("vendor_country", vendor)] {
            if id >= 0, let country = memo.countryTable[Int(id)] { countries.append(NamedCountry(country: country, field: field)) }
        }
        let terms = factTerms(goods: memo.goodsLists[Int(goods)], countries: countries)
        if memo.factTerms.count < RuleMemo.capacity { memo.factTerms[key] = terms }
        return terms
    }

    /// The terms of a goods list and named countries (``goods(of:)``, ``countries(of:)``).
    func factTerms(goods: [NamedGood], countries: [NamedCountry]) -> FactTerms {
        let facts = ContractFacts(goods: goods, countries: countries, isSupplies: true)
        var plan: PlanTerms?
        let outside = countries.filter { !ReviewRules.unitedStates.contains($0.country.alpha2) }
        if let first = outside.first {
            let direct = outside.filter { $0.field != "vendor_country" }
            let whereText = outside.map { "\($0.field) \($0.country.alpha2)" }.joined(separator: ", ")
            let fields = direct.isEmpty ? [first.field] : direct.map(\.field)
            plan = PlanTerms(
                onlyVendor: direct.isEmpty,
                tail: "\(whereText) outside the US\(direct.isEmpty ? " (only the vendor's country; the portion outside the US is not known)" : ""): a compliance plan and the 52.222-56 certification are required unless the items are COTS; verify COTS status.",
                amountFields: ["amount", "award_date"] + fields, potentialFields: ["potential_value", "award_date"] + fields)
        }
        return FactTerms(goods: goodsFlag(facts), plan: plan, eo13126: eo13126Terms(facts))
    }

    /// The United States of FAR 22.1702 (for `FAR-22.1703-PLAN`): the 50 states and the
    /// District of Columbia (ISO `US`) and the outlying areas, which ISO 3166 codes apart:
    /// Puerto Rico, Guam, the US Virgin Islands, American Samoa, the Northern Mariana Islands
    /// and the minor outlying islands.
    static let unitedStates: Set<String> = ["US", "PR", "GU", "VI", "AS", "MP", "UM"]

    /// `FAR-22.15-EO13126` (medium), its goods and countries side: the first pair of a product
    /// and an origin country (else place of performance, else vendor country) on the EO 13126 list.
    func eo13126Terms(_ facts: ContractFacts) -> EO13126Terms? {
        let named = facts.countries
        let origin = named.first { $0.field == "country_of_origin" }.map { [$0] } ?? named
        for good in facts.goods {
            for country in origin {
                guard let listing = reference.eo13126.listing(alpha2: country.country.alpha2, goodID: good.goodID) else { continue }
                return EO13126Terms(
                    head: "Supplies of \(listing.product) (\(good.field) '\(good.written)') from \(listing.alpha2) (\(country.field)) are on the EO 13126 list [eo13126_products.csv line \(listing.line), \(listing.status)] and ",
                    fields: [good.field, country.field, "amount", "award_date"])
            }
        }
        return nil
    }
}
