import Foundation
import Testing

/// Fifth QA pass on the command line: real-world files given to `validate` and `score`.
@Suite("QA5: command line", .serialized)
struct QA5CLITests {
    /// `validate` told a file's role from a fixed list of column names, not the names the
    /// importers accept: a links file headed `buyer,supplier` (the documented aliases) or a
    /// contracts file headed `contract,vendor_id` was checked as suppliers and failed with
    /// `missing-column` (exit 2), and so did a native watchlist headed `name,alias` or
    /// `entity_name,effective_date`, and `Contract.ID` (a header the importer reads as
    /// `contract_id`). The header is read and compared as the importers do now.
    @Test(arguments: [
        ("buyer,supplier,share\nA,B,0.5\n", "links"),
        ("contract,vendor_id,amount\nC1,V1,5\n", "contracts"),
        ("Contract.ID,Vendor.Name\nC1,Acme\n", "contracts"),
        ("name,alias,country\nFoo Ltd,Foo,CN\n", "watchlist"),
        ("entity_name,effective_date\nFoo Ltd,2024-01-02\n", "watchlist"),
        ("\u{FEFF}\"Buyer\";\"Supplier\"\r\nA;B\r\n", "links"),
    ])
    func validateReadsTheRoleFromTheColumnsTheImportersAccept(text: String, role: String) throws {
        let scratch = Scratch()
        let path = scratch.write("file.csv", text)
        let run = try CLI.run(["validate", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("file.csv: \(role): 1 rows read, 1 accepted"), "\(run.stdout) \(run.stderr)")
    }
}
