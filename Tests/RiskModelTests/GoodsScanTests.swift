import Foundation
import FlriskTestSupport
import Testing
@testable import RiskModel

/// The description scan tries only words that start a vocabulary phrase, and NAICS goods are
/// looked up by the code's prefixes: both must find exactly what trying every run of words and
/// every mapped NAICS prefix finds (the definitions, kept here as the reference).
@Suite("Goods in descriptions and NAICS codes")
struct GoodsScanTests {
    static let goods = ReferenceData.embedded.goods

    /// Every run of up to the longest phrase's words, longest first, then hyphen parts.
    static func referenceMentions(_ text: String) -> [String] {
        let longest = goods.phrases.keys.map { $0.split(separator: " ").count }.max() ?? 1
        let words = GoodsVocabulary.normalise(text).split(separator: " ")
        var found: [String] = []
        func add(_ ids: [String], _ phrase: String) {
            for id in ids where !found.contains(where: { $0.hasPrefix(id + "|") }) { found.append(id + "|" + phrase) }
        }
        var start = 0
        while start < words.count {
            var advanced = false
            for length in stride(from: min(longest, words.count - start), through: 1, by: -1) {
                let key = words[start..<start + length].joined(separator: " ")
                guard let ids = goods.phrases[key] else { continue }
                add(ids, key)
                start += length
                advanced = true
                break
            }
            if !advanced {
                let parts = words[start].split(separator: "-")
                if parts.count > 1, !parts.contains(where: { ["non", "no", "free", "less", "without", "anti", "imitation", "faux"].contains(String($0)) }) {
                    for part in parts { if let ids = goods.phrases[String(part)] { add(ids, String(part)) } }
                }
                start += 1
            }
        }
        return found
    }

    static func referenceNAICS(_ code: String) -> [String] {
        var ids: [String] = []
        for (prefix, id) in goods.naicsGoods where code.hasPrefix(prefix) && !ids.contains(id) { ids.append(id) }
        return ids
    }

