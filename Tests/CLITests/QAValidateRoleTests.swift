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

    /// Roles come from whole column names: a suppliers file with a `contract_manager` or
    /// `buyer_name` column stays a suppliers file (a part of a name made it contracts or links,
    /// exit 2, missing-column), and quoted or spaced headers still tell links and contracts.
    @Test(arguments: [
        ("supplier_id,name,country,contract_manager\nA,Acme,US\n", "suppliers"),
        ("supplier_id,name,buyer_name,country\nA,Acme,Bob,US\n", "suppliers"),
        ("\"Buyer ID\",\"Supplier ID\"\nA,B\n", "links"),
        ("contract_id; vendor_id; amount\nC1;A;5\n", "contracts"),
    ])
    func rolesComeFromWholeColumnNames(text: String, role: String) throws {
        let scratch = Scratch()
        let path = scratch.write("file.csv", text)
        let run = try CLI.run(["validate", path])
        #expect(run.stdout.contains("file.csv: \(role): "), "\(run.stdout) \(run.stderr)")
    }
}
