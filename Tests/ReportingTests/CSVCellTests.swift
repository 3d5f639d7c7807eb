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
    ]

    @Test func bytesWriterEqualsTheDefinition() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<next(12) { text.unicodeScalars.append(Self.alphabet[next(Self.alphabet.count)]) }
            var out: [UInt8] = []
            CSVReport.appendText(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
