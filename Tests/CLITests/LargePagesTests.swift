import Foundation
import Testing
@testable import flrisk

/// A large job restarts itself once with glibc's allocator asking for transparent huge pages
/// (`FLRISK_LARGE_PAGES=1` forces the restart on small inputs, `=0` turns it off): the restart
/// happens only where the system gives huge pages on request, and changes nothing a user sees
/// but the speed: the same reports, messages and exit codes.
@Suite("Huge pages restart", .serialized)
struct LargePagesTests {
    static let memoryLine = "flrisk: memory: transparent huge pages on request (glibc.malloc.hugetlb=1)"

    /// Whether this machine gives transparent huge pages only on request (`[madvise]`).
    static var pagesOnRequest: Bool {
        ((try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? "").contains("[madvise]")
    }

    @Test func forcedRestartWritesTheSameReport() throws {
        let scratch = Scratch()
        let plain = scratch.url.appendingPathComponent("plain.csv").path, restarted = scratch.url.appendingPathComponent("restarted.csv").path
        let off = try CLI.run(["score"] + CLI.demo + ["--format", "csv", "--output", plain, "--timings"], environment: ["FLRISK_LARGE_PAGES": "0"])
        let on = try CLI.run(["score"] + CLI.demo + ["--format", "csv", "--output", restarted, "--timings"], environment: ["FLRISK_LARGE_PAGES": "1"])
        #expect(off.status == 0 && on.status == 0)
        #expect(!off.stderr.contains(Self.memoryLine))
        #expect(on.stderr.contains(Self.memoryLine) == Self.pagesOnRequest)
        #expect(try Data(contentsOf: URL(fileURLWithPath: plain)) == Data(contentsOf: URL(fileURLWithPath: restarted)))
        #expect(on.stdout.replacingOccurrences(of: restarted, with: plain) == off.stdout)
    }

    @Test func exitCodesAndErrorsSurviveTheRestart() throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("q.csv").path
        for environment in [["FLRISK_LARGE_PAGES": "1"], ["FLRISK_LARGE_PAGES": "0"]] {
            let gated = try CLI.run(["score"] + CLI.demo + ["--format", "csv", "--output", out, "--fail-on", "high", "--quiet"], environment: environment)
            #expect(gated.status == 1)
            let missing = try CLI.run(["score", "--contracts", scratch.url.appendingPathComponent("absent.csv").path, "--format", "csv", "--output", out], environment: environment)
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("absent.csv"))
        }
    }

    /// Other tunables the user set do not prevent the restart (they are extended, not
    /// replaced), and a process started with the huge-pages tunable runs as it is.
    @Test func userTunablesDoNotPreventTheRestart() throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("q.csv").path
        let run = try CLI.run(
            ["score"] + CLI.demo + ["--format", "csv", "--output", out, "--timings"],
            environment: ["FLRISK_LARGE_PAGES": "1", "GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"])
        #expect(run.status == 0)
        #expect(run.stderr.contains(Self.memoryLine) == Self.pagesOnRequest)
        let already = try CLI.run(
            ["score"] + CLI.demo + ["--format", "csv", "--output", out, "--timings"],
            environment: ["GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"])
        #expect(already.status == 0)
        #expect(already.stderr.contains(Self.memoryLine))
    }

    /// The restart caps malloc's arenas at one per core unless the environment already caps
    /// them (`MALLOC_ARENA_MAX` or the tunable).
    @Test func theRestartCapsArenasUnlessTheEnvironmentDoes() throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("q.csv").path
        let capped = try CLI.run(["score"] + CLI.demo + ["--format", "csv", "--output", out, "--timings"], environment: ["FLRISK_LARGE_PAGES": "1"])
        #expect(capped.status == 0)
        #expect(capped.stderr.contains(Self.memoryLine + ", malloc arenas capped at \(LargePages.arenasPerCore())") == Self.pagesOnRequest)
        for environment in [["MALLOC_ARENA_MAX": "4"], ["GLIBC_TUNABLES": "glibc.malloc.arena_max=3"]] {
            let run = try CLI.run(
                ["score"] + CLI.demo + ["--format", "csv", "--output", out, "--timings"], environment: environment.merging(["FLRISK_LARGE_PAGES": "1"]) { a, _ in a })
            #expect(run.status == 0)
            #expect(run.stderr.contains(Self.memoryLine) == Self.pagesOnRequest)
            let cap = environment["GLIBC_TUNABLES"] == nil ? "" : ", malloc arenas capped at 3"
            #expect(run.stderr.contains(Self.memoryLine + cap + "\n") == Self.pagesOnRequest, "\(environment): \(run.stderr)")
        }
    }

    /// The input size that decides the restart: regular files among the arguments, as plain
    /// arguments or `--option=path`; folders, missing paths and other words count nothing.
    @Test func inputBytesCountTheNamedFiles() throws {
        let scratch = Scratch()
        let a = scratch.write("a.csv", String(repeating: "x", count: 1000))
        let b = scratch.write("b.csv", String(repeating: "y", count: 24))
        #expect(LargePages.inputBytes(["score", "--suppliers", a, "--links=\(b)", "--output", scratch.url.path, "--format", "csv", "absent.csv"]) == 1024)
        #expect(LargePages.inputBytes([]) == 0)
        // A sparse file of the threshold's size is large enough.
        let big = scratch.url.appendingPathComponent("big.csv").path
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: UInt64(LargePages.minimumInputBytes))
        try handle.close()
        #expect(LargePages.inputBytes(["--links", big]) >= LargePages.minimumInputBytes)
    }
}
