import Testing
import Reporting
import RiskModel

@Suite("Baseline diff")
struct BaselineDiffTests {
    static func flag(_ contract: String, _ rule: String, _ severity: String = "high", _ message: String = "m") -> FlagRecord {
        FlagRecord(contract: contract, rule: rule, severity: severity, message: message)
    }

    @Test func newResolvedAndChangedByContractAndRule() {
        let before = [Self.flag("A", "FL-ENTITY"), Self.flag("B", "FL-GOODS", "medium"), Self.flag("C", "FL-UNMAPPED", "low")]
        let after = [Self.flag("A", "FL-ENTITY", "medium"), Self.flag("B", "FL-GOODS", "medium"), Self.flag("D", "DFARS-225.7022")]
        let diff = BaselineDiff(file: "b.json", baseline: before, current: after)
        #expect(diff.new.map(\.key) == ["D|DFARS-225.7022"])
        #expect(diff.resolved.map(\.key) == ["C|FL-UNMAPPED"])
        #expect(diff.changed.map(\.after.key) == ["A|FL-ENTITY"] && diff.changed[0].before.severity == "high")
        #expect(diff.hasNewFlag(atLeast: .high) && !BaselineDiff(file: "", baseline: after, current: after).hasNewFlag(atLeast: .info))
    }
}
