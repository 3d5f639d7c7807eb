import Foundation
import Testing
@testable import Reporting

/// `AtomicFile.write(to:_:)` streams pieces and hands them to the disk in the background every
/// `Writer.flushBytes`; the file must come out whole, in order, with no temporary file left.
@Suite("Atomic streamed files")
struct AtomicFileTests {
    @Test func largeStreamWithBackgroundFlushesComesOutWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flrisk-atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.csv").path
        let piece = 24 << 20  // several pieces per background flush, several flushes in all
        let pieces = (AtomicFile.Writer.flushBytes * 3) / piece + 1
        try AtomicFile.write(to: path) { (file: inout AtomicFile.Writer) throws(OutputError) in
            for k in 0..<pieces { try file.write([UInt8](repeating: UInt8(ascii: "a") + UInt8(k % 26), count: piece)) }
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.count == pieces * piece)
        for k in 0..<pieces { #expect(data[k * piece] == UInt8(ascii: "a") + UInt8(k % 26) && data[(k + 1) * piece - 1] == data[k * piece]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["big.csv"])
    }

    /// A report path that is a symbolic link (relative, in a chain, or naming a file not made
    /// yet) keeps the link: the file it names gets the report, and no temporary file is left.
    @Test func aLinkIsFollowedToItsFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flrisk-atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let shared = directory.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        let real = shared.appendingPathComponent("today.json").path
        try "old".write(toFile: real, atomically: false, encoding: .utf8)
        let link = directory.appendingPathComponent("report.json").path
        let chained = directory.appendingPathComponent("latest.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "shared/today.json")
        try FileManager.default.createSymbolicLink(atPath: chained, withDestinationPath: link)
        try AtomicFile.write("new", to: chained)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "shared/today.json")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: chained) == link)
        let dangling = directory.appendingPathComponent("next.json").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "shared/tomorrow.json")
        try AtomicFile.write("first", to: dangling)
        #expect(try String(contentsOfFile: shared.appendingPathComponent("tomorrow.json").path, encoding: .utf8) == "first")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path).sorted() == ["today.json", "tomorrow.json"])
        // A loop of links is replaced, as any file is.
        let loop = directory.appendingPathComponent("loop.json").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.json")
        try AtomicFile.write("looped", to: loop)
        #expect(try String(contentsOfFile: loop, encoding: .utf8) == "looped")
    }
}
