import FlriskTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Writes `text` into a FIFO from a thread of its own, as the program behind a process
/// substitution does: the open waits for a reader, the text goes in, the close is the end of
/// the stream. ``finish()`` waits for the thread, first releasing a writer still waiting for
/// a reader (a run that never opened the FIFO), so no test leaves a thread blocked.
final class FIFOWriter: @unchecked Sendable {
    private let path: String
    private let done = DispatchSemaphore(value: 0)

    init(_ path: String, _ text: String) {
        self.path = path
        let bytes = Array(text.utf8)
        Thread.detachNewThread { [done] in
            signal(SIGPIPE, SIG_IGN)
            let fd = open(path, O_WRONLY)
            if fd >= 0 {
                var written = 0
                while written < bytes.count {
                    let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
                    if n <= 0 { break }
                    written += n
                }
                close(fd)
            }
            done.signal()
        }
    }

    func finish() {
        while done.wait(timeout: .now() + 0.2) == .timedOut {
            // A reader's open lets a writer waiting for one go on; its write then fails or fills the pipe.
            let fd = open(path, O_RDONLY | O_NONBLOCK)
            if fd >= 0 {
                var sink = [UInt8](repeating: 0, count: 1 << 16)
                while read(fd, &sink, sink.count) > 0 {}
                close(fd)
            }
        }
    }
}

/// Inputs that are not regular files: a FIFO or process substitution is read once as a
/// stream (`--suppliers <(gunzip -c s.csv.gz)`); a directory or a device is refused at once,
/// naming the option and the path; nothing hangs (`--baseline` on a FIFO was reported to).
@Suite("QA12: FIFOs, directories and devices as inputs", .serialized)
struct QA12StreamInputTests {
    static let suppliers = "supplier_id,name,country,goods\nV1,Acme,CN,cotton\nS1,Mill,CN,cotton\n"
    static let links = "buyer_id,supplier_id,share,good\nV1,S1,1,cotton\n"
    static let contracts = "contract_id,vendor_id,amount\nC1,V1,10\nC2,V1,20\n"

    /// Every input of a scoring run, and the baseline, given as FIFOs fed by writers.
    @Test func fifosAreReadAsStreams() throws {
        let scratch = Scratch()
        let regular = try CLI.run(
            ["score", "--suppliers", scratch.write("s.csv", Self.suppliers), "--links", scratch.write("l.csv", Self.links),
             "--contracts", scratch.write("c.csv", Self.contracts), "--format", "json", "--quiet"], timeout: 120)
        #expect(regular.status == 0, "\(regular.stderr)")
        var writers: [FIFOWriter] = []
        defer { writers.forEach { $0.finish() } }
        func fifo(_ name: String, _ text: String) -> String {
            let path = scratch.url.appendingPathComponent(name).path
            #expect(mkfifo(path, 0o600) == 0)
            writers.append(FIFOWriter(path, text))
            return path
        }
        let run = try CLI.run(
            ["score", "--suppliers", fifo("s.pipe", Self.suppliers), "--links", fifo("l.pipe", Self.links),
             "--contracts", fifo("c.pipe", Self.contracts), "--baseline", fifo("r.pipe", regular.stdout), "--format", "json", "--quiet"],
            timeout: 120)
        #expect(run.status == 0 && !run.timedOut, "\(run.stderr)")
        #expect(run.stdout.contains("\"id\": \"C1\"") && run.stdout.contains("\"id\": \"C2\""), "\(run.stdout.prefix(400))")
        // The baseline was read: the same flags are neither new nor resolved.
        #expect(run.stdout.contains("\"baseline\""), "\(run.stdout.prefix(400))")
        #expect(run.stdout.contains("\"new\": []"), "\(run.stdout.prefix(2000))")

        let check = try CLI.run(["validate", fifo("v.pipe", Self.contracts)], timeout: 120)
        #expect(check.status == 0 && check.stdout.contains("contracts: 2 rows read, 2 accepted"), "\(check.stdout) \(check.stderr)")
    }

    /// Process substitution as a shell gives it (`/dev/fd/N`, a pipe), compressed input included.
    @Test func processSubstitutionIsRead() throws {
        let bash = URL(fileURLWithPath: "/bin/bash")
        guard FileManager.default.isExecutableFile(atPath: bash.path) else { return }
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", Self.suppliers)
        let contracts = scratch.write("c.csv", Self.contracts)
        let script = "exec \"$0\" score --suppliers <(gzip -c \"$1\" | gunzip -c) --contracts <(cat \"$2\") --baseline <(\"$0\" score --suppliers \"$1\" --contracts \"$2\" --format json --quiet) --format json --quiet"
        let run = try CLI.run(["-c", script, CLI.executable.path, suppliers, contracts], timeout: 120, executable: bash)
        #expect(run.status == 0 && !run.timedOut, "\(run.stderr)")
        #expect(run.stdout.contains("\"id\": \"C2\"") && run.stdout.contains("\"new\": []"), "\(run.stdout.prefix(400)) \(run.stderr)")
    }

    /// A directory or a device is refused at once, with the option and the path.
    @Test(arguments: ["--suppliers", "--contracts", "--baseline", "--config", "--decisions"])
    func directoriesAndDevicesAreRefusedNamingTheOption(option: String) throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", Self.suppliers)
        let contracts = scratch.write("c.csv", Self.contracts)
        for (path, what) in [(scratch.url.path, "names a directory, expected a file"), ("/dev/null", "names a device")] {
            var arguments = ["score", "--suppliers", suppliers, "--contracts", contracts, "--quiet"]
            if let k = arguments.firstIndex(of: option) { arguments[k + 1] = path } else { arguments += [option, path] }
            let run = try CLI.run(arguments, timeout: 60)
            #expect(run.status == 2 && !run.timedOut, "\(arguments) \(run.stdout)")
            #expect(run.stderr.contains("\(path): error: [file-unreadable] \(option) \(what)"), "\(arguments) \(run.stderr)")
        }
        let check = try CLI.run(["validate", "/dev/null"], timeout: 60)
        #expect(check.status == 2 && check.stderr.contains("/dev/null: error: [file-unreadable] is a device"), "\(check.stderr)")
    }

    /// A FIFO nobody writes to is waited for a bounded time, then refused (it blocked for ever).
    @Test func aFIFOWithoutAWriterIsRefusedAfterAWait() throws {
        let scratch = Scratch()
        let fifo = scratch.url.appendingPathComponent("nobody.pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let contracts = scratch.write("c.csv", Self.contracts)
        for arguments in [["--suppliers", fifo, "--contracts", contracts], ["--contracts", contracts, "--baseline", fifo]] {
            let run = try CLI.run(["score"] + arguments + ["--quiet"], timeout: 60)
            #expect(run.status == 2 && !run.timedOut, "\(arguments) \(run.stderr)")
            #expect(run.stderr.contains("\(fifo)") && run.stderr.contains("is a FIFO that no program writes to"), "\(arguments) \(run.stderr)")
        }
    }
}
