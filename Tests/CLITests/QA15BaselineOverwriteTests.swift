import Foundation
import Testing

/// `--baseline` may be the file the JSON report replaces (the CI pattern: keep the last JSON
/// report and pass it next time). Another format was allowed over it too: `--format md
/// --output last.json --baseline last.json` replaced the JSON baseline with Markdown, exit 0,
/// and the next run stopped with "the baseline is not a JSON object" (exit 2), the baseline
/// lost. It is now a usage error, before anything is read or written.
@Suite("QA15: only the JSON report replaces the baseline", .serialized)
struct QA15BaselineOverwriteTests {
    @Test(arguments: ["md", "csv", "sarif", "html"])
    func anotherFormatOverTheBaselineIsRefused(format: String) throws {
        let scratch = Scratch()
        let last = scratch.url.appendingPathComponent("last.json").path
        let first = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--output", last, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: last))
        let run = try CLI.run(["score"] + CLI.demo + ["--format", format, "--output", last, "--baseline", last, "--quiet"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("\(last) is the --baseline \(last): a report other than JSON over it would leave the next run without a baseline"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: last)) == before)
    }

    @Test func theJSONReportStillReplacesIt() throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("out").path + "/"
        let first = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--output", out, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        // The JSON report over its baseline, with the Markdown beside it.
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "md", "--output", out, "--baseline", out + "report.json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.files == ["out"])
    }
}
