import Foundation
import Testing

/// `flrisk config init DIR/` (QA10). A path ending in '/' wrote a file named as the folder
/// without the slash ('config init conf/' wrote the file 'conf' and said "Wrote conf/"), and an
/// existing folder was "already exists; use --force", then exit 3 "Is a directory" with
/// --force. A folder receives `flrisk.yaml`, as `--output DIR/` receives the report files.
@Suite("QA10: config init into a folder", .serialized)
struct QA10ConfigInitTests {
    @Test func aPathEndingInASlashIsAFolder() throws {
        let scratch = Scratch()
        let folder = scratch.url.appendingPathComponent("conf").path + "/"
        let run = try CLI.run(["config", "init", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let file = folder + "flrisk.yaml"
        #expect(run.stdout.contains("Wrote \(file)"), "\(run.stdout)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == (try CLI.run(["config", "init", "-"])).stdout)
        #expect(scratch.files == ["conf"])
    }

    @Test func anExistingFolderReceivesTheFile() throws {
        let scratch = Scratch()
        let run = try CLI.run(["config", "init", scratch.url.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.files == ["flrisk.yaml"])
        #expect(try CLI.run(["config", "check", scratch.url.appendingPathComponent("flrisk.yaml").path]).status == 0)
        let again = try CLI.run(["config", "init", scratch.url.path])
        #expect(again.status == 64 && again.stderr.contains("flrisk.yaml already exists; use --force"), "\(again.stderr)")
    }
}
