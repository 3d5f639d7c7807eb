import Foundation
import Testing

/// `--rejects` naming an input was refused with "X is the input X; write the report
/// elsewhere.", blaming the report for a path given to `--rejects`. The message now names the
/// option and says what to move.
@Suite("QA13: --rejects over an input names --rejects")
struct QA13RejectsOverInputTests {
    @Test func theMessageNamesTheRejectsFile() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nX,Acme,US\n")
        let contractsText = "contract_id,vendor_id,amount\nC1,X,10\n"
        let contracts = scratch.write("c.csv", contractsText)
        let inputs = ["--suppliers", suppliers, "--contracts", contracts, "--quiet"]
        let run = try CLI.run(["score"] + inputs + ["--rejects", contracts, "--format", "json", "--output", scratch.url.appendingPathComponent("r.json").path])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--rejects \(contracts) is the input \(contracts); write the rejected rows elsewhere."), "\(run.stderr)")
        #expect(!run.stderr.contains("write the report elsewhere"), "\(run.stderr)")
        #expect(try String(contentsOfFile: contracts, encoding: .utf8) == contractsText)
        let report = try CLI.run(["score"] + inputs + ["--format", "csv", "--output", contracts])
        #expect(report.status == 64 && report.stderr.contains("\(contracts) is the input \(contracts); write the report elsewhere."), "\(report.stderr)")
    }

    /// `explain` reads the inputs and writes `--rejects` too: it replaced the contracts file
    /// with the rejected rows (`explain C1 --contracts c.csv --rejects c.csv`).
    @Test func explainRefusesItToo() throws {
        let scratch = Scratch()
        let contractsText = "contract_id,vendor_id,amount\nC1,X,10\nC2,X,abc\n"
        let contracts = scratch.write("c.csv", contractsText)
        let run = try CLI.run(["explain", "C1", "--contracts", contracts, "--rejects", contracts])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--rejects \(contracts) is the input \(contracts); write the rejected rows elsewhere."), "\(run.stderr)")
        #expect(try String(contentsOfFile: contracts, encoding: .utf8) == contractsText)
    }

    /// `--rejects` and `--output` given twice wrote only the last file, without a word.
    @Test func writtenFilesGivenTwiceAreUsageErrors() throws {
        let scratch = Scratch()
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,X,10\n")
        let a = scratch.url.appendingPathComponent("a.csv").path, b = scratch.url.appendingPathComponent("b.csv").path
        let rejects = try CLI.run(["score", "--contracts", contracts, "--rejects", a, "--rejects", b, "--quiet"])
        #expect(rejects.status == 64 && rejects.stderr.contains("--rejects is given 2 times (\(a), \(b)), but flrisk writes one rejects file: give the one you mean."), "\(rejects.stderr)")
        let output = try CLI.run(["score", "--contracts", contracts, "--format", "csv", "--output", a, "--output", b, "--quiet"])
        #expect(output.status == 64 && output.stderr.contains("--output is given 2 times (\(a), \(b)), but flrisk writes one report path: give the one you mean."), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: a) && !FileManager.default.fileExists(atPath: b))
    }
}

