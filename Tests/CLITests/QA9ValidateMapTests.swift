import Foundation
import Testing

/// `flrisk score --map 'Fabrik=name'` reads a sheet whose headers are not flrisk's, but
/// `flrisk validate` had no `--map`: the file it was meant to check before a run stopped with
/// `missing-column` (exit 2) while `score` read it. `validate` now takes `--map` as `score`
/// does, for every file it checks.
@Suite("QA9: validate takes --map", .serialized)
struct QA9ValidateMapTests {
    @Test func mappedColumnsAreRead() throws {
        let scratch = Scratch()
        let path = scratch.write("factories.csv", "Fabrik,Land,address\nSupreme Embellishment Ltd.,Bangladesh,Gazipur\n")
        let plain = try CLI.run(["validate", "suppliers=" + path])
        #expect(plain.status == 2, "\(plain.stderr)")
        let run = try CLI.run(["validate", "--map", "Fabrik=name", "--map", "Land=country", "suppliers=" + path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("factories.csv: suppliers: 1 rows read, 1 accepted"), "\(run.stdout)")
    }

    /// As for `score`, a mapping without `=` is a usage error (exit 64).
    @Test func aBadMappingIsAUsageError() throws {
        let run = try CLI.run(["validate", "--map", "Factory Name", "x.csv"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("column=field"), "\(run.stderr)")
    }
}
