import RiskModel

/// What every report states besides the results: the tool version, the effective parameters,
/// the inputs and the reference editions.
public struct ReportContext: Sendable {
    public static let toolVersion = "0.1.0"
    public static let schemaVersion = 1

    /// How the run read dates written with slashes, as the Markdown and HTML reports say it
    /// (no escaping needed: fixed text).
    static func dateOrderNote(_ p: ScoringParameters) -> String {
        let order = p.dateOrder.rawValue
        return "Dates with slashes read as \(order == "dmy" ? "DD/MM/YYYY" : "MM/DD/YYYY") (date order \(order))"
    }

    public var assessment: Assessment
    /// What changed since the `--baseline` report, when one was given.
    public var baseline: BaselineDiff?

    public init(assessment: Assessment, baseline: BaselineDiff? = nil) {
        self.assessment = assessment
        self.baseline = baseline
    }

    /// The id of a supplier node.
    func id(_ node: Int) -> String { assessment.suppliers.withUnsafeBufferPointer { $0[node].supplier.id } }

    /// `A → B → C` with supplier ids.
    func pathText(_ path: [Int]) -> String { path.map(id).joined(separator: " → ") }

    /// Counts of flagged contracts per severity, highest first.
    /// - Complexity: one pass over the flagged contracts' severities (kept with their flags).
    var severityCounts: [(Severity, Int)] {
        let severities = Array(Severity.allCases.reversed())
        var counts = Array(repeating: 0, count: severities.count)
        let flagged = assessment.flaggedCount
        assessment.contracts.withUnsafeBufferPointer { contracts in
            for i in 0..<flagged {
                if let severity = contracts[i].severity, let k = severities.firstIndex(of: severity) { counts[k] += 1 }
            }
        }
        return zip(severities, counts).map { ($0, $1) }
    }

    /// Flags per rule over all contracts, in `RuleID.allCases` order.
    /// - Complexity: one pass over the flags.
    var flagsByRule: [(RuleID, Int)] {
        let rules = RuleID.allCases
        var counts = Array(repeating: 0, count: rules.count)
        let flagged = assessment.flaggedCount
        assessment.contracts.withUnsafeBufferPointer { contracts in
            for i in 0..<flagged {
                // Each flag's rule read in place: copying a flag would retain its message,
                // fields and path.
                contracts[i].flags.withUnsafeBufferPointer { flags in
                    for f in flags.indices { if let k = rules.firstIndex(of: flags[f].rule) { counts[k] += 1 } }
                }
            }
        }
        return zip(rules, counts).map { ($0, $1) }
    }
}
