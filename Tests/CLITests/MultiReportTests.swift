import Foundation
import Testing

/// Several formats to one folder are all or nothing: every report is written in full before
/// any is renamed into place, so a failure in one replaces none of the previous reports.
@Suite("Several reports at once")
struct MultiReportTests {
    @Test func aReportThatCannotBeWrittenReplacesNoPreviousReport() throws {
        let scratch = Scratch()
        let folder = scratch.url.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: folder + "/report.md", withIntermediateDirectories: true)
        let previous = scratch.write("out/report.json", "{\"previous\":true}")
        let csv = scratch.write("out/report.csv", "previous csv")
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "csv", "md", "--output", folder + "/", "--quiet"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("report.md: error: [output-failed] cannot write the report: Is a directory"))
        #expect(try String(contentsOfFile: previous, encoding: .utf8) == "{\"previous\":true}")
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "previous csv")
        // No temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left == ["report.csv", "report.json", "report.md"])
    }

    @Test func allReportsAreWrittenWhenNoneFails() throws {
        let scratch = Scratch()
        let folder = scratch.url.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = scratch.write("out/report.json", "{\"previous\":true}")
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "csv", "md", "--output", folder + "/", "--quiet"])
        #expect(run.status == 0 || run.status == 1)
        let json = try String(contentsOfFile: folder + "/report.json", encoding: .utf8)
        #expect(json.hasPrefix("{") && json.contains("\"contracts\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["report.csv", "report.json", "report.md"])
    }
}
