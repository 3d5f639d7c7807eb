import Foundation
import Testing

/// Standard output or standard error that cannot be written: full (`> /dev/full`) or closed
/// (`>&-`). `FileHandle.write` trapped on the error, so `score --format json > /dev/full`
/// crashed with a backtrace (exit 132, SIGILL) instead of exit 3, `explain ID > /dev/full`
/// crashed too, and a run with one warning crashed with standard error closed (`2>&-`), before
/// it wrote its report.
@Suite("QA15: full or closed standard streams", .serialized)
struct QA15StandardStreamTests {
    /// Runs flrisk through the shell, with `redirect` applied to it.
    static func shell(_ arguments: [String], _ redirect: String) throws -> CLIRun {
        let quoted = ([CLI.executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try CLI.run(["-c", "exec " + quoted.joined(separator: " ") + " " + redirect], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    static func inputs(_ scratch: Scratch) -> [String] {
        [
            "--suppliers", scratch.write("s.csv", "supplier_id,name,country,region\nV1,Acme,US,\nS1,Mill,CN,Xinjiang\n"),
            "--links", scratch.write("l.csv", "buyer_id,supplier_id,share\nV1,S1,0.5\n"),
            // C2's vendor is unknown: a warning on standard error.
            "--contracts", scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,V1,10\nC2,V9,5\n"),
        ]
    }

    @Test(arguments: [("> /dev/full", "No space left on device"), (">&-", "Bad file descriptor")])
    func aReportOnStandardOutputThatCannotBeWrittenIsExit3(redirect: String, reason: String) throws {
        let scratch = Scratch()
        let run = try Self.shell(["score"] + Self.inputs(scratch) + ["--format", "json", "--quiet"], redirect)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr == "standard output: error: [output-failed] cannot write the report: \(reason)\n")
    }

    /// The text summary, `score`'s output without `--format`, went through `print`: lost with exit 0.
    @Test func theSummaryOnAFullStandardOutputIsExit3() throws {
        let scratch = Scratch()
        let run = try Self.shell(["score"] + Self.inputs(scratch), "> /dev/full")
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.hasSuffix("standard output: error: [output-failed] cannot write the report: No space left on device\n"), "\(run.stderr)")
    }

    @Test func aConfigurationOnAFullStandardOutputIsExit3() throws {
        let run = try Self.shell(["config", "init", "-"], "> /dev/full")
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr == "standard output: error: [output-failed] cannot write the configuration: No space left on device\n")
    }

    @Test func anExplanationThatCannotBeWrittenIsExit3() throws {
        let scratch = Scratch()
        let run = try Self.shell(["explain", "C1"] + Self.inputs(scratch), "> /dev/full")
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.hasSuffix("standard output: error: [output-failed] cannot write the explanation: No space left on device\n"), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test(arguments: ["2>&-", "2> /dev/full"])
    func warningsWithStandardErrorUnwritableDoNotStopTheRun(redirect: String) throws {
        let scratch = Scratch()
        let report = scratch.url.appendingPathComponent("r.json").path
        let run = try Self.shell(["score"] + Self.inputs(scratch) + ["--format", "json", "--output", report], redirect + " > /dev/null")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: report))
    }
}
