import SupplyChainModel

/// A configuration file that cannot be used: unreadable, not YAML, an unknown key, or a value
/// outside its allowed range. Printed like an input error, with the file, line and column.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// `file-not-found`, `config-syntax`, `config-unknown-key`, `config-invalid-value`.
    public var code: String
    /// The dotted key at fault (e.g. `indicators.tip.weight`), when one is.
    public var key: String?
    /// The value as written, when one is at fault.
    public var value: String?
    /// What the key accepts, e.g. "a number from 0 to 1".
    public var allowed: String?
    public var message: String
    public var location: SourceLocation

    init(code: String, key: String? = nil, value: String? = nil, allowed: String? = nil, _ message: String, at location: SourceLocation) {
        self.code = code
        self.key = key
        self.value = value
        self.allowed = allowed
        self.message = message
        self.location = location
    }

    /// A value outside its range: "`key` is `value`; expected `allowed`".
    static func invalid(_ key: String, _ value: String, allowed: String, at location: SourceLocation) -> ConfigurationError {
        ConfigurationError(code: "config-invalid-value", key: key, value: value, allowed: allowed, "\(key) is '\(value)'; expected \(allowed)", at: location)
    }

    public var description: String { "\(location): error: [\(code)] \(message)" }
}
