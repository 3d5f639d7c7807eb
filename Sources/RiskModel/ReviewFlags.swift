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
    /// The contract's goods and a country it names form a pair on the DOL list.
    case goods = "FL-GOODS"
    /// FAR 22.1703(c): the portion performed or acquired outside the US is above the threshold.
    case compliancePlan = "FAR-22.1703-PLAN"
    /// FAR 22.15: supplies above the micro-purchase threshold whose product and origin are on the EO 13126 list.
    case eo13126 = "FAR-22.15-EO13126"
    /// DFARS 225.7022: a DoD contract whose supply chain reaches Xinjiang or a UFLPA-listed entity.
    case dfars = "DFARS-225.7022"
    /// The vendor's supply chain is not mapped (no suppliers, or little of its sourcing).
    case unmapped = "FL-UNMAPPED"

    /// One line on what the rule checks.
    public var summary: String {
        switch self {
        case .entity: "The vendor or a supplier within K tiers is a flagged supplier."
        case .exposure: "The vendor's tiered forced-labor exposure is at or above the threshold."
        case .goods: "The contract's goods and its country of origin, place of performance or vendor country form a pair on the DOL list."
        case .compliancePlan: "FAR 22.1703(c) / 52.222-56: supplies acquired or services performed outside the US above the threshold need a compliance plan and certification."
        case .eo13126: "FAR 22.15: supplies above the micro-purchase threshold whose product and origin country are on the EO 13126 list need the 52.222-18/19 certification."
        case .dfars: "DFARS 225.7022: a DoD contract whose supply chain reaches Xinjiang-origin goods or a UFLPA-listed entity."
        case .unmapped: "The vendor has no known suppliers, or its known shares cover little of its sourcing, on a contract above the amount."
        }
    }

    /// Where the rule comes from, for reports that link to it.
    public var helpURI: String {
        switch self {
        case .entity, .exposure, .goods, .unmapped: "https://github.com/flrisk/flrisk/blob/main/docs/METHODOLOGY.md"
        case .compliancePlan: "https://www.acquisition.gov/far/22.1703"
        case .eo13126: "https://www.acquisition.gov/far/subpart-22.15"
        case .dfars: "https://www.acquisition.gov/dfars/225.7022"
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
    /// The input fields that fired the rule, e.g. `psc`, `country_of_origin`, `award_date`.
    public var fields: [String]

    public init(rule: RuleID, severity: Severity, message: String, path: [Int] = [], fields: [String] = []) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.path = path
        self.fields = fields
    }
}
