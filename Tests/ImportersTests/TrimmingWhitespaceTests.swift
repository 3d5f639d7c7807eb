import Testing
@testable import Importers

/// `String.trimmingWhitespace()` reads its fast path from the contiguous UTF-8; it must trim
/// as the definition does (leading and trailing `Character.isWhitespace` removed).
@Suite("Trimming whitespace")
struct TrimmingWhitespaceTests {
    static func reference(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = text.lastIndex(where: { !$0.isWhitespace })!
        return String(text[first...last])
    }

    @Test func agreesWithTheDefinitionOnRandomFields() {
        let pieces = ["a", "Z", "0", "~", "!", " ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "é", "e\u{301}", "\u{0}", "\u{7F}", "\u{85}", "\u{200B}", "\u{1F600}"]
        var random = SplitMix64(seed: 19)
        for _ in 0..<5000 {
            // Small (inline) and long (heap) strings.
            let count = Int.random(in: 0...(Bool.random(using: &random) ? 4 : 30), using: &random)
            let text = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(text.trimmingWhitespace() == Self.reference(text), "\(text.unicodeScalars.map(\.value))")
            #expect(Array(text.trimmingWhitespace().utf8) == Array(Self.reference(text).utf8))
            let substringBacked = String(("x" + text + "x").dropFirst().dropLast())
            #expect(substringBacked.trimmingWhitespace() == Self.reference(text))
        }
        #expect("".trimmingWhitespace() == "")
        #expect(" \u{A0}a b\t".trimmingWhitespace() == "a b")
    }
}
