import FlriskTestSupport
import Foundation
import Testing

/// Runs the built `flrisk` binary and checks its output, files and exit code, as a user or a
/// CI job sees them.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Whether the run was ended for taking longer than its timeout.
    var timedOut = false
}

enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `flrisk` executable built next to the test bundle.
    static let executable: URL = {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL]
        candidates += candidates.map { $0.deletingLastPathComponent() }
        candidates.append(root.appendingPathComponent(".build/debug"))
        for directory in candidates {
            let url = directory.appendingPathComponent("flrisk")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("flrisk executable not found near \(candidates)")
    }()

    /// - Parameters:
    ///   - environment: variables set for this run on top of the tests' own.
    ///   - timeout: seconds after which the run is terminated (a hang fails instead of
    ///     blocking the suite); nil waits as long as it takes.
    ///   - executable: the program to run, `flrisk` unless given (e.g. `/bin/bash`).
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], timeout: TimeInterval? = nil,
        executable: URL = CLI.executable
    ) throws -> CLIRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.currentDirectoryURL = directory ?? root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let timer = timeout.map { seconds in
            let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
            return timer
        }
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer?.cancel()
        return CLIRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            timedOut: process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
    }

    static let demo = ["--suppliers", "Datasets/demo/suppliers.csv", "--links", "Datasets/demo/links.csv", "--contracts", "Datasets/demo/contracts.csv"]
}

/// The CLI tests' scratch directory: the shared one, with the names these tests use.
typealias Scratch = ScratchDirectory

extension ScratchDirectory {
    /// Writes `text` to `name` and returns its path.
    func write(_ name: String, _ text: String) -> String { file(name, text) }
    /// The names in the directory, sorted.
    var files: [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? [] }
}

@Suite("flrisk command line", .serialized)
struct CLITests {
    @Test func demoRunWritesReportsAndSummary() throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("report").path + "/"
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "md", "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("contracts flagged for review"))
        #expect(run.stdout.contains("Top 5:"))
        #expect(run.stdout.contains("Report written to"))
        let json = try Data(contentsOf: URL(fileURLWithPath: out + "report.json"))
        let object = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        #expect((object["contracts"] as! [Any]).count == 100)
        #expect(FileManager.default.fileExists(atPath: out + "report.md"))
        // Warnings name file and line.
        #expect(run.stderr.contains("Datasets/demo/links.csv:207: warning: [self-link]"))
        #expect(run.stderr.contains("Datasets/demo/contracts.csv:50: warning: [unknown-vendor]"))
    }

    @Test func singleFormatToStandardOutput() throws {
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--quiet"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("{\n  \"schema_version\": 1,"))
        #expect(run.stderr.isEmpty)
    }

    @Test func missingFileIsExit2WithItsName() throws {
        let scratch = Scratch()
        let run = try CLI.run(["score", "--suppliers", "nope.csv", "--links", "x", "--contracts", "y", "--output", scratch.url.path + "/"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nope.csv: error: [file-not-found] cannot open the file: No such file or directory"))
        #expect(scratch.files.isEmpty, "no report on failure")
    }

    @Test func missingColumnNamesFileLineAndSuggestion() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "suplier_id,name\nS1,A\n")
        let run = try CLI.run(["score", "--suppliers", suppliers, "--links", "Datasets/demo/links.csv", "--contracts", "Datasets/demo/contracts.csv", "--output", scratch.url.appendingPathComponent("out").path + "/"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(suppliers):1: error: [missing-column] missing required column 'supplier_id'"))
        #expect(run.stderr.contains("did you mean 'suplier_id'"))
        #expect(!scratch.files.contains("out"))
    }

    @Test func malformedCSVIsExit2WithLineAndColumn() throws {
        let scratch = Scratch()
        let links = scratch.write("l.csv", "buyer_id,supplier_id\nV001,\"S0001\"x\n")
        let run = try CLI.run(["score", "--suppliers", "Datasets/demo/suppliers.csv", "--links", links, "--contracts", "Datasets/demo/contracts.csv"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(links):2:13: error: [malformed-csv]"))
        #expect(run.stdout.isEmpty)
    }

    @Test func strictTurnsRejectedRowsIntoExit2() throws {
        let scratch = Scratch()
        let links = scratch.write("l.csv", "buyer_id,supplier_id,share\nV001,S0001,2\n")
        let lenient = try CLI.run(["score", "--suppliers", "Datasets/demo/suppliers.csv", "--links", links, "--contracts", "Datasets/demo/contracts.csv", "--quiet"])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("\(links):2:3: error: [invalid-number] row rejected: 'share' is '2'"))
        let summary = try CLI.run(["score", "--suppliers", "Datasets/demo/suppliers.csv", "--links", links, "--contracts", "Datasets/demo/contracts.csv"])
        #expect(summary.stdout.contains("links: \(links): 1 read, 0 accepted, 1 rejected (invalid-number 1)"))
        #expect(summary.stdout.contains("suppliers: Datasets/demo/suppliers.csv: 310 read, 310 accepted"))
        let out = scratch.url.appendingPathComponent("r.json").path
        let strict = try CLI.run(["score", "--suppliers", "Datasets/demo/suppliers.csv", "--links", links, "--contracts", "Datasets/demo/contracts.csv", "--strict", "--output", out])
        #expect(strict.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func failOnGatesTheExitCode() throws {
        #expect(try CLI.run(["score"] + CLI.demo + ["--quiet", "--fail-on", "medium"]).status == 1)
        #expect(try CLI.run(["score"] + CLI.demo + ["--quiet", "--fail-on", "never"]).status == 0)
        // A clean vendor set: only the clean domestic contracts.
        let scratch = Scratch()
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,V030,100\n")
        let clean = try CLI.run(["score", "--suppliers", "Datasets/demo/suppliers.csv", "--links", "Datasets/demo/links.csv", "--contracts", contracts, "--quiet", "--fail-on", "low"])
        #expect(clean.status == 0)
    }

    @Test func usageErrorsAreExit64() throws {
        #expect(try CLI.run(["score"] + CLI.demo + ["--tiers", "0"]).status == 64)
        #expect(try CLI.run(["score"] + CLI.demo + ["--format", "pdf"]).status == 64)
        #expect(try CLI.run(["score", "--suppliers", "x"]).status == 64)
    }

    @Test func outputIsDeterministicAcrossWorkerCounts() throws {
        let one = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--quiet", "--workers", "1"])
        let many = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--quiet", "--workers", "7"])
        #expect(one.status == 0 && one.stdout == many.stdout)
    }

    @Test func unwritableOutputIsExit3AndLeavesNoFile() throws {
        let scratch = Scratch()
        let blocker = scratch.write("file", "x")
        let run = try CLI.run(["score"] + CLI.demo + ["--output", blocker + "/sub/report.json", "--quiet"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("error: [output-failed]"))
    }

    @Test func previousReportSurvivesAFailedRun() throws {
        let scratch = Scratch()
        let report = scratch.write("report.json", "previous")
        let run = try CLI.run(["score", "--suppliers", "missing.csv", "--links", "x", "--contracts", "y", "--output", report])
        #expect(run.status == 2)
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "previous")
    }
}
