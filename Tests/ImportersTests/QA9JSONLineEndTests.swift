import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// CSV files may end their lines with LF, CRLF or a lone CR (docs/FORMATS.md), but JSON lines
/// were split at LF only: a FollowTheMoney file saved with CR line ends was one line, rejected
/// whole as `invalid-json`, every entity in it lost. A JSON string cannot hold a raw CR, so a
/// lone CR now ends a line as in CSV; a CRLF split across two reads is still one line end.
@Suite("QA9: JSON lines end with LF, CRLF or CR")
struct QA9JSONLineEndTests {
    static func entity(_ id: String, caption: String = "Alpha Co") -> String {
        #"{"id":"\#(id)","schema":"Company","caption":"\#(caption)"}"#
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("entities.ftm.json", Self.entity("A") + "\r" + Self.entity("B") + "\r\r" + Self.entity("C") + "\r")
        let result = try FollowTheMoney.entries(path: path)
        #expect(result.records.map(\.id) == ["A", "B", "C"])
        #expect(result.records.map { $0.location?.line } == [1, 2, 4])
        #expect(result.summary.read == 4 && result.summary.blank == 1 && result.summary.rejected == 0)
    }

    /// The first line fills the first read (1 MiB) but for its CR; the LF is the next read's
    /// first byte.
    @Test func crlfAcrossTwoReadsIsOneLineEnd() throws {
        let scratch = TemporaryDirectory()
        let shell = Self.entity("A", caption: "")
        let first = Self.entity("A", caption: String(repeating: "x", count: (1 << 20) - 1 - shell.utf8.count))
        #expect(first.utf8.count == (1 << 20) - 1)
        let path = scratch.file("entities.ftm.json", first + "\r\n" + Self.entity("B") + "\r\n")
        let result = try FollowTheMoney.entries(path: path, limits: ImportLimits(maxFieldBytes: 2 << 20))
        #expect(result.records.map(\.id) == ["A", "B"])
        #expect(result.records.map { $0.location?.line } == [1, 2])
        #expect(result.summary.read == 2 && result.summary.blank == 0)
    }
}
