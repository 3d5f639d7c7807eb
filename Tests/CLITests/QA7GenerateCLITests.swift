import FlriskTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Seventh QA pass: `flrisk generate` on the command line (docs/GENERATOR.md: exit 2 for
/// impossible sizes with a sentence naming the value, 3 when a file cannot be written, 64 for
/// bad usage; no partial file and none replaced).
@Suite("QA7: generate on the command line", .serialized)
struct QA7GenerateCLITests {
    /// `--links -1` was read as a missing value (`-1` looks like a flag): exit 64 with
    /// "Missing value for '--links <links>'" instead of the documented exit 2 for a negative
    /// count (`--links=-1` gave it).
    @Test(arguments: [("--links", "-1", "--links must be 0 or more; got -1"), ("--contracts", "-1", "--contracts must be 0 or more; got -1"),
                      ("--suppliers", "-5", "--suppliers must be at least 10")])
    func aNegativeCountIsAnImpossibleSize(flag: String, value: String, message: String) throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("g").path
        var arguments = ["generate", "--suppliers", "10", "--links", "5", "--output", out]
        let at = arguments.firstIndex(of: flag).map { $0 + 1 }
        if let at { arguments[at] = value } else { arguments += [flag, value] }
        let run = try CLI.run(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A count past the integers (`--links 99999999999999999999`) was "The value … is invalid"
    /// (exit 64, as for a word), while 10^10 suppliers was the documented exit 2 naming the value.
    /// Any number is a size: past the range it is an impossible size, named as given.
    @Test(arguments: [("--suppliers", "99999999999999999999"), ("--links", "99999999999999999999"),
                      ("--contracts", "-99999999999999999999")])
    func aCountPastTheIntegersIsAnImpossibleSize(flag: String, value: String) throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("g").path
        var arguments = ["generate", "--suppliers", "10", "--links", "5", "--output", out]
        if let at = arguments.firstIndex(of: flag) { arguments[at + 1] = value } else { arguments += [flag, value] }
        let run = try CLI.run(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("flrisk generate: error: \(flag) \(value)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A negative seed is not an unsigned 64-bit integer: a usage error naming the value.
    @Test func aNegativeSeedIsBadUsage() throws {
        let scratch = Scratch()
        let run = try CLI.run(["generate", "--suppliers", "10", "--links", "5", "--seed", "-1", "--output", scratch.url.appendingPathComponent("g").path])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("'-1'"), "\(run.stderr)")
    }

    /// `--output ''` was exit 3 with ": error: [output-unwritable] cannot create the output
    /// directory: The operation could not be completed. The file doesn’t exist." It is bad
    /// usage, as for `score`.
    @Test func anEmptyOutputIsBadUsage() throws {
        let run = try CLI.run(["generate", "--suppliers", "10", "--links", "5", "--output", ""])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--output"), "\(run.stderr)")
    }

    /// An output path under a regular file said "(NSCocoaErrorDomain error 512.)"; it names the
    /// system's reason.
    @Test func anOutputUnderAFileSaysNotADirectory() throws {
        let scratch = Scratch()
        let file = scratch.write("plain", "x")
        let run = try CLI.run(["generate", "--suppliers", "10", "--links", "5", "--output", file + "/sub"])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("Not a directory"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
    }

    /// Relative output directories of one or more components, with or without a trailing '/',
    /// are made (the directory maker walks up to the first that exists).
    @Test(arguments: ["g", "g/", "a//b///c/", "./d/e"])
    func aRelativeOutputDirectoryIsMade(output: String) throws {
        let scratch = Scratch()
        let run = try CLI.run(["generate", "--suppliers", "10", "--links", "5", "--output", output], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let made = scratch.url.appendingPathComponent(output).path
        #expect(try FileManager.default.contentsOfDirectory(atPath: made).sorted() == ["contracts.csv", "links.csv", "suppliers.csv"])
    }

    /// `ulimit -f` past the first file: the process died of SIGXFSZ (status 153, a core dump
    /// where enabled) and left its three `.NAME.tmp-PID` files. It reports "File too large",
    /// exits 3 and removes them. (SIGXFSZ is set back to its default for the child: an ignored
    /// signal stays ignored across `exec`, and the test process may ignore it.)
    @Test func aFileSizeLimitIsExit3AndLeavesNoFile() throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("g")
        let run = try CLI.run(
            ["--default-signal=XFSZ", "/bin/sh", "-c", "ulimit -f 16 && exec \"$0\" \"$@\"", CLI.executable.path,
             "generate", "--suppliers", "20000", "--links", "50000", "--output", out.path],
            executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("File too large"), "\(run.stderr)")
        #expect(scratch.filesIn("g").isEmpty, "no file, temporary or not: \(scratch.filesIn("g"))")
    }

    /// SIGINT or SIGTERM while the files are written left the partial `.NAME.tmp-PID` files
    /// (gigabytes for a large run). They are removed, with a sentence and exit 130 or 143.
    @Test(arguments: [(SIGINT, "SIGINT", Int32(130)), (SIGTERM, "SIGTERM", Int32(143))])
    func aSignalLeavesNoFile(signal: Int32, name: String, status: Int32) throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("g")
        let child = try Child(CLI.executable, ["generate", "--suppliers", "5000000", "--links", "50000000", "--output", out.path])
        #expect(child.waitForHandler(of: signal, timeout: 60), "no handler for signal \(signal) was installed")
        let deadline = Date().addingTimeInterval(60)
        while child.isRunning && Date() < deadline && !scratch.filesIn("g").contains(where: { $0.hasPrefix(".suppliers.csv.tmp-") }) {
            Thread.sleep(forTimeInterval: 0.02)
        }
        child.expectInterrupted(by: signal, name: name, status: status, outcome: "no file written (previous files are unchanged)")
        #expect(scratch.filesIn("g").isEmpty, "no file, temporary or not: \(scratch.filesIn("g"))")
    }

    /// The XML files of `generate --format xml` score as the CSV files do; given to the wrong
    /// option (`--links suppliers.xml`) they scored 0 links with exit 0. Now exit 2, no report.
    @Test func generatedXMLFilesScoreAndAMixUpStopsTheRun() throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("x").path
        #expect(try CLI.run(["generate", "--suppliers", "60", "--links", "300", "--contracts", "20", "--format", "xml", "--output", out]).status == 0)
        let report = scratch.url.appendingPathComponent("r.json").path
        let good = try CLI.run(["score", "--suppliers", out + "/suppliers.xml", "--links", out + "/links.xml", "--contracts", out + "/contracts.xml",
                                "--format", "json", "--output", report, "--quiet"])
        #expect(good.status == 0, "\(good.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let summary = json?["summary"] as? [String: Any]
        #expect(summary?["links"] as? Int == 300 && summary?["contracts"] as? Int == 20, "\(String(describing: summary))")
        try FileManager.default.removeItem(atPath: report)
        let mixed = try CLI.run(["score", "--suppliers", out + "/suppliers.xml", "--links", out + "/suppliers.xml", "--contracts", out + "/contracts.xml",
                                 "--format", "json", "--output", report, "--quiet"])
        #expect(mixed.status == 2, "\(mixed.stderr)")
        #expect(mixed.stderr.contains("suppliers.xml: error: [missing-section]"), "\(mixed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: report))
    }
}

extension ScratchDirectory {
    /// The names in the subdirectory `name` (hidden ones too), sorted; empty when it is missing.
    func filesIn(_ name: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(name).path))?.sorted() ?? []
    }
}
