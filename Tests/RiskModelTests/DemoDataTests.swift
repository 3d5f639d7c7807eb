import Foundation
import Testing
@testable import RiskModel
import Importers
import SupplyChainModel

/// The demo data set end to end: the UFLPA-named suppliers and the Xinjiang suppliers are hard
/// flags, and every FL-ENTITY flag names the list, edition and entry (or region row) behind it.
@Suite("Demo data")
struct DemoDataTests {
    static let assessment: Assessment = {
        let demo = projectRoot.appendingPathComponent("Datasets/demo")
        let s = try! NativeCSVImporter.suppliers(path: demo.appendingPathComponent("suppliers.csv").path)
        let l = try! NativeCSVImporter.links(path: demo.appendingPathComponent("links.csv").path)
        let c = try! NativeCSVImporter.contracts(path: demo.appendingPathComponent("contracts.csv").path)
        return Assessor(parameters: ScoringParameters()).assess(suppliers: s, links: l, contracts: c)
    }()

    func scored(_ id: String) -> SupplierAssessment { Self.assessment.suppliers.first { $0.supplier.id == id }! }

    /// The id of a contract's resolved vendor.
    static func vendorID(_ contract: ContractAssessment) -> String? { contract.vendor.map { assessment.suppliers[$0].supplier.id } }

    @Test(arguments: [("S0054", "UFLPA-0007"), ("S0116", "UFLPA-0010"), ("S0132", "UFLPA-0005"), ("S0137", "UFLPA-0004")])
    func uflpaNamedSuppliersAreHardFlagsFoundByTheMatcher(id: String, entry: String) {
        let s = scored(id)
        #expect(s.isHardFlag && s.risk.value == 1)
        #expect(s.supplier.riskOverride == nil && s.risk.basis == .hardFlag, "the flag comes from the matcher, not an override")
        let indicator = s.risk.indicators.first { $0.kind == .watchlistMatch }
        #expect(indicator?.isHardFlag == true && indicator?.reason.contains(entry) == true)
    }

    @Test func xinjiangSuppliersAreHardFlagsByRegion() throws {
        let xinjiang = Self.assessment.suppliers.filter { ["XUAR", "Xinjiang", "Xinjiang Uyghur Autonomous Region"].contains($0.supplier.region ?? "") }
        #expect(xinjiang.count == 25)
        for s in xinjiang {
            #expect(s.isHardFlag && s.risk.indicators.contains { $0.kind == .presumptionRegion && $0.isHardFlag }, "\(s.supplier.id)")
        }
        // Nothing outside China is: the region indicator needs China context.
        #expect(Self.assessment.suppliers.filter(\.isHardFlag).allSatisfy { $0.risk.country?.alpha2 == "CN" })
    }

    /// Contracts are checked on workers split by vendor (past 1,024 contracts): the demo's
    /// contracts repeated 30 times (3,000) give the same queue and flags on 1, 2 and 3 workers.
    @Test func contractRulesDoNotDependOnWorkers() throws {
        let demo = projectRoot.appendingPathComponent("Datasets/demo")
        let s = try NativeCSVImporter.suppliers(path: demo.appendingPathComponent("suppliers.csv").path)
        let l = try NativeCSVImporter.links(path: demo.appendingPathComponent("links.csv").path)
        var c = try NativeCSVImporter.contracts(path: demo.appendingPathComponent("contracts.csv").path)
        c.records = (0..<30).flatMap { copy in
            c.records.map { record in
                var record = record
                record.id += "-\(copy)"
                return record
            }
        }
        #expect(c.records.count > 2048)
        let runs = [1, 2, 3].map { workers in
            var parameters = ScoringParameters()
            parameters.workers = workers
            return Assessor(parameters: parameters).assess(suppliers: s, links: l, contracts: c)
        }
        #expect(runs[0].contracts.contains { $0.flags.count > 1 })
        for run in runs.dropFirst() {
            #expect(run.contracts.map(\.contract.id) == runs[0].contracts.map(\.contract.id))
            #expect(run.contracts.map(\.flags) == runs[0].contracts.map(\.flags))
            #expect(run.contracts.map(\.vendor) == runs[0].contracts.map(\.vendor))
        }
    }

    /// A contract's stored severity is the highest of its flags, nil without flags.
    @Test func severityIsTheHighestOfTheFlags() {
        #expect(Self.assessment.contracts.contains { $0.severity == nil })
        #expect(Self.assessment.contracts.contains { Set($0.flags.map(\.severity)).count > 1 })
        for contract in Self.assessment.contracts {
            #expect(contract.severity == contract.flags.map(\.severity).max())
        }
    }

    @Test func everyFlaggedContractsEntityReasonNamesItsSource() {
        let flagged = Self.assessment.contracts.filter(\.isFlagged)
        #expect(flagged.count >= 79)
        for contract in flagged {
            guard let entity = contract.flags.first(where: { $0.rule == .entity }) else { continue }
            let m = entity.message
            switch entity.severity {
            case .high:
                let list = m.contains("UFLPA Entity List entry UFLPA-") && m.contains("DHS UFLPA Entity List, state after the 2025-01-15 tranche")
                    && m.contains("uflpa_entities.csv:")
                let region = m.contains("presumption_regions.csv:") && m.contains("Public Law 117-78")
                #expect(list || region, "\(contract.contract.id): \(m)")
            default:
                #expect(m.contains("analyst override") && m.contains("suppliers.csv:") || m.contains("dol_goods_2022.csv"), "\(contract.contract.id): \(m)")
            }
        }
    }

    /// Clean vendors get no risk flag; FL-UNMAPPED (no suppliers in the demo links) is a
    /// visibility finding and may apply.
    @Test func cleanDomesticVendorsAreNotFlagged() {
        for contract in Self.assessment.contracts where ["V030", "V031", "V032", "V033", "V034", "V035", "V036", "V037"].contains(Self.vendorID(contract) ?? "") {
            #expect(contract.flags.allSatisfy { $0.rule == .unmapped }, "\(contract.contract.id)")
        }
    }

    @Test func noDemoSupplierIsAPossibleMatch() {
        // All demo names are fictional except the four above: no noise for the reviewer.
        #expect(Self.assessment.suppliers.allSatisfy { s in s.risk.matches.allSatisfy { $0.strength == .match } })
    }

    @Test func hardFlagsMakeTheEntityRuleHigh() {
        let v001 = Self.assessment.suppliers.first { $0.supplier.id == "V001" }!
        #expect(v001.nearestHardFlagTier != nil)
        let contract = Self.assessment.contracts.first { Self.vendorID($0) == "V001" }!
        #expect(contract.flags.first { $0.rule == .entity }?.severity == .high)
    }
}
