import Foundation
import Testing

/// Folders `--output` made for a run that then failed. `--output new/dir/` makes the missing
/// folders before the reports are written; when a write failed (`File too large` past
/// `ulimit -f`, a full disk), the reports were removed but `new/dir/` stayed, empty.
@Suite("QA15: folders made for reports that were not written", .serialized)
struct QA15OutputFolderTests {
    static func score(limited output: String, formats: [String]) throws -> CLIRun {
        try CLI.run(
            ["-c", "ulimit -f 8 && exec \"$0\" \"$@\"", CLI.executable.path, "score"] + CLI.demo + ["--format"] + formats + ["--output", output, "--quiet"],
            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test(arguments: [(["json", "html"], "new/dir/"), (["json"], "new/dir/report.json"), (["csv"], "new/dir/")])
    func aFailedRunLeavesNoFolderItMade(formats: [String], output: String) throws {
        let scratch = Scratch()
        let run = try Self.score(limited: scratch.url.appendingPathComponent(output).path, formats: formats)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("cannot write the report: File too large"), "\(run.stderr)")
        #expect(scratch.files.isEmpty, "\(scratch.files)")
    }

    /// A folder that existed stays, with what it held; only the folders the run made go.
    @Test func foldersThatExistedStay() throws {
        let scratch = Scratch()
        let kept = scratch.url.appendingPathComponent("kept")
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        let run = try Self.score(limited: kept.appendingPathComponent("a/b/").path + "/", formats: ["json", "md"])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(scratch.files == ["kept"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: kept.path).isEmpty)
    }

    /// A successful run keeps the folders it made, with its reports.
    @Test func aSuccessfulRunKeepsThem() throws {
        let scratch = Scratch()
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "md", "--output", scratch.url.appendingPathComponent("new/dir").path + "/", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("new/dir").path).sorted() == ["report.json", "report.md"])
    }
}
