import Foundation
import Importers
import Testing
@testable import Reporting
import RiskModel

/// Fifth QA pass on the Markdown report: line-breaking characters from input text.
@Suite("QA5: Markdown line breaks")
struct QA5MarkdownLineBreakTests {
    /// U+2028 and U+2029 (line and paragraph separators) went into table cells as they were,
    /// and NEL, vertical tab and form feed became U+FFFD; renderers and editors that break
    /// lines at them split the row. Every line break of Unicode is now a space, as a newline is.
    @Test(arguments: [
        ("a\u{2028}b", "a b"), ("a\u{2029}b", "a b"), ("a\u{85}b", "a b"), ("a\u{0B}b", "a b"), ("a\u{0C}b", "a b"),
        ("Café\u{2028}| x", "Café \\| x"), ("e\u{301}\u{2029}e\u{301}", "e\u{301} e\u{301}"), ("\r\n\u{2028}\n", "   "),
    ])
    func aLineBreakIsASpace(input: String, expected: String) {
        #expect(MarkdownReport.text(input) == expected)
        var bytes: [UInt8] = []
        MarkdownReport.appendText(input, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected, "the byte path agrees")
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}"])
    func aLineBreakInCodeIsASpace(separator: String) {
        #expect(MarkdownReport.code("a\(separator)b") == "a b" && MarkdownReport.tableCode("a|\(separator)b") == "a\\| b")
        var bytes: [UInt8] = []
        MarkdownReport.appendCode("a\(separator)b", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "a b")
    }

    /// A whole report from names and a description holding every line break: each line of the
    /// report ends with LF, and no other character breaks a line.
    @Test func theReportBreaksLinesOnlyAtNewlines() throws {
        let breaks = "\u{2028}|\u{2029}|\u{85}|\u{0B}|\u{0C}"
        let assessment = try assessNativeFiles(
            suppliers: "supplier_id,name,country,region,goods\nV1,Vendor\(breaks) LLC,US,,\nT1,Cotton\(breaks) Mill,CN,Xinjiang,cotton\n",
            links: "buyer_id,supplier_id,share,good\nV1,T1,0.6,cotton\n",
            contracts: "contract_id,vendor_id,amount,award_date,description\nC-1,V1,1000000,2025-10-01,Shirts\(breaks) made of cotton\n")
        let report = MarkdownReport.render(ReportContext(assessment: assessment))
        #expect(report.contains("Cotton \\| \\| \\| \\|  Mill"), "the supplier's name on one line")
        #expect(report.contains("Shirts \\| \\| \\| \\|  made of cotton"), "the description on one line")
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            let broken = line.contains { $0.isNewline }
            #expect(!broken, "\(line.debugDescription)")
        }
        for row in lines where row.hasPrefix("| ") && row.contains("Cotton") {
            #expect(row.hasSuffix(" |"), "\(row)")
        }
    }
}
