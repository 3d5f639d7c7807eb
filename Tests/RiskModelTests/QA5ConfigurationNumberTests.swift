import Testing
@testable import RiskModel

/// Fifth QA pass on the configuration file: quoted numbers.
@Suite("QA5: configuration numbers")
struct QA5ConfigurationNumberTests {
    /// `tiers: "6"` or `decay: '0.8'` was read as a number, though a quoted scalar is text in
    /// YAML (a quoted `"true"` has been refused since 2efd3d4). Each number key now refuses
    /// one with the key, the value as written, its line and column.
    @Test(arguments: [
        ("propagation:\n  tiers: \"6\"\n", "propagation.tiers", #""6""#, "an integer from 1 to 32", 2, 10),
        ("propagation:\n  decay: '0.8'\n", "propagation.decay", "'0.8'", "a number from 0 to 1", 2, 10),
        ("thresholds:\n  exposure: \"0.35\"\n", "thresholds.exposure", #""0.35""#, "a number from 0 to 1", 2, 13),
        ("indicators:\n  tip:\n    weight: '0.3'\n", "indicators.tip.weight", "'0.3'", "a number from 0 to 1", 3, 13),
        ("matching:\n  common_word_limit: \"256\"\n", "matching.common_word_limit", #""256""#, "an integer from 1 to 1000000", 2, 22),
        ("rules:\n  fl_unmapped:\n    min_amount: \"250000\"\n", "rules.fl_unmapped.min_amount", #""250000""#, "a number ≥ 0", 3, 17),
        ("propagation: {tiers: '6'}\n", "propagation.tiers", "'6'", "an integer from 1 to 32", 1, 22),
    ])
    func aQuotedNumberIsRefused(text: String, key: String, written: String, allowed: String, line: Int, column: Int) throws {
        let error = try #require(ModelConfiguration.parseError("version: 1\n" + text))
        #expect(error.code == "config-invalid-value" && error.key == key && error.value == written, "\(error)")
        #expect(error.location.line == line + 1 && error.location.column == column, "\(error)")
        #expect(error.message == "\(key) is '\(written)'; expected \(allowed), unquoted (a quoted value is text)")
    }

    /// A FAR threshold's amount is a number too; its date is text and may be quoted.
    @Test func aQuotedThresholdAmountIsRefused() throws {
        let text = "rules:\n  far:\n    micro_purchase_threshold:\n      - {amount: \"15000\", effective: 2025-10-01}\n"
        let error = try #require(ModelConfiguration.parseError(text))
        #expect(error.code == "config-invalid-value" && error.key == "rules.far.micro_purchase_threshold" && error.value == #""15000""#, "\(error)")
        #expect(error.location.line == 4 && error.location.column == 18, "\(error)")
        #expect(error.message.contains("a number ≥ 0, unquoted (a quoted value is text)"), "\(error)")
    }

    /// Text that is text stays accepted quoted: the version, the currency, dates and paths.
    @Test func quotedTextIsRead() throws {
        let text = """
            version: "1"
            currency: 'EUR'
            indicators:
              country_risk: {file: "risk.csv"}
            rules:
              far:
                compliance_plan_threshold:
                  - {amount: 700000, effective: "2025-10-01"}

            """
        let loaded = try ModelConfiguration.parse(text, file: "c.yaml", folder: "/conf")
        #expect(loaded.parameters.currency == "EUR" && loaded.countryRiskPath == "/conf/risk.csv")
        #expect(loaded.parameters.rules.compliancePlanThreshold == [DatedAmount(amount: 700000, effective: "2025-10-01")])
    }

    /// Plain numbers in every form the reader took before are still read.
    @Test func plainNumbersAreRead() throws {
        let loaded = try ModelConfiguration.parse("propagation: {tiers: 4, decay: .5}\nrules:\n  fl_unmapped: {min_amount: 1_000}\n", file: "c.yaml")
        #expect(loaded.parameters.tiers == 4 && loaded.parameters.decay == 0.5 && loaded.parameters.rules.unmappedMinAmount == 1000)
    }

    /// `tiers: !!str 6` was read as the number 6, though the tag makes the scalar text (as
    /// quotes do). Numbers, booleans and threshold amounts tagged `!!str` are refused, the value
    /// echoed with its tag; a plain number's own tag (`!!int 6`) is still read.
    @Test(arguments: [
        ("propagation:\n  tiers: !!str 6\n", "propagation.tiers", "an integer from 1 to 32"),
        ("propagation:\n  decay: !!str 0.8\n", "propagation.decay", "a number from 0 to 1"),
        ("rules:\n  fl_goods:\n    enabled: !!str true\n", "rules.fl_goods.enabled", "true or false"),
    ])
    func aStrTaggedValueIsRefused(text: String, key: String, allowed: String) throws {
        let error = try #require(ModelConfiguration.parseError("version: 1\n" + text))
        let written = "!!str " + text.split(separator: " ").last!.dropLast()
        #expect(error.code == "config-invalid-value" && error.key == key && error.value == written, "\(error)")
        #expect(error.message == "\(key) is '\(written)'; expected \(allowed), without the !!str tag (a !!str value is text)")
    }

    @Test func aStrTaggedThresholdAmountIsRefusedAndAnIntTaggedNumberRead() throws {
        let text = "rules:\n  far:\n    micro_purchase_threshold:\n      - {amount: !!str 15000, effective: 2025-10-01}\n"
        let error = try #require(ModelConfiguration.parseError(text))
        #expect(error.code == "config-invalid-value" && error.key == "rules.far.micro_purchase_threshold" && error.value == "!!str 15000", "\(error)")
        let loaded = try ModelConfiguration.parse("propagation: {tiers: !!int 4}\n", file: "c.yaml")
        #expect(loaded.parameters.tiers == 4)
    }
}
