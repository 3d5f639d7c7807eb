import Foundation
import Testing

/// Fourth QA pass on the command line.
@Suite("QA4: command line", .serialized)
struct QA4CLITests {
    /// A UTF-16 FPDS feed (as Windows tools save XML) given with `--contracts-format fpds`
    /// stopped with libxml2's "Extra content at the end of the document", and detected it was
    /// "binary … save it as UTF-8 CSV". Both now name the file and say it is UTF-16 XML to be
    /// saved as UTF-8; exit 2, no report.
    @Test(arguments: [[], ["--contracts-format", "fpds"]])
    func aUTF16FeedSaysItIsUTF16XML(format: [String]) throws {
        let scratch = Scratch()
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = scratch.url.appendingPathComponent("feed.xml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let run = try CLI.run(["score", "--contracts", path, "--format", "json"] + format)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(path): error: [unsupported-encoding] the file is XML in UTF-16 (little-endian)"), "\(run.stderr)")
        #expect(run.stderr.contains("save it as UTF-8") && !run.stderr.contains("CSV"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
