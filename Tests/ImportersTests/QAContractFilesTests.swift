import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Repeated `--contracts` files are one input: a contract id already used in an earlier file
/// is rejected (`duplicate-id`, naming the first file and line), as across FPDS pages. Before,
/// native CSV, USAspending and native XML files were merged without the check, so the report
/// listed two contracts 'C1' and `explain C1` showed one of them.
@Suite("QA: contract ids are unique across repeated --contracts files")
struct QAContractFilesTests {
    @Test func repeatInALaterFileIsRejected() throws {
        let scratch = TemporaryDirectory()
        let a = scratch.file("a.csv", "contract_id,vendor_id,amount\nC1,V1,5\nC2,V1,6\n")
        let b = scratch.file("b.csv", "contract_id,vendor_id,amount\nC3,V1,7\nC1,V2,8\n")
        let result = try Inputs.contracts(paths: [a, b])
        #expect(result.records.map(\.id) == ["C1", "C2", "C3"])
        #expect(result.records.first?.amount == 5, "the first file's C1 is kept")
        #expect(result.summary.read == 4 && result.summary.accepted == 3 && result.summary.rejected == 1)
        #expect(result.summary.rejectedByReason == ["duplicate-id": 1])
        let finding = try #require(result.findings.first { $0.code == "duplicate-id" })
        #expect(finding.severity == .error)
        #expect(finding.location?.file == b && finding.location?.line == 3)
        #expect(finding.message.contains("'C1' is already used at \(a):2"))
        #expect(result.rejectedRows.map(\.location.line) == [3])
        #expect(result.rejectedRows.first?.fields.prefix(2) == ["C1", "V2"])
    }

    @Test func usaspendingAndNativeFilesShareTheIDs() throws {
        let scratch = TemporaryDirectory()
        let native = scratch.file("n.csv", "contract_id,vendor_name\nCONT_AWD_1,Acme\n")
        let usa = scratch.file("u.csv", "contract_award_unique_key,recipient_name,total_obligated_amount\nCONT_AWD_1,Acme,1\nCONT_AWD_2,Acme,2\n")
        let result = try Inputs.contracts(paths: [native, usa])
        #expect(result.records.map(\.id) == ["CONT_AWD_1", "CONT_AWD_2"])
        #expect(result.summary.read == result.summary.accepted + result.summary.rejected + result.summary.blank)
    }

    @Test func oneFileIsUnchanged() throws {
        let scratch = TemporaryDirectory()
        let a = scratch.file("a.csv", "contract_id,vendor_id\nC1,V1\n")
        let result = try Inputs.contracts(paths: [a])
        #expect(result.records.map(\.id) == ["C1"] && result.findings.isEmpty)
    }
}
