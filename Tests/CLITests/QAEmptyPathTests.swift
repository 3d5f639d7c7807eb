import Foundation
import Testing

/// An empty `--output` or `--rejects` is bad usage (exit 64). Before, `--output ''` went as far
/// as writing and failed with exit 3 and a message naming no file (": error: [output-failed]
/// cannot write the report: Is a directory"); `--rejects ''` tried to rename '.tmp-PID' to ''.
@Suite("QA: empty output paths are usage errors", .serialized)
struct QAEmptyPathTests {
    @Test(arguments: [["--format", "json", "--output", ""], ["--rejects", ""]])
    func emptyPathIsExit64(extra: [String]) throws {
        let scratch = Scratch()
        let demo = CLI.demo.map { $0.hasPrefix("Datasets/") ? CLI.root.appendingPathComponent($0).path : $0 }
        let run = try CLI.run(["score"] + demo + extra + ["--quiet"], in: scratch.url)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("needs a file"))
        #expect(scratch.files.isEmpty, "nothing written")
    }
}
