import Foundation
import Testing
@testable import RiskModel
import SupplyChainModel

/// A matcher over the embedded UFLPA list plus the given user entries.
func matcher(_ extra: [WatchlistEntry] = [], decisions: MatchDecisions = MatchDecisions(), embedded: Bool = true) -> WatchlistMatcher {
    let reference = ReferenceData.embedded
    return WatchlistMatcher(
        entities: (embedded ? reference.uflpa : []) + extra.map(ListedEntity.init(userEntry:)), parameters: MatchingParameters(),
        decisions: decisions, countries: reference.countries)
}

/// The strength of the best match of `name` against one listed name, or nil for none.
func bestStrength(_ name: String, against listed: String, country: String? = nil, listedCountry: String? = nil) -> MatchStrength? {
    let entry = WatchlistEntry(id: "E-1", name: listed, country: listedCountry, list: "Test list")
    return matcher([entry], embedded: false).matches(for: supplier(name, country: country), alpha2: country).first?.strength
}

@Suite("Watchlist name matching")
struct NameMatchingTests {
    /// Names that are the listed entity, written differently.
    @Test(arguments: [
        ("GUANGZHOU HAIGE COMM GRP", "Guangzhou Haige Communications Group"),
        ("Hoshine Silicon Industry (Shanshan) Co., Ltd.", "Hoshine Silicon Industry (Shanshan) Co., Ltd. and subsidiaries"),
        ("Aksu Huafu Colour Spinning Co. Ltd", "Aksu Huafu Color Spinning Co., Ltd."),
        ("Xinjiang Junggar Cotton & Linen Co., Ltd.", "Xinjiang Junggar Cotton and Linen Co., Ltd."),
        ("Xinjiang Daqo New Energy Co., Ltd.", "Xinjiang Daqo New Energy, Co. Ltd."),
        ("Huafu Aksu Color Spinning Company Limited", "Aksu Huafu Color Spinning Co., Ltd."),   // word order
        ("Silicon Industry Hoshine (Shanshan) Ltd", "Hoshine Silicon Industry (Shanshan) Co., Ltd."),
        ("Hoshine Silicon Industry Shanshan Youxian Gongsi", "Hoshine Silicon Industry (Shanshan) Co., Ltd."),
        ("Hoshin Silicon Industry (Shanshan) Co", "Hoshine Silicon Industry (Shanshan) Co., Ltd."),   // a typo
        ("ZHUHAI PANTUM ELECTRONICS CO LTD", "Zhuhai Pantum Electronics Co., Ltd."),
        ("Ninestar Corp.", "Ninestar Corporation"),
        ("Sichuan Yuan'an Pharmaceutical", "Sichuan Yuanan Pharmaceutical Co., Ltd."),
        ("Dongguan Oasis Shoe Industries Co. Ltd.", "Dongguan Oasis Shoe Industry Co. Ltd."),
        ("Xinjiang Uighur Jinhong Sdn. Bhd.", "Xinjiang Uyghur Jinhong Sdn Bhd"),
        ("Shanghai JUMP Machinery and Technology", "Shanghai JUMP Machinery & Technology Co., Ltd."),
        ("KTK Group", "KTK Group"),
        ("Société Générale Fabrique SARL", "Societe Generale Fabrique"),
    ])
    func matches(name: String, listed: String) {
        #expect(bestStrength(name, against: listed) == .match, "\(name) ≈ \(listed)")
    }

    /// Names that must not be a hard match (nil: no match at all; possible: for a person to check).
    @Test(arguments: [
        ("ABC Trading Co., Ltd.", "ABC Group Holdings Ltd", nil),
        ("ABC Trading Co., Ltd.", "ABD Trading Co., Ltd.", nil),
        ("Xinjiang Trading", "Xinjiang Trading Co.", MatchStrength.possible),   // generic name: possible at most
        ("Global Industry Group", "Global Industry Group Co., Ltd.", .possible),
        ("Hoshine Foods LLC", "Hoshine Silicon Industry (Shanshan) Co., Ltd. and subsidiaries", nil),
        ("Huafu Fashion Trading", "Huafu Fashion Co., Ltd.", .possible),
        ("Zhuhai Pantum Trading", "Zhuhai Pantum Electronics Co., Ltd.", nil),
        ("Xinjiang Huafu Textile Co., Ltd.", "Ninghai Huafu Textile Co., Ltd.", nil),
        ("Guangzhou Haier Communications Group", "Guangzhou Haige Communications Group", nil),
        ("A.B. Trading", "AB Trading", nil),
        ("Co., Ltd.", "Co., Ltd.", nil),
        ("Western Gold Co., Ltd.", "Western Gold Co., Ltd.", .possible),
    ] as [(String, String, MatchStrength?)])
    func doesNotHardMatch(name: String, listed: String, expected: MatchStrength?) {
        #expect(bestStrength(name, against: listed) == expected, "\(name) vs \(listed)")
    }

