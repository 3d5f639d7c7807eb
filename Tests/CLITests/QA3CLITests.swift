import Foundation
import Testing

/// Third QA pass on the command line.
@Suite("QA3: command line", .serialized)
struct QA3CLITests {
    /// `generate --contracts 9223372036854775807` trapped (arithmetic overflow in the contract
    /// writer's id width, exit 132) and left three empty `.NAME.tmp-PID` files behind. A
    /// count past the maximum is now a usage problem like the other sizes (exit 2), before
    /// any file is made.
    @Test(arguments: ["9223372036854775807", "1000000000000000001"])
    func generateRefusesAContractCountPastTheMaximum(count: String) throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("g").path
        let run = try CLI.run(["generate", "--suppliers", "10", "--links", "10", "--contracts", count, "--output", out])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("--contracts must be at most"), "\(run.stderr)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        #expect(left.isEmpty, "no file, temporary or not: \(left)")
    }
}

/// `--rejects` and `--output` (or `--baseline`) naming one file.
@Suite("QA3: the rejects file and the report", .serialized)
struct QA3RejectsTargetTests {
    static func inputs(_ scratch: Scratch) -> [String] {
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nV1,Acme,US\n,No Id,US\n")
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,V1,10\n")
        return ["--suppliers", suppliers, "--contracts", contracts, "--quiet"]
    }

    /// `--format json --output r.json --rejects r.json` wrote the rejected rows, then replaced
    /// them with the report: exit 0, the rejects gone (also `--output DIR/` with
    /// `--rejects DIR/report.csv`, and `--rejects` over the `--baseline`, which replaced the
    /// previous report with the rejects CSV). Now a usage error (exit 64) before anything is
    /// read or written.
    @Test func aRejectsFileThatIsAlsoAReportOrTheBaselineIsRefused() throws {
        let scratch = Scratch()
        let base = Self.inputs(scratch)
        let file = scratch.url.appendingPathComponent("r.json").path
        let same = try CLI.run(["score"] + base + ["--format", "json", "--output", file, "--rejects", file])
        #expect(same.status == 64 && same.stderr.contains("--rejects") && same.stderr.contains("a report file"), "\(same.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        let folder = scratch.url.appendingPathComponent("out").path + "/"
        let spelled = scratch.url.path + "/./out/report.csv"
        let inFolder = try CLI.run(["score"] + base + ["--format", "json", "csv", "--output", folder, "--rejects", spelled])
        #expect(inFolder.status == 64, "\(inFolder.stderr)")
        let previous = scratch.url.appendingPathComponent("previous.json").path
        #expect(try CLI.run(["score"] + base + ["--format", "json", "--output", previous]).status == 0)
        let report = try String(contentsOfFile: previous, encoding: .utf8)
        let overBaseline = try CLI.run(["score"] + base + ["--baseline", previous, "--rejects", previous])
        #expect(overBaseline.status == 64 && overBaseline.stderr.contains("--baseline"), "\(overBaseline.stderr)")
        #expect(try String(contentsOfFile: previous, encoding: .utf8) == report, "the baseline is untouched")
    }

    @Test func devicesAndDistinctFilesAreFine() throws {
        let scratch = Scratch()
        let base = Self.inputs(scratch)
        let discard = try CLI.run(["score"] + base + ["--format", "json", "--output", "/dev/null", "--rejects", "/dev/null"])
        #expect(discard.status == 0, "\(discard.stderr)")
        let rejects = scratch.url.appendingPathComponent("rejects.csv").path
        let report = scratch.url.appendingPathComponent("r.json").path
        let apart = try CLI.run(["score"] + base + ["--format", "json", "--output", report, "--rejects", rejects])
        #expect(apart.status == 0 && FileManager.default.fileExists(atPath: rejects) && FileManager.default.fileExists(atPath: report), "\(apart.stderr)")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8).contains("missing-value"))
    }
}
