/// How serious a finding is.
public enum FindingSeverity: String, Sendable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in the input that does not stop the run: a rejected row, an ignored column,
/// a share that had to be adjusted.
///
/// Printed as `file:line[:column]: severity: [code] message`, the form compilers use, so that
/// editors and CI systems can link it to the input.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public var severity: FindingSeverity
    /// A short stable identifier such as `missing-value` or `duplicate-link`.
    public var code: String
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: FindingSeverity, code: String, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): [\(code)] \(message)"
    }
}
