import FlriskTestSupport
import Testing
@testable import Reporting

/// The JSON and Markdown writers work on UTF-8 bytes in one pass; they must give exactly what
/// the plain scalar-by-scalar (or character-by-character) definitions give, for any text.
@Suite("Report writers on bytes")
struct WriterBytesTests {
    /// The JSON string definition, scalar by scalar (RFC 8259 plus U+2028/U+2029 and DEL).
    static func jsonReference(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "<", ">", "&", "`", "*", "_", "[", "]", "#", "|", "!", "~", "\t", "\r", "\n",
        "\u{0}", "\u{1F}", "\u{7F}", "é", "≥", "→", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{85}", "\u{AD}", "中",
        "😀", "\u{301}", "\u{E2}", "\u{200C}", "\u{200D}", "\u{2192}", "\u{2265}", "\u{D7}", "\u{2066}", "\u{1F1E6}",
    ]

    /// Seeded random strings over ``alphabet``.
    static func samples(_ count: Int) -> [String] {
        var random = SeededGenerator(seed: 0x5EED)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<next(12) { text.unicodeScalars.append(alphabet[next(alphabet.count)]) }
            return text
        }
    }

    @Test func jsonStringsEqualTheDefinition() {
        for text in Self.samples(20_000) {
            #expect(JSONWriter.quoted(text) == Self.jsonReference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Long, mostly plain texts (runs the eight-byte skip covers), with special scalars at
    /// random places, the ends of a word included.
    @Test func longJSONStringsEqualTheDefinition() {
        var random = SeededGenerator(seed: 0x150A)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<random.next(below: 90) {
                text.unicodeScalars.append(random.next(below: 10) == 0 ? Self.alphabet[random.next(below: Self.alphabet.count)] : "abcdefgh".unicodeScalars.randomElement(using: &random)!)
            }
            #expect(JSONWriter.quoted(text) == Self.jsonReference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func jsonIntegersAndNumbersEqualStringConversion() {
        for value in [0, 1, -1, 9, 10, 99, 100, 12345, -987654321, Int.max, Int.min] {
            var out: [UInt8] = []
            JSONWriter.appendInteger(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
        for value in [0.0, -0.0, 2, -3, 0.1, 1e15, 1e16, -2.5e-7, 123456789012345] {
            var json = JSONWriter()
            json.beginArray()
            json.number(value)
            json.endArray()
            #expect(json.text == "[\n  \(JSONWriter.format(value))\n]\n")
        }
    }

    @Test func markdownBytesEqualTheCharacterDefinition() {
        for text in Self.samples(20_000) {
            var out: [UInt8] = []
            MarkdownReport.appendText(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == MarkdownReport.text(text))
            out = []
            MarkdownReport.appendCode(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == MarkdownReport.code(text))
        }
    }

    /// Sliced arrays: elements that write nothing, one or several values, in any slicing.
    @Test func slicedArraysDoNotDependOnWorkersOrBatches() {
        func render(workers: Int, pieceSize: Int) -> String {
            var pieces: [UInt8] = []
            var json = JSONWriter()
            json.beginObject()
            json.key("a")
            json.beginArray()
            json.elements(40, workers: workers, pieceSize: pieceSize, emit: { pieces += $0 }) { json, i in
                for k in 0..<(i % 3) { json.integer(i * 10 + k) }
            }
            json.elements(5, workers: workers, pieceSize: pieceSize, emit: { pieces += $0 }) { _, _ in }
            json.endArray()
            json.key("b")
            json.beginArray()
            json.elements(3, workers: workers, pieceSize: pieceSize, emit: { pieces += $0 }) { _, _ in }
            json.endArray()
            json.endObject()
            return String(decoding: pieces + json.take(), as: UTF8.self)
        }
        var expected = JSONWriter()
        expected.beginObject()
        expected.key("a")
        expected.beginArray()
        for i in 0..<40 { for k in 0..<(i % 3) { expected.integer(i * 10 + k) } }
        expected.endArray()
        expected.key("b")
        expected.beginArray()
        expected.endArray()
        expected.endObject()
        for workers in [1, 2, 3, 7] {
            for pieceSize in [1, 4, 100] { #expect(render(workers: workers, pieceSize: pieceSize) == expected.text) }
        }
    }
}
