import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Faults in the middle of a run: an output directory that cannot be written, a full disk (a
/// file-size limit, a tiny tmpfs), SIGINT and SIGTERM. Each must end with the documented exit
/// code and message, no partial report or temporary file, and the previous report unchanged.
@Suite("Faults mid-run", .serialized)
struct FaultTests {
    static let previous = "{\"previous\": true}\n"

    /// A directory holding `report.json` from an earlier run.
    static func outputWithPreviousReport(_ scratch: Scratch) -> URL {
        let out = scratch.url.appendingPathComponent("out")
        try! FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out.appendingPathComponent("report.json").path, contents: Data(previous.utf8))
        return out
    }

    static func expectOnlyThePreviousReport(in out: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["report.json"], "no other report and no temporary file")
        #expect(try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8) == previous, "the previous report is byte-identical")
    }

    // MARK: Output directory not writable

    @Test func readOnlyOutputDirectoryIsExit3AndKeepsThePreviousReport() throws {
        let scratch = Scratch()
        let out = Self.outputWithPreviousReport(scratch)
        let readOnly = ReadOnly(out)
        guard readOnly.isEffective else {
            print("skipped: cannot make \(out.path) read-only here (root without mount permission)")
            return
        }
        defer { readOnly.undo() }
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--output", out.path + "/", "--quiet"])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("\(out.path)/report.json: error: [output-failed] cannot write the report: "))
        #expect(run.stderr.contains("Permission denied") || run.stderr.contains("Read-only file system"), "\(run.stderr)")
        readOnly.undo()
        try Self.expectOnlyThePreviousReport(in: out)
    }

    // MARK: Disk full

    /// `ulimit -f 8` (8 blocks of 512 bytes): the report write fails with EFBIG. flrisk ignores
    /// SIGXFSZ, so it reports the failure instead of dying with a core dump.
    @Test func fileSizeLimitIsExit3FileTooLarge() throws {
        let scratch = Scratch()
        let out = Self.outputWithPreviousReport(scratch)
        let run = try CLI.run(
            ["-c", "ulimit -f 8 && exec \"$0\" \"$@\"", CLI.executable.path, "score"] + CLI.demo + ["--format", "json", "html", "--output", out.path + "/", "--quiet"],
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("\(out.path)/report.json: error: [output-failed] cannot write the report: File too large"), "\(run.stderr)")
        try Self.expectOnlyThePreviousReport(in: out)
    }

    /// The same limit hit while the CSV queue is streamed into its temporary file (it is
    /// written a batch at a time, not rendered first): exit 3, no partial or temporary file.
    @Test func fileSizeLimitDuringStreamedCSVIsExit3() throws {
        let scratch = Scratch()
        let out = Self.outputWithPreviousReport(scratch)
        let run = try CLI.run(
            ["-c", "ulimit -f 8 && exec \"$0\" \"$@\"", CLI.executable.path, "score"] + CLI.demo + ["--format", "csv", "--output", out.path + "/report.csv", "--quiet"],
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("\(out.path)/report.csv: error: [output-failed] cannot write the report: File too large"), "\(run.stderr)")
        try Self.expectOnlyThePreviousReport(in: out)
    }

    /// A 16 KiB tmpfs holding the previous report: the new one does not fit (ENOSPC). Runs
    /// only where mounting is permitted (root in a container that allows it).
    @Test func fullTmpfsIsExit3NoSpaceLeft() throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        guard shell("mount -t tmpfs -o size=16k flrisk-test '\(out.path)'") == 0 else {
            print("skipped: mounting a tmpfs is not permitted here")
            return
        }
        defer { _ = shell("umount '\(out.path)'") }
        _ = FileManager.default.createFile(atPath: out.appendingPathComponent("report.json").path, contents: Data(Self.previous.utf8))
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "html", "--output", out.appendingPathComponent("report.json").path, "--quiet"])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("\(out.path)/report.json: error: [output-failed] cannot write the report: No space left on device"), "\(run.stderr)")
        try Self.expectOnlyThePreviousReport(in: out)
    }

    // MARK: Signals

    @Test(arguments: [(SIGINT, "SIGINT", Int32(130), false), (SIGTERM, "SIGTERM", Int32(143), true)])
    func signalLeavesNoReportAndThePreviousOne(signal: Int32, name: String, status: Int32, afterReading: Bool) throws {
        let scratch = Scratch()
        let out = Self.outputWithPreviousReport(scratch)
        // 50 000 suppliers and 250 000 links: tens of seconds of work in a debug build.
        let graph = GeneratedGraph(in: scratch.url, suppliers: 50_000, links: 250_000)
        let child = try Child(CLI.executable, ["score"] + graph.arguments + ["--format", "json", "md", "csv", "sarif", "html", "--output", out.path + "/", "--verbose"])
        // SIGINT while the inputs are read (once the handler is installed, plus half a second);
        // SIGTERM once they are read (propagation, rendering).
        #expect(child.waitForHandler(of: signal, timeout: 60), "no handler for signal \(signal) was installed")
        if afterReading {
            #expect(child.waitForStandardError(containing: "flrisk: read ", timeout: 120), "progress line never appeared: \(child.stderr)")
        } else {
            Thread.sleep(forTimeInterval: 0.5)
        }
        child.expectInterrupted(by: signal, name: name, status: status, outcome: "no report written (the previous report is unchanged)")
        try Self.expectOnlyThePreviousReport(in: out)
    }
}

