import Testing
@testable import Reporting

/// Third QA pass on the reports.
@Suite("QA3: reports")
struct QA3ReportTests {
    /// FORMATS.md: in the Markdown report "no HTML, links, emphasis or table breaks can be
    /// injected". GitHub's autolink extension made `http://…`, `https://…`, `ftp://…` and
    /// `www.…` in any input text (a contract description, a supplier name) live links (checked
    /// with cmark-gfm 0.29: `see http://evil.example/x` became `<a href=…>`). The `:` before
    /// `//` and the `.` after `www` are now escaped (`http\://`, `www\.`), which cmark-gfm
    /// shows as the same text without a link.
    @Test(arguments: [
        ("see http://evil.example/x now", "see http\\://evil.example/x now"),
        ("HTTPS://evil.example", "HTTPS\\://evil.example"),
        ("ftp://x.y and www.evil.com", "ftp\\://x.y and www\\.evil.com"),
        ("(WWW.Evil.com)", "(WWW\\.Evil.com)"),
        ("Café www.evil.com/é", "Café www\\.evil.com/é"),
        ("a\u{301} https://e.x", "a\u{301} https\\://e.x"),
        ("ratio 1:2, www, x.www", "ratio 1:2, www, x.www"),
    ])
    func markdownTextMakesNoAutolink(input: String, expected: String) {
        #expect(MarkdownReport.text(input) == expected)
        var bytes: [UInt8] = []
        MarkdownReport.appendText(input, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected, "the byte path agrees")
    }
}
