import Foundation
import Testing

/// A rejected row's message quotes the cell at fault whole: 30 amounts of 500 KB each wrote
/// 20 MB to standard error (20 per code are printed), flooding a terminal or a CI log. A
/// diagnostic longer than 2000 characters now keeps its start (file, line, code, the cell's
/// beginning) and its end (what was expected), with the count of the characters left out;
/// the JSON report keeps every message whole.
@Suite("QA13: a diagnostic quoting a huge cell is elided on standard error")
struct QA13LongDiagnosticTests {
    @Test func hugeCellsDoNotFloodStandardError() throws {
        let scratch = Scratch()
        let huge = String(repeating: "9X", count: 150_000)
        var rows = "contract_id,vendor_name,amount\n"
        for k in 0..<25 { rows += "C\(k),Acme,\(huge)\n" }
        let contracts = scratch.write("c.csv", rows)
        let report = scratch.url.appendingPathComponent("r.json").path
        // A timeout: CLI.run reads standard output to its end before standard error, so 20 MB on
        // standard error (the old behaviour) would block the child on a full pipe.
        let run = try CLI.run(["score", "--contracts", contracts, "--format", "json", "--output", report], timeout: 120)
        #expect(run.status == 0, "\(run.stderr.prefix(500))")
        #expect(run.stderr.utf8.count < 60_000, "\(run.stderr.utf8.count) bytes")
        let lines = run.stderr.split(separator: "\n").filter { $0.contains("error: [invalid-number]") }
        #expect(lines.count == 20)
        let first = try #require(lines.first)
        #expect(first.hasPrefix("\(contracts):2:3: error: [invalid-number] row rejected: 'amount' is '9X9X"))
        #expect(first.contains("… [298"), "\(first.prefix(100))")
        #expect(first.hasSuffix("9X'; expected an amount such as 1234.50 or $1,234.50"))
        #expect(first.count <= 2100)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        let messages = findings.compactMap { $0["message"] as? String }.filter { $0.contains("'amount' is") }
        #expect(messages.count == 25 && messages.allSatisfy { $0.contains(huge) })
    }

    /// One grapheme of 200 KB (`e` and 100,000 combining acute accents) is one `Character`:
    /// counted in characters, the line was short and printed whole. Counted in scalars it is cut.
    @Test func oneHugeGraphemeIsElidedToo() throws {
        let scratch = Scratch()
        let grapheme = "e" + String(repeating: "\u{301}", count: 100_000)
        let contracts = scratch.write("c.csv", "contract_id,vendor_name,amount\nC1,Acme,\(grapheme)\n")
        let run = try CLI.run(["score", "--contracts", contracts, "--quiet"], timeout: 120)
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        #expect(run.stderr.utf8.count < 10_000, "\(run.stderr.utf8.count) bytes")
        #expect(run.stderr.contains("characters not shown]"))
    }

    @Test func shortDiagnosticsAreUnchanged() throws {
        let scratch = Scratch()
        let contracts = scratch.write("c.csv", "contract_id,vendor_name,amount\nC1,Acme,abc\n")
        let run = try CLI.run(["score", "--contracts", contracts, "--quiet"])
        #expect(run.stderr.contains("\(contracts):2:3: error: [invalid-number] row rejected: 'amount' is 'abc'; expected an amount such as 1234.50 or $1,234.50\n"), "\(run.stderr)")
    }
}
