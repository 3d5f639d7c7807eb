import SupplyChainModel

/// The intrinsic-risk model: indicators from the reference tables and watchlists, combined by
/// noisy-OR `r = 1 − Π(1 − w_i·v_i)`, hard flags at r = 1, the analyst's override last
/// (docs/METHODOLOGY.md, "Intrinsic risk").
public struct IndicatorModel: Sendable {
    public let reference: ReferenceData
    public let settings: IndicatorSettings
    public let matcher: WatchlistMatcher
    public let countryRisk: CountryRiskTable?

    /// The reference tables this model reads (the report lists their editions).
    public static let tablesUsed: Set<String> = [
        "countries.csv", "country_names.csv", "tip_tiers.csv", "dol_goods_2022.csv", "goods.csv", "uflpa_entities.csv",
        "presumption_regions.csv",
    ]

    /// The name of the model in reports.
    public static let name = "indicators-noisy-or"

    public init(reference: ReferenceData, settings: IndicatorSettings, matcher: WatchlistMatcher, countryRisk: CountryRiskTable? = nil) {
        self.reference = reference
        self.settings = settings
        self.matcher = matcher
        self.countryRisk = countryRisk
    }

    /// Scores one supplier.
    /// - Complexity: O(name words + candidate watchlist names + goods); no pass over all entries.
    public func assess(_ supplier: Supplier) -> IntrinsicRisk {
        var memo = IndicatorMemo()
        return assess(supplier, memo: &memo)
    }

    /// Scores suppliers in order, working out the country and goods indicators once per
    /// distinct country text, goods list and country (suppliers repeat them many times).
    /// With several `workers`, chunks of suppliers are scored at the same time, each worker with
    /// its own memo (a pure cache: the scores do not depend on the chunks). Chunks, not fixed
    /// slices: the graph is built on one core while the suppliers are scored.
    public func assess(all suppliers: [Supplier], workers: Int = 1) -> [IntrinsicRisk] {
        Concurrently.array(count: suppliers.count, workers: workers, chunk: 1 << 12, state: { IndicatorMemo() }) { memo, i in
            assess(suppliers[i], memo: &memo)
        }
    }

    /// ``assess(_:)`` with the memo of the run.
    func assess(_ supplier: Supplier, memo: inout IndicatorMemo) -> IntrinsicRisk {
        let country = supplier.country.flatMap { memo.country(named: $0, in: reference.countries) }
        let matches = matcher.matches(for: supplier, alpha2: country?.alpha2, memo: &memo.nameMatches)
        var indicators: [Indicator] = []
        if let indicator = watchlistIndicator(matches) { indicators.append(indicator) }
        if let indicator = regionIndicator(supplier, country: country) { indicators.append(indicator) }
        if let country {
            let shared = memo.countryIndicators(goods: supplier.goods, country: country) { countryIndicators(goods: $0, country: $1) }
            // Most suppliers have only these: share the memo's array instead of copying it.
            if indicators.isEmpty { indicators = shared } else { indicators += shared }
        } else {
            indicators.append(memo.unknownCountryIndicator(written: supplier.country) { unknownCountryIndicator(written: $0) })
        }
        let model = Indicator.noisyOr(indicators)
        let hard = indicators.contains(where: \.isHardFlag)
        var risk = IntrinsicRisk(
            value: model, modelValue: model, basis: hard ? .hardFlag : .indicators, country: country, indicators: indicators,
            isHardFlag: hard, matches: matches)
        if let override = supplier.riskOverride {
            risk.value = override
            risk.basis = .override(note: supplier.riskNote, modelValue: model)
        }
        return risk
    }

    /// The strongest watchlist match as an indicator: a hard flag for a match on a hard-flag
    /// list, a weighted indicator for other lists, a possible match otherwise.
    func watchlistIndicator(_ matches: [WatchlistMatch]) -> Indicator? {
        guard let best = matches.first else { return nil }
        let entity = matcher.entities[best.entity]
        let others = matches.dropFirst().filter { $0.strength == best.strength }.map(\.entryID)
        let also = others.isEmpty ? "" : "; also \(others.joined(separator: ", "))"
        let source = "\(entity.edition); entry \(entity.entry.id), \(entity.detail) (\(entity.citation))"
        switch best.strength {
        case .match:
            let hard = entity.entry.isHardFlag
            return Indicator(
                kind: .watchlistMatch, value: 1, weight: hard ? 1 : settings.weights.nonHardListMatch, isHardFlag: hard, source: source,
                reason: "matches \(entity.label) (\(entity.detail)) by \(best.methodDescription)\(also)")
        case .possible:
            return Indicator(
                kind: .watchlistPossibleMatch, value: best.score, weight: settings.weights.possibleMatch, source: source,
                reason: "possible match to \(entity.label) by \(best.methodDescription)\(also); confirm or reject it in the decisions file")
        }
    }

