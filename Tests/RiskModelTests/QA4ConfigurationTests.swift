import Testing
@testable import RiskModel

/// Fourth QA pass on the configuration file: quoted booleans.
@Suite("QA4: configuration booleans")
struct QA4ConfigurationTests {
    /// `enabled: "true"` was read as the boolean true, though YAML makes a quoted scalar a
    /// string (and `tiers: true` style checks refuse other text). It is now refused with the
    /// key, the value as written and its line and column.
    @Test(arguments: [#""true""#, #""false""#, "'true'", "'false'"])
    func aQuotedBooleanIsRefused(value: String) throws {
        let error = try #require(ModelConfiguration.parseError("version: 1\nrules:\n  fl_goods:\n    enabled: \(value)\n"))
        #expect(error.code == "config-invalid-value" && error.key == "rules.fl_goods.enabled", "\(error)")
        #expect(error.value == value && error.location.line == 4 && error.location.column == 14, "\(error)")
        #expect(error.description == "c.yaml:4:14: error: [config-invalid-value] rules.fl_goods.enabled is '\(value)'; expected true or false, unquoted (a quoted value is text)")
    }

    @Test(arguments: [("true", true), ("false", false)])
    func anUnquotedBooleanIsRead(value: String, enabled: Bool) throws {
        let loaded = try ModelConfiguration.parse("rules:\n  fl_goods:\n    enabled: \(value)\n", file: "c.yaml")
        #expect(loaded.parameters.rules.goodsEnabled == enabled)
    }
}
