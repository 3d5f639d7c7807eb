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
            // The memo keeps matches before the country check: the same as scoring the name
            // in its country without any memo.
            var words = NameWordMemo()
            #expect(
                matcher.nameMatches(name, alpha2: alpha2, memo: &memo)
                    == matcher.nameMatches(NameNormalizer.normalize(name, words: &words), alpha2: alpha2), "\(name)")
            if !memoised.isEmpty { matched += 1 }
        }
        #expect(matched > 50)
        #expect(memo.names.count < 600)
    }

    /// A name met first in the listed entry's country, then in another: the memo's entry serves
    /// both, and only the second gets the country note and a possible match.
    @Test func oneNameInTwoCountries() throws {
        let matcher = WatchlistMatcher(
            entities: ReferenceData.embedded.uflpa, parameters: MatchingParameters(), countries: ReferenceData.embedded.countries)
        let listed = try #require(ReferenceData.embedded.uflpa.first { $0.entry.country != nil })
        let home = try #require(matcher.entityCountry[ReferenceData.embedded.uflpa.firstIndex { $0.entry.id == listed.entry.id }!])
        let other = home == "US" ? "MY" : "US"
        var memo = NameMatchMemo()
        let atHome = matcher.nameMatches(listed.entry.name, alpha2: home, memo: &memo)
        let abroad = matcher.nameMatches(listed.entry.name, alpha2: other, memo: &memo)
        #expect(memo.names.count == 1)
        let exact = try #require(atHome.first { $0.entryID == listed.entry.id })
        #expect(exact.strength == .match)
        #expect(!exact.notes.contains { $0.hasPrefix("country differs") })
        let flagged = try #require(abroad.first { $0.entryID == listed.entry.id })
        #expect(flagged.strength == .possible)
        #expect(flagged.notes.last == "country differs: entry \(home), supplier \(other)")
        #expect(flagged.score == exact.score && flagged.method == exact.method)
    }

    /// Keys hash a name by its bytes: equal keys hash alike, a different name is another key,
    /// and NFC and NFD spellings (equal as `String`s) are two keys.
    @Test func keysHashByBytesConsistently() {
        typealias Key = NameMatchMemo.Key
        let a = Key(name: "Xinjiang Cotton Co., Ltd.")
        #expect(a == Key(name: "Xinjiang Cotton Co., Ltd."))
        #expect(a.hashValue == Key(name: "Xinjiang Cotton Co., Ltd.").hashValue)
        #expect(a != Key(name: "Xinjiang Cotton Co, Ltd."))
        let nfc = Key(name: "Caf\u{E9} Textile"), nfd = Key(name: "Cafe\u{301} Textile")
        #expect(nfc.name == nfd.name)
        #expect(nfc != nfd)
        var memo = NameMatchMemo()
        memo.names[nfc] = []
        #expect(memo.names[nfd] == nil && memo.names[nfc] == [])
    }
}
