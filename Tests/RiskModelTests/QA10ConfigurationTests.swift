import Testing
@testable import RiskModel

/// Tenth QA pass on the configuration file: values that must be ordered.
@Suite("QA10: configuration keys that depend on each other")
struct QA10ConfigurationTests {
    /// A file giving only the upper key, below the lower key's default, was told about the key
    /// it did not write: `thresholds: {exposure_high: 0.2}` said "thresholds.exposure is
    /// '0.35'; expected at most thresholds.exposure_high (0.2)" at the exposure_high line. The
    /// key written is named, with its value and the bound the default sets.
    @Test(arguments: [
        ("thresholds:\n  exposure_high: 0.2\n", "thresholds.exposure_high", "0.2", "at least thresholds.exposure (0.35)", 2),
        ("matching:\n  match_threshold: 0.5\n", "matching.match_threshold", "0.5", "at least matching.review_threshold (0.8)", 2),
        // Both written: the lower one is named, as before.
        ("thresholds:\n  exposure_high: 0.2\n  exposure: 0.3\n", "thresholds.exposure", "0.3", "at most thresholds.exposure_high (0.2)", 3),
        ("thresholds:\n  exposure: 0.9\n", "thresholds.exposure", "0.9", "at most thresholds.exposure_high (0.6)", 2),
    ] as [(String, String, String, String, Int)])
    func theKeyWrittenIsNamed(text: String, key: String, value: String, allowed: String, line: Int) throws {
        let error = try #require(ModelConfiguration.parseError(text))
        #expect(error.code == "config-invalid-value", "\(error)")
        #expect(error.key == key && error.value == value && error.allowed == allowed, "\(error)")
        #expect(error.location.line == line, "\(error)")
    }
}
