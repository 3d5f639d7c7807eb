import FlriskTestSupport
import Foundation
import Importers
import Testing
@testable import Reporting
import RiskModel
import SupplyChainModel

/// Second QA pass on the reports: hostile text and amounts, one run in every format.
@Suite("QA2: reports")
struct QA2ReportTests {
    /// Scores three native CSV texts written to a scratch directory; `contracts` is named `name`.
    static func context(suppliers: String, links: String, contracts: String, name: String = "contracts.csv") throws -> (ReportContext, ScratchDirectory) {
        let scratch = ScratchDirectory()
        let s = try NativeCSVImporter.suppliers(path: scratch.file("suppliers.csv", suppliers))
        let l = try NativeCSVImporter.links(path: scratch.file("links.csv", links))
        let c = try NativeCSVImporter.contracts(path: scratch.file(name, contracts))
        var parameters = ScoringParameters()
        parameters.workers = 2
        return (ReportContext(assessment: Assessor(parameters: parameters).assess(suppliers: s, links: l, contracts: c)), scratch)
    }

    static let suppliers = "supplier_id,name,country,region,goods\nV1,Acme,US,,\nS1,Korla Spinning,CN,Xinjiang,cotton\n"
    static let links = "buyer_id,supplier_id,share,good\nV1,S1,0.5,cotton\n"

    /// A description at the start of its Markdown line was read as a list item, an ordered
    /// list or a thematic break ("- x", "1. x", "---"); now the marker is escaped.
    @Test(arguments: [("- list item", "\\- list item"), ("+ plus", "\\+ plus"), ("---", "\\---"), ("1. ordered", "1\\. ordered"),
        ("2024) closed", "2024\\) closed"), ("12 units", "12 units"), ("=== x", "\\=== x")])
    func markdownDescriptionCannotStartABlock(description: String, expected: String) throws {
        let (context, _) = try Self.context(
            suppliers: Self.suppliers, links: Self.links,
            contracts: "contract_id,vendor_id,amount,description\nC1,V1,100,\(description)\n")
        #expect(context.assessment.flaggedCount == 1)
        let markdown = MarkdownReport.render(context)
        #expect(markdown.contains("### C1\n\n\(expected)  \nInput: `"), "\(markdown)")
    }

    /// A path with `|` or a line end broke the Markdown inputs table (GFM splits a row at `|`
    /// even inside a code span); now `|` is escaped and line ends are spaces.
    @Test func markdownInputsTableKeepsOddPathsInOneCell() throws {
        let (context, _) = try Self.context(
            suppliers: Self.suppliers, links: Self.links, contracts: "contract_id,vendor_id,amount\nC1,V1,100\n", name: "a|b\nc`d.csv")
        let markdown = MarkdownReport.render(context)
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| contracts |") })
        #expect(row.hasSuffix("a\\|b c'd.csv` | 1 | 1 | 0 | 0 |"), "\(row)")
        #expect(markdown.contains("Input: `") && !markdown.contains("b\nc"))
    }

    /// Amounts past what a double holds in cents: "1e,+20" (grouping cut into Swift's exponent
    /// form) in the HTML parameters and FL-UNMAPPED messages; "1.3000000000001222e+16" in the
    /// flagged-amount card; "999,999,999,999,999.0" with one decimal.
    @Test func hugeAmountsAreGroupedDigitsWithCents() throws {
        var contracts = "contract_id,vendor_id,amount\n"
        for k in 1...20 { contracts += "C\(k),V1,999999999999999\n" }
        let (context, _) = try Self.context(suppliers: Self.suppliers, links: Self.links, contracts: contracts)
        let html = HTMLReport.render(context)
        let markdown = MarkdownReport.render(context)
        #expect(!html.contains("e+") && !html.contains("e,+"))
        #expect(html.contains("999,999,999,999,999.00") && markdown.contains("999,999,999,999,999.00 USD"))
        #expect(html.contains("flagged amount, USD 19,999,999,999,999,98"), "whole units, grouped")
    }

    /// A flag on contract `Café` (NFC) resolved and one on `Café` (NFD) new were neither: the
    /// diff keyed flags by Swift strings, which merge ids the importer keeps apart.
    @Test func baselineKeepsIdsThatDifferOnlyByNormalisation() throws {
        let nfc = "Caf\u{E9}", nfd = "Cafe\u{301}"
        let scratch = ScratchDirectory()
        let report = scratch.file("base.json", """
            {"schema_version": 1, "contracts": [{"id": "\(nfc)", "reasons": [{"rule": "FL-ENTITY", "severity": "high", "message": "m"}]}]}
            """)
        let baseline = try BaselineDiff.flags(inReport: report)
        #expect(baseline.map { Array($0.contract.utf8) } == [Array(nfc.utf8)])
        let current = [FlagRecord(contract: nfd, rule: "FL-ENTITY", severity: "high", message: "m")]
        let diff = BaselineDiff(file: report, baseline: baseline, current: current)
        #expect(diff.new.map { Array($0.contract.utf8) } == [Array(nfd.utf8)])
        #expect(diff.resolved.map { Array($0.contract.utf8) } == [Array(nfc.utf8)])
        #expect(diff.changed.isEmpty && diff.hasNewFlag(atLeast: .high))
    }

