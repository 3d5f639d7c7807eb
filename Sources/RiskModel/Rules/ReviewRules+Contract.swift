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

    /// Whether the contract buys supplies: FPDS says PRODUCT, or a numeric PSC (services are letters).
    static func isSupplies(_ contract: Contract) -> Bool {
        if let type = contract.productOrServiceType { return type.uppercased() == "PRODUCT" }
        guard let psc = contract.psc?.trimmingCharacters(in: .whitespaces), let first = psc.first else { return true }
        return first.isNumber
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
}
