import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Second QA pass on the command line: `explain` ids, exit codes and messages.
@Suite("QA2: command line", .serialized)
struct QA2CLITests {
    /// `explain Café` (NFC) printed the contract `Café` in NFD when that one ranked first:
    /// the look-up compared Swift strings (canonical equivalence), while the importer keeps
    /// both as distinct ids. Now byte for byte, for contracts and suppliers.
    @Test func explainFindsTheIdByteForByte() throws {
        let scratch = Scratch()
        let nfc = "Caf\u{E9}", nfd = "Cafe\u{301}"
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nX,Acme,US\n\(nfd),Mill NFD,US\n\(nfc),Mill NFC,US\n")
        let links = scratch.write("l.csv", "buyer_id,supplier_id,share\n")
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\n\(nfc),X,10\n\(nfd),X,20\n")
        let inputs = ["--suppliers", suppliers, "--links", links, "--contracts", contracts]
        let first = try CLI.run(["explain", nfc] + inputs)
        #expect(first.status == 0 && first.stdout.contains("c.csv:2)") && first.stdout.contains("amount: 10.00 USD"), "\(first.stdout)")
        let second = try CLI.run(["explain", nfd] + inputs)
        #expect(second.status == 0 && second.stdout.contains("c.csv:3)"), "\(second.stdout)")
        let contractsWithout = scratch.write("c2.csv", "contract_id,vendor_id,amount\nK1,X,10\n")
        let supplier = try CLI.run(["explain", nfc, "--suppliers", suppliers, "--links", links, "--contracts", contractsWithout])
        #expect(supplier.status == 0 && supplier.stdout.contains("'Mill NFC'"), "\(supplier.stdout)")
    }

