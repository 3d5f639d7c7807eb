/// Weights of the intrinsic-risk indicators: each indicator adds `weight × value` to the
/// noisy-OR (docs/METHODOLOGY.md, "Intrinsic risk"). Hard flags have weight 1 and are not here.
public struct IndicatorWeights: Sendable, Hashable {
    /// (country, good) on the DOL list.
    public var dolGoods = 0.5
    /// The country's TIP Report placement.
    public var tip = 0.3
    /// Country missing or not an ISO country.
    public var unknownCountry = 0.2
    /// A possible watchlist match (value: the name score).
    public var possibleMatch = 0.5
    /// A match on a user list whose entries are not hard flags.
    public var nonHardListMatch = 0.7
    /// The user-supplied country-risk score.
    public var countryRisk = 0.25

    public init() {}
}

/// The value of a DOL listing by what DOL found.
public struct DOLValues: Sendable, Hashable {
    public var forcedAndChildLabor = 1.0
    public var forcedLabor = 0.8
    public var childLabor = 0.5
    /// Made with an input produced with forced or child labor (DOL's "derived" goods).
    public var derived = 0.5

    public init() {}

    /// The value of one listing.
    public func value(of listing: DOLListing) -> Double {
        switch (listing.forcedLabor, listing.childLabor) {
        case (true, true): forcedAndChildLabor
        case (true, false): forcedLabor
        case (false, true): childLabor
        case (false, false): derived
        }
    }
}

/// The value of each TIP Report placement.
public struct TIPValues: Sendable, Hashable {
    public var tier3 = 1.0
    public var specialCase = 0.8
    public var tier2WatchList = 0.5
    public var tier2 = 0.2
    /// Not placed in the (partial) table: Tier 1 or 2, not known which; scored as Tier 2.
    public var tier1Or2 = 0.2
    public var tier1 = 0.05

    public init() {}

    public func value(of tier: TIPTier) -> Double {
        switch tier {
        case .tier3: tier3
        case .specialCase: specialCase
        case .tier2WatchList: tier2WatchList
        case .tier2: tier2
        case .tier1Or2: tier1Or2
        case .tier1: tier1
        }
    }
}

/// Everything the indicator model can be told.
public struct IndicatorSettings: Sendable, Hashable {
    public var weights = IndicatorWeights()
    public var dol = DOLValues()
    public var tip = TIPValues()

    public init() {}
}

/// Thresholds of the watchlist name matcher.
public struct MatchingParameters: Sendable, Hashable {
    /// A name score at or above this (with every distinctive word matched) is a match.
    public var matchThreshold = 0.9
    /// A name score at or above this and below the match threshold is a possible match.
    public var reviewThreshold = 0.8
    /// Two different words count as the same word at or above this Jaro-Winkler similarity
    /// (both words need five letters or more).
    public var wordSimilarity = 0.92
    /// A supplier name needs this many distinctive words to be matched by name at all.
    public var minInformativeTokens = 1
    /// A distinctive word (or four-letter word start) held by more listed names than this
    /// finds no fuzzy-match candidates (see ``WatchlistMatcher``).
    public var commonWordLimit = WatchlistMatcher.defaultCommonWordLimit

    public init() {}
}

/// An amount that applies from a date on (e.g. a FAR threshold).
public struct DatedAmount: Sendable, Hashable {
    public var amount: Double
    /// `YYYY-MM-DD`.
    public var effective: String

    public init(amount: Double, effective: String) {
        self.amount = amount
        self.effective = effective
    }
}

/// Settings of the review rules. Dated amounts apply from their `effective` date (inclusive),
/// keyed by the contract's award date.
public struct RuleSettings: Sendable, Hashable {
    public var entityEnabled = true
    public var exposureEnabled = true
    public var goodsEnabled = true
    public var compliancePlanEnabled = true
    public var eo13126Enabled = true
    public var dfarsEnabled = true
    public var unmappedEnabled = true
    /// FAR 2.101 micro-purchase threshold by effective date (`FAR-22.15-EO13126`).
    public var microPurchaseThreshold = [DatedAmount(amount: 10_000, effective: "2020-08-31"), DatedAmount(amount: 15_000, effective: "2025-10-01")]
    /// FAR simplified acquisition threshold by effective date (echoed; no rule uses it).
    public var simplifiedAcquisitionThreshold = [DatedAmount(amount: 250_000, effective: "2020-08-31"), DatedAmount(amount: 350_000, effective: "2025-10-01")]
    /// FAR 22.1703(c) compliance-plan threshold by effective date (`FAR-22.1703-PLAN`).
    public var compliancePlanThreshold = [DatedAmount(amount: 550_000, effective: "2020-10-01"), DatedAmount(amount: 700_000, effective: "2025-10-01")]
    /// `FL-UNMAPPED` looks at contracts above this amount.
    public var unmappedMinAmount = 250_000.0
    /// `FL-UNMAPPED` flags a vendor whose declared link shares sum to less than this.
    public var unmappedMinCoverage = 0.5

    public init() {}

    /// The amount of `thresholds` in effect on `date` (`YYYY-MM-DD`): the last one effective on or
    /// before it; the latest one when the date is unknown; nil when none is in effect yet.
    public static func amount(_ thresholds: [DatedAmount], on date: String?) -> DatedAmount? {
        let sorted = thresholds.sorted { $0.effective < $1.effective }
        guard let date else { return sorted.last }
        return sorted.last { $0.effective <= String(date.prefix(10)) }
    }
}