    /// Generic and short names never match anything on the embedded list.
    @Test(arguments: [
        "ABC Trading Co., Ltd.", "Xinjiang Trading", "Global Industry Group", "Hoshine Foods LLC", "China Cotton Co.",
        "Xinjiang Cotton Industry Co., Ltd.", "Group", "Co. Ltd", "A", "JSC", "International Trading Co", "Energy Co., Ltd.",
    ])
    func genericNamesFindNoEmbeddedMatch(name: String) {
        let found = matcher().matches(for: supplier(name, country: "CN"), alpha2: "CN")
        #expect(!found.contains { $0.strength == .match }, "\(name): \(found.map(\.entryID))")
    }

    /// The four demo suppliers named like UFLPA entities find their entries.
    @Test(arguments: [
        ("Xinjiang Junggar Cotton & Linen Co., Ltd.", ["UFLPA-0007"]),
        ("Aksu Huafu Colour Spinning Co. Ltd", ["UFLPA-0010", "UFLPA-0105"]),
        ("Xinjiang Daqo New Energy Co., Ltd.", ["UFLPA-0005", "UFLPA-0086"]),
        ("Hoshine Silicon Industry (Shanshan) Co., Ltd.", ["UFLPA-0004"]),
        ("Akesu Huafu", ["UFLPA-0010", "UFLPA-0105"]),     // an alias
    ])
    func embeddedEntries(name: String, entries: [String]) {
        let found = matcher().matches(for: supplier(name, country: "CN"), alpha2: "CN").filter { $0.strength == .match }
        #expect(found.map(\.entryID) == entries)
        #expect(found.allSatisfy { $0.list == "UFLPA Entity List" && $0.score == 1 })
    }

    @Test func eachMatchRecordsMethodAndScore() {
        let m = matcher()
        let exact = m.matches(for: supplier("Xinjiang Junggar Cotton & Linen Co., Ltd."), alpha2: "CN")[0]
        #expect(exact.method == .exactName && exact.score == 1)
        let sorted = m.matches(for: supplier("Junggar Xinjiang Cotton and Linen"), alpha2: "CN")[0]
        #expect(sorted.method == .tokenSort && sorted.score == 1)
        let fuzzy = m.matches(for: supplier("Hoshin Silicon Industry (Shanshan)"), alpha2: "CN")[0]
        #expect(fuzzy.method == .fuzzy && fuzzy.score > 0.9 && fuzzy.score < 1 && fuzzy.strength == .match)
        let alias = m.matches(for: supplier("Hesheng Silicon Industry (Shanshan) Co."), alpha2: "CN")[0]
        #expect(alias.entryID == "UFLPA-0004" && alias.notes.contains("alias"))
    }

    @Test func identifiersMatchWhateverTheName() {
        let entry = WatchlistEntry(id: "OS-1", name: "Totally Different Name", list: "OpenSanctions", identifiers: ["lei:5299001ABCDEFGHIJK12"])
        let found = matcher([entry]).matches(for: supplier("Nordwind Handels GmbH", country: "DE", lei: "5299 001a-bcdefghijk12"), alpha2: "DE")
        #expect(found.first?.method == .identifier && found.first?.strength == .match && found.first?.notes == ["LEI"])
    }

    /// German names written without umlauts (Mueller for Müller, Guenther Oezdemir for Günther
    /// Özdemir) were no match at all: folding read the listed name as Muller. Both spellings
    /// now match both ways, and a name written the same way still matches exactly.
    @Test(arguments: [
        ("Mueller Spinnerei Xinjiang GmbH", "Müller Spinnerei Xinjiang GmbH"),
        ("Müller Spinnerei Xinjiang GmbH", "Mueller Spinnerei Xinjiang GmbH"),
        ("Guenther Oezdemir Baumwolle AG", "Günther Özdemir Baumwolle AG"),
        ("Gross Faerberei Aksu AG", "Groß Färberei Aksu AG"),
        ("Mu\u{308}ller Spinnerei Xinjiang GmbH", "Mueller Spinnerei Xinjiang GmbH"),
        ("Muller Spinnerei Xinjiang GmbH", "Müller Spinnerei Xinjiang GmbH"),
    ])
    func umlautsSpelledOutMatch(written: String, listed: String) {
        let entry = WatchlistEntry(id: "E-1", name: listed, country: "CN", list: "Test list")
        let found = matcher([entry], embedded: false).matches(for: supplier(written, country: "CN"), alpha2: "CN")
        #expect(found.count == 1 && found.first?.strength == .match && found.first?.matchedName == listed, "\(found)")
    }

