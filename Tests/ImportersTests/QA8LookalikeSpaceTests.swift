import FlriskTestSupport
import Testing
@testable import Importers
import SupplyChainModel

/// Eighth QA pass on the importers: ids that differ only by the kind of space.
@Suite("QA8: look-alike spaces in ids")
struct QA8LookalikeSpaceTests {
    let dir = ScratchDirectory()

    /// `ACME TEXTILE` and `ACME TEXTILE` with a no-break space (what a copy from a web page or
    /// Excel gives) print the same and are two suppliers, as their bytes differ; a zero-width
    /// space got a `lookalike-id` warning, a no-break space (or any other space character:
    /// thin, ideographic, narrow no-break) got none, so the second supplier, and any link or
    /// contract naming it, passed silently. The warning spells the space out.
    @Test(arguments: ["\u{00A0}", "\u{2009}", "\u{202F}", "\u{3000}"])
    func anIdWithAnotherSpaceIsALookalike(space: String) throws {
        let path = dir.file("suppliers.csv", "supplier_id,name\nACME TEXTILE,Acme\nACME\(space)TEXTILE,Acme 2\nB\(space)C,Bc\nB C,Bc 2\n")
        let result = try Inputs.suppliers(path: path)
        #expect(result.records.count == 4, "distinct ids, as the graph compares bytes")
        let warnings = result.findings.filter { $0.code == "lookalike-id" }
        #expect(warnings.map { $0.location?.line } == [3, 5])
        let code = String(space.unicodeScalars.first!.value, radix: 16, uppercase: true)
        #expect(warnings.first?.message.contains("'ACME\\u{\(code)}TEXTILE' looks like 'ACME TEXTILE' at line 2") == true,
                "\(warnings.first?.message ?? "no warning")")
    }
}
