@testable import RiskModel

extension ModelConfiguration {
    /// The error parsing `text` (as a file named `c.yaml`) stops with, or nil when it parses:
    /// for tests of the configuration's checks.
    static func parseError(_ text: String) -> ConfigurationError? {
        do {
            _ = try parse(text, file: "c.yaml")
            return nil
        } catch {
            return error
        }
    }
}
