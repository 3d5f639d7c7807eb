import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `--output`, `--rejects` and `config init` naming a device or a pipe (`/dev/null`,
/// `/dev/stdout`, a FIFO) write into it. Before, the atomic write renamed a regular file over the target: as root,
/// `--output /dev/null` replaced the system's /dev/null by a report file. A FIFO shows the
/// same behaviour without touching /dev.
@Suite("QA: reports and rejects into devices and pipes", .serialized)
struct QAOutputTargetTests {
    /// Everything written to the FIFO at `path` while `body` runs.
    static func drain(fifo path: String, while body: () throws -> CLIRun) throws -> (CLIRun, String) {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        #expect(fd >= 0)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let state = DrainState()
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n > 0 {
                    state.append(buffer[0..<n])
                } else if state.isFinished {
                    break
                } else {
                    usleep(1000)  // no writer yet (or between writers)
                }
            }
            state.close()
        }
        reader.start()
        let run = try body()
        state.finish()
        state.waitClosed()
        Glibc.close(fd)
        return (run, state.text)
    }

    static func isFIFO(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    }

    @Test func reportIntoAFIFOKeepsTheFIFO() throws {
        let scratch = Scratch()
        let fifo = scratch.url.appendingPathComponent("report.pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let (run, text) = try Self.drain(fifo: fifo) {
            try CLI.run(["score"] + CLI.demo + ["--format", "csv", "--output", fifo, "--quiet"])
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.isFIFO(fifo), "the FIFO is still a FIFO, not replaced by a report file")
        #expect(text.hasPrefix("rank,contract_id,"), "the report went into the pipe")
        let stdout = try CLI.run(["score"] + CLI.demo + ["--format", "csv", "--quiet"])
        #expect(text == stdout.stdout, "the same bytes as on standard output")
        #expect(scratch.files == ["report.pipe"], "no temporary file is left")
    }

    @Test func configInitIntoAFIFOKeepsTheFIFO() throws {
        let scratch = Scratch()
        let fifo = scratch.url.appendingPathComponent("config.pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let (run, text) = try Self.drain(fifo: fifo) { try CLI.run(["config", "init", fifo]) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.isFIFO(fifo), "not replaced by a file (and no --force needed)")
        #expect(text == (try CLI.run(["config", "init", "-"])).stdout)
        #expect(scratch.files == ["config.pipe"])
    }

    @Test func rejectsIntoAFIFOKeepsTheFIFO() throws {
        let scratch = Scratch()
        let fifo = scratch.url.appendingPathComponent("rejects.pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let links = scratch.write("links.csv", "buyer_id,supplier_id,share\nV001,NOPE,0.5\n")
        let (run, text) = try Self.drain(fifo: fifo) {
            try CLI.run(["score", "--suppliers", "Datasets/demo/suppliers.csv", "--links", links,
                         "--contracts", "Datasets/demo/contracts.csv", "--rejects", fifo, "--quiet"])
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.isFIFO(fifo))
        #expect(text.hasPrefix("\"file\",\"line\""))
        #expect(text.contains("\"unknown-supplier\""))
        #expect(scratch.files == ["links.csv", "rejects.pipe"])
    }
}

/// The reader thread's bytes and flags, behind a lock.
final class DrainState: @unchecked Sendable {
    private let lock = NSCondition()
    private var bytes: [UInt8] = []
    private var finished = false
    private var closed = false

    var isFinished: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: bytes, as: UTF8.self) }
    func append(_ more: ArraySlice<UInt8>) { lock.lock(); bytes += more; lock.unlock() }
    func finish() { lock.lock(); finished = true; lock.unlock() }
    func close() { lock.lock(); closed = true; lock.broadcast(); lock.unlock() }
    func waitClosed() { lock.lock(); while !closed { lock.wait() }; lock.unlock() }
}
