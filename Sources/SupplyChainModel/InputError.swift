/// A fatal problem with an input: the file is missing or unreadable, a required column is
/// absent, or the file is not valid CSV. Row-level problems are ``Finding``s instead.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// A short stable identifier such as `file-not-found` or `missing-column`.
    public var code: String
    public var message: String
    public var location: SourceLocation

    public init(code: String, _ message: String, at location: SourceLocation) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): error: [\(code)] \(message)" }
}
