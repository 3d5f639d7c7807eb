import Foundation
import Testing

/// `--contracts` and `--watchlist` may be repeated; `--suppliers`, `--links`, `--input`,
/// `--decisions`, `--country-risk`, `--config` and `--baseline` read one file, and given twice the last one won without
/// a word: `--links a.csv --links b.csv` scored b.csv's links alone (exit 0), so a supplier
/// reached only through a.csv's links went unflagged. Now a usage error (exit 64) naming the
/// option and the files, before anything is read or written.
@Suite("QA13: a one-file input option given twice is a usage error")
struct QA13RepeatedInputOptionTests {
    @Test func repeatedLinksAreRefusedNotDropped() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nV1,Acme,US\nS1,Mill,CN\n")
        let first = scratch.write("a.csv", "buyer_id,supplier_id,share\nV1,S1,1\n")
        let second = scratch.write("b.csv", "buyer_id,supplier_id,share\n")
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,V1,10\n")
        let report = scratch.url.appendingPathComponent("r.json").path
        let run = try CLI.run(["score", "--suppliers", suppliers, "--links", first, "--links", second, "--contracts", contracts, "--format", "json", "--output", report])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--links is given 2 times (\(first), \(second)), but flrisk reads one links file: join the files into one (with one header line) or give the one you mean."), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: report))
        let once = try CLI.run(["score", "--suppliers", suppliers, "--links", first, "--contracts", contracts, "--quiet"])
        #expect(once.status == 0, "\(once.stderr)")
    }

    @Test(arguments: ["--suppliers", "--input", "--decisions", "--country-risk", "--config"])
    func everyOneFileOptionIsRefusedTwice(_ flag: String) throws {
        let scratch = Scratch()
        let a = scratch.write("a.csv", "x\n"), b = scratch.write("b.csv", "x\n")
        let contracts = scratch.write("c.csv", "contract_id,vendor_name,amount\nC1,Acme,10\n")
        let more = flag == "--input" ? [] : ["--contracts", contracts]
        let run = try CLI.run(["score", flag, a, flag, b] + more)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("\(flag) is given 2 times (\(a), \(b)), but flrisk reads one"), "\(run.stderr)")
        let explain = try CLI.run(["explain", "C1", flag, a, flag, b] + more)
        #expect(explain.status == 64 && explain.stderr.contains("\(flag) is given 2 times"), "\(explain.stderr)")
    }

    @Test func aRepeatedBaselineIsRefused() throws {
        let scratch = Scratch()
        let contracts = scratch.write("c.csv", "contract_id,vendor_name,amount\nC1,Acme,10\n")
        let a = scratch.write("a.json", "{}"), b = scratch.write("b.json", "{}")
        let run = try CLI.run(["score", "--contracts", contracts, "--baseline", a, "--baseline", b, "--format", "json"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--baseline is given 2 times (\(a), \(b)), but flrisk reads one baseline report: give the one you mean."), "\(run.stderr)")
    }
}