    @Test func umlautSpellingsOfOtherWordsDoNotMatch() {
        #expect(NameNormalizer.umlautsSpelledOut("Xue Yue Trading") == nil)
        let entry = WatchlistEntry(id: "E-1", name: "Xu Yu Trading Co", country: "CN", list: "Test list")
        #expect(matcher([entry], embedded: false).matches(for: supplier("Xue Yue Trading Co", country: "CN"), alpha2: "CN").allSatisfy { $0.strength != .match })
    }

    /// OpenSanctions' `targets.simple.csv` drops the scheme (`id:VALUE`): an LEI (check digits
    /// valid) or a UEI-shaped value still matches; other values, a DUNS-like number among them,
    /// do not.
    @Test func unschemedIdentifiersMatchWhenTheyCanOnlyBeAnLEIOrAUEI() {
        let entries = [
            WatchlistEntry(id: "OS-1", name: "Listed One", list: "OpenSanctions", identifiers: ["id:5299001ABCDEFGHIJK06"]),
            WatchlistEntry(id: "OS-2", name: "Listed Two", list: "OpenSanctions", identifiers: ["id:hs4r7pfx1v62"]),
            WatchlistEntry(id: "OS-3", name: "Listed Three", list: "OpenSanctions", identifiers: ["id:123456789", "id:5299001ABCDEFGHIJK07"]),
        ]
        let m = matcher(entries, embedded: false)
        let byLEI = m.matches(for: supplier("Nordwind Handels GmbH", country: "DE", lei: "5299001ABCDEFGHIJK06"), alpha2: "DE")
        #expect(byLEI.map(\.entryID) == ["OS-1"] && byLEI.first?.method == .identifier && byLEI.first?.notes == ["LEI"])
        let byUEI = m.matches(for: Supplier(id: "S1", name: "Harbor Point LLC", country: "US", uei: "HS4R7PFX1V62", location: SourceLocation(file: "s.csv", line: 2)), alpha2: "US")
        #expect(byUEI.map(\.entryID) == ["OS-2"] && byUEI.first?.notes == ["UEI"])
        // Nine digits (a DUNS number, or any national registration number) and an LEI whose
        // check digits fail are not matched.
        let none = m.matches(for: Supplier(id: "S2", name: "Other Co", country: "US", lei: "5299001ABCDEFGHIJK07", duns: "123456789", location: SourceLocation(file: "s.csv", line: 3)), alpha2: "US")
        #expect(none.isEmpty)
        #expect(WatchlistMatcher.isLEI("529900T8BM49AURSDO55") && !WatchlistMatcher.isLEI("529900T8BM49AURSDO56"))
        #expect(!WatchlistMatcher.isUEI("0S4R7PFX1V62") && !WatchlistMatcher.isUEI("HS4R7PFX1V6O") && !WatchlistMatcher.isUEI("H123456789AB"))
    }

    @Test func anotherCountryMakesANameMatchPossibleOnly() {
        #expect(bestStrength("Nordwind Textil GmbH", against: "Nordwind Textil GmbH", country: "US", listedCountry: "DE") == .possible)
        #expect(bestStrength("Nordwind Textil GmbH", against: "Nordwind Textil GmbH", country: "DE", listedCountry: "Germany") == .match)
    }

    // MARK: Decisions

    @Test func confirmedDecisionIsAHardMatch() {
        let decisions = MatchDecisions([MatchDecision(supplierID: "S1", entryID: "UFLPA-0023", kind: .confirm, location: .init(file: "d.csv", line: 2))])
        let risk = score(supplier("Zhuhai Office Supplies Co.", country: "CN"), decisions: decisions)
        #expect(risk.isHardFlag)
        #expect(risk.matches.first?.method == .analystConfirmed && risk.matches.first?.entryID == "UFLPA-0023")
        #expect(risk.hardFlagIndicator?.reason.contains("analyst-confirmed") == true)
    }

    @Test func rejectedDecisionNeverMatches() {
        let decisions = MatchDecisions([
            MatchDecision(supplierID: "S1", entryID: "UFLPA-0007", kind: .reject, location: .init(file: "d.csv", line: 2)),
        ])
        let risk = score(supplier("Xinjiang Junggar Cotton & Linen Co., Ltd.", country: "CN"), decisions: decisions)
        #expect(!risk.isHardFlag && risk.matches.isEmpty)
        // The same pair for another supplier still matches.
        #expect(score(supplier("Xinjiang Junggar Cotton & Linen Co., Ltd.", country: "CN", id: "S2"), decisions: decisions).isHardFlag)
    }

