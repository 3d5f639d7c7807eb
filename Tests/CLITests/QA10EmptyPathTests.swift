import Foundation
import Testing

/// An empty path for an input, `--config`, `--decisions`, `--country-risk` or `--baseline`
/// is bad usage (exit 64) naming the option, as an empty `--output` or `--rejects` is (QA10).
/// Before, the run went on to open '' and stopped with a message naming neither a file nor
/// the option (": error: [file-not-found] cannot open the file: No such file or directory").
@Suite("QA10: empty input paths are usage errors", .serialized)
struct QA10EmptyPathTests {
    @Test(arguments: ["--suppliers", "--links", "--contracts", "--watchlist", "--config", "--decisions", "--country-risk", "--baseline"])
    func emptyPathIsExit64(option: String) throws {
        let scratch = Scratch()
        var arguments = CLI.demo.map { $0.hasPrefix("Datasets/") ? CLI.root.appendingPathComponent($0).path : $0 }
        if let index = arguments.firstIndex(of: option) { arguments.removeSubrange(index...(index + 1)) }
        let run = try CLI.run(["score"] + arguments + [option, "", "--format", "json", "--output", "r.json", "--quiet"], in: scratch.url)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("\(option) needs a file path, got an empty string"), "\(run.stderr)")
        #expect(scratch.files.isEmpty, "nothing written")
    }

    @Test func anEmptyInputDocumentIsExit64() throws {
        let run = try CLI.run(["explain", "V001", "--input", ""])
        #expect(run.status == 64 && run.stderr.contains("--input needs a file path"), "\(run.stderr)")
    }
}
