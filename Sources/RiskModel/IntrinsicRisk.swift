import SupplyChainModel

/// Why a supplier has the intrinsic risk it has.
public enum RiskBasis: Sendable, Hashable {
    /// The analyst's `risk` column; `modelValue` is what the model would have said.
    case override(note: String?, modelValue: Double)
    /// PLACEHOLDER until the full risk model: a score from the country's TIP Report placement.
    case countryPlaceholder(alpha2: String, tier: TIPTier, reportYear: Int)
    /// The country is missing or names no ISO country: an explicit "unknown", not zero risk.
    case unknownCountry(written: String?)

    /// A short human explanation.
    public var explanation: String {
        switch self {
        case .override(let note, let model):
            "analyst override" + (note.map { ": \($0)" } ?? "") + " (model: \(Formatting.fixed(model, 2)))"
        case .countryPlaceholder(let alpha2, let tier, let year):
            "placeholder country score: \(alpha2) is \(tier.label) in the \(year) TIP Report"
        case .unknownCountry(let written):
            written.map { "country '\($0)' is not an ISO country: unknown-country score" } ?? "no country given: unknown-country score"
        }
    }
}

/// The intrinsic risk of one supplier and what it rests on.
public struct IntrinsicRisk: Sendable, Hashable {
    public var value: Double
    public var basis: RiskBasis
    /// The resolved ISO country, when there is one.
    public var country: Country?
}

/// The placeholder intrinsic-risk model: an analyst override when given, otherwise a score from
/// the country's placement in the latest TIP Report. Clearly marked as a placeholder in every
/// report; the full indicator model (DOL goods, watchlists, presumption regions) replaces it.
public struct PlaceholderRiskModel: Sendable {
    public let reference: ReferenceData

    /// Placeholder scores per TIP placement.
    public static let tierScores: [TIPTier: Double] = [
        .tier3: 0.3, .specialCase: 0.25, .tier2WatchList: 0.15, .tier2: 0.05, .tier1Or2: 0.05, .tier1: 0.02,
    ]
    /// Placeholder score for a missing or unresolvable country.
    public static let unknownCountryScore = 0.2

    /// The reference tables this model reads (the report lists their editions).
    public static let tablesUsed: Set<String> = ["countries.csv", "country_names.csv", "tip_tiers.csv"]

    public init(reference: ReferenceData) { self.reference = reference }

    public func assess(_ supplier: Supplier) -> IntrinsicRisk {
        let country = supplier.country.flatMap(reference.countries.resolve)
        var model: IntrinsicRisk
        if let country {
            let year = reference.tip.latestYear
            let tier = reference.tip.tier(of: country.alpha2, year: year)
            model = IntrinsicRisk(value: Self.tierScores[tier]!, basis: .countryPlaceholder(alpha2: country.alpha2, tier: tier, reportYear: year), country: country)
        } else {
            model = IntrinsicRisk(value: Self.unknownCountryScore, basis: .unknownCountry(written: supplier.country), country: nil)
        }
        if let override = supplier.riskOverride {
            model = IntrinsicRisk(value: override, basis: .override(note: supplier.riskNote, modelValue: model.value), country: country)
        }
        return model
    }
}