    @Test func decisionsFileIsReadAndALaterRowWins() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flrisk-decisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("decisions.csv").path
        try "Supplier ID,Watchlist Entry,Decision\nS1,UFLPA-0007,confirm\nS1,UFLPA-0007,REJECT\nS2,UFLPA-0001,maybe\nS3,,confirm\n,,\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let decisions = try MatchDecisions.load(path: path)
        #expect(decisions.decision(supplierID: "S1", entryID: "UFLPA-0007")?.kind == .reject)
        #expect(decisions.decisions.count == 1)
        #expect(decisions.summary?.read == 5 && decisions.summary?.accepted == 2 && decisions.summary?.rejected == 2 && decisions.summary?.blank == 1)
        #expect(decisions.findings.map(\.code) == ["decision-changed", "invalid-decision", "missing-value"])
        #expect(decisions.findings[1].location?.line == 4)
    }

    @Test func decisionsFileWithoutItsColumnsIsFatal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flrisk-bad-decisions-\(UUID().uuidString).csv").path
        try "supplier,verdict\nS1,confirm\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: InputError.self) { try MatchDecisions.load(path: path) }
        #expect(error?.code == "missing-column" && error?.message.contains("watchlist_entry") == true)
    }

    // MARK: Normalisation and speed

    @Test(arguments: [
        ("Hoshine Silicon Industry (Shanshan) Co., Ltd. and subsidiaries", "hoshine silicon industry shanshan"),
        ("GUANGZHOU HAIGE COMM GRP", "guangzhou haige communication group"),
        ("Aksu Huafu Colour Spinning Co. Ltd", "aksu huafu color spinning"),
        ("A.B.C. Trading Sdn. Bhd.", "abc trading"),
        ("Société Minière de Kapata SARL", "societe miniere kapata"),
        ("Xinjiang Tianshan Wool Textile Company Limited", "xinjiang tianshan wool textile"),
        ("新疆华孚色纺有限公司", "新疆华孚色纺"),
    ])
    func normalisation(name: String, expected: String) {
        #expect(NameNormalizer.normalize(name).orderedKey == expected)
    }

    /// The word memo shared by a run is a pure cache: each name normalises as it does alone,
    /// in any order, with repeated and single-letter words ("A B C", "É A", "1 2").
    @Test func wordMemoIsAPureCache() {
        let names = [
            "A B C Textiles Co., Ltd.", "Textile Company Limited", "É A Trading", "1 2 3 Industries", "Industries Inc",
            "Hoshine Silicon Industry (Shanshan) Co., Ltd.", "Silicon Industries Ltd", "x", "Z Co", "新疆华孚色纺有限公司",
        ]
        var memo = NameWordMemo()
        for name in names + names.reversed() {
            #expect(NameNormalizer.normalize(name, words: &memo) == NameNormalizer.normalize(name), "\(name)")
        }
        #expect(NameNormalizer.normalize("A B C Textiles").orderedKey == "abc textile")
        #expect(NameNormalizer.normalize("1 2 3 Works").orderedKey == "1 2 3 work")
    }

    @Test func jaroWinklerKnownValues() {
        let s = { (a: String, b: String) in jaroWinkler(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value)) }
        #expect(abs(s("martha", "marhta") - 0.9611) < 1e-4)
        #expect(abs(s("dixon", "dicksonx") - 0.8133) < 1e-4)
        #expect(s("abc", "abc") == 1 && s("abc", "xyz") == 0)
    }

    /// 20 000 suppliers against the embedded list: an index look-up per word, not a pass over
    /// every entry. A generous bound even for a debug build on a slow machine.
    @Test func matchingScalesToManySuppliers() {
        let m = matcher()
        var generator = SeededGenerator(seed: 42)
        let words = ["Jiangnan", "Weaving", "Huafu", "Trading", "Golden", "Star", "Textile", "Daqo", "Energy", "Silicon", "Hoshine",
                     "Pantum", "Lianfa", "Runfa", "Kaixuan", "Co.,", "Ltd.", "Group", "Xinjiang", "Shenzhen", "Electronics", "Mingda"]
        let names = (0..<20_000).map { _ in (0..<4).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") }
        let clock = ContinuousClock()
        var found = 0
        let elapsed = clock.measure {
            for (i, name) in names.enumerated() { found += m.matches(for: supplier(name, id: "S\(i)"), alpha2: "CN").count }
        }
        #expect(found > 0)
        #expect(elapsed < .seconds(60), "matching 20 000 suppliers took \(elapsed)")
    }
}
