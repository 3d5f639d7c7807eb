import Foundation
import Testing

/// `--baseline`, `--format csv sarif html`, `--verbose`/`--quiet` and their exit codes, run on
/// the built binary.
@Suite("flrisk score: baseline, formats, progress", .serialized)
struct BaselineAndFormatCLITests {
    /// The demo contracts file cut to its header and first `rows` rows.
    static func firstContracts(_ rows: Int, in scratch: Scratch) throws -> String {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Datasets/demo/contracts.csv"), encoding: .utf8)
        return scratch.write("contracts-\(rows).csv", text.split(separator: "\n", omittingEmptySubsequences: false).prefix(rows + 1).joined(separator: "\n") + "\n")
    }

    static func score(_ contracts: String, _ extra: [String]) throws -> CLIRun {
        try CLI.run(["score", "--suppliers", "Datasets/demo/suppliers.csv", "--links", "Datasets/demo/links.csv", "--contracts", contracts] + extra)
    }

    static func baselineSection(_ path: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        return try #require(object["baseline"] as? [String: Any])
    }

    @Test func everyFormatIsWrittenToTheDirectory() throws {
        let scratch = Scratch()
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "md", "csv", "sarif", "html", "--output", scratch.url.path + "/", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.files == ["report.csv", "report.html", "report.json", "report.md", "report.sarif"])
        let csv = try String(contentsOf: scratch.url.appendingPathComponent("report.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("rank,contract_id,vendor_id,vendor_name,amount,"))
    }

    @Test func sameInputsAsTheBaselineGiveNoNewFlagsAndPassTheGate() throws {
        let scratch = Scratch()
        let contracts = CLI.root.appendingPathComponent("Datasets/demo/contracts.csv").path
        let previous = scratch.url.appendingPathComponent("previous.json").path
        #expect(try Self.score(contracts, ["--format", "json", "--output", previous, "--quiet"]).status == 0)
        let current = scratch.url.appendingPathComponent("current.json").path
        let run = try Self.score(contracts, ["--format", "json", "--output", current, "--baseline", previous, "--fail-on", "info"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("0 new, 0 changed, 0 resolved flags"))
        let diff = try Self.baselineSection(current)
        #expect((diff["new"] as? [Any])?.isEmpty == true && (diff["resolved"] as? [Any])?.isEmpty == true)
        // Without the baseline the same run fails the gate.
        #expect(try Self.score(contracts, ["--quiet", "--fail-on", "info"]).status == 1)
    }

    @Test func newFlagsFailTheGateAndResolvedOnesDoNot() throws {
        let scratch = Scratch()
        let few = try Self.firstContracts(10, in: scratch)
        let all = CLI.root.appendingPathComponent("Datasets/demo/contracts.csv").path
        let small = scratch.url.appendingPathComponent("small.json").path
        let large = scratch.url.appendingPathComponent("large.json").path
        #expect(try Self.score(few, ["--format", "json", "--output", small, "--quiet"]).status == 0)
        #expect(try Self.score(all, ["--format", "json", "--output", large, "--quiet"]).status == 0)

        let grown = scratch.url.appendingPathComponent("grown.json").path
        let up = try Self.score(all, ["--format", "json", "--output", grown, "--baseline", small, "--fail-on", "high", "--quiet"])
        #expect(up.status == 1)
        #expect(((try Self.baselineSection(grown))["new"] as? [Any])?.isEmpty == false)

        let shrunk = scratch.url.appendingPathComponent("shrunk.json").path
        let down = try Self.score(few, ["--format", "json", "--output", shrunk, "--baseline", large, "--fail-on", "info", "--quiet"])
        #expect(down.status == 0)
        let diff = try Self.baselineSection(shrunk)
        #expect((diff["new"] as? [Any])?.isEmpty == true && (diff["resolved"] as? [Any])?.isEmpty == false)
    }

    /// A JSON report of `contracts` whose first high flag is made medium (its message given
    /// `messagePrefix`): a baseline in which that flag was lower.
    static func baselineWithFirstHighFlagAtMedium(_ contracts: String, in scratch: Scratch, messagePrefix: String = "") throws -> String {
        let previous = scratch.url.appendingPathComponent("previous.json").path
        #expect(try score(contracts, ["--format", "json", "--output", previous, "--quiet"]).status == 0)
        var text = try String(contentsOfFile: previous, encoding: .utf8)
        let range = try #require(text.range(of: "\"severity\": \"high\",\n          \"message\": \""))
        text.replaceSubrange(range, with: "\"severity\": \"medium\",\n          \"message\": \"" + messagePrefix)
        try text.write(toFile: previous, atomically: true, encoding: .utf8)
        return previous
    }

    @Test func aChangedMessageIsReportedAsChanged() throws {
        let scratch = Scratch()
        let contracts = try Self.firstContracts(10, in: scratch)
        let previous = try Self.baselineWithFirstHighFlagAtMedium(contracts, in: scratch, messagePrefix: "(edited) ")
        let current = scratch.url.appendingPathComponent("current.json").path
        let run = try Self.score(contracts, ["--format", "json", "--output", current, "--baseline", previous, "--fail-on", "low", "--quiet"])
        #expect(run.status == 0)
        let changed = try #require((try Self.baselineSection(current))["changed"] as? [[String: Any]])
        #expect(changed.count == 1 && (changed[0]["before"] as? [String: Any])?["severity"] as? String == "medium")
    }

    /// A flag the baseline had at medium and this run has at high is not new, but it reaches a
    /// `--fail-on high` gate it did not reach before: exit 1; a `--fail-on low` gate it already
    /// reached stays passed (exit 0).
    @Test func aFlagRaisedToTheGateFailsTheBuild() throws {
        let scratch = Scratch()
        let contracts = try Self.firstContracts(10, in: scratch)
        let previous = try Self.baselineWithFirstHighFlagAtMedium(contracts, in: scratch)
        let current = scratch.url.appendingPathComponent("current.json").path
        let gated = try Self.score(contracts, ["--format", "json", "--output", current, "--baseline", previous, "--fail-on", "high", "--quiet"])
        #expect(gated.status == 1)
        let diff = try Self.baselineSection(current)
        #expect((diff["new"] as? [Any])?.isEmpty == true && (diff["changed"] as? [Any])?.count == 1)
        #expect(try Self.score(contracts, ["--format", "json", "--output", current, "--baseline", previous, "--fail-on", "low", "--quiet"]).status == 0)
    }

    @Test(arguments: ["not json", "{\"schema_version\": 99}", "[1, 2]"])
    func anUnusableBaselineIsExit2(content: String) throws {
        let scratch = Scratch()
        let baseline = scratch.write("b.json", content)
        let run = try CLI.run(["score"] + CLI.demo + ["--baseline", baseline, "--quiet"])
        #expect(run.status == 2 && run.stderr.contains("[baseline-invalid]"))
        #expect(try CLI.run(["score"] + CLI.demo + ["--baseline", scratch.url.path + "/missing.json"]).status == 2)
    }

    @Test func progressOnlyWhenAskedOrOnATerminal() throws {
        let verbose = try CLI.run(["score"] + CLI.demo + ["--verbose"])
        #expect(verbose.status == 0 && verbose.stderr.contains("propagation round 5/5") && verbose.stderr.contains("flrisk: read "))
        let piped = try CLI.run(["score"] + CLI.demo)
        #expect(!piped.stderr.contains("propagation round"))
        #expect(try CLI.run(["score"] + CLI.demo + ["--quiet", "--verbose"]).status == 64)
    }

    @Test(arguments: ["html", "csv", "sarif"])
    func everyFormatIsByteIdenticalAcrossWorkerCounts(format: String) throws {
        let one = try CLI.run(["score"] + CLI.demo + ["--format", format, "--quiet", "--workers", "1"])
        let many = try CLI.run(["score"] + CLI.demo + ["--format", format, "--quiet", "--workers", "5"])
        #expect(one.status == 0 && !one.stdout.isEmpty && one.stdout == many.stdout)
    }
}
