import Foundation
import Testing

/// `flrisk validate` and `flrisk explain` on the built binary.
@Suite("flrisk validate and explain", .serialized)
struct ValidateExplainCLITests {
    @Test func validateDetectsRolesAndCountsRows() throws {
        let run = try CLI.run(["validate", "Datasets/demo/suppliers.csv", "Datasets/demo/links.csv", "Datasets/demo/contracts.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Datasets/demo/suppliers.csv: suppliers: 310 rows read, 310 accepted"))
        #expect(run.stdout.contains("Datasets/demo/links.csv: links: 600 rows read"))
        #expect(run.stdout.contains("Datasets/demo/contracts.csv: contracts: 100 rows read"))
    }

    @Test func validateExitCodes() throws {
        let scratch = Scratch()
        let bad = scratch.write("s.csv", "supplier_id,name,risk\nA,Alpha,2\nB,Beta,0.5\n")
        let lenient = try CLI.run(["validate", "suppliers=" + bad])
        #expect(lenient.status == 0 && lenient.stdout.contains("1 rejected") && lenient.stderr.contains("[invalid-number]"))
        #expect(try CLI.run(["validate", "--strict", bad]).status == 2)
        #expect(try CLI.run(["validate", "missing.csv"]).status == 2)
        #expect(try CLI.run(["validate"]).status == 64)
    }

    @Test func explainAContractShowsFlagsIndicatorsAndPaths() throws {
        let run = try CLI.run(["explain", "W911QY-26-D-0739"] + CLI.demo + ["--paths", "3"])
        #expect(run.status == 0, "\(run.stderr)")
        for text in ["DFARS-225.7022", "FAR-22.1703-PLAN", "Supplier V012 'Kulim Solar", "tier exposures X1", "Top 3 contributing paths", "← share", "polysilicon"] {
            #expect(run.stdout.contains(text), "\(text)")
        }
    }

    @Test func explainASupplierAndAnUnknownID() throws {
        let run = try CLI.run(["explain", "S0058"] + CLI.demo)
        #expect(run.status == 0 && run.stdout.hasPrefix("Supplier S0058 'Korla Shengtai Silicon Materials") && run.stdout.contains("HARD FLAG"))
        let missing = try CLI.run(["explain", "NOPE\u{202E}"] + CLI.demo)
        #expect(missing.status == 2 && missing.stderr.contains("[unknown-id]") && !missing.stderr.contains("\u{202E}"))
    }
}
