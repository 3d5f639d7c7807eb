/// One piece of evidence about a supplier's intrinsic risk, with where it comes from.
public struct Indicator: Sendable, Hashable {
    /// What an indicator measures.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A match on a watchlist (UFLPA Entity List or a user list).
        case watchlistMatch = "watchlist-match"
        /// A possible watchlist match, for a person to confirm or reject.
        case watchlistPossibleMatch = "watchlist-possible-match"
        /// Located in a region under a statutory presumption of forced labor (Xinjiang).
        case presumptionRegion = "presumption-region"
        /// (country, good) on the DOL List of Goods Produced by Child Labor or Forced Labor.
        case dolGoods = "dol-goods"
        /// The country's TIP Report placement.
        case tipPlacement = "tip-placement"
        /// The country is missing or names no ISO country.
        case unknownCountry = "unknown-country"
        /// A user-supplied country-risk score.
        case countryRisk = "country-risk"
    }

    public var kind: Kind
    /// In [0, 1]: how strongly the evidence holds (1 for a listed entry, the name score for a
    /// possible match, the DOL finding's value, the TIP placement's value).
    public var value: Double
    /// In [0, 1]: how much this kind of evidence counts; 1 for hard flags.
    public var weight: Double
    /// A hard flag sets r = 1 whatever the other indicators say.
    public var isHardFlag: Bool
    /// The table, edition and row or entry behind the value.
    public var source: String
    /// One sentence for a reviewer.
    public var reason: String

    public init(kind: Kind, value: Double, weight: Double, isHardFlag: Bool = false, source: String, reason: String) {
        self.kind = kind
        self.value = value
        self.weight = weight
        self.isHardFlag = isHardFlag
        self.source = source
        self.reason = reason
    }

    /// `weight × value`: this indicator's probability in the noisy-OR.
    public var contribution: Double { weight * value }

    /// Noisy-OR: `r = 1 − Π(1 − w_i·v_i)`; 1 when any indicator is a hard flag, 0 for none.
    /// - Complexity: O(indicators).
    public static func noisyOr(_ indicators: [Indicator]) -> Double {
        if indicators.contains(where: \.isHardFlag) { return 1 }
        // r ← r + c·(1 − r) is the same product, and exact for a single indicator.
        var r = 0.0
        for indicator in indicators { r += min(1, max(0, indicator.contribution)) * (1 - r) }
        return min(1, max(0, r))
    }
}

/// Why a supplier has the intrinsic risk it has.
public enum RiskBasis: Sendable, Hashable {
    /// The analyst's `risk` column; `modelValue` is what the model would have said.
    case override(note: String?, modelValue: Double)
    /// A hard flag (watchlist match, presumption region): r = 1.
    case hardFlag
    /// The noisy-OR of the indicators.
    case indicators

    /// Whether r is the analyst's override.
    public var isOverride: Bool {
        if case .override = self { return true }
        return false
    }
}

/// The intrinsic risk of one supplier, the indicators behind it and the watchlist matches found.
public struct IntrinsicRisk: Sendable, Hashable {
    /// The effective r: the override when given, otherwise the model's value.
    public var value: Double
    /// What the indicator model says, override or not.
    public var modelValue: Double
    public var basis: RiskBasis
    /// The resolved ISO country, when there is one.
    public var country: Country?
    /// The model's indicators, in a fixed order (watchlist, region, goods, country).
    public var indicators: [Indicator]
    /// A watchlist match on a hard-flag list or a presumption region. An analyst override
    /// changes r but not this: a listed entity or a presumption is not lifted by an opinion;
    /// a wrong watchlist match is rejected in the decisions file instead.
    public var isHardFlag: Bool
    /// Watchlist matches at or above the review threshold, strongest first.
    public var matches: [WatchlistMatch]

    /// The first hard-flag indicator, if any.
    public var hardFlagIndicator: Indicator? { indicators.first(where: \.isHardFlag) }

    /// A short human explanation of r.
    public var explanation: String {
        switch basis {
        case .override(let note, let model):
            return "analyst override" + (note.map { ": \($0)" } ?? "") + " (model: \(Formatting.fixed(model, 2)))"
                + (isHardFlag ? "; the hard flag stands: \(hardFlagIndicator!.reason)" : "")
        case .hardFlag:
            return "hard flag: \(hardFlagIndicator!.reason)"
        case .indicators:
            guard !indicators.isEmpty else { return "no risk indicator" }
            let terms = indicators.map { "\($0.kind.rawValue) \(Formatting.fixed($0.weight, 2))×\(Formatting.fixed($0.value, 2))" }
            return "noisy-OR of \(terms.joined(separator: ", "))"
        }
    }
}
