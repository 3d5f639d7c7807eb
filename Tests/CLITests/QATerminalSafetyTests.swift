import Foundation
import Testing

/// Diagnostics quote input text (cell values, names, ids); printed raw, a hostile file could
/// send terminal escape sequences (colours, window titles, screen clears) or a line end that
/// forges a `file:line: error:` line to the analyst's terminal or CI log. They are replaced by
/// U+FFFD; ordinary non-ASCII text (accents, CJK, emoji with joiners) is kept.
@Suite("QA: diagnostics are safe for a terminal", .serialized)
struct QATerminalSafetyTests {
    @Test func escapesAndLineEndsInACellAreNeutralised() throws {
        let scratch = Scratch()
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,V001,\"12\u{1B}[31mRED\u{1B}]0;pwned\u{07}\nc.csv:9: error: [fake] forged\u{202E}\"\nC2,V001,x\u{200D}y café\n")
        let run = try CLI.run(["score", "--suppliers", "Datasets/demo/suppliers.csv", "--contracts", contracts, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\u{07}") && !run.stderr.contains("\u{202E}"))
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2, "one line per finding: \(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix(contracts + ":") })
        #expect(run.stderr.contains("x\u{200D}y café"), "joiners and accents are kept")
    }

    @Test func fatalInputErrorIsNeutralisedToo() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "supplier_id,name\nA,\"x\"\u{1B}[2J\n")
        let run = try CLI.run(["validate", "suppliers=" + suppliers])
        #expect(run.status == 2)
        #expect(run.stderr.contains("[malformed-csv]"))
        #expect(!run.stderr.contains("\u{1B}"))
    }
}