    @Test func descriptionsFindWhatEveryRunOfWordsFinds() {
        var rng = SeededGenerator(seed: 5)
        // The vocabulary's own words, so that descriptions hold phrases of every length and
        // their overlaps, plus filler, hyphenated compounds and negations.
        let vocabulary = Array(Set(Self.goods.phrases.keys.flatMap { $0.split(separator: " ").map(String.init) })).sorted()
        let filler = ["supply", "of", "lot", "12", "delivery", "order", "non", "free", "the", "and"]
        var mentioned = 0
        for _ in 0..<3000 {
            let words = (0..<(1 + Int(rng.next() % 12))).map { _ -> String in
                let pool = rng.next() % 3 == 0 ? filler : vocabulary
                var word = pool[Int(rng.next() % UInt64(pool.count))]
                if rng.next() % 6 == 0 { word += "-" + vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
                return rng.next() % 4 == 0 ? word.uppercased() : word
            }
            let text = words.joined(separator: rng.next() % 5 == 0 ? ", " : " ")
            let found = Self.goods.mentions(in: text).map { $0.goodID + "|" + $0.phrase }
            #expect(found == Self.referenceMentions(text), "\(text)")
            mentioned += found.count
        }
        #expect(mentioned > 3000)
    }

    @Test func naicsCodesFindEveryMappedPrefix() {
        let mapped = Self.goods.naicsGoods.map(\.prefix)
        var codes = mapped + mapped.map { $0 + "1" } + mapped.map { String($0.dropLast()) } + ["", " ", "3", "31", "999999", "3152x", "31521099", "３１５"]
        codes += mapped.map { " \($0)9 " }
        var found = 0
        for code in codes {
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            #expect(Self.goods.goods(naics: code) == (trimmed.isEmpty ? [] : Self.referenceNAICS(trimmed)), "'\(code)'")
            found += Self.goods.goods(naics: code).count
        }
        #expect(found > mapped.count)
    }

    @Test func pscCodesAreTrimmedAndUpperCasedAsBefore() {
        let mapped = Array(Self.goods.pscGoods.keys)
        var codes = mapped + mapped.map { " \($0)\t" } + mapped.map { $0.lowercased() } + mapped.map { "\u{00A0}\($0)" }
        codes += ["", " ", "8420", "８４２０", "ab12", "\u{2003}8420\u{2003}", "8420\n"]
        var found = 0
        for code in codes {
            let expected = Self.goods.pscGoods[code.trimmingCharacters(in: .whitespaces).uppercased()] ?? []
            #expect(Self.goods.goods(psc: code) == expected, "'\(code)'")
            found += expected.count
        }
        #expect(found > mapped.count)
    }

    /// ``GoodsVocabulary/resolve(_:)`` as first written: the whole text, its parts, its endings.
    static func referenceResolve(_ written: String) -> [String] {
        let whole = GoodsVocabulary.normalise(written)
        guard !whole.isEmpty else { return [] }
        if let ids = goods.phrases[whole] { return ids.map { "exact|\($0)|\(whole)" } }
        var parts: [String] = []
        if let open = written.firstIndex(of: "("), let close = written[open...].firstIndex(of: ")") {
            parts.append(String(written[..<open]) + String(written[written.index(after: close)...]))
            parts.append(String(written[written.index(after: open)..<close]))
        }
        parts += written.split(whereSeparator: { $0 == "/" || $0 == "," }).map(String.init)
        var found: [String] = []
        for part in parts {
            let key = GoodsVocabulary.normalise(part)
            for id in goods.phrases[key] ?? [] where !found.contains(where: { $0.hasPrefix("part|\(id)|") }) { found.append("part|\(id)|\(key)") }
        }
        if !found.isEmpty { return found }
        let words = whole.split(separator: " ")
        for start in 1..<max(1, words.count) {
            let key = words[start...].joined(separator: " ")
            if let ids = goods.phrases[key] { return ids.map { "head|\($0)|\(key)" } }
        }
        return []
    }

    @Test func writtenGoodsResolveAsTheirDefinitionSays() {
        var rng = SeededGenerator(seed: 9)
        let phrases = Array(Self.goods.phrases.keys).sorted()
        let filler = ["grade", "a", "lot", "7", "raw", "(", ")", "/", ",", "-", "Ü", "non"]
        var resolved = 0
        for _ in 0..<4000 {
            let pieces = (0..<(1 + Int(rng.next() % 6))).map { _ -> String in
                let piece = rng.next() % 2 == 0 ? phrases[Int(rng.next() % UInt64(phrases.count))] : filler[Int(rng.next() % UInt64(filler.count))]
                return rng.next() % 3 == 0 ? piece.capitalized : piece
            }
            let written = pieces.joined(separator: rng.next() % 4 == 0 ? "" : " ")
            let found = Self.goods.resolve(written).map { "\($0.method.rawValue)|\($0.goodID)|\($0.phrase)" }
            #expect(found == Self.referenceResolve(written), "\(written)")
            resolved += found.isEmpty ? 0 : 1
        }
        #expect(resolved > 1000)
    }

    /// Region words: ASCII text is split and lower-cased byte by byte, as Foundation's folding
    /// and `Character` classes split it.
    @Test func regionWordsOfASCIITextAreTheFoldedWords() {
        var rng = SeededGenerator(seed: 13)
        let alphabet = Array("abcXYZ019 -_,./()'\t\n\r\u{0B}\u{0C}\u{1F}\u{7F}~")
        for _ in 0..<5000 {
            let text = String((0..<Int(rng.next() % 24)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let expected = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            #expect(PresumptionRegions.words(text).map(String.init) == expected, "\(text.debugDescription)")
        }
        #expect(PresumptionRegions.words("Ürümqi, Xinjiang").map(String.init) == ["urumqi", "xinjiang"])
    }
}
