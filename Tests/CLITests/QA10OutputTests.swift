import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `--output /dev/stdout` (QA10). On Linux `/dev/stdout` is a symbolic link to
/// `/proc/self/fd/1`: when standard output was redirected to a regular file
/// (`flrisk score … --output /dev/stdout > report.json`), the target was taken for a file and
/// written atomically, a temporary file beside it renamed over the link (as root: the
/// system's `/dev/stdout` replaced by a report file; else exit 3, Permission denied in `/dev`).
/// A link of our own to `/proc/self/fd/1` in a scratch folder shows it without touching `/dev`.
@Suite("QA10: reports into standard output", .serialized)
struct QA10OutputTests {
    /// Runs flrisk with its standard output sent to the regular file `stdout`.
    static func run(_ arguments: [String], stdout: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        #expect(FileManager.default.createFile(atPath: stdout, contents: nil))
        let out = try #require(FileHandle(forWritingAtPath: stdout))
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try out.close()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    @Test func aLinkToStandardOutputInAFileIsWrittenThroughIt() throws {
        let scratch = Scratch()
        let link = scratch.url.appendingPathComponent("stdout.link").path
        #expect(symlink("/proc/self/fd/1", link) == 0)
        let stdout = scratch.url.appendingPathComponent("captured.json").path
        let run = try Self.run(["score"] + CLI.demo + ["--format", "json", "--output", link, "--quiet"], stdout: stdout)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.isSymbolicLink(link), "the link is still a link, not replaced by a report file")
        let expected = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--quiet"]).stdout
        #expect(try String(contentsOfFile: stdout, encoding: .utf8) == expected, "the report went to standard output")
        #expect(scratch.files == ["captured.json", "stdout.link"], "no temporary file is left")
    }

    @Test func theSummaryIsNotMixedIntoAReportOnStandardOutput() throws {
        // Standard output is a pipe here: /dev/stdout was already written in place, but the
        // summary followed the report on it, so `… --output /dev/stdout | jq` read no JSON.
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--output", "/dev/stdout"])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--quiet"]).stdout
        #expect(run.stdout == expected, "standard output holds the report alone")
    }
}
