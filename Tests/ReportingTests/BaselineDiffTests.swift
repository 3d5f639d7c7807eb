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

    /// A gate at `high` fails on a flag raised from medium to high (it did not reach the gate
    /// before), not on one lowered, nor on one that was already high, nor on one raised below it.
    @Test func aFlagRaisedToTheGateFailsIt() {
        let before = [Self.flag("A", "FL-EXPOSURE", "medium"), Self.flag("B", "FL-GOODS", "high"), Self.flag("C", "FL-ENTITY", "low")]
        let after = [Self.flag("A", "FL-EXPOSURE", "high"), Self.flag("B", "FL-GOODS", "medium"), Self.flag("C", "FL-ENTITY", "medium")]
        let diff = BaselineDiff(file: "b.json", baseline: before, current: after)
        #expect(diff.new.isEmpty && diff.changed.count == 3)
        #expect(diff.hasRaisedFlag(atLeast: .high) && diff.failsGate(atLeast: .high))
        // C rose from low to medium: a medium gate fails; A was already above it.
        #expect(diff.failsGate(atLeast: .medium))
        let lowered = BaselineDiff(file: "b.json", baseline: after, current: before)
        // Reversed: B rises to high again; A and C fall.
        #expect(lowered.failsGate(atLeast: .high))
        let onlyFalls = BaselineDiff(file: "b.json", baseline: [before[1]], current: [after[1]])
        #expect(!onlyFalls.failsGate(atLeast: .info) && !onlyFalls.failsGate(atLeast: .high))
        // A message edit at the same severity is a change, not a rise.
        let edited = BaselineDiff(file: "b.json", baseline: [Self.flag("A", "R", "high", "x")], current: [Self.flag("A", "R", "high", "y")])
        #expect(edited.changed.count == 1 && !edited.failsGate(atLeast: .info))
        // A baseline severity flrisk does not know is not below the gate.
        let unknown = BaselineDiff(file: "b.json", baseline: [Self.flag("A", "R", "critical")], current: [Self.flag("A", "R", "high")])
        #expect(unknown.changed.count == 1 && !unknown.failsGate(atLeast: .high))
    }
}
