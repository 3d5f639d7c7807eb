import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A subawards download can give one prime award (one `prime_award_unique_key`) different
/// `prime_award_amount` values on different rows (the award's total as of each subaward's
/// report). The first row's value was the award's amount, so the shares depended on the rows'
/// order. Now the largest value is used whatever the order, with one
/// `prime-amount-differs` warning naming the smallest and largest values and their lines.
@Suite("QA14: one prime award with different amounts")
struct QA14SubawardPrimeAmountTests {
    static let header = "prime_award_unique_key,prime_award_amount,prime_awardee_uei,prime_awardee_name,subaward_amount,subawardee_uei,subawardee_name,subawardee_country_code,subaward_description\n"
    static let rows = [
        "K1,\"1,000.00\",PRIME1,P,100.00,SUB1,S,USA,x",
        "K1,\"4,000.00\",PRIME1,P,100.00,SUB2,S,USA,x",
        "K2,\"1,000.00\",PRIME1,P,50.00,SUB1,S,USA,x",
    ]

    static func read(_ rows: [String], _ name: String, _ scratch: TemporaryDirectory) throws -> SubawardImport {
        try USAspendingSubawards.read(path: scratch.file(name, header + rows.joined(separator: "\n") + "\n"))
    }

    @Test func theLargestAmountIsUsedWhateverTheOrder() throws {
        let scratch = TemporaryDirectory()
        let forward = try Self.read(Self.rows, "a.csv", scratch)
        let backward = try Self.read(Self.rows.reversed(), "b.csv", scratch)
        func shares(_ read: SubawardImport) -> [String: Double?] {
            Dictionary(uniqueKeysWithValues: read.links.records.map { ("\($0.buyerID)>\($0.supplierID)", $0.share) })
        }
        // Denominator of PRIME1: K1 at 4,000 + K2 at 1,000.
        #expect(shares(forward) == ["PRIME1>SUB1": 150.0 / 5000, "PRIME1>SUB2": 100.0 / 5000])
        #expect(shares(backward) == shares(forward))
    }

    @Test func theDifferenceIsAWarningNamingBothLinesAndValues() throws {
        let scratch = TemporaryDirectory()
        let result = try Self.read(Self.rows, "a.csv", scratch)
        let warnings = result.links.findings.filter { $0.code == "prime-amount-differs" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location?.line == 2)
        #expect(warnings.first?.message == "prime award 'K1' of PRIME1 has 'prime_award_amount' 1000.00 at line 2 and 4000.00 at line 3; the largest, 4000.00, is its amount")
        #expect(result.links.summary.accepted == 3 && result.links.summary.rejected == 0)

        let three = try Self.read(Self.rows + ["K1,2500,PRIME1,P,1.00,SUB3,S,USA,x", "K1,1000,PRIME1,P,1.00,SUB4,S,USA,x"], "c.csv", scratch)
        #expect(three.links.findings.filter { $0.code == "prime-amount-differs" }.map(\.message) == [
            "prime award 'K1' of PRIME1 has 'prime_award_amount' 1000.00 at line 2 and 4000.00 at line 3 (3 different values); the largest, 4000.00, is its amount"
        ])
    }

    @Test func theSameAmountOnEveryRowIsQuiet() throws {
        let scratch = TemporaryDirectory()
        let result = try Self.read(["K1,1000,PRIME1,P,1,SUB1,S,USA,x", "K1,\"1,000.00\",PRIME1,P,1,SUB2,S,USA,x"], "a.csv", scratch)
        #expect(!result.links.findings.contains { $0.code == "prime-amount-differs" })
    }
}
