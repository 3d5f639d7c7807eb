import Testing
@testable import RiskModel
import SupplyChainModel

/// Names of more than `NameNormalizer.maxWords` words (a broken or hostile field) are matched
/// on their first words, with a warning: comparing them whole cost the product of the word
/// counts per candidate, and one 20,000-word watchlist name stalled a run for minutes.
@Suite("Names of very many words")
struct LongNameTests {
    /// "Brixwell Tolvane Fabrika" then `extra` made-up words.
    static func longName(extra: Int) -> String {
        "Brixwell Tolvane Fabrika " + (0..<extra).map { "Qorbex\($0)" }.joined(separator: " ")
    }

    @Test func onlyTheFirstWordsAreKept() {
        let limit = NameNormalizer.maxWords
        let long = NameNormalizer.normalize(Self.longName(extra: 1000))
        #expect(long.tokens.count == limit && long.wordsLeftOut == 1003 - limit)
        #expect(long.tokens.prefix(3).map(\.text) == ["brixwell", "tolvane", "fabrika"])
        #expect(NameNormalizer.wordsLeftOut(of: Self.longName(extra: 1000)) == 1003 - limit)
        // Exactly the limit: nothing left out.
        let atLimit = NameNormalizer.normalize(Self.longName(extra: limit - 3))
        #expect(atLimit.tokens.count == limit && atLimit.wordsLeftOut == 0)
        #expect(NameNormalizer.wordsLeftOut(of: Self.longName(extra: limit - 3)) == 0)
        #expect(NameNormalizer.wordsLeftOut(of: "Brixwell Tolvane Fabrika") == 0)
    }

    /// The shortcut that clears most names without normalising them gives what normalising
    /// gives, also for names near the limit made of variants of two words, single letters
    /// (joined), "&" (a stop word) and apostrophes.
    @Test func theShortcutAgreesWithNormalising() {
        var random = SeededGenerator(seed: 0x1095)
        let vocabulary = ["jinchukou", "Textile", "&", "a", "B", "co", "ltd", "o'neil", "x-ray", "Qorbex", "12", "+", "maoyi", "holdings", "Zhejiang", "é"]
        for _ in 0..<3_000 {
            let count = random.next(below: 45)
            let name = (0..<count).map { _ in vocabulary[random.next(below: vocabulary.count)] }.joined(separator: random.next(below: 3) == 0 ? ", " : " ")
            #expect(NameNormalizer.wordsLeftOut(of: name) == NameNormalizer.normalize(name).wordsLeftOut, "\(name)")
        }
        #expect(NameNormalizer.asciiWordCount("O'Neil & Sons, x-ray 12") == 5)
        #expect(NameNormalizer.asciiWordCount("Café") == nil)
        #expect(NameNormalizer.maxVariantWords == 2)
        // 20 words, 40 tokens: past the limit though the words are not.
        #expect(NameNormalizer.wordsLeftOut(of: String(repeating: "Jinchukou ", count: 20)) == 40 - NameNormalizer.maxWords)
    }

    @Test func aLongWatchlistNameIsMatchedOnItsFirstWordsWithAWarning() throws {
        let entries = [
            WatchlistEntry(id: "LONG", name: Self.longName(extra: 20_000), list: "Broken list"),
            WatchlistEntry(id: "OK", name: "Normal Vendor Holdings", list: "Broken list"),
        ]
        let m = matcher(entries, embedded: false)
        let finding = try #require(m.findings.first)
        #expect(finding.code == "long-name" && finding.severity == .warning)
        #expect(finding.message.contains("1 watchlist name has more than \(NameNormalizer.maxWords) words (the first: entry 'LONG', 20003 words)"))
        // The listed name's first words are its whole matched name: a supplier with the same
        // first 32 words is an exact match.
        let first32 = Self.longName(extra: NameNormalizer.maxWords - 3)
        #expect(m.matches(for: supplier(first32), alpha2: nil).map(\.entryID) == ["LONG"])
        #expect(m.matches(for: supplier("Normal Vendor Holdings"), alpha2: nil).map(\.entryID) == ["OK"])
        #expect(matcher([entries[1]], embedded: false).findings.isEmpty)
    }

    @Test func aLongSupplierNameGetsAWarningAtItsRow() throws {
        let suppliers = [
            supplier(Self.longName(extra: 100), id: "S-LONG"),
            supplier("Brixwell Tolvane Fabrika", id: "S-SHORT"),
        ]
        let contract = Contract(id: "C1", vendorID: "S-SHORT", amount: 10, location: SourceLocation(file: "c.csv", line: 2))
        let assessment = Assessor(parameters: ScoringParameters()).assess(
            suppliers: ImportResult(records: suppliers, findings: [], summary: ImportSummary(file: "s.csv")),
            links: ImportResult(records: [], findings: [], summary: ImportSummary(file: "l.csv")),
            contracts: ImportResult(records: [contract], findings: [], summary: ImportSummary(file: "c.csv")))
        let long = assessment.findings.filter { $0.code == "long-name" }
        #expect(long.count == 1)
        let finding = try #require(long.first)
        #expect(finding.message == "name of supplier 'S-LONG' has 103 words; it is matched against watchlists on its first \(NameNormalizer.maxWords)")
        #expect(finding.location == SourceLocation(file: "s.csv", line: 2))
    }
}