// MARK: Helpers

extension CLI {
    /// Runs `executable` (for a shell wrapper) with the arguments and collects its output.
    static func run(_ arguments: [String], executable: URL) throws -> CLIRun {
        let child = try Child(executable, arguments)
        child.process.waitUntilExit()
        child.drain()
        return CLIRun(status: child.process.terminationStatus, stdout: child.stdout, stderr: child.stderr)
    }
}

/// A running child process whose standard output and error are collected as they arrive.
final class Child: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out = Data(), err = Data()
    private let outPipe = Pipe(), errPipe = Pipe()
    private let reading = DispatchGroup()

    init(_ executable: URL, _ arguments: [String]) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        // One reading thread per pipe, to the end of the file (the child's exit): output is
        // collected as it arrives, and ``drain()`` waits for both, so nothing read is still on
        // its way (a readability handler could take the last bytes and append them after
        // `drain` had read the rest: an empty standard error now and then).
        for (handle, toError) in [(outPipe.fileHandleForReading, false), (errPipe.fileHandleForReading, true)] {
            reading.enter()
            Thread.detachNewThread { [self] in
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    lock.withLock { if toError { err.append(data) } else { out.append(data) } }
                }
                reading.leave()
            }
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    var isRunning: Bool { process.isRunning }
    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Waits until both pipes are read to their end (after the process ended).
    func drain() {
        reading.wait()
    }

    /// Sends `signal` to the still running process, waits for it to end and expects the exit
    /// `status` of flrisk's handler and its sentence `interrupted by NAME; <outcome>`.
    func expectInterrupted(by signal: Int32, name: String, status: Int32, outcome: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(isRunning, "the run ended before the signal could be sent: \(stderr.suffix(500))", sourceLocation: sourceLocation)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        drain()
        #expect(process.terminationReason == .exit, sourceLocation: sourceLocation)
        #expect(process.terminationStatus == status, sourceLocation: sourceLocation)
        #expect(stderr.contains("flrisk: interrupted by \(name); \(outcome)"), "\(stderr.suffix(500))", sourceLocation: sourceLocation)
    }

    /// Waits until the process catches `signal` (Linux: its bit in `SigCgt` of
    /// `/proc/PID/status`), so that a signal sent next goes to flrisk's handler.
    func waitForHandler(of signal: Int32, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        let status = "/proc/\(process.processIdentifier)/status"
        while Date() < deadline && process.isRunning {
            let text = (try? String(contentsOfFile: status, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
               let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16),
               mask & (1 << UInt64(signal - 1)) != 0 {
                return true
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    /// Waits until standard error contains `text`; false on timeout or when the process ends first.
    func waitForStandardError(containing text: String, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }
}

/// Makes a directory unwritable: `chmod 0555` for an ordinary user; for root (who ignores
/// permission bits) a read-only tmpfs mounted over it with the same content, where permitted.
final class ReadOnly {
    let url: URL
    private var mounted = false
    private(set) var isEffective = false

    init(_ url: URL) {
        self.url = url
        chmod(url.path, 0o555)
        if access(url.path, W_OK) != 0 {
            isEffective = true
            return
        }
        chmod(url.path, 0o755)
        let copy = url.path + ".copy"
        guard shell("cp -a '\(url.path)' '\(copy)' && mount -t tmpfs -o size=1m flrisk-test '\(url.path)' && cp -a '\(copy)/.' '\(url.path)/' && rm -rf '\(copy)' && mount -o remount,ro '\(url.path)'") == 0 else {
            _ = shell("umount '\(url.path)' 2>/dev/null; rm -rf '\(copy)'")
            return
        }
        mounted = true
        isEffective = true
    }

    /// Makes it writable again; the content stays.
    func undo() {
        if mounted {
            let copy = url.path + ".copy"
            _ = shell("cp -a '\(url.path)' '\(copy)' && umount '\(url.path)' && cp -a '\(copy)/.' '\(url.path)/' && rm -rf '\(copy)'")
            mounted = false
        } else {
            chmod(url.path, 0o755)
        }
    }

    deinit { undo() }
}

/// Runs a shell command quietly and returns its exit status.
@discardableResult
func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command + " >/dev/null 2>&1"]
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}
