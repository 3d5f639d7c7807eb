import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// `"target": "false"` (a string, as some exports and hand edits write it) was not a JSON
/// boolean, so it fell back to "no target key" and the related entity became a watchlist
/// entry. Now the strings `true` and `false` (any case) are read as the booleans, `null` is
/// as no key (a target), and any other value (`"no"`, `0`, `1`, a list) rejects the line as
/// `invalid-value`, naming the entity and the value.
@Suite("QA14: a FollowTheMoney target written as a string")
struct QA14FollowTheMoneyTargetTests {
    static func line(_ id: String, target: String) -> String {
        #"{"id":"\#(id)","schema":"Company","caption":"Co \#(id)","target":\#(target)}"#
    }

    @Test func theStringsTrueAndFalseAreBooleans() throws {
        let scratch = TemporaryDirectory()
        let text = [
            Self.line("A", target: #""false""#), Self.line("B", target: #""FALSE""#), Self.line("C", target: #""true""#),
            Self.line("D", target: #"" True ""#), Self.line("E", target: "false"), Self.line("F", target: "true"),
            Self.line("G", target: "null"), #"{"id":"H","schema":"Company","caption":"Co H"}"#,
        ].joined(separator: "\n") + "\n"
        let result = try FollowTheMoney.entries(path: scratch.file("entities.ftm.json", text))
        #expect(result.records.map(\.id) == ["C", "D", "F", "G", "H"])
        #expect(result.summary.accepted == 8 && result.summary.rejected == 0, "\(result.findings)")
        #expect(result.findings.contains { $0.code == "related-entities" && $0.message.hasPrefix("3 related entities") })
    }

    @Test func anyOtherTargetRejectsTheLine() throws {
        let scratch = TemporaryDirectory()
        let text = [
            Self.line("A", target: #""no""#), Self.line("B", target: "0"), Self.line("C", target: "1"),
            Self.line("D", target: "[true]"), Self.line("E", target: "true"),
        ].joined(separator: "\n") + "\n"
        let result = try FollowTheMoney.entries(path: scratch.file("entities.ftm.json", text))
        #expect(result.records.map(\.id) == ["E"])
        #expect(result.summary.rejectedByReason == ["invalid-value": 4])
        let errors = result.findings.filter { $0.code == "invalid-value" }
        #expect(errors.map { $0.location?.line } == [1, 2, 3, 4])
        #expect(errors.first?.message == "row rejected: entity 'A': 'target' is 'no'; expected true or false", "\(errors)")
        #expect(errors.dropFirst().first?.message.contains("'target' is 0;") == true, "\(errors)")
    }
}

/// A FollowTheMoney JSON-lines file ending with the DOS end-of-file mark 0x1A (Ctrl-Z), or with
/// a line holding only a form feed or vertical tab, was rejected there as `invalid-json`
/// (fatal with `--strict`), while a CSV file treats such a line as blank (QA13). JSON lines
/// now do the same: blank, counted in `rows_blank`.
@Suite("QA14: a Ctrl-Z or form-feed line of a JSON-lines file is blank")
struct QA14JSONLinesBlankTests {
    @Test func controlZFormFeedAndVerticalTabLinesAreBlank() throws {
        let scratch = TemporaryDirectory()
        let entity = #"{"id":"A","schema":"Company","caption":"Alpha Co"}"#
        let text = entity + "\r\n\u{0C}\r\n \u{0B}\t\r\n" + #"{"id":"B","schema":"Company","caption":"Beta Co"}"# + "\r\n\u{1A}"
        let result = try FollowTheMoney.entries(path: scratch.file("entities.ftm.json", text))
        #expect(result.records.map(\.id) == ["A", "B"])
        #expect(result.summary.blank == 3 && result.summary.rejected == 0 && result.summary.read == 5, "\(result.findings)")
        // Read through the sniffer too, as `--watchlist` does.
        let sniffed = try Inputs.watchlist(path: scratch.file("w.json", text))
        #expect(sniffed.summary == result.summary.with(file: sniffed.summary.file))
    }

    @Test func aControlZInsideALineIsStillNotJSON() throws {
        let scratch = TemporaryDirectory()
        let text = #"{"id":"A","schema":"Company","caption":"Alpha Co"}"# + "\n\u{1A}x\n"
        let result = try FollowTheMoney.entries(path: scratch.file("entities.ftm.json", text))
        #expect(result.summary.rejectedByReason == ["invalid-json": 1])
    }
}

extension ImportSummary {
    fileprivate func with(file: String) -> ImportSummary {
        var copy = self
        copy.file = file
        return copy
    }
}
