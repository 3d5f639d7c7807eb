import Foundation
import Testing

/// `flrisk config` and `score --config`: the default file, overrides, and exit codes (2 for a
/// bad configuration file, 64 for a bad flag).
@Suite("flrisk config", .serialized)
struct ConfigCommandTests {
    @Test func initWritesTheDefaultAndRefusesToOverwrite() throws {
        let scratch = Scratch()
        let path = scratch.url.appendingPathComponent("flrisk.yaml").path
        let first = try CLI.run(["config", "init", path])
        #expect(first.status == 0 && first.stdout.contains("Wrote \(path)"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# flrisk configuration (YAML)") && text.contains("match_threshold: 0.9"))
        let again = try CLI.run(["config", "init", path])
        #expect(again.status == 64 && again.stderr.contains("already exists; use --force"))
        #expect(try CLI.run(["config", "init", path, "--force"]).status == 0)
        #expect(try CLI.run(["config", "check", path]).status == 0)
        #expect(try CLI.run(["config", "init", "-"]).stdout == text)
    }

    @Test func aBadConfigurationIsExit2NamingKeyValueAndRange() throws {
        let scratch = Scratch()
        let config = scratch.write("c.yaml", "indicators:\n  tip:\n    weight: 1.5\n")
        let out = scratch.url.appendingPathComponent("r.json").path
        let run = try CLI.run(["score"] + CLI.demo + ["--config", config, "--output", out])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(config):3:13: error: [config-invalid-value] indicators.tip.weight is '1.5'; expected a number from 0 to 1"))
        #expect(!FileManager.default.fileExists(atPath: out), "no report")
        let unknown = scratch.write("u.yaml", "propagation:\n  decai: 0.5\n")
        let check = try CLI.run(["config", "check", unknown])
        #expect(check.status == 2 && check.stderr.contains("did you mean 'decay'?"))
        #expect(try CLI.run(["score"] + CLI.demo + ["--config", scratch.url.appendingPathComponent("none.yaml").path]).status == 2)
    }

    @Test func flagsOverrideTheFileAndTheReportEchoesTheEffectiveValues() throws {
        let scratch = Scratch()
        let config = scratch.write("c.yaml", "propagation: {tiers: 4, decay: 0.5}\nmatching: {review_threshold: 0.85}\n")
        let run = try CLI.run(["score"] + CLI.demo + ["--config", config, "--tiers", "3", "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let parameters = object["parameters"] as! [String: Any]
        #expect(parameters["tiers"] as? Int == 3)
        #expect(parameters["decay"] as? Double == 0.5)
        #expect(parameters["config_file"] as? String == config)
        #expect((parameters["matching"] as! [String: Any])["review_threshold"] as? Double == 0.85)
        #expect(try CLI.run(["score"] + CLI.demo + ["--config", config, "--decay", "2"]).status == 64)
    }

    @Test func decisionsAreRememberedAcrossRuns() throws {
        let scratch = Scratch()
        let decisions = scratch.write("d.csv", "supplier_id,watchlist_entry,decision\nS0054,UFLPA-0007,reject\n")
        let run = try CLI.run(["score"] + CLI.demo + ["--decisions", decisions, "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let s0054 = (object["suppliers"] as! [[String: Any]]).first { $0["id"] as? String == "S0054" }!
        #expect((s0054["watchlist_matches"] as! [Any]).isEmpty)
        #expect((object["inputs"] as! [[String: Any]]).contains { $0["role"] as? String == "decisions" })
    }
}