    /// A CR LF inside a field (a quoted CSV field from Windows) went into the Markdown as it
    /// was: CR LF is one Character, which the one-line rule ("\n", "\r") did not match, so a
    /// vendor name split its table row and a description started new blocks. The HTML showed
    /// the CR as U+FFFD.
    @Test func crlfInsideFieldsStaysOnOneLine() throws {
        let (context, _) = try Self.context(
            suppliers: "supplier_id,name,country,region,goods\nV1,\"Acme\r\nWest\",US,,\nS1,Korla Spinning,CN,Xinjiang,cotton\n",
            links: Self.links, contracts: "contract_id,vendor_id,amount,description\nC1,V1,100,\"line1\r\n- item\"\n")
        #expect(context.assessment.flaggedCount == 1)
        let markdown = MarkdownReport.render(context)
        #expect(!markdown.contains("\r"))
        #expect(markdown.contains("| 1 | C1 | V1 Acme West | 100.00 USD | high |"), "\(markdown)")
        #expect(markdown.contains("\nline1 - item  \n"), "\(markdown)")
        let html = HTMLReport.render(context)
        #expect(html.contains("<p class=\"desc\">line1  - item</p>") && !html.contains("\u{FFFD}"), "CR and LF as spaces")
    }

    /// An ASCII character followed by a combining mark is one Character, which the escapes
    /// (matched per Character) passed as it was: "A|\u{301}B" split a table cell, "`\u{301}"
    /// opened a code span, "[\u{301}x](http://e)" made a link.
    @Test(arguments: ["A|\u{301}B", "`\u{301}code`", "[\u{301}x](http://e)", "*\u{301}b*", "<\u{301}b>", "_\u{301}u_"])
    func markdownEscapesASCIIUnderCombiningMarks(name: String) {
        let safe = MarkdownReport.text(name)
        // Bytes, not Characters: String.hasPrefix would compare whole grapheme clusters.
        let scalars = Array(name.unicodeScalars)
        let special = scalars.first { "|`[*<_".unicodeScalars.contains($0) }!
        let escaped = Array((special == "<" ? "&lt;" : "\\" + String(special)).utf8) + Array("\u{301}".utf8)
        let bytes = Array(safe.utf8)
        #expect((0...(bytes.count - escaped.count)).contains { Array(bytes[$0..<($0 + escaped.count)]) == escaped }, "\(safe)")
        #expect(safe.unicodeScalars.contains("\u{301}"), "the mark is kept")
        var row: [UInt8] = []
        MarkdownReport.appendText(name, to: &row)
        #expect(String(decoding: row, as: UTF8.self) == safe, "the byte path agrees")
    }

    /// Non-ASCII text with quotes doubled them with Foundation's replacement, which matches
    /// whole Characters: a quote followed by a combining mark stayed single and ended the
    /// cell, so `"\u{301},=cmd()` put a formula in a cell of its own.
    @Test(arguments: ["Ac\"\u{301}me", "\"\u{301},=HYPERLINK(\"http://e\")", "é \"\u{301}\"\u{301}"])
    func csvDoublesQuotesUnderCombiningMarks(name: String) {
        let cell = Array(CSVReport.text(name).unicodeScalars)
        #expect(cell.first == "\"" && cell.last == "\"")
        // Inside the cell every quote is one of a pair.
        var i = 1, paired = true
        while i < cell.count - 1 {
            if cell[i] == "\"" {
                if cell[i + 1] != "\"" || i + 1 == cell.count - 1 { paired = false; break }
                i += 2
            } else {
                i += 1
            }
        }
        #expect(paired, "\(String(String.UnicodeScalarView(cell)))")
        #expect(cell.filter { $0 == "\"" }.count == 2 + 2 * name.unicodeScalars.filter { $0 == "\"" }.count)
    }

    @Test func markdownInputsTableEscapesAPipeWithAMark() throws {
        #expect(MarkdownReport.tableCode("a|\u{301}b`c").unicodeScalars.elementsEqual("a\\|\u{301}b'c".unicodeScalars))
    }

    /// The flagged-amount card added amounts of every currency and labelled the sum with the
    /// report's: EUR 1,000 and USD 500 showed as "USD 1,500.00".
    @Test func flaggedAmountCardSumsOnlyTheReportCurrency() throws {
        let (context, _) = try Self.context(
            suppliers: Self.suppliers, links: Self.links,
            contracts: "contract_id,vendor_id,amount,currency\nC1,V1,1000,EUR\nC2,V1,500,USD\nC3,V1,250,\n")
        #expect(context.assessment.flaggedCount == 3)
        let html = HTMLReport.render(context)
        #expect(html.contains("flagged amount, USD 750.00 (1 in other currencies not included)"), "\(html.prefix(4000))")
    }

    /// Every id in the HTML page is defined once, however many path drawings it holds (each
    /// drawing used to define its own arrowhead `id="arrow"`), and the drawings use it.
    @Test func htmlIdsAreUnique() throws {
        let (context, _) = try Self.context(
            suppliers: Self.suppliers + "S2,Aksu Cotton,CN,Xinjiang,cotton\n", links: Self.links + "V1,S2,0.4,cotton\n",
            contracts: "contract_id,vendor_id,amount\nC1,V1,1000\nC2,V1,2000\nC3,V1,3000\n")
        let html = HTMLReport.render(context)
        let ids = html.split(separator: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(html.components(separatedBy: "url(#arrow)").count > 2)
    }
}
