import Foundation
import Importers

/// How a written good was recognised in the goods vocabulary.
public enum GoodMatchMethod: String, Sendable, Hashable {
    /// The whole text is a good's name, id, DOL name or synonym.
    case exact
    /// A part of the text is: the text without its parenthesis, the parenthesis, or one side of a `/`.
    case part
    /// The text ends with a synonym (its head noun), e.g. "cotton yarn" → yarn.
    case head
}

/// A written good resolved to a vocabulary good.
public struct GoodMatch: Sendable, Hashable {
    /// The `good_id` of `goods.csv`.
    public var goodID: String
    /// The text as written in the input.
    public var written: String
    /// The phrase of the vocabulary that matched.
    public var phrase: String
    public var method: GoodMatchMethod
}

/// The project's goods vocabulary (`Datasets/reference/goods.csv`, plus DOL's exact good names
/// from `dol_goods_2022.csv`): maps what suppliers write ("thread/yarn", "cobalt ore
/// (heterogenite)", "nitrile gloves") to normalised good ids.
public struct GoodsVocabulary: Sendable {
    /// Normalised phrase → good ids, in table order.
    private(set) var phrases: [String: [String]] = [:]
    /// good_id → display name.
    private var names: [String: String] = [:]
    /// PSC → good ids (goods.csv `psc`, `;`-separated).
    private(set) var pscGoods: [String: [String]] = [:]
    /// NAICS code or prefix → good ids (goods.csv `naics`, `;`-separated).
    private(set) var naicsGoods: [(prefix: String, id: String)] = []
    /// For each word that starts a vocabulary phrase, the most words such a phrase has: the
    /// description scan tries only these words, and only up to that length.
    private var phraseLengths: [String: Int] = [:]
    /// The NAICS codes and prefixes of ``naicsGoods``, each with the positions of its entries.
    private var naicsPositions: [String: [Int]] = [:]
    /// The longest NAICS code or prefix of ``naicsGoods``, in bytes.
    private var longestNAICS = 0

    /// - Parameters:
    ///   - goods: records of `good_id,name,category,synonyms,...` (header first).
    ///   - extraNames: more `(phrase, good_id)` pairs, e.g. DOL's exact good names.
    init(goods: [CSVRecord], extraNames: [(String, String)]) {
        func add(_ phrase: String, _ id: String) {
            let key = Self.normalise(phrase)
            guard !key.isEmpty else { return }
            if !(phrases[key]?.contains(id) ?? false) { phrases[key, default: []].append(id) }
        }
        for record in goods.dropFirst() where record.fields.count >= 4 {
            let id = record.fields[0]
            names[id] = record.fields[1]
            add(id.replacingOccurrences(of: "-", with: " "), id)
            add(record.fields[1], id)
            for synonym in record.fields[3].split(separator: ";") { add(String(synonym), id) }
            if record.fields.count >= 6 {
                for code in record.fields[4].split(separator: ";") { pscGoods[code.trimmingCharacters(in: .whitespaces), default: []].append(id) }
                for code in record.fields[5].split(separator: ";") { naicsGoods.append((code.trimmingCharacters(in: .whitespaces), id)) }
            }
        }
        for (phrase, id) in extraNames { add(phrase, id) }
        for phrase in phrases.keys {
            let words = phrase.split(separator: " ")
            let first = String(words[0])
            phraseLengths[first] = max(phraseLengths[first] ?? 0, words.count)
        }
        for (position, entry) in naicsGoods.enumerated() {
            naicsPositions[entry.prefix, default: []].append(position)
            longestNAICS = max(longestNAICS, entry.prefix.utf8.count)
        }
    }

    /// The goods mapped to a Product and Service Code (an exact PSC of goods.csv).
    public func goods(psc: String) -> [String] {
        let code = Self.trimmedCode(psc)
        // Codes are mostly digits and capitals already: no upper-cased copy for them.
        let upper = code.utf8.contains { (0x61...0x7A).contains($0) || $0 >= 0x80 } ? code.uppercased() : code
        return pscGoods[upper] ?? []
    }

