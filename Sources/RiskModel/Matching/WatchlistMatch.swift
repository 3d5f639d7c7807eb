/// How a supplier was matched to a watchlist entry.
public enum MatchMethod: String, Sendable, Hashable {
    /// A UEI, LEI or DUNS equal on both sides.
    case identifier
    /// Confirmed by the analyst in the decisions file.
    case analystConfirmed = "analyst-confirmed"
    /// The normalised names are equal, word for word.
    case exactName = "exact-name"
    /// The normalised names have the same words in another order.
    case tokenSort = "token-sort"
    /// The name score (token-set Jaro-Winkler) is at or above a threshold.
    case fuzzy
}

/// Whether a match is taken as the listed entity or left for a person to check.
public enum MatchStrength: String, Sendable, Hashable {
    /// At or above the match threshold (or an identifier or a confirmed decision).
    case match
    /// Between the review and match thresholds, or capped (generic name, other country): a
    /// person should confirm or reject it in the decisions file.
    case possible = "possible-match"
}

/// A supplier matched to a watchlist entry, with the method and score behind it.
public struct WatchlistMatch: Sendable, Hashable {
    /// Index of the entry in ``WatchlistMatcher/entities``.
    public var entity: Int
    public var entryID: String
    public var list: String
    /// The entry's name or the alias that matched.
    public var matchedName: String
    public var method: MatchMethod
    /// The name score in [0, 1]; 1 for identifiers and confirmed decisions.
    public var score: Double
    public var strength: MatchStrength
    /// Why a match was capped or how it was found, e.g. "alias", "generic name", "country differs".
    public var notes: [String]

    /// "exact-name 1.00", "fuzzy 0.93 (alias)".
    public var methodDescription: String {
        "\(method.rawValue) \(Formatting.fixed(score, 2))" + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
    }
}
