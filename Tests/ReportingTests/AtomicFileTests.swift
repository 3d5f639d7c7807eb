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
}
