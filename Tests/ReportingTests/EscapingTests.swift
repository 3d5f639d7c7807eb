import Testing
@testable import Reporting

@Suite("Untrusted text in reports")
struct EscapingTests {
    @Test func jsonEscapesQuotesControlsAndLineSeparators() {
        #expect(JSONWriter.quoted("a\"b\\c\n\u{1}\u{2028}") == "\"a\\\"b\\\\c\\n\\u0001\\u2028\"")
    }

    @Test func jsonNumbersAreDeterministic() {
        #expect(JSONWriter.format(0) == "0" && JSONWriter.format(-0.0) == "0")
        #expect(JSONWriter.format(2) == "2" && JSONWriter.format(0.1) == "0.1")
    }

    @Test func markdownTextCannotInjectHTMLLinksOrTableCells() {
        let hostile = "<script>alert(1)</script> [x](http://e) | *b* `c`\n# h \u{202E}rtl"
        let safe = MarkdownReport.text(hostile)
        #expect(!safe.contains("<script>") && safe.contains("&lt;script&gt;"))
        #expect(!safe.contains("\n") && !safe.contains("\u{202E}"))
        #expect(safe.contains("\\|") && safe.contains("\\[x\\]") && safe.contains("\\*b\\*") && safe.contains("\\`c\\`"))
    }

    @Test func terminalSummaryDropsControlAndBidiCharacters() {
        #expect(TextSummary.oneLine("a\u{1B}[31mb\u{202E}c") == "a\u{FFFD}[31mb\u{FFFD}c")
    }
}
