import SupplyChainModel
import Testing
@testable import RiskModel

/// Contracts in another currency than the rules' amounts were compared with the thresholds
/// silently (a EUR 800,000 contract against the USD 750,000 compliance-plan threshold). One
/// warning now says how many, in which currencies, and where the first is.
@Suite("Contracts in another currency")
struct OtherCurrencyTests {
    func assess(_ contracts: [Contract], currency: String = "USD") -> Assessment {
        var parameters = ScoringParameters()
        parameters.currency = currency
        return Assessor(parameters: parameters).assess(
            suppliers: imported([Supplier](), file: "s.csv"), links: imported([SupplyLink](), file: "l.csv"),
            contracts: imported(contracts, file: "c.csv"))
    }

    func contract(_ id: String, _ currency: String, line: Int) -> Contract {
        Contract(id: id, amount: 800_000, currency: currency, location: SourceLocation(file: "c.csv", line: line))
    }

    @Test func contractsInOtherCurrenciesAreWarnedAboutOnce() throws {
        let assessment = assess([contract("A", "USD", line: 2), contract("B", "EUR", line: 3), contract("C", "DOLLARS", line: 4), contract("D", "EUR", line: 5)])
        let warnings = assessment.findings.filter { $0.code == "other-currency" }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning && warning.location == SourceLocation(file: "c.csv", line: 3))
        #expect(warning.message == "3 contracts are in 'EUR', 'DOLLARS', not USD, the currency of the rules' amounts; their amounts are compared with the USD thresholds unconverted (first: contract 'B')")
    }

    @Test func contractsInTheRulesCurrencyAreNot() {
        #expect(!assess([contract("A", "USD", line: 2)]).findings.contains { $0.code == "other-currency" })
        #expect(!assess([contract("A", "EUR", line: 2)], currency: "EUR").findings.contains { $0.code == "other-currency" })
        let one = assess([contract("A", "USD", line: 2)], currency: "EUR").findings.filter { $0.code == "other-currency" }
        #expect(one.map(\.message) == ["1 contract is in 'USD', not EUR, the currency of the rules' amounts; their amounts are compared with the EUR thresholds unconverted (first: contract 'A')"])
    }
}
