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
}

extension ScratchDirectory {
    /// The names in the subdirectory `name` (hidden ones too), sorted; empty when it is missing.
    func filesIn(_ name: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(name).path))?.sorted() ?? []
    }
}
