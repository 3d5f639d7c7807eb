import Foundation
import Testing

/// `flrisk validate` detects a file's role from its header line, whatever the line ends.
/// Before, the header was cut at "\n" only; in Swift "\r\n" is one Character, so a CRLF file
/// (Excel on Windows) or a CR file was taken whole, and a data cell holding "contract" or
/// "buyer" made a suppliers or watchlist file a contracts or links file (exit 2, missing-column).
@Suite("QA: validate detects roles in CRLF and CR files", .serialized)
struct QAValidateRoleTests {
    @Test(arguments: ["\r\n", "\r", "\n"])
    func suppliersWithContractInADataRow(lineEnd: String) throws {
        let scratch = Scratch()
        let path = scratch.write("suppliers.csv", ["supplier_id,name,country", "A,Contract Packaging Ltd,US", "B,Buyer Co,US", ""].joined(separator: lineEnd))
        let run = try CLI.run(["validate", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("suppliers.csv: suppliers: 2 rows read, 2 accepted"))
    }

    @Test func watchlistWithBuyerInADataRow() throws {
        let scratch = Scratch()
        let path = scratch.write("watchlist.csv", "name,aliases,country\r\nBuyer Trading Co,,CN\r\n")
        let run = try CLI.run(["validate", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("watchlist.csv: watchlist: 1 rows read, 1 accepted"))
    }
}
