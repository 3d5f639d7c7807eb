import Foundation
import Testing
@testable import RiskModel

@Suite("Configuration file")
struct ConfigurationTests {
    @Test func theTemplateLoadsToTheDefaults() throws {
        let loaded = try ModelConfiguration.parse(ConfigurationTemplate.text, file: "flrisk.yaml")
        #expect(loaded == ModelConfiguration())
        #expect(loaded.parameters == ScoringParameters())
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        #expect(try ModelConfiguration.parse("", file: "empty.yaml") == ModelConfiguration())
        #expect(try ModelConfiguration.parse("# only a comment\nindicators:\n", file: "c.yaml") == ModelConfiguration())
    }

    @Test func valuesAreRead() throws {
        let text = """
            propagation: {tiers: 4, decay: 0.5}
            thresholds:
              flagged_risk: 0.8
            indicators:
              tip: {weight: 0.1, tier_3: 0.9}
              dol_goods: {forced_labor: 0.7}
              country_risk: {weight: 0.4, file: risk.csv}
            matching:
              match_threshold: 0.95
              min_informative_tokens: 2
              decisions: /abs/decisions.csv
            rules:
              fl_exposure: {enabled: false}
              far:
                micro_purchase_threshold:
                  - {amount: 15000, effective: 2025-10-01}
            currency: EUR
            """
        let loaded = try ModelConfiguration.parse(text, file: "c.yaml", folder: "/work/conf")
        let p = loaded.parameters
        #expect(p.tiers == 4 && p.decay == 0.5 && p.flaggedRiskThreshold == 0.8)
        #expect(p.indicators.weights.tip == 0.1 && p.indicators.tip.tier3 == 0.9 && p.indicators.dol.forcedLabor == 0.7)
        #expect(p.indicators.weights.countryRisk == 0.4)
        #expect(p.matching.matchThreshold == 0.95 && p.matching.minInformativeTokens == 2)
        #expect(!p.rules.exposureEnabled && p.rules.entityEnabled)
        #expect(p.rules.microPurchaseThreshold == [DatedAmount(amount: 15000, effective: "2025-10-01")])
        #expect(p.currency == "EUR")
        #expect(loaded.countryRiskPath == "/work/conf/risk.csv", "relative to the configuration's folder")
        #expect(loaded.decisionsPath == "/abs/decisions.csv")
    }

    /// A bad key or value names the key, the value and what is allowed, with the line.
    @Test(arguments: [
        ("propagation:\n  tiers: 0\n", "propagation.tiers", "0", "an integer from 1 to 32", 2),
        ("propagation:\n  tiers: six\n", "propagation.tiers", "six", "an integer from 1 to 32", 2),
        ("propagation:\n  decay: 1.5\n", "propagation.decay", "1.5", "a number from 0 to 1", 2),
        ("indicators:\n  tip:\n    weight: -0.1\n", "indicators.tip.weight", "-0.1", "a number from 0 to 1", 3),
        ("indicators:\n  tip:\n    weight: .nan\n", "indicators.tip.weight", ".nan", "a number from 0 to 1", 3),
        ("matching:\n  min_informative_tokens: 0\n", "matching.min_informative_tokens", "0", "an integer from 1 to 5", 2),
        ("rules:\n  fl_entity:\n    enabled: yes\n", "rules.fl_entity.enabled", "yes", "true or false", 3),
        ("currency: dollars\n", "currency", "dollars", "an ISO 4217 code of three capital letters, e.g. USD", 1),
        ("version: 2\n", "version", "2", "1 (the only version)", 1),
        ("thresholds:\n  exposure: [0.3]\n", "thresholds.exposure", "(a list)", "a number from 0 to 1", 2),
        ("rules:\n  far:\n    micro_purchase_threshold:\n      - {amount: 10000, effective: 2025-13-01}\n",
         "rules.far.micro_purchase_threshold", "{amount: 10000, effective: 2025-13-01}", "a list of {amount: a number ≥ 0, effective: YYYY-MM-DD}", 4),
        ("matching:\n  match_threshold: 0.8\n  review_threshold: 0.85\n", "matching.review_threshold", "0.85", "at most matching.match_threshold (0.8)", 3),
    ] as [(String, String, String, String, Int)])
    func badValues(text: String, key: String, value: String, allowed: String, line: Int) {
        let error = #expect(throws: ConfigurationError.self) { try ModelConfiguration.parse(text, file: "bad.yaml") }
        #expect(error?.code == "config-invalid-value")
        #expect(error?.key == key && error?.value == value && error?.allowed == allowed)
        #expect(error?.location.line == line)
        #expect(error?.description.hasPrefix("bad.yaml:\(line)") == true)
        #expect(error?.description.contains("\(key) is '\(value)'; expected \(allowed)") == true)
    }

    @Test(arguments: [
        ("propagation:\n  decai: 0.5\n", "propagation.decai", "decay", 2),
        ("treshold:\n  exposure: 0.5\n", "treshold", "thresholds", 1),
        ("indicators:\n  tip:\n    tier3: 0.5\n", "indicators.tip.tier3", "tier_3", 3),
    ])
    func unknownKeysNameTheAllowedKeys(text: String, key: String, suggestion: String, line: Int) {
        let error = #expect(throws: ConfigurationError.self) { try ModelConfiguration.parse(text, file: "bad.yaml") }
        #expect(error?.code == "config-unknown-key" && error?.key == key && error?.location.line == line)
        #expect(error?.allowed?.contains(suggestion) == true)
        #expect(error?.description.contains("did you mean '\(suggestion)'?") == true)
    }

    @Test(arguments: ["propagation: [1, 2", "a: b: c", "thresholds: {exposure: 0.3, exposure: 0.4}", "- just\n- a list\n"])
    func malformedFiles(text: String) {
        let error = #expect(throws: ConfigurationError.self) { try ModelConfiguration.parse(text, file: "bad.yaml") }
        #expect(error?.code == "config-syntax" || error?.code == "config-invalid-value")
        #expect(error?.description.hasPrefix("bad.yaml") == true)
    }

    @Test func aMissingFileIsNamed() {
        let error = #expect(throws: ConfigurationError.self) { try ModelConfiguration.load(path: "/nonexistent/flrisk.yaml") }
        #expect(error?.code == "file-not-found")
        #expect(error?.description == "/nonexistent/flrisk.yaml: error: [file-not-found] no such configuration file")
    }

    @Test func loadingRecordsTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flrisk-\(UUID().uuidString).yaml").path
        try "propagation:\n  tiers: 3\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = try ModelConfiguration.load(path: path)
        #expect(loaded.parameters.tiers == 3 && loaded.parameters.configFile == path)
    }

    @Test func everyKeyOfTheReaderIsInTheTemplate() {
        for (key, _) in ConfigurationReader.keys {
            let leaf = key.split(separator: ".").last!
            #expect(ConfigurationTemplate.text.contains("\(leaf):"), "\(key) is not in the template")
        }
    }

    @Test func parametersValidateNamesTheKey() {
        var parameters = ScoringParameters()
        parameters.indicators.weights.tip = 2
        let error = #expect(throws: ParameterError.self) { try parameters.validate() }
        #expect(error?.name == "indicators.tip.weight")
    }
}
