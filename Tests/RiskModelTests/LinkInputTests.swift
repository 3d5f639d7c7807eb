import Foundation
import Importers
import Testing
@testable import RiskModel
import SupplyChainModel

/// Links read as a table and links read as records assess alike, also when the table is given
/// up to the assessor (which frees its columns once the graph holds the links).
@Suite("Links as a table or as records")
struct LinkInputTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets/demo")

    static func inputs() throws -> (ImportResult<Supplier>, ImportResult<SupplyLink>, LinkInput, ImportResult<Contract>) {
        let suppliers = try NativeCSVImporter.suppliers(path: demo.appendingPathComponent("suppliers.csv").path)
        let links = demo.appendingPathComponent("links.csv").path
        let index = SupplierIndex(suppliers.records)
        let table = LinkInput.table(try NativeCSVImporter.linkTable(path: links, supplier: index.lookup), index)
        return (suppliers, try NativeCSVImporter.links(path: links), table, try NativeCSVImporter.contracts(path: demo.appendingPathComponent("contracts.csv").path))
    }

    @Test func aConsumedTableAssessesLikeRecords() throws {
        let (suppliers, records, table, contracts) = try Self.inputs()
        let assessor = Assessor(parameters: ScoringParameters())
        let fromRecords = assessor.assess(suppliers: suppliers, links: .records(records), contracts: contracts)
        let fromTable = assessor.assess(suppliers: suppliers, links: consume table, contracts: contracts)
        #expect(fromTable.suppliers.map(\.exposure) == fromRecords.suppliers.map(\.exposure))
        #expect(fromTable.suppliers.map(\.worstPath) == fromRecords.suppliers.map(\.worstPath))
        #expect(fromTable.contracts.map(\.flags) == fromRecords.contracts.map(\.flags))
        #expect(fromTable.inputs.map(\.summary.accepted) == fromRecords.inputs.map(\.summary.accepted))
        #expect(fromRecords.suppliers.contains { $0.exposure > 0 } && fromRecords.contracts.contains { !$0.flags.isEmpty })
    }

    @Test func releasingTheColumnsKeepsCountsFindingsAndRejects() throws {
        var (_, _, links, _) = try Self.inputs()
        guard case .table(let before, _) = links else { Issue.record("not a table"); return }
        #expect(before.table.count > 0)
        links.releaseTableColumns()
        guard case .table(let after, _) = links else { Issue.record("not a table after release"); return }
        #expect(after.table.count == 0 && after.table.shares.isEmpty && after.table.lines.isEmpty)
        #expect(after.table.file == before.table.file)
        #expect(after.summary.read == before.summary.read && after.summary.accepted == before.summary.accepted)
        #expect(after.findings.map(\.message) == before.findings.map(\.message))
        #expect(after.rejectedRows.count == before.rejectedRows.count)
    }
}
