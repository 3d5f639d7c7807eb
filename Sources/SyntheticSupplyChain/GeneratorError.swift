/// Why a generation run failed: bad parameters (the command exits 2) or an output that could
/// not be written (exit 3). The message is a sentence for the user.
public enum GeneratorError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The requested sizes cannot be generated (e.g. more links than distinct supplier pairs).
    case invalidParameters(String)
    /// A file in the output directory could not be created, written or renamed.
    case outputFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidParameters(let message): "flrisk generate: error: \(message)"
        case .outputFailed(let path, let reason): "\(path): error: [output-unwritable] \(reason)"
        }
    }
}
