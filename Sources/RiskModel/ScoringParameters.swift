import Importers
import SupplyGraph

/// The parameters of a scoring run, with the defaults of docs/METHODOLOGY.md. A configuration
/// file (``ModelConfiguration``) and command-line flags change them; reports echo them.
public struct ScoringParameters: Sendable, Hashable {
    /// Tiers K (1 is the vendor itself), 1...32.
    public var tiers = 6
    /// Tier decay d in [0, 1].
    public var decay = 0.8
    /// `FL-EXPOSURE` flags a vendor with exposure E at or above this.
    public var exposureThreshold = 0.35
    /// `FL-EXPOSURE` is high severity at or above this exposure.
    public var exposureHighThreshold = 0.6
    /// A supplier with intrinsic risk at or above this counts as flagged for `FL-ENTITY`.
    public var flaggedRiskThreshold = 0.7
    /// Indicator weights and values.
    public var indicators = IndicatorSettings()
    /// Watchlist name-matching thresholds.
    public var matching = MatchingParameters()
    /// Review-rule settings.
    public var rules = RuleSettings()
    /// ISO 4217 currency of the amounts in rule settings (contract amounts are not converted).
    public var currency = "USD"
    /// How input dates written with slashes were read (`input.date_order`, `--date-order`):
    /// echoed in reports, as it changes which contracts a date-bound rule sees.
    public var dateOrder = DateOrder.mdy
    /// The configuration file the values came from, if any (echoed in reports).
    public var configFile: String?
    /// Dispatch workers for propagation; results do not depend on it.
    public var workers = WorkPartition.defaultWorkers

    public init() {}

    /// Checks every value against its allowed range.
    /// - Throws: ``ParameterError`` naming the parameter (by its configuration key) and the range.
    public func validate() throws(ParameterError) {
        guard (1...32).contains(tiers) else { throw ParameterError(name: "tiers", value: "\(tiers)", allowed: "an integer from 1 to 32") }
        let w = indicators.weights, dol = indicators.dol, tip = indicators.tip
        let fractions: [(String, Double)] = [
            ("decay", decay), ("exposure threshold", exposureThreshold), ("high exposure threshold", exposureHighThreshold),
            ("flagged risk threshold", flaggedRiskThreshold),
            ("indicators.dol_goods.weight", w.dolGoods), ("indicators.tip.weight", w.tip),
            ("indicators.unknown_country.weight", w.unknownCountry), ("indicators.watchlist.possible_match_weight", w.possibleMatch),
            ("indicators.watchlist.non_hard_list_weight", w.nonHardListMatch), ("indicators.country_risk.weight", w.countryRisk),
            ("indicators.dol_goods.forced_and_child_labor", dol.forcedAndChildLabor), ("indicators.dol_goods.forced_labor", dol.forcedLabor),
            ("indicators.dol_goods.child_labor", dol.childLabor), ("indicators.dol_goods.derived", dol.derived),
            ("indicators.tip.tier_3", tip.tier3), ("indicators.tip.special_case", tip.specialCase),
            ("indicators.tip.tier_2_watch_list", tip.tier2WatchList), ("indicators.tip.tier_2", tip.tier2),
            ("indicators.tip.tier_1_or_2", tip.tier1Or2), ("indicators.tip.tier_1", tip.tier1),
            ("matching.match_threshold", matching.matchThreshold), ("matching.review_threshold", matching.reviewThreshold),
            ("matching.word_similarity", matching.wordSimilarity),
        ]
        for (name, value) in fractions where !(value.isFinite && (0...1).contains(value)) {
            throw ParameterError(name: name, value: "\(value)", allowed: "a number from 0 to 1")
        }
        guard matching.reviewThreshold <= matching.matchThreshold else {
            throw ParameterError(name: "matching.review_threshold", value: "\(matching.reviewThreshold)", allowed: "at most matching.match_threshold (\(matching.matchThreshold))")
        }
        guard (1...5).contains(matching.minInformativeTokens) else {
            throw ParameterError(name: "matching.min_informative_tokens", value: "\(matching.minInformativeTokens)", allowed: "an integer from 1 to 5")
        }
        guard workers >= 1 else { throw ParameterError(name: "workers", value: "\(workers)", allowed: "at least 1") }
    }

    var propagation: PropagationParameters { PropagationParameters(tiers: tiers, decay: decay) }

    /// How far below a threshold a value may be and still meet it: the rounding of doubles, so
    /// that a value that is the threshold in decimals meets it (0.7 × 0.1, an exposure of
    /// 0.06999999999999999 in doubles, meets a threshold of 0.07).
    public static let thresholdTolerance = 1e-9

    /// Whether `value` is at or above `threshold`, within ``thresholdTolerance``.
    @inline(__always)
    public static func meets(_ value: Double, _ threshold: Double) -> Bool { value >= threshold - thresholdTolerance }
}

/// A parameter outside its allowed range.
public struct ParameterError: Error, Sendable, CustomStringConvertible {
    public var name: String
    public var value: String
    public var allowed: String
    public var description: String { "\(name) is \(value); expected \(allowed)" }
}
