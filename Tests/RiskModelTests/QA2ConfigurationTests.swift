import Testing
@testable import RiskModel

/// Second QA pass on the configuration file: errors point at the line at fault, dates are
/// real calendar dates.
@Suite("QA2: configuration file")
struct QA2ConfigurationTests {
    /// Thresholds that contradict each other were reported at 1:1 (the file's first line);
    /// now at the line of the key in question.
    @Test func contradictoryThresholdsNameTheKeysLine() throws {
        let exposure = try #require(ModelConfiguration.parseError("version: 1\n\nthresholds:\n  flagged_risk: 0.7\n  exposure: 0.9\n"))
        #expect(exposure.location.line == 5 && exposure.key == "thresholds.exposure", "\(exposure)")
        let high = try #require(ModelConfiguration.parseError("thresholds:\n  exposure_high: 0.2\n"))
        #expect(high.location.line == 2, "only exposure_high is in the file: its line, \(high)")
        let review = try #require(ModelConfiguration.parseError("matching:\n  match_threshold: 0.9\n  review_threshold: 0.95\n"))
        #expect(review.location.line == 3 && review.key == "matching.review_threshold", "\(review)")
    }

    /// `effective: 2020-02-30` (or 2023-04-31, 2023-02-29) was accepted as a date.
    @Test(arguments: ["2020-02-30", "2023-04-31", "2023-02-29", "2023-06-31", "1900-02-29"])
    func impossibleEffectiveDatesAreRejected(date: String) throws {
        let text = "rules:\n  far:\n    micro_purchase_threshold:\n      - amount: 10000\n        effective: \(date)\n"
        let error = try #require(ModelConfiguration.parseError(text))
        #expect(error.code == "config-invalid-value" && error.location.line == 4, "\(error)")
    }

    @Test(arguments: ["2020-02-29", "2000-02-29", "2023-12-31", "2023-04-30"])
    func realEffectiveDatesAreAccepted(date: String) throws {
        let text = "rules:\n  far:\n    micro_purchase_threshold:\n      - amount: 10000\n        effective: \(date)\n"
        let loaded = try ModelConfiguration.parse(text, file: "c.yaml")
        #expect(loaded.parameters.rules.microPurchaseThreshold.map(\.effective) == [date])
    }
}
