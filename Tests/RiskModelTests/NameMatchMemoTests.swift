import Testing
@testable import RiskModel
import SupplyChainModel

/// ``NameMatchMemo`` gives the matches a fresh matching gives, on random names with repeats.
struct NameMatchMemoTests {
    static func at(_ line: Int) -> SupplyChainModel.SourceLocation { SupplyChainModel.SourceLocation(file: "s.csv", line: line) }

    static func pick<T>(_ values: [T], _ random: inout SeededGenerator) -> T { values[Int(random.next() % UInt64(values.count))] }

    @Test func nameMatchMemoAgreesWithFreshMatching() {
        let matcher = WatchlistMatcher(
            entities: ReferenceData.embedded.uflpa, parameters: MatchingParameters(), countries: ReferenceData.embedded.countries)
        var random = SeededGenerator(seed: 11)
        let listed = ReferenceData.embedded.uflpa.prefix(40).map(\.entry.name)
        let words = ["Trading", "Cotton", "Textile", "Co., Ltd.", "Xinjiang", "Hoshine", "Silicon", "Group", "Meridian", "Daqo", "Zhongtai", "Chemical"]
        var memo = NameMatchMemo()
        var matched = 0
        for i in 0..<600 {
            let name: String
            switch random.next() % 3 {
            case 0: name = Self.pick(listed, &random)
            case 1: name = Self.pick(listed, &random).uppercased() + " " + Self.pick(words, &random)
            default: name = (0..<3).map { _ in Self.pick(words, &random) }.joined(separator: " ")
            }
            let alpha2 = Self.pick([nil, "CN", "US", "MY"] as [String?], &random)
            let supplier = Supplier(id: "S\(i % 50)", name: name, country: alpha2, location: Self.at(i + 2))
            let memoised = matcher.matches(for: supplier, alpha2: alpha2, memo: &memo)
            #expect(memoised == matcher.matches(for: supplier, alpha2: alpha2), "\(name)")
            if !memoised.isEmpty { matched += 1 }
        }
        #expect(matched > 50)
        #expect(memo.names.count < 600)
    }

    /// Keys hash a name by its bytes: equal keys hash alike, a different country or name is
    /// another key, and NFC and NFD spellings (equal as `String`s) are two keys.
    @Test func keysHashByBytesConsistently() {
        typealias Key = NameMatchMemo.Key
        let a = Key(name: "Xinjiang Cotton Co., Ltd.", alpha2: "CN")
        #expect(a == Key(name: "Xinjiang Cotton Co., Ltd.", alpha2: "CN"))
        #expect(a.hashValue == Key(name: "Xinjiang Cotton Co., Ltd.", alpha2: "CN").hashValue)
        #expect(a != Key(name: "Xinjiang Cotton Co., Ltd.", alpha2: nil))
        #expect(a != Key(name: "Xinjiang Cotton Co, Ltd.", alpha2: "CN"))
        let nfc = Key(name: "Caf\u{E9} Textile", alpha2: nil), nfd = Key(name: "Cafe\u{301} Textile", alpha2: nil)
        #expect(nfc.name == nfd.name)
        #expect(nfc != nfd)
        var memo = NameMatchMemo()
        memo.names[nfc] = []
        #expect(memo.names[nfd] == nil && memo.names[nfc] == [])
    }
}
