import Testing
@testable import RiskModel

/// Fifth QA pass on the configuration file: a key given twice.
@Suite("QA5: configuration keys given twice")
struct QA5DuplicateKeyTests {
    /// A key given twice was reported at its first occurrence (Yams names only that one), so
    /// the line shown was the one the user meant to keep. The error now points at the repeated
    /// key and names the first one's line.
    @Test(arguments: [
        ("version: 1\npropagation:\n  tiers: 4\n  decay: 0.7\n  tiers: 5\n", "tiers", 5, 3, 3),
        ("propagation:\n  tiers: 4\nversion: 1\npropagation:\n  decay: 0.5\n", "propagation", 4, 1, 1),
        ("propagation: {tiers: 4, tiers: 5}\n", "tiers", 1, 25, 1),
        ("propagation:\n  \"tiers\": 4\n  tiers: 5\n", "tiers", 3, 3, 2),
        ("rules:\n  fl_goods:\n    enabled: true\n    enabled: false\n    enabled: true\n", "enabled", 4, 5, 3),
        // Two mappings with a key twice: the first one's repeat, not the second mapping's.
        ("a:\n  x: 1\n  y: 2\n  x: 3\nb:\n  x: 4\n  x: 5\n", "x", 4, 3, 2),
        ("p: {é: 1, q: 2, é: 3}\n", "é", 1, 17, 1),
        ("p:\r\n  q: 1\r\n  q: 2\r\n", "q", 3, 3, 2),
        ("\u{FEFF}p: {a: {x: 1, x: 2}, a: 3}\n", "x", 1, 16, 1),
    ])
    func theRepeatedKeyIsReported(text: String, key: String, line: Int, column: Int, firstLine: Int) throws {
        let error = try #require(ModelConfiguration.parseError(text))
        #expect(error.code == "config-syntax", "\(error)")
        #expect(error.location.line == line && error.location.column == column, "\(error)")
        #expect(error.message == "not valid YAML: a key is given twice: \(key) (first on line \(firstLine))", "\(error)")
    }

    /// Two keys given twice in one mapping: both named, the first one's repeat located.
    @Test func twoKeysGivenTwice() throws {
        let error = try #require(ModelConfiguration.parseError("b: 1\na: 1\nb: 2\na: 2\n"))
        #expect(error.code == "config-syntax" && error.location.line == 4 && error.location.column == 1, "\(error)")
        #expect(error.message == "not valid YAML: a key is given twice: a, b (a first on line 2)", "\(error)")
    }

    /// A key whose repeat cannot be told (written with an anchor) is reported as before, at
    /// its first occurrence.
    @Test func anAnchoredKeyIsReportedAtItsFirstOccurrence() throws {
        let error = try #require(ModelConfiguration.parseError("&k a: 1\na: 2\n"))
        #expect(error.code == "config-syntax" && error.location.line == 1, "\(error)")
        #expect(error.message == "not valid YAML: a key is given twice: a", "\(error)")
    }
}