    /// A code without leading and trailing whitespace (Foundation's `whitespaces`); a code that
    /// starts and ends with a printable ASCII character, as codes do, is returned as it is.
    static func trimmedCode(_ code: String) -> String {
        if let first = code.utf8.first, let last = code.utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) { return code }
        return code.trimmingCharacters(in: .whitespaces)
    }

    /// The goods mapped to a NAICS code: every goods.csv NAICS code or prefix the code starts
    /// with, in table order.
    /// - Complexity: one look-up per prefix of the code up to the longest one mapped (an ASCII
    ///   code, as NAICS codes are); O(mapped NAICS codes) for another text.
    public func goods(naics: String) -> [String] {
        let code = Self.trimmedCode(naics)
        guard !code.isEmpty else { return [] }
        var ids: [String] = []
        guard code.utf8.allSatisfy({ $0 < 0x80 }) else {
            for (prefix, id) in naicsGoods where code.hasPrefix(prefix) && !ids.contains(id) { ids.append(id) }
            return ids
        }
        var positions: [Int] = []
        for length in 0...min(code.utf8.count, longestNAICS) {
            positions += naicsPositions[String(code.utf8.prefix(length))!] ?? []
        }
        for position in positions.sorted() where !ids.contains(naicsGoods[position].id) { ids.append(naicsGoods[position].id) }
        return ids
    }

    /// The goods a free text mentions: every run of up to the longest phrase's words that is a
    /// vocabulary phrase, longest first, without overlapping. A hyphenated word that starts no
    /// phrase is read by its parts ("cotton-blend" mentions cotton, as "t-shirts" stays a phrase
    /// of its own), unless a part negates the others ("non-cotton", "cotton-free").
    /// - Complexity: O(words × longest phrase) dictionary look-ups.
    public func mentions(in text: String) -> [GoodMatch] {
        let words = Self.normalisedWords(text)
        var found: [GoodMatch] = []
        func add(_ ids: [String], phrase: String) {
            for id in ids where !found.contains(where: { $0.goodID == id }) {
                found.append(GoodMatch(goodID: id, written: text, phrase: phrase, method: .part))
            }
        }
        var start = 0
        while start < words.count {
            var advanced = false
            // Most words start no phrase: one look-up each, no phrase keys joined for them.
            let first = words[start]
            for length in stride(from: min(phraseLengths[first] ?? 0, words.count - start), through: 1, by: -1) {
                let key = length == 1 ? first : words[start..<start + length].joined(separator: " ")
                guard let ids = phrases[key] else { continue }
                add(ids, phrase: key)
                start += length
                advanced = true
                break
            }
            if !advanced {
                let parts = words[start].utf8.contains(UInt8(ascii: "-")) ? words[start].split(separator: "-") : []
                if parts.count > 1, !parts.contains(where: { Self.negations.contains(String($0)) }) {
                    for part in parts { if let ids = phrases[String(part)] { add(ids, phrase: String(part)) } }
                }
                start += 1
            }
        }
        return found
    }

    /// Parts of a hyphenated word that say the good is absent.
    private static let negations: Set<String> = ["non", "no", "free", "less", "without", "anti", "imitation", "faux"]

    /// The display name of a good id ("Thread/yarn"), or the id itself.
    public func name(of goodID: String) -> String { names[goodID] ?? goodID }

    /// The goods a written text names: the whole text, then its parts, then its head words.
    /// - Complexity: O(words²) dictionary look-ups for a text of that many words.
    public func resolve(_ written: String) -> [GoodMatch] {
        let words = Self.normalisedWords(written)
        guard !words.isEmpty else { return [] }
        let whole = words.joined(separator: " ")
        if let ids = phrases[whole] { return ids.map { GoodMatch(goodID: $0, written: written, phrase: whole, method: .exact) } }
        // Parts: without the parenthesis, inside it, and the sides of a slash or comma (a text
        // without any of them is its one part, the whole, already looked up).
        let hasParts = written.utf8.contains { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ",") }
        var parts: [String] = []
        if hasParts, let open = written.firstIndex(of: "("), let close = written[open...].firstIndex(of: ")") {
            parts.append(String(written[..<open]) + String(written[written.index(after: close)...]))
            parts.append(String(written[written.index(after: open)..<close]))
        }
        if hasParts { parts += written.split(whereSeparator: { $0 == "/" || $0 == "," }).map(String.init) }
        var found: [GoodMatch] = []
        for part in parts {
            let key = Self.normalise(part)
            for id in phrases[key] ?? [] where !found.contains(where: { $0.goodID == id }) {
                found.append(GoodMatch(goodID: id, written: written, phrase: key, method: .part))
            }
        }
        if !found.isEmpty { return found }
        // Head: the longest ending of the phrase that is a vocabulary phrase (only endings whose
        // first word starts a phrase that long are joined and looked up).
        for start in 1..<max(1, words.count) where phraseLengths[words[start], default: 0] >= words.count - start {
            let key = words[start...].joined(separator: " ")
            if let ids = phrases[key] { return ids.map { GoodMatch(goodID: $0, written: written, phrase: key, method: .head) } }
        }
        return []
    }

    /// Lower case, accents folded, punctuation other than `-` as spaces, single spaces.
    static func normalise(_ text: String) -> String {
        normalisedWords(text).joined(separator: " ")
    }

    /// The words of ``normalise(_:)``: runs of letters, digits and `-`, lower case, accents folded.
    static func normalisedWords(_ text: String) -> [String] {
        if let ascii = ASCIIText(text) {
            return ASCIIText.words(ascii.bytes[...]) { ASCIIText.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
                .map { String(decoding: $0, as: UTF8.self) }
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
            .map(String.init)
    }
}
