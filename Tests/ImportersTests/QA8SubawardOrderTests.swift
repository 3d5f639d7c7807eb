import FlriskTestSupport
import Testing
@testable import Importers
import SupplyChainModel

/// Eighth QA pass on the importers: the order of the rows of a subawards file.
@Suite("QA8: subaward row order")
struct QA8SubawardOrderTests {
    let dir = ScratchDirectory()

    /// A subawards download sorted another way (by date, by amount) is the same set of
    /// subawards, and each link's share `Σ subaward_amount / Σ prime_award_amount` must be the
    /// same number. The sums were taken in file order, so amounts in cents (0.10 + 0.20 + …)
    /// gave shares that differed in the last bit, and the tier exposures with them.
    @Test func sharesDoNotDependOnTheRowOrder() throws {
        var g = SeededGenerator(seed: 8)
        var rows: [String] = []
        for i in 0..<80 {
            let prime = "PRIME\(i % 3)", award = "K\(i % 7)"
            let primeAmount = "\(1_000_000 + i % 7).\(10 + i % 7)"
            let subAmount = "\(g.next(below: 99_999)).\(10 + g.next(below: 90))"
            rows.append("\(award),\(primeAmount),\(prime),P,\(subAmount),SUB\(i % 11),S,USA,x")
        }
        let header = "prime_award_unique_key,prime_award_amount,prime_awardee_uei,prime_awardee_name,subaward_amount,subawardee_uei,subawardee_name,subawardee_country_code,subaward_description\n"
        func shares(_ rows: [String], _ name: String) throws -> [String: UInt64] {
            let path = dir.file(name, header + rows.joined(separator: "\n") + "\n")
            let links = try USAspendingSubawards.read(path: path).links.records
            return Dictionary(uniqueKeysWithValues: links.map { ("\($0.buyerID)>\($0.supplierID)", $0.share!.bitPattern) })
        }
        let first = try shares(rows, "a.csv")
        #expect(first.count == 33)
        for round in 0..<4 {
            rows.shuffle(using: &g)
            #expect(try shares(rows, "b\(round).csv") == first, "round \(round)")
        }
    }
}
