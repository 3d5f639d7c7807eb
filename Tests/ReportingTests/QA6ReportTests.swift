import Foundation
import Importers
import Testing
@testable import Reporting
import RiskModel

/// Sixth QA pass on the reports: hostile text in the Markdown report.
@Suite("QA6: reports")
struct QA6ReportTests {
    /// Markdown made from `input` by both paths (whole string and appended bytes).
    static func markdown(_ input: String) -> [String] {
        var bytes: [UInt8] = []
        MarkdownReport.appendText(input, to: &bytes)
        return [MarkdownReport.text(input), String(decoding: bytes, as: UTF8.self)]
    }

    /// An Arabic number sign (U+0600, a "prepend" character) joins the next character into
    /// one grapheme, so `"\u{0600}|"` is one Character whose first scalar is not ASCII: the
    /// `|`, `<` or `` ` `` in it went out unescaped, ending the table cell or opening raw HTML.
    /// (U+0600 and most prepend characters are format characters: U+FFFD, as alone and as in
    /// the CSV and HTML reports; U+0D4E, a letter, stays.)
    @Test(arguments: [
        ("\u{0600}|x", "\u{FFFD}\\|x"), ("\u{0600}<script>", "\u{FFFD}&lt;script&gt;"), ("a\u{0605}`b", "a\u{FFFD}\\`b"),
        ("\u{06DD}[x](http://e)", "\u{FFFD}\\[x\\](http\\://e)"), ("\u{110BD}*b*", "\u{FFFD}\\*b\\*"),
        ("\u{0D4E}|x", "\u{0D4E}\\|x"),
    ])
    func asciiJoinedToAPrependCharacterIsEscaped(input: String, expected: String) {
        for output in Self.markdown(input) { #expect(output == expected, "\(input.debugDescription) → \(output.debugDescription)") }
    }

    /// Invisible format characters that join the character before them (tag characters
    /// U+E0000…, which can smuggle hidden text, after a letter) were kept in Markdown; the CSV
    /// and HTML reports show them as U+FFFD, and so does Markdown now. ZWJ and ZWNJ stay.
    @Test(arguments: [
        ("a\u{E0041}\u{E0042}b", "a\u{FFFD}\u{FFFD}b"), ("é\u{E0001}", "é\u{FFFD}"), ("|\u{E0041}", "\\|\u{FFFD}"),
        ("👨\u{200D}👩", "👨\u{200D}👩"), ("क\u{200C}ष", "क\u{200C}ष"),
    ])
    func hiddenScalarsInsideACharacterAreReplaced(input: String, expected: String) {
        for output in Self.markdown(input) { #expect(output == expected, "\(input.debugDescription) → \(output.debugDescription)") }
    }

    /// A table row made from any such text keeps its cells: no unescaped `|` after rendering.
    @Test func tableCellsAreNotSplit() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["|", "\u{0600}", "\u{0605}", "\u{301}", "a", "`", "\u{E0041}", "\u{200D}", "\\", "<", "\n", "é"]
        for _ in 0..<2000 {
            let input = (0..<Int.random(in: 1...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            for output in Self.markdown(input) {
                let bytes = Array(output.utf8)
                for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "|") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "`") {
                    // Escaped: an odd run of backslashes before it.
                    var run = 0
                    while i - run - 1 >= 0 && bytes[i - run - 1] == UInt8(ascii: "\\") { run += 1 }
                    #expect(byte != UInt8(ascii: "<") && run % 2 == 1, "\(input.debugDescription) → \(output.debugDescription)")
                }
                #expect(!output.contains("\n"))
            }
        }
    }
}

/// Input file paths in the Markdown report's code spans.
@Suite("QA6: Markdown code spans")
struct QA6MarkdownCodeTests {
    /// A bidirectional override or isolate (or another invisible format character) in a file
    /// path went into the Markdown report's code spans as it was, reordering what a reader sees
    /// of the line; the other reports show U+FFFD for it, and so does Markdown now.
    @Test(arguments: ["\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{E0041}"])
    func aHiddenCharacterInAPathIsReplaced(hidden: String) {
        let path = "in\(hidden)put.csv"
        #expect(MarkdownReport.code(path) == "in\u{FFFD}put.csv")
        #expect(MarkdownReport.tableCode(path + "|") == "in\u{FFFD}put.csv\\|")
        var bytes: [UInt8] = []
        MarkdownReport.appendCode(path, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "in\u{FFFD}put.csv")
    }

    /// Joiners inside names (emoji, Indic scripts) are kept, as in the other reports.
    @Test func joinersStay() {
        #expect(MarkdownReport.code("👨\u{200D}👩.csv") == "👨\u{200D}👩.csv")
    }
}

/// Whole Markdown reports from hostile names, ids and descriptions.
@Suite("QA6: Markdown tables")
struct QA6MarkdownTableTests {
    /// Cells split by `|` outside escapes in one table row.
    static func cells(_ row: Substring) -> Int {
        var count = 0, backslashes = 0
        for byte in row.utf8 {
            if byte == UInt8(ascii: "|") && backslashes % 2 == 0 { count += 1 }
            backslashes = byte == UInt8(ascii: "\\") ? backslashes + 1 : 0
        }
        return count
    }

    /// A contract id, supplier name and description with a prepend character before `|`, `<`
    /// and a backtick: every row of every table has as many cells as its header, and no raw
    /// `<` reaches the report.
    @Test func everyRowKeepsItsCells() throws {
        let hostile = "\u{0600}|\u{0D4E}<b>\u{0605}`x"
        let assessment = try assessNativeFiles(
            suppliers: "supplier_id,name,country,region,goods\nV1,Vendor \(hostile) LLC,US,,\nT1,Mill \(hostile),CN,Xinjiang,cotton\n",
            links: "buyer_id,supplier_id,share,good\nV1,T1,0.6,cotton\n",
            contracts: "contract_id,vendor_id,amount,award_date,description\nC-\(hostile),V1,1000000,2025-10-01,Shirts \(hostile)\n")
        let report = MarkdownReport.render(ReportContext(assessment: assessment))
        #expect(report.contains("C-\u{FFFD}\\|\u{0D4E}&lt;b&gt;\u{FFFD}\\`x"), "the contract id, escaped")
        #expect(!report.contains("<b>"))
        var header: Int?
        for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                header = nil
                continue
            }
            if header == nil { header = Self.cells(line) }
            #expect(Self.cells(line) == header, "\(line)")
        }
    }
}
