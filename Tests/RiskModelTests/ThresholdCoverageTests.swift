import Testing
@testable import RiskModel
import SupplyChainModel

/// Contracts awarded before the earliest configured FAR threshold cannot be checked by that
/// rule: the run says so, once per rule, instead of skipping them silently.
@Suite("Awards before the first threshold")
struct ThresholdCoverageTests {
    static func contract(_ id: String, _ date: String?, line: Int) -> Contract {
        Contract(id: id, vendorName: "Nobody", amount: 1_000_000, placeOfPerformance: "CN", psc: "8415", description: "cotton shirts",
                 awardDate: date, location: SourceLocation(file: "c.csv", line: line))
    }

    static let contracts = [
        contract("NEW", "2021-06-01", line: 2), contract("OLD", "2019-06-01", line: 3),
        contract("UNDATED", nil, line: 4), contract("OLDER", "2012-03-04T00:00:00", line: 5),
        contract("EDGE", "2020-08-31", line: 6),
    ]

    @Test func oneWarningPerRuleNamingTheFirstContract() throws {
        let findings = RuleSettings().awardsBeforeThresholds(Self.contracts)
        #expect(findings.count == 2)
        let plan = try #require(findings.first { $0.message.contains("FAR-22.1703-PLAN") })
        #expect(plan.code == "award-before-thresholds" && plan.severity == .warning)
        // 2020-08-31 is before the plan threshold (2020-10-01) but is the micro-purchase one's first day.
        #expect(plan.message.hasPrefix("3 contracts were awarded before the earliest compliance-plan threshold in effect (2020-10-01), the first 'OLD' on 2019-06-01"))
        #expect(plan.location == SourceLocation(file: "c.csv", line: 3))
        let micro = try #require(findings.first { $0.message.contains("FAR-22.15-EO13126") })
        #expect(micro.message.hasPrefix("2 contracts were awarded before the earliest micro-purchase threshold in effect (2020-08-31)"))
        #expect(micro.message.contains("rules.far.micro_purchase_threshold"))
    }

    @Test func noWarningWhenTheRuleIsOffOrTheThresholdsCoverTheDates() {
        var off = RuleSettings()
        off.compliancePlanEnabled = false
        off.eo13126Enabled = false
        #expect(off.awardsBeforeThresholds(Self.contracts).isEmpty)
        var covered = RuleSettings()
        covered.compliancePlanThreshold.append(DatedAmount(amount: 500_000, effective: "2015-03-02"))
        covered.microPurchaseThreshold.append(DatedAmount(amount: 3_000, effective: "2006-09-28"))
        #expect(covered.awardsBeforeThresholds(Self.contracts).map(\.message).allSatisfy { $0.contains("'OLDER'") })
        #expect(covered.awardsBeforeThresholds(Self.contracts).count == 1)
        #expect(RuleSettings().awardsBeforeThresholds([Self.contracts[0], Self.contracts[2]]).isEmpty)
    }

    @Test func theAssessmentCarriesTheWarning() {
        let assessment = Assessor(parameters: ScoringParameters()).assess(
            suppliers: ImportResult(records: [], findings: [], summary: ImportSummary(file: "s.csv")),
            links: ImportResult(records: [], findings: [], summary: ImportSummary(file: "l.csv")),
            contracts: ImportResult(records: [Self.contracts[1]], findings: [], summary: ImportSummary(file: "c.csv")))
        #expect(assessment.findings.filter { $0.code == "award-before-thresholds" }.count == 2)
    }
}
