import SupplyChainModel

/// The rules that read the contract itself: `FL-GOODS`, `FAR-22.1703-PLAN`,
/// `FAR-22.15-EO13126` and `DFARS-225.7022`.
extension ReviewRules {
    /// A good the contract names, and the field that names it.
    struct NamedGood: Hashable {
        var goodID: String
        /// `psc`, `naics` or `description`.
        var field: String
        var written: String
    }

    /// A country the contract names, and the field that names it.
    struct NamedCountry {
        var country: Country
        /// `country_of_origin`, `place_of_performance` or `vendor_country`.
        var field: String
    }

    /// The goods the contract's PSC, NAICS and description name (each good once, first field wins).
    func goods(of contract: Contract) -> [NamedGood] {
        var found: [NamedGood] = []
        func add(_ ids: [String], _ field: String, _ written: String) {
            for id in ids where !found.contains(where: { $0.goodID == id }) { found.append(NamedGood(goodID: id, field: field, written: written)) }
        }
        if let psc = contract.psc { add(reference.goods.goods(psc: psc), "psc", psc) }
        if let naics = contract.naics { add(reference.goods.goods(naics: naics), "naics", naics) }
        if let description = contract.description {
            for match in reference.goods.mentions(in: description) { add([match.goodID], "description", match.phrase) }
        }
        return found
    }

    /// The countries the contract names, in the order origin, performance, vendor.
    func countries(of contract: Contract) -> [NamedCountry] {
        let fields: [(String, String?)] = [
            ("country_of_origin", contract.countryOfOrigin), ("place_of_performance", contract.placeOfPerformance),
            ("vendor_country", contract.vendorCountry),
        ]
        return fields.compactMap { field, text in
            text.flatMap(reference.countries.resolve).map { NamedCountry(country: $0, field: field) }
        }
    }

    /// `FL-GOODS` (medium): a contract good × a named country on the DOL list.
    func goodsFlag(_ facts: ContractFacts) -> ReviewFlag? {
        var hits: [String] = []
        var fields: [String] = []
        for good in facts.goods {
            for named in facts.countries {
                guard let listing = reference.dol.listing(alpha2: named.country.alpha2, goodID: good.goodID),
                    !hits.contains(where: { $0.hasPrefix("\(listing.dolGood) from \(listing.alpha2)") })
                else { continue }
                hits.append("\(listing.dolGood) from \(listing.alpha2) (\(good.field) '\(good.written)', \(named.field)): \(listing.finding) [dol_goods_2022.csv line \(listing.line)]")
                for field in [good.field, named.field] where !fields.contains(field) { fields.append(field) }
            }
        }
        guard !hits.isEmpty else { return nil }
        return ReviewFlag(
            rule: .goods, severity: .medium,
            message: "The contract's goods are on the DOL list for a country it names: \(hits.joined(separator: "; ")).",
            fields: fields)
    }

