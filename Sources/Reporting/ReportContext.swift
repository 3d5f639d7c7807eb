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
    var severityCounts: [(Severity, Int)] {
        Severity.allCases.reversed().map { severity in
            (severity, assessment.contracts.filter { $0.severity == severity }.count)
        }
    }
}
