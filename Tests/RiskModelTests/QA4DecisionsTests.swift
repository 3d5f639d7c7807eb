import FlriskTestSupport
import SupplyChainModel
import Testing
@testable import RiskModel

/// Fourth QA pass: where a decisions (or country-risk) row is wrong.
@Suite("QA4: decisions and country-risk rejections name the column")
struct QA4DecisionsTests {
    let scratch = ScratchDirectory()

    /// A rejected decisions row was reported as `decisions.csv:4: error: [invalid-decision] …`
    /// with no column, where every input importer gives `file:line:column`. The column of the
    /// bad field (1-based, in the file's own column order) is now in the location.
    @Test func aRejectedDecisionNamesItsLineAndColumn() throws {
        // Columns in another order than the canonical one, to see the file's own positions.
        let path = scratch.file("decisions.csv", "Decision,Supplier ID,Watchlist Entry\nconfirm,S1,UFLPA-0007\nmaybe,S2,UFLPA-0001\nconfirm,S3,\n")
        let decisions = try MatchDecisions.load(path: path)
        let findings = decisions.findings.filter { $0.severity == .error }
        #expect(findings.map(\.code) == ["invalid-decision", "missing-value"])
        #expect(findings.map(\.location) == [SourceLocation(file: path, line: 3, column: 1), SourceLocation(file: path, line: 4, column: 3)])
        #expect(findings[0].description == "\(path):3:1: error: [invalid-decision] row rejected: 'decision' is 'maybe'; expected confirm or reject")
        #expect(findings[1].message.contains("'watchlist_entry' is empty"), "\(findings[1])")
    }

    /// The same for the country-risk file.
    @Test func aRejectedCountryRiskRowNamesItsLineAndColumn() throws {
        let path = scratch.file("risk.csv", "source,score,country\nx,0.5,CN\nx,0.5,Narnia\nx,2,VN\n")
        let table = try CountryRiskTable.load(path: path, countries: ReferenceData.embedded.countries)
        let findings = table.findings.filter { $0.severity == .error }
        #expect(findings.map(\.code) == ["unknown-country", "invalid-number"])
        #expect(findings.map(\.location) == [SourceLocation(file: path, line: 3, column: 3), SourceLocation(file: path, line: 4, column: 2)])
    }
}

/// A decision on a supplier or a watchlist entry the run does not have was warned about with
/// the line only; the warning now names the column of the id it could not find (1-based, in
/// the file's own column order), as a rejected row does.
@Suite("Decisions on unknown ids name the column")
struct DecisionWarningColumnTests {
    let scratch = ScratchDirectory()

    @Test func unknownSupplierAndEntryWarningsNameTheirColumns() throws {
        let path = scratch.file("decisions.csv", "decision,watchlist_entry,supplier_id\nconfirm,UFLPA-0001,NOPE\nreject,NO-SUCH-ENTRY,S1\n")
        let decisions = try MatchDecisions.load(path: path)
        let supplier = Supplier(id: "S1", name: "Acme Trading", country: "US", location: SourceLocation(file: "s.csv", line: 2))
        let assessment = Assessor(parameters: ScoringParameters(), decisions: decisions).assess(
            suppliers: imported([supplier], file: "s.csv"), links: imported([SupplyLink](), file: "l.csv"),
            contracts: imported([Contract](), file: "c.csv"))
        let unknownSupplier = try #require(assessment.findings.first { $0.code == "unknown-supplier" && $0.message.contains("'NOPE'") })
        #expect(unknownSupplier.location == SourceLocation(file: path, line: 2, column: 3))
        let unknownEntry = try #require(assessment.findings.first { $0.code == "unknown-entry" })
        #expect(unknownEntry.location == SourceLocation(file: path, line: 3, column: 2))
        #expect(unknownEntry.description.hasPrefix("\(path):3:2: warning: [unknown-entry] decision on 'NO-SUCH-ENTRY'"), "\(unknownEntry)")
    }
}