    /// `FAR-22.1703-PLAN`: the value is above the compliance-plan threshold in effect on the award
    /// date and part of the work is outside the US (medium for origin or performance outside the
    /// US, info when only the vendor's country is). COTS status is not in the data.
    func compliancePlanFlag(_ contract: Contract, _ facts: ContractFacts) -> ReviewFlag? {
        let value = max(contract.amount ?? 0, contract.potentialValue ?? 0)
        guard let threshold = compliancePlanThreshold(on: contract.awardDate), value > threshold.amount else { return nil }
        let outside = facts.countries.filter { $0.country.alpha2 != "US" }
        guard let first = outside.first else { return nil }
        let direct = outside.filter { $0.field != "vendor_country" }
        let valueField = (contract.potentialValue ?? 0) > (contract.amount ?? 0) ? "potential_value" : "amount"
        let whereText = outside.map { "\($0.field) \($0.country.alpha2)" }.joined(separator: ", ")
        let dateText = contract.awardDate.map { "award date \($0) → threshold effective \(threshold.effective)" } ?? "award date unknown → latest threshold, effective \(threshold.effective)"
        return ReviewFlag(
            rule: .compliancePlan, severity: direct.isEmpty ? .info : .medium,
            message: "Value \(Formatting.money(value)) \(contract.currency) is above the FAR 22.1703(c) threshold \(Formatting.money(threshold.amount)) (\(dateText)) with \(whereText) outside the US\(direct.isEmpty ? " (only the vendor's country; the portion outside the US is not known)" : ""): a compliance plan and the 52.222-56 certification are required unless the items are COTS; verify COTS status.",
            fields: [valueField, "award_date"] + (direct.isEmpty ? [first.field] : direct.map(\.field)))
    }

    /// Whether the contract buys supplies: FPDS says PRODUCT, or a numeric PSC (services are letters).
    static func isSupplies(_ contract: Contract) -> Bool {
        if let type = contract.productOrServiceType { return type.uppercased() == "PRODUCT" }
        guard let psc = contract.psc?.trimmingCharacters(in: .whitespaces), let first = psc.first else { return true }
        return first.isNumber
    }

    /// `FAR-22.15-EO13126` (medium): supplies above the micro-purchase threshold whose product and
    /// origin country (else place of performance, else vendor country) are on the EO 13126 list.
    func eo13126Flag(_ contract: Contract, _ facts: ContractFacts) -> ReviewFlag? {
        let amount = contract.amount ?? 0
        guard facts.isSupplies, let micro = microPurchaseThreshold(on: contract.awardDate), amount > micro.amount else { return nil }
        let named = facts.countries
        let origin = named.first { $0.field == "country_of_origin" }.map { [$0] } ?? named
        for good in facts.goods {
            for country in origin {
                guard let listing = reference.eo13126.listing(alpha2: country.country.alpha2, goodID: good.goodID) else { continue }
                return ReviewFlag(
                    rule: .eo13126, severity: .medium,
                    message: "Supplies of \(listing.product) (\(good.field) '\(good.written)') from \(listing.alpha2) (\(country.field)) are on the EO 13126 list [eo13126_products.csv line \(listing.line), \(listing.status)] and \(Formatting.money(amount)) is above the micro-purchase threshold \(Formatting.money(micro.amount)) (effective \(micro.effective)): the contractor certification 52.222-18/19 is required.",
                    fields: [good.field, country.field, "amount", "award_date"])
            }
        }
        return nil
    }

    /// Whether an agency name or code is a DoD component (Department of Defense, Army, Navy, Air
    /// Force, Marine Corps, Space Force, defense agencies; FPDS codes 97xx, 2100, 1700, 5700).
    static func isDoD(_ agency: String?) -> Bool {
        guard let agency else { return false }
        let text = " " + agency.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ") + " "
        if text.contains("nuclear facilities safety") { return false }
        let words = [" defense ", " defence ", " army ", " navy ", " air force ", " marine corps ", " space force ", " dod ", " darpa ", " dla "]
        if words.contains(where: text.contains) { return true }
        let code = agency.trimmingCharacters(in: .whitespaces)
        return ["97", "9700", "2100", "1700", "5700"].contains(code) || (code.count == 4 && code.hasPrefix("97"))
    }

    /// `DFARS-225.7022` (high): a DoD-awarded or DoD-funded contract whose vendor's supply chain
    /// reaches (at its nearest hard flag) a UFLPA-listed entity or a supplier in Xinjiang.
    func dfarsFlag(_ contract: Contract, vendor: Int) -> ReviewFlag? {
        guard let tier = suppliers[vendor].nearestHardFlagTier else { return nil }
        let agencyFields = [("agency", contract.agency), ("funding_agency", contract.fundingAgency)].filter { isDoDMemoised($0.1) }
        guard let dod = agencyFields.first,
            let reached = suppliers[vendor].nearestHardFlagPath.last
        else { return nil }
        let target = suppliers[reached]
        let uflpa = target.risk.matches.first { $0.list == UFLPAList.listName && $0.strength == .match }
        let xinjiang = target.risk.indicators.contains { $0.kind == .presumptionRegion }
        guard uflpa != nil || xinjiang else { return nil }
        let what = [
            uflpa.map { "matches UFLPA Entity List entry \($0.entryID)" }, xinjiang ? "is in the Xinjiang Uyghur Autonomous Region" : nil,
        ].compactMap { $0 }.joined(separator: " and ")
        return ReviewFlag(
            rule: .dfars, severity: .high,
            message: "DoD contract (\(dod.0) '\(dod.1!)') whose supply chain reaches \(who(target, tier: tier).lowercasedFirst), which \(what): DFARS 225.7022 prohibits goods mined, produced or manufactured with forced labor from Xinjiang.",
            path: suppliers[vendor].nearestHardFlagPath,
            fields: agencyFields.map(\.0) + (xinjiang ? ["suppliers.region"] : []) + (uflpa != nil ? ["suppliers.name"] : []))
    }
}
