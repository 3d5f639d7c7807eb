/// How urgently a flag needs a person's review.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case info, low, medium, high

    public var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// The review rules flrisk applies to contracts.
public enum RuleID: String, Sendable, CaseIterable {
    /// The vendor or a supplier within K tiers is flagged (high risk, watchlist, presumption region).
    case entity = "FL-ENTITY"
    /// The vendor's exposure E is at or above the threshold.
    case exposure = "FL-EXPOSURE"

    /// One line on what the rule checks.
    public var summary: String {
        switch self {
        case .entity: "The vendor or a supplier within K tiers is a flagged supplier."
        case .exposure: "The vendor's tiered forced-labor exposure is at or above the threshold."
        }
    }
}

/// One reason a contract is in the review queue.
public struct ReviewFlag: Sendable, Hashable {
    public var rule: RuleID
    public var severity: Severity
    /// One sentence a reviewer can act on.
    public var message: String
    /// Supplier node indices that explain the flag, from the vendor upstream.
    public var path: [Int]
}
