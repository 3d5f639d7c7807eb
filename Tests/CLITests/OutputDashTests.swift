import Foundation
import Testing

/// `--output -` is standard output, as Unix tools read it: it had written a report file named
/// `-` in the working directory.
@Suite("--output - is standard output")
struct OutputDashTests {
    @Test func aDashWritesTheReportToStandardOutput() throws {
        let scratch = Scratch()
        let inputs = QA15StandardStreamTests.inputs(scratch)
        let run = try CLI.run(["score"] + inputs + ["--format", "json", "--output", "-", "--quiet"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("{") && run.stdout.contains("\"contracts\""))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("-").path))
        // Several formats still need a directory.
        let several = try CLI.run(["score"] + inputs + ["--format", "json", "--format", "md", "--output", "-"], in: scratch.url)
        #expect(several.status == 64 && several.stderr.contains("Several --format values need --output DIR"), "\(several.stderr)")
    }
}
