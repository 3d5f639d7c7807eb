import FlriskTestSupport
import Testing
@testable import Reporting

/// The CSV cell writer works on bytes in one pass; it must give exactly what the plain
/// scalar-by-scalar definition gives, for any text.
@Suite("CSV cells")
struct CSVCellTests {
    /// The definition: ``CSVReport/unicodeText(_:)``, scalar by scalar (line ends and tabs →
    /// space, other controls and format characters → U+FFFD), quotes doubled, a formula start
    /// prefixed with `'`.
    static func reference(_ value: String) -> String { CSVReport.unicodeText(value) }

    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", " ", ",", ";", "\"", "'", "=", "+", "-", "@", "\t", "\r", "\n", "\u{0}", "\u{1B}", "\u{7F}",
        "é", "≥", "→", "\u{85}", "\u{9F}", "\u{AD}", "\u{200B}", "\u{202E}", "\u{2066}", "\u{FEFF}", "中", "😀", "\u{E0001}", "\u{301}",
        "\u{200C}", "\u{200D}",
    ]

    /// Zero-width joiners are kept (emoji sequences, Persian and Indic text); the other format
    /// characters, which can reorder or hide text, are not.
    @Test func joinersAreKeptOtherFormatCharactersAreNot() {
        let worker = "Mill \u{1F477}\u{1F3FD}\u{200D}\u{2640}\u{FE0F}", persian = "می\u{200C}خواهم"
        for text in [worker, persian] {
            var out: [UInt8] = []
            CSVReport.appendText(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "\"\(text)\"")
            #expect(CSVReport.unicodeText(text) == "\"\(text)\"")
            #expect(HTMLReport.escape(text) == text)
        }
        var out: [UInt8] = []
        CSVReport.appendText("a\u{202E}b\u{200B}c\u{2066}d", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"a\u{FFFD}b\u{FFFD}c\u{FFFD}d\"")
        #expect(HTMLReport.escape("a\u{202E}b\u{200B}c") == "a\u{FFFD}b\u{FFFD}c")
    }

    /// Random short texts, each appended after what a row already holds (every other one),
    /// which must stay as it was.
    @Test func bytesWriterEqualsTheDefinition() {
        var random = SeededGenerator(seed: 0x5EED)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        for k in 0..<20_000 {
            var text = ""
            for _ in 0..<next(12) { text.unicodeScalars.append(Self.alphabet[next(Self.alphabet.count)]) }
            let row = k % 2 == 0 ? "" : "1,\"C-1\","
            var out = Array(row.utf8)
            CSVReport.appendText(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == row + Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        var out = Array("row,".utf8)
        CSVReport.appendText("Café \"Ünïcode\" quoted", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "row," + Self.reference("Café \"Ünïcode\" quoted"))
    }

    /// Long texts, mostly plain ASCII, with a special scalar now and then: the writer skips
    /// plain runs eight bytes at a time, so every position of a special byte within and across
    /// words must be handled as the definition says.
    @Test func longMostlyPlainTextsEqualTheDefinition() {
        var random = SeededGenerator(seed: 0xC5F)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        let plain: [Unicode.Scalar] = ["a", "Z", "0", " ", ",", "~", "!", "'"]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<next(70) {
                let scalar = next(10) == 0 ? Self.alphabet[next(Self.alphabet.count)] : plain[next(plain.count)]
                text.unicodeScalars.append(scalar)
            }
            var out: [UInt8] = []
            CSVReport.appendText(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The word tests (CSV cells and JSON strings) agree with their byte-by-byte meaning for every byte value at every
    /// position of a word (the rest plain `a`), and for words of two special bytes.
    @Test func wordTestsAreExact() {
        func bytes(_ word: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
        func attention(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte >= 0x7F }
        func jsonAttention(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 }
        let plainWord = UInt64(0x61) &* ByteWord.ones
        var words: [UInt64] = [plainWord]
        for position in 0..<8 {
            for value in 0...255 {
                let shift = UInt64(8 * position)
                words.append(plainWord & ~(0xFF << shift) | UInt64(value) << shift)
            }
        }
        for value in [0x00, 0x1F, 0x20, 0x22, 0x5C, 0x7E, 0x7F, 0x80, 0xE1, 0xE2, 0xE3, 0xFF] as [UInt64] {
            for other in [0x00, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x7F, 0xE2, 0xFF] as [UInt64] {
                words.append(plainWord & ~0xFF & ~(0xFF << 56) | value | other << 56)
                words.append(plainWord & ~(0xFF << 24) & ~(0xFF << 32) | value << 24 | other << 32)
            }
        }
        for word in words {
            #expect(ByteWord.needsCSVAttention(word) == bytes(word).contains(where: attention), "\(String(word, radix: 16))")
            #expect(ByteWord.has(word, 0x22) == bytes(word).contains(0x22), "\(String(word, radix: 16))")
            #expect(ByteWord.needsJSONAttention(word) == bytes(word).contains(where: jsonAttention), "\(String(word, radix: 16))")
        }
    }
}
