import SupplyChainModel

/// The facts several contract rules read, computed once per contract.
struct ContractFacts {
    /// ``ReviewRules/goods(of:)``.
    var goods: [ReviewRules.NamedGood]
    /// ``ReviewRules/countries(of:)``.
    var countries: [ReviewRules.NamedCountry]
    /// ``ReviewRules/isSupplies(_:)``.
    var isSupplies: Bool
}

/// What the review rules compute once per run and reuse across contracts: the vendor flags of
/// each vendor, and everything that depends only on a few distinct texts (country names, PSC,
/// NAICS and description, agencies, award dates). Contracts repeat these texts many times, so a
/// look-up replaces the text processing.
///
/// Each text table stops growing at ``capacity`` entries, so that input with mostly distinct
/// values (free-text descriptions) costs no more memory than a bounded table.
///
/// Not thread-safe: one ``ReviewRules`` value checks the contracts of a run in sequence.
final class RuleMemo {
    /// The most entries a text table keeps.
    static let capacity = 1 << 16

    /// The inputs ``ReviewRules/goods(of:)`` reads.
    struct GoodsKey: Hashable {
        var psc: String?
        var naics: String?
        var description: String?
    }

    /// The inputs ``ReviewRules/isSupplies(_:)`` reads.
    struct SuppliesKey: Hashable {
        var productOrServiceType: String?
        var psc: String?
    }

    /// `FL-ENTITY` and `FL-EXPOSURE` by vendor node, once computed (empty until first use).
    var vendorFlags: [[ReviewFlag]?] = []
    var countries: [String: Country?] = [:]
    var goods: [GoodsKey: [ReviewRules.NamedGood]] = [:]
    var supplies: [SuppliesKey: Bool] = [:]
    var dod: [String: Bool] = [:]
    /// Compliance-plan and micro-purchase thresholds by award date.
    var compliancePlanThreshold: [String?: DatedAmount?] = [:]
    var microPurchaseThreshold: [String?: DatedAmount?] = [:]
}

extension ReviewRules {
    /// The contract's goods, countries and supplies status, from the memo where seen before.
    func facts(of contract: Contract) -> ContractFacts {
        let goodsKey = RuleMemo.GoodsKey(psc: contract.psc, naics: contract.naics, description: contract.description)
        let goods: [NamedGood]
        if let known = memo.goods[goodsKey] {
            goods = known
        } else {
            goods = self.goods(of: contract)
            if memo.goods.count < RuleMemo.capacity { memo.goods[goodsKey] = goods }
        }
        var countries: [NamedCountry] = []
        for (field, text) in [
            ("country_of_origin", contract.countryOfOrigin), ("place_of_performance", contract.placeOfPerformance),
            ("vendor_country", contract.vendorCountry),
        ] {
            if let text, let country = country(named: text) { countries.append(NamedCountry(country: country, field: field)) }
        }
        let suppliesKey = RuleMemo.SuppliesKey(productOrServiceType: contract.productOrServiceType, psc: contract.psc)
        let supplies: Bool
        if let known = memo.supplies[suppliesKey] {
            supplies = known
        } else {
            supplies = Self.isSupplies(contract)
            if memo.supplies.count < RuleMemo.capacity { memo.supplies[suppliesKey] = supplies }
        }
        return ContractFacts(goods: goods, countries: countries, isSupplies: supplies)
    }

    /// ``CountryDirectory/resolve(_:)``, memoised by text.
    func country(named text: String) -> Country? {
        if let known = memo.countries[text] { return known }
        let country = reference.countries.resolve(text)
        if memo.countries.count < RuleMemo.capacity { memo.countries[text] = country }
        return country
    }

    /// ``isDoD(_:)``, memoised by agency text.
    func isDoDMemoised(_ agency: String?) -> Bool {
        guard let agency else { return false }
        if let known = memo.dod[agency] { return known }
        let dod = Self.isDoD(agency)
        if memo.dod.count < RuleMemo.capacity { memo.dod[agency] = dod }
        return dod
    }

    /// The compliance-plan threshold in effect on an award date, memoised by date.
    func compliancePlanThreshold(on date: String?) -> DatedAmount? {
        if let known = memo.compliancePlanThreshold[date] { return known }
        let threshold = RuleSettings.amount(parameters.rules.compliancePlanThreshold, on: date)
        if memo.compliancePlanThreshold.count < RuleMemo.capacity { memo.compliancePlanThreshold[date] = threshold }
        return threshold
    }

    /// The micro-purchase threshold in effect on an award date, memoised by date.
    func microPurchaseThreshold(on date: String?) -> DatedAmount? {
        if let known = memo.microPurchaseThreshold[date] { return known }
        let threshold = RuleSettings.amount(parameters.rules.microPurchaseThreshold, on: date)
        if memo.microPurchaseThreshold.count < RuleMemo.capacity { memo.microPurchaseThreshold[date] = threshold }
        return threshold
    }

    /// ``flags(forVendor:)``, computed once per vendor.
    func cachedFlags(forVendor vendor: Int) -> [ReviewFlag] {
        if memo.vendorFlags.isEmpty { memo.vendorFlags = Array(repeating: nil, count: suppliers.count) }
        if let known = memo.vendorFlags[vendor] { return known }
        let flags = flags(forVendor: vendor)
        memo.vendorFlags[vendor] = flags
        return flags
    }

    /// The position of a rule in ``RuleID/allCases`` (the tie-break of the flag order).
    static func order(of rule: RuleID) -> Int {
        switch rule {
        case .entity: 0
        case .exposure: 1
        case .goods: 2
        case .compliancePlan: 3
        case .eo13126: 4
        case .dfars: 5
        case .unmapped: 6
        }
    }
}
