import FlriskTestSupport
import SupplyChainModel
import Testing
@testable import RiskModel

/// Excel's `sep=` line of a second file joined with `cat` is not data in the decisions and
/// country-risk files either: it was rejected as "'watchlist_entry' is empty" and "country
/// 'sep=;' is not an ISO 3166 country", where the inputs say what the line is.
@Suite("QA13: a sep= line inside a decisions or country-risk file")
struct QA13AuxiliaryDelimiterLineTests {
    let scratch = ScratchDirectory()

    @Test func theDecisionsFileSaysWhatTheLineIs() throws {
        let path = scratch.file("decisions.csv", "supplier_id,watchlist_entry,decision\nS1,UFLPA-0007,confirm\nsep=,\nS2,UFLPA-0001,reject\n")
        let decisions = try MatchDecisions.load(path: path)
        let errors = decisions.findings.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["repeated-header"], "\(errors)")
        #expect(errors.first?.location?.line == 3)
        #expect(errors.first?.message.contains("Excel's delimiter line") == true)
        #expect(decisions.summary?.accepted == 2)
    }

    @Test func theCountryRiskFileSaysWhatTheLineIs() throws {
        let path = scratch.file("risk.csv", "country;score\nCN;0.9\nSEP=;\nVN;0.4\n")
        let table = try CountryRiskTable.load(path: path, countries: ReferenceData.embedded.countries)
        let errors = table.findings.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["repeated-header"], "\(errors)")
        #expect(errors.first?.location?.line == 3)
        #expect(table.summary.accepted == 2 && table.summary.rejectedByReason["repeated-header"] == 1)
    }
}
