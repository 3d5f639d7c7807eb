import FlriskTestSupport
import Testing
@testable import Reporting

/// ``HTMLReport/escape(_:)`` reads bytes a word at a time: it must give what escaping scalar by
/// scalar gives (the reference below, the earlier implementation), for any text.
struct HTMLEscapeTests {
    /// Scalar by scalar: markup as entities, tab, CR and LF as spaces, other controls, format
    /// characters (but ZWJ and ZWNJ) and line and paragraph separators as U+FFFD.
    static func reference(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                let category = scalar.properties.generalCategory
                let hidden = category == .control || (category == .format && scalar.value != 0x200C && scalar.value != 0x200D)
                out.unicodeScalars.append(hidden || category == .lineSeparator || category == .paragraphSeparator ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    @Test func agreesWithScalarByScalarEscaping() {
        let pieces = [
            "a", "Supplier S1 ", "&", "<b>", ">", "\"", "'", "\t", "\n", "\r", "\u{7}", "\u{7F}", "é", "≥", "→", "\u{202E}", "\u{2028}",
            "\u{2029}", "\u{200D}", "\u{200C}", "\u{FEFF}", "👩‍🔧", "\u{85}", "long plain text without anything to escape ", "0.481",
        ]
        var random = SeededGenerator(seed: 0x4E7)
        for _ in 0..<3000 {
            let count = Int(random.next() % 12)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(HTMLReport.escape(text) == Self.reference(text), "\(text.debugDescription)")
        }
        #expect(HTMLReport.escape("") == "")
        #expect(HTMLReport.escape("plain text, twenty-four") == "plain text, twenty-four")
    }

    /// ``HTMLReport/clip(_:_:)`` keeps texts of at most `limit` characters and cuts longer ones
    /// to `limit − 1` and an ellipsis, counting characters (grapheme clusters), not bytes.
    @Test func clipCountsCharacters() {
        func reference(_ text: String, _ limit: Int) -> String {
            HTMLReport.escape(text.count > limit ? String(text.prefix(limit - 1)) + "…" : text)
        }
        let pieces = ["a", "é", "e\u{301}", "👩‍🔧", "🇫🇷", "<", "≥", " ", "abc"]
        var random = SeededGenerator(seed: 0xC11)
        for _ in 0..<3000 {
            let count = Int(random.next() % 16)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            for limit in [1, 2, 5, 8, 12] {
                #expect(HTMLReport.clip(text, limit) == reference(text, limit), "\(text.debugDescription) \(limit)")
            }
        }
        #expect(HTMLReport.clip("abcdef", 5) == "abcd…")
        #expect(HTMLReport.clip("abcde", 5) == "abcde")
    }
}
