import Foundation
import Testing
import RiskModel

/// Hostile YAML for `--config`: it is read as a plain node tree, every key checked, so the
/// worst it can do is fail with a ``ConfigurationError``, quickly.
@Suite("Hostile configuration files")
struct ConfigurationHostileTests {
    /// A "billion laughs" of YAML aliases (10^9 scalars once expanded) at a key that expects a
    /// list of mappings: refused, and the message quoting the bad value stays short.
    @Test(.timeLimit(.minutes(1)))
    func yamlAliasBombIsRefusedQuickly() throws {
        let text = try String(contentsOfFile: Corpus.path("yaml_alias_bomb.yaml"), encoding: .utf8)
        let clock = ContinuousClock()
        let start = clock.now
        var caught: ConfigurationError?
        do { _ = try ModelConfiguration.parse(text, file: "bomb.yaml") } catch { caught = error }
        #expect(caught?.code == "config-invalid-value")
        #expect((caught?.message.count ?? .max) < 2000)
        #expect(clock.now - start < .seconds(5))
    }

    @Test(arguments: [
        "\u{0}\u{1}\u{2}", "version: [", "version: 2", "? [a, b]\n: c", "!!python/object:os.system ls", "version: !!binary aGVsbG8=",
        String(repeating: "[", count: 10_000), "a: " + String(repeating: "x", count: 1 << 20),
    ])
    func garbageIsAConfigurationError(_ text: String) {
        #expect(throws: ConfigurationError.self) { _ = try ModelConfiguration.parse(text, file: "bad.yaml") }
    }
}