    func regionIndicator(_ supplier: Supplier, country: Country?) -> Indicator? {
        guard let match = reference.regions.match(region: supplier.region, address: supplier.address, alpha2: country?.alpha2) else { return nil }
        return Indicator(
            kind: .presumptionRegion, value: 1, weight: 1, isHardFlag: true,
            source: "presumption_regions.csv:\(match.line), name variant '\(match.variant)' of \(match.regionID)",
            reason: "\(match.field) '\(match.written)' is in the Xinjiang Uyghur Autonomous Region (\(match.regionID)): \(PresumptionRegions.basis)")
    }

    /// The indicators of a supplier in a known country: DOL goods, TIP placement, and the
    /// user's country-risk score.
    func countryIndicators(goods: [String], country: Country) -> [Indicator] {
        var indicators: [Indicator] = []
        if let indicator = dolIndicator(goods: goods, country: country) { indicators.append(indicator) }
        indicators.append(tipIndicator(country))
        if let score = countryRisk?.score(alpha2: country.alpha2) {
            indicators.append(Indicator(
                kind: .countryRisk, value: score.score, weight: settings.weights.countryRisk,
                source: "\(score.location)" + (score.source.isEmpty ? "" : " (\(score.source))"),
                reason: "user-supplied country-risk score \(Formatting.fixed(score.score, 2)) for \(country.alpha2)"))
        }
        return indicators
    }

    /// The indicator of a supplier whose country is not given or not known.
    func unknownCountryIndicator(written country: String?) -> Indicator {
        let written = country.map { "country '\($0)' is not an ISO 3166 country name or code" } ?? "no country given"
        return Indicator(
            kind: .unknownCountry, value: 1, weight: settings.weights.unknownCountry,
            source: "countries.csv, country_names.csv (ISO 3166-1, iso-codes 4.15.0)",
            reason: "\(written): scored as unknown, not as zero risk (the DOL and TIP indicators cannot apply)")
    }

    /// The supplier's goods from its country on the DOL list: one indicator with the strongest
    /// finding as its value (several goods do not compound: they describe one country's sector).
    func dolIndicator(goods: [String], country: Country) -> Indicator? {
        var listed: [(DOLListing, GoodMatch)] = []
        for written in goods {
            for good in reference.goods.resolve(written) {
                guard let listing = reference.dol.listing(alpha2: country.alpha2, goodID: good.goodID),
                    !listed.contains(where: { $0.0 == listing })
                else { continue }
                listed.append((listing, good))
            }
        }
        guard !listed.isEmpty else { return nil }
        let value = listed.map { settings.dol.value(of: $0.0) }.max()!
        let items = listed.map { listing, good in
            let readAs = good.method == .exact ? "" : " (read '\(good.written)' as \(good.goodID))"
            return "\(listing.dolGood) from \(listing.alpha2): \(listing.finding)\(readAs)"
        }
        let rows = listed.map { "line \($0.0.line) \($0.0.alpha2)/\($0.0.goodID)" }
        return Indicator(
            kind: .dolGoods, value: value, weight: settings.weights.dolGoods,
            source: "dol_goods_2022.csv (\(DOLGoodsList.edition)) \(rows.joined(separator: ", "))",
            reason: "on the DOL list: " + items.joined(separator: "; "))
    }

    func tipIndicator(_ country: Country) -> Indicator {
        let year = reference.tip.latestYear
        let tier = reference.tip.tier(of: country.alpha2, year: year)
        let reason = tier == .tier1Or2
            ? "\(country.alpha2) is not placed in the \(year) TIP Report as held (partial table): Tier 1 or 2, not known which, scored as Tier 2"
            : "\(country.alpha2) is \(tier.label) in the \(year) TIP Report"
        return Indicator(
            kind: .tipPlacement, value: settings.tip.value(of: tier), weight: settings.weights.tip,
            source: "tip_tiers.csv (US State Department TIP Report \(year)) \(country.alpha2) \(tier.rawValue)", reason: reason)
    }
}