    /// `--output FILE/report.json` under a regular file said "A file with the same name
    /// already exists" (Foundation's text for creating the directory); now the reason is
    /// "Not a directory". Exit 3, nothing written.
    @Test func outputUnderARegularFileSaysNotADirectory() throws {
        let scratch = Scratch()
        let blocker = scratch.write("plain.txt", "x")
        for target in [blocker + "/report.json", blocker + "/deeper/report.json"] {
            let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "--output", target, "--quiet"])
            #expect(run.status == 3, "\(run.stderr)")
            #expect(run.stderr.contains("\(target): error: [output-failed]") && run.stderr.contains("Not a directory"), "\(run.stderr)")
        }
        #expect(scratch.files == ["plain.txt"])
    }

    /// The terminal summary wrote every amount with a dollar sign: `$1,234.50` for a contract
    /// in EUR and `$-1,234.50` for a negative one.
    @Test func summaryAmountsCarryTheirCurrency() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "supplier_id,name,country,region,goods\nV1,Acme,US,,\nS1,Mill,CN,Xinjiang,cotton\n")
        let links = scratch.write("l.csv", "buyer_id,supplier_id,share\nV1,S1,0.5\n")
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount,currency\nC1,V1,1234.5,EUR\nC2,V1,(99.5),USD\nC3,V1,5,\n")
        let run = try CLI.run(["score", "--suppliers", suppliers, "--links", links, "--contracts", contracts])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("C1  1,234.50 EUR  Acme"), "\(run.stdout)")
        #expect(run.stdout.contains("C2  -$99.50  Acme") && run.stdout.contains("C3  $5.00  Acme"), "\(run.stdout)")
        // Counts of one are singular.
        #expect(run.stdout.contains("Scored 2 suppliers, 1 link, 3 contracts"), "\(run.stdout)")
    }

    /// `config init` into a path it cannot write said "cannot write the report".
    @Test func configInitFailureNamesTheConfiguration() throws {
        let scratch = Scratch()
        let blocker = scratch.write("plain.txt", "x")
        let run = try CLI.run(["config", "init", blocker + "/flrisk.yaml"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("\(blocker)/flrisk.yaml: error: [output-failed] cannot write the configuration: Not a directory"), "\(run.stderr)")
    }

    /// `flrisk validate DIR` crashed (Illegal instruction, exit 132): the role detection read
    /// the first bytes with `readData(ofLength:)`, which traps on EISDIR. Now exit 2 naming it.
    @Test func validateADirectoryIsBadInputNotACrash() throws {
        let scratch = Scratch()
        let run = try CLI.run(["validate", scratch.url.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(scratch.url.path): error: [file-unreadable] is a directory"), "\(run.stderr)")
        let roleGiven = try CLI.run(["validate", "contracts=" + scratch.url.path])
        #expect(roleGiven.status == 2, "\(roleGiven.stderr)")
    }

    /// `--format json json --output DIR` staged report.json twice over one temporary file:
    /// exit 3 ("No such file or directory") after report.json had been replaced. Formats are
    /// now taken once each; `--format md md` without --output goes to standard output.
    @Test func aFormatGivenTwiceIsWrittenOnce() throws {
        let scratch = Scratch()
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "json", "csv", "json", "--output", scratch.url.path + "/out", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path + "/out").sorted()
        #expect(written == ["report.csv", "report.json"])
        let stdout = try CLI.run(["score"] + CLI.demo + ["--format", "md", "md", "--quiet"])
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("# flrisk review queue"), "\(stdout.stderr)")
    }

    /// `explain --strict` was accepted and ignored: exit 0 with a rejected row.
    @Test func explainHonoursStrict() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nX,Acme,US\n")
        let links = scratch.write("l.csv", "buyer_id,supplier_id,share\n")
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,X,10\nC1,X,20\n")
        let inputs = ["--suppliers", suppliers, "--links", links, "--contracts", contracts]
        let strict = try CLI.run(["explain", "C1", "--strict"] + inputs)
        #expect(strict.status == 2 && strict.stdout.isEmpty, "\(strict.stderr)")
        #expect(strict.stderr.contains("1 input row was rejected and --strict is set"), "\(strict.stderr)")
        let lenient = try CLI.run(["explain", "C1"] + inputs)
        #expect(lenient.status == 0 && lenient.stdout.hasPrefix("Contract C1"), "\(lenient.stderr)")
    }

    /// An input that is a pipe (`--contracts <(zcat c.csv.gz)`, a FIFO) lost its rows: the
    /// format sniffing read them, then the import saw an empty stream. With the format given
    /// it scored 0 contracts with exit 0, silently; without, it said "the file is empty". QA2
    /// refused pipes; since QA12 a pipe is read once into a temporary copy that every open
    /// reads, so all its rows are scored, with the format given or detected.
    @Test(arguments: [[], ["--contracts-format", "native"]])
    func aPipedInputIsReadWhole(formatFlags: [String]) throws {
        let scratch = Scratch()
        let fifo = scratch.url.appendingPathComponent("contracts.pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nX,Acme,US\n")
        let links = scratch.write("l.csv", "buyer_id,supplier_id,share\n")
        let writer = FIFOWriter(fifo, "contract_id,vendor_id,amount\nC1,X,10\nC2,X,20\n")
        defer { writer.finish() }
        let run = try CLI.run(
            ["score", "--suppliers", suppliers, "--links", links, "--contracts", fifo] + formatFlags + ["--format", "json", "--quiet"], timeout: 120)
        #expect(run.status == 0 && !run.timedOut, "\(run.stderr)")
        #expect(run.stdout.contains("\"id\": \"C1\"") && run.stdout.contains("\"id\": \"C2\""), "\(run.stdout.prefix(300))")
    }

    /// `config check` passed a file whose matching.decisions (or country-risk file) does not
    /// exist; every score run with it then failed with exit 2.
    @Test func configCheckNamesAMissingReferencedFile() throws {
        let scratch = Scratch()
        let config = scratch.write("c.yaml", "matching:\n  decisions: nofile.csv\n")
        let run = try CLI.run(["config", "check", config])
        #expect(run.status == 2, "\(run.stdout)")
        #expect(run.stderr.contains("\(config): error: [file-not-found] matching.decisions names '\(scratch.url.path)/nofile.csv'"), "\(run.stderr)")
        _ = scratch.write("nofile.csv", "supplier_id,entry_id,decision\n")
        let ok = try CLI.run(["config", "check", config])
        #expect(ok.status == 0 && ok.stdout.contains(": ok ("), "\(ok.stderr)")
        let bad = try CLI.run(["config", "check", scratch.write("bad.yaml", "propagation:\n  tiers: 0\n")])
        #expect(bad.status == 2 && bad.stderr.contains("[config-invalid-value]") && !bad.stderr.contains("ExitCode"), "\(bad.stderr)")
    }

    /// `--output` (or `--rejects`) naming an input replaced the input with the report: a slip
    /// like `--format csv --output contracts.csv` destroyed the contracts file (exit 0). Now
    /// a usage error before anything is read or written; `--baseline` may still be the report
    /// it is replaced by.
    @Test func aReportOverAnInputIsRefused() throws {
        let scratch = Scratch()
        let suppliers = scratch.write("s.csv", "supplier_id,name,country\nX,Acme,US\n")
        let links = scratch.write("l.csv", "buyer_id,supplier_id,share\n")
        let contractsText = "contract_id,vendor_id,amount\nC1,X,10\n"
        let contracts = scratch.write("c.csv", contractsText)
        let inputs = ["--suppliers", suppliers, "--links", links, "--contracts", contracts, "--quiet"]
        let overContracts = try CLI.run(["score"] + inputs + ["--format", "csv", "--output", contracts])
        #expect(overContracts.status == 64 && overContracts.stderr.contains("is the input"), "\(overContracts.stderr)")
        #expect(try String(contentsOfFile: contracts, encoding: .utf8) == contractsText)
        let rejectsOverSuppliers = try CLI.run(["score"] + inputs + ["--rejects", suppliers])
        #expect(rejectsOverSuppliers.status == 64, "\(rejectsOverSuppliers.stderr)")
        let inDirectory = try CLI.run(["score"] + inputs + ["--format", "csv", "json", "--output", scratch.url.path + "/"])
        #expect(inDirectory.status == 0, "\(inDirectory.stderr)")
        let report = scratch.url.appendingPathComponent("report.json").path
        let ci = try CLI.run(["score"] + inputs + ["--format", "json", "--output", report, "--baseline", report])
        #expect(ci.status == 0, "the CI pattern still works: \(ci.stderr)")
    }
}
