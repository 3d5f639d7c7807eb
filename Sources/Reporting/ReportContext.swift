import RiskModel

/// What every report states besides the results: the tool version, the effective parameters,
/// the inputs and the reference editions.
public struct ReportContext: Sendable {
    public static let toolVersion = "0.1.0"
    public static let schemaVersion = 1

    public var assessment: Assessment
    /// What changed since the `--baseline` report, when one was given.
    public var baseline: BaselineDiff?

    public init(assessment: Assessment, baseline: BaselineDiff? = nil) {
        self.assessment = assessment
        self.baseline = baseline
    }

    /// The id of a supplier node.
    func id(_ node: Int) -> String { assessment.suppliers[node].supplier.id }

    /// `A → B → C` with supplier ids.
    func pathText(_ path: [Int]) -> String { path.map(id).joined(separator: " → ") }

    /// Counts of flagged contracts per severity, highest first.
    /// - Complexity: one pass over the contracts (no copies of them).
    var severityCounts: [(Severity, Int)] {
        let severities = Array(Severity.allCases.reversed())
        var counts = Array(repeating: 0, count: severities.count)
        let contracts = assessment.contracts
        for i in contracts.indices {
            if let severity = contracts[i].severity, let k = severities.firstIndex(of: severity) { counts[k] += 1 }
        }
        return zip(severities, counts).map { ($0, $1) }
    }

    /// How many contracts are flagged (no copies of them, unlike `flaggedContracts.count`).
    var flaggedCount: Int {
        let contracts = assessment.contracts
        var count = 0
        for i in contracts.indices where contracts[i].isFlagged { count += 1 }
        return count
    }

    /// Flags per rule over all contracts, in `RuleID.allCases` order.
    /// - Complexity: one pass over the flags.
    var flagsByRule: [(RuleID, Int)] {
        let rules = RuleID.allCases
        var counts = Array(repeating: 0, count: rules.count)
        let contracts = assessment.contracts
        for i in contracts.indices {
            for flag in contracts[i].flags { if let k = rules.firstIndex(of: flag.rule) { counts[k] += 1 } }
        }
        return zip(rules, counts).map { ($0, $1) }
    }
}
