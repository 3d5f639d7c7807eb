import Testing
@testable import RiskModel
import SupplyChainModel

/// A large user list whose names share common words: a word held by more than
/// `WatchlistMatcher.defaultCommonWordLimit` names finds no fuzzy candidates (the run would otherwise
/// score every supplier against all of them), a warning says which, and exact names, rarer
/// words and identifiers still match.
@Suite("Watchlist words held by many names")
struct CrowdedWordTests {
    /// `count` entries "Zorvane <unique word> Fabrika", plus "Quillmark Zorvane Fabrika" and
    /// "Zorvane Fabrika Trading" (whose only distinctive words are the shared ones).
    static func entries(_ count: Int) -> [WatchlistEntry] {
        (0..<count).map { i in
            WatchlistEntry(id: "C-\(i)", name: "Zorvane \(uniqueWord(i)) Fabrika", list: "Large list", identifiers: i == 7 ? ["lei:5299001CROWDED0007"] : [])
        } + [WatchlistEntry(id: "RARE", name: "Quillmark Zorvane Fabrika", list: "Large list"),
             WatchlistEntry(id: "TWO", name: "Zorvane Fabrika Trading", list: "Large list")]
    }

    /// A distinct made-up word for entry `i` ("Kabedo", "Kabefi", …), of six letters.
    static func uniqueWord(_ i: Int) -> String {
        let consonants = Array("bdfgklmnprstvz"), vowels = Array("aeiou")
        var word = "K"
        var n = i
        for _ in 0..<2 {
            word.append(consonants[n % consonants.count]); n /= consonants.count
            word.append(vowels[n % vowels.count]); n /= vowels.count
        }
        return word + "x\(i)"
    }

    static func entryIDs(_ matcher: WatchlistMatcher, _ name: String, lei: String? = nil) -> Set<String> {
        var s = supplier(name)
        s.lei = lei
        return Set(matcher.matches(for: s, alpha2: nil).map(\.entryID))
    }

    @Test func atTheLimitTheWordStillFindsCandidates() {
        // "zorvane" and "fabrika" are held by exactly limit names.
        let m = matcher(Self.entries(WatchlistMatcher.defaultCommonWordLimit - 2), embedded: false)
        #expect(m.findings.isEmpty)
        #expect(m.byWord["zorvane"]?.count == WatchlistMatcher.defaultCommonWordLimit && m.byPrefix["zorv"] != nil)
        // Only the shared words connect these two: a fuzzy match at the limit.
        #expect(Self.entryIDs(m, "Zorvanne Fabrika").contains("TWO"))
        // A typo in the shared word, and a unique word missing: a fuzzy candidate only through "zorvane".
        #expect(Self.entryIDs(m, "Quillmark Zorvanne Fabrika").contains("RARE"))
        #expect(Self.entryIDs(m, "Zorvanne \(Self.uniqueWord(3)) Fabrika").contains("C-3"))
    }

    @Test func pastTheLimitOnlyRarerWordsExactNamesAndIdentifiersFindCandidates() throws {
        let m = matcher(Self.entries(WatchlistMatcher.defaultCommonWordLimit + 10), embedded: false)
        let finding = try #require(m.findings.first)
        #expect(m.findings.count == 1 && finding.code == "watchlist-common-words" && finding.severity == .warning)
        #expect(finding.message.contains("'fabrika' (268)") && finding.message.contains("'zorvane' (268)"))
        #expect(finding.message.contains("2 distinctive words") && finding.message.contains("four-letter word starts"))
        #expect(m.byWord["zorvane"] == nil && m.byWord["fabrika"] == nil && m.byPrefix["zorv"] == nil && m.byPrefix["fabr"] == nil)
        #expect(m.byWord["quillmark"] != nil)
        #expect(finding.message.contains("more than \(WatchlistMatcher.defaultCommonWordLimit) watchlist names"))
        // Through the rare word "quillmark", the listed name is still a candidate, typo and all.
        #expect(Self.entryIDs(m, "Quillmark Zorvanne Fabrika").contains("RARE"))
        // Only the crowded words are shared: no fuzzy candidates any more.
        #expect(Self.entryIDs(m, "Zorvanne Fabrika").isEmpty)
        #expect(Self.entryIDs(m, "Zorvane Fabrika Trading") == ["TWO"])
        // The unique word itself, exact names and identifiers still find the entry.
        #expect(Self.entryIDs(m, "Zorvanne \(Self.uniqueWord(3)) Fabrika").contains("C-3"))
        #expect(Self.entryIDs(m, "Zorvane \(Self.uniqueWord(5)) Fabrika") == ["C-5"])
        #expect(Self.entryIDs(m, "Totally Other Name", lei: "5299001CROWDED0007") == ["C-7"])
    }

    /// The embedded list alone has no crowded word: nothing changes for a default run.
    @Test func theEmbeddedListHasNoCrowdedWord() {
        #expect(matcher().findings.isEmpty)
    }

    /// `matching.common_word_limit` moves the limit: read from a configuration file, a
    /// higher limit lets the shared words find candidates again, and the warning names it.
    @Test func theLimitIsASetting() throws {
        let configuration = try ModelConfiguration.parse("matching:\n  common_word_limit: 1000\n", file: "flrisk.yaml")
        #expect(configuration.parameters.matching.commonWordLimit == 1000)
        let entities = Self.entries(WatchlistMatcher.defaultCommonWordLimit + 10).map(ListedEntity.init(userEntry:))
        let countries = ReferenceData.embedded.countries
        let defaults = WatchlistMatcher(entities: entities, parameters: MatchingParameters(), countries: countries)
        let raised = WatchlistMatcher(entities: entities, parameters: configuration.parameters.matching, countries: countries)
        #expect(defaults.byWord["zorvane"] == nil && raised.byWord["zorvane"] != nil)
        #expect(raised.findings.allSatisfy { $0.code != "watchlist-common-words" })
        #expect(defaults.findings.contains { $0.message.contains("more than 256 watchlist names (matching.common_word_limit)") })
        #expect(throws: (any Error).self) { try ModelConfiguration.parse("matching:\n  common_word_limit: 0\n", file: "flrisk.yaml") }
    }
}
