import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// OpenSanctions' nested export (`targets.nested.json`: one target per line, its `Sanction`
/// entities inside its `sanctions` property, without the `entity` back-reference) is detected
/// as FollowTheMoney JSON lines, but a UFLPA sanction nested so was never seen: the entity was
/// read as a plain (not hard-flag) entry, silently. A property written as a single string
/// instead of a list (`"name": "X"`) was dropped too: the entity was rejected as having "no
/// caption and no name". Both are read now.
@Suite("QA13: FollowTheMoney nested sanctions and single-string properties")
struct QA13FollowTheMoneyNestedTests {
    static let nested = #"""
        {"id":"NK-evil","schema":"Company","caption":"Evilcorp Textile","properties":{"name":["Evilcorp Textile"],"sanctions":[{"id":"san-1","schema":"Sanction","properties":{"program":["UFLPA Entity List"],"programId":["US-UFLPA"]}}]},"datasets":["us_dhs_uflpa"],"target":true}
        {"id":"NK-ofac","schema":"Company","caption":"Other Sanctioned","properties":{"name":["Other Sanctioned"],"sanctions":[{"id":"san-2","schema":"Sanction","properties":{"programId":["US-OFAC-SDN"]}}]},"target":true}
        {"id":"NK-flat","schema":"Company","properties":{"name":"Flat Name Co","alias":"Flat Alias","country":"cn"},"target":true}

        """#

    @Test func aNestedUFLPASanctionMakesItsTargetAHardFlag() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("targets.nested.json", Self.nested)
        let result = try FollowTheMoney.entries(path: path)
        #expect(result.summary.accepted == 3, "\(result.findings)")
        let byID = Dictionary(uniqueKeysWithValues: result.records.map { ($0.id, $0) })
        #expect(byID["NK-evil"]?.isHardFlag == true)
        #expect(byID["NK-ofac"]?.isHardFlag == false)
    }

    @Test func aSingleStringPropertyIsOneValue() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("targets.nested.json", Self.nested)
        let result = try FollowTheMoney.entries(path: path)
        let flat = result.records.first { $0.id == "NK-flat" }
        #expect(flat?.name == "Flat Name Co")
        #expect(flat?.aliases == ["Flat Alias"])
        #expect(flat?.country == "cn")
        #expect(!result.findings.contains { $0.code == "missing-value" })
    }

    @Test func theFlatExportStillReadsSanctionsByTheirEntity() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("entities.ftm.json", #"""
            {"id":"NK-a","schema":"Company","properties":{"name":["Alpha"]},"target":true}
            {"id":"san-a","schema":"Sanction","properties":{"entity":["NK-a"],"programId":["US-UFLPA"]},"target":false}

            """#)
        let result = try FollowTheMoney.entries(path: path)
        #expect(result.records.count == 1 && result.records.first?.isHardFlag == true)
    }
}
