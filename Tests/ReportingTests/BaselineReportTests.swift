import Foundation
import Testing
import Reporting
import RiskModel

/// `--baseline` in the reports besides JSON: SARIF marks every result with its
/// `baselineState` (SARIF 2.1.0 §3.27.24) and lists the resolved flags as `absent` results.
@Suite("Baseline in the reports")
struct BaselineReportTests {
    static func results(_ sarif: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any]
        let run = (object["runs"] as! [[String: Any]])[0]
        return run["results"] as! [[String: Any]]
    }

    static func fingerprint(_ result: [String: Any]) -> String {
        (result["partialFingerprints"] as! [String: String])["flriskFlag/v1"]!
    }

    @Test func everySARIFResultHasItsBaselineState() throws {
        let results = try Self.results(SARIFReport.render(GoldenReportTests.fixtureWithBaseline()))
        let states = results.map { "\(Self.fingerprint($0)) \($0["baselineState"] as? String ?? "-")" }
        #expect(states == [
            "C-1|FL-ENTITY unchanged", "C-1|FL-EXPOSURE updated", "C-2|FL-UNMAPPED new", "C-3|FL-GOODS absent",
            "C-9 <b>\"old\"</b> | *x*|FAR-22.1703-PLAN absent",
        ])
    }

    /// An absent result says what the baseline said, where the contract is now, or at the
    /// contracts file when the contract is gone (code-scanning uploads need a location).
    @Test func anAbsentResultKeepsTheBaselineFlagAndALocation() throws {
        let results = try Self.results(SARIFReport.render(GoldenReportTests.fixtureWithBaseline()))
        let goods = try #require(results.first { Self.fingerprint($0) == "C-3|FL-GOODS" })
        #expect(goods["level"] as? String == "note" && goods["ruleIndex"] as? Int == RuleID.allCases.firstIndex(of: .goods))
        #expect((goods["message"] as! [String: String])["text"] == "Contract C-3: Contract description names goods on the DOL list: cotton.")
        func location(_ result: [String: Any]) -> (String, Int?) {
            let physical = ((result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
            let uri = (physical["artifactLocation"] as! [String: String])["uri"]!
            return (uri, (physical["region"] as? [String: Int])?["startLine"])
        }
        #expect(location(goods) == ("Tests/ReportingTests/Fixtures/contracts.csv", 5))
        let gone = try #require(results.first { Self.fingerprint($0).hasPrefix("C-9") })
        #expect(location(gone) == ("Tests/ReportingTests/Fixtures/contracts.csv", nil))
        #expect(gone["level"] as? String == "error")
    }

    /// Without a baseline nothing changes (the golden files hold the bytes); with one that
    /// equals this run, every result is unchanged and none is absent.
    @Test func aBaselineOfTheSameRunLeavesEveryResultUnchanged() throws {
        var context = try GoldenReportTests.context(GoldenReportTests.fixture.0, GoldenReportTests.fixture.1, GoldenReportTests.fixture.2)
        let plain = SARIFReport.render(context)
        #expect(!plain.contains("baselineState"))
        let flags = BaselineDiff.flags(of: context.assessment)
        context.baseline = BaselineDiff(file: "b.json", baseline: flags, current: flags)
        let results = try Self.results(SARIFReport.render(context))
        #expect(results.count == flags.count && results.allSatisfy { $0["baselineState"] as? String == "unchanged" })
    }

    /// A baseline flag of a rule or severity this version does not know is still reported
    /// absent: no `ruleIndex`, level `none`.
    @Test func anUnknownRuleOrSeverityInTheBaselineIsStillAbsent() throws {
        var context = try GoldenReportTests.context(GoldenReportTests.fixture.0, GoldenReportTests.fixture.1, GoldenReportTests.fixture.2)
        let old = FlagRecord(contract: "C-1", rule: "FL-RETIRED", severity: "critical", message: "m")
        context.baseline = BaselineDiff(file: "b.json", baseline: [old], current: BaselineDiff.flags(of: context.assessment))
        let results = try Self.results(SARIFReport.render(context))
        let absent = try #require(results.last)
        #expect(absent["baselineState"] as? String == "absent" && absent["ruleId"] as? String == "FL-RETIRED")
        #expect(absent["ruleIndex"] == nil && absent["level"] as? String == "none")
        #expect(results.dropLast().allSatisfy { $0["baselineState"] as? String == "new" })
    }

    /// The CSV keeps its documented columns (`CSVReport.columns`): a baseline column would
    /// change the schema spreadsheets and scripts read, so the CSV leaves the comparison to the
    /// other formats and is the same with a baseline or without.
    @Test func theCSVIsTheSameWithABaseline() throws {
        let plain = try GoldenReportTests.context(GoldenReportTests.fixture.0, GoldenReportTests.fixture.1, GoldenReportTests.fixture.2)
        let compared = try GoldenReportTests.fixtureWithBaseline()
        #expect(compared.baseline != nil)
        #expect(CSVReport.render(compared) == CSVReport.render(plain))
        #expect(CSVReport.render(compared).hasPrefix(CSVReport.columns.joined(separator: ",") + "\r\n"))
    }

    @Test(arguments: [1, 3])
    func theSARIFBaselineDoesNotDependOnWorkers(workers: Int) throws {
        var one = try GoldenReportTests.fixtureWithBaseline()
        one.assessment.parameters.workers = workers
        #expect(SARIFReport.render(one) == SARIFReport.render(try GoldenReportTests.fixtureWithBaseline()))
    }
}
