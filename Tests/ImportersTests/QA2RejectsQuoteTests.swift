import Testing
@testable import Importers

/// The rejects file doubled quotes Character by Character: a quote followed by a combining
/// mark is one Character, stayed single and ended the cell, so the rejected row's fields
/// read back shifted.
@Suite("QA2: rejects file quoting")
struct QA2RejectsQuoteTests {
    @Test(arguments: ["a\"\u{301},b", "\"\u{301}", "plain \"q\"", "é\"\u{301}\"x"])
    func everyQuoteIsDoubled(cell: String) {
        let quoted = RejectsFile.quote(cell)
        let scalars = Array(quoted.unicodeScalars)
        let inner = Array(scalars.dropFirst().dropLast())
        #expect(scalars.first == "\"" && scalars.last == "\"")
        #expect(inner.filter { $0 == "\"" }.count == 2 * cell.unicodeScalars.filter { $0 == "\"" }.count, "\(quoted)")
        // Undoubling gives the cell back, scalar for scalar.
        var back = String.UnicodeScalarView(), i = 0
        while i < inner.count {
            back.append(inner[i])
            i += inner[i] == "\"" ? 2 : 1
        }
        #expect(back.elementsEqual(cell.unicodeScalars))
    }
}
