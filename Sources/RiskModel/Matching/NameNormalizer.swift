import Foundation

/// One word of a normalised company name.
struct NameToken: Sendable, Hashable {
    var text: String
    /// Unicode scalar values, for the string-similarity measures.
    var scalars: [UInt32]
    /// Not a generic business, sector or place word, at least 3 characters, not a number.
    var informative: Bool
    /// Bit `v % 64` set for each scalar value `v`: which characters the word may hold, to bound
    /// the characters two words share without comparing them (``NameSimilarity``).
    var characters: UInt64

    init(_ text: String) {
        self.text = text
        scalars = text.unicodeScalars.map(\.value)
        informative = scalars.count >= 3 && !NameWords.generic.contains(text) && !Self.isAllNumbers(text)
        characters = scalars.reduce(0) { $0 | 1 << ($1 & 63) }
    }

    /// `text.allSatisfy(\.isNumber)`, byte by byte for ASCII text.
    static func isAllNumbers(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return text.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        return text.allSatisfy(\.isNumber)
    }

    /// Weight of the word in the name score: distinctive words count, generic ones a little.
    var weight: Double { informative ? 1 : NameNormalizer.genericWeight }
}

/// A company name reduced to the words that identify it.
struct NormalizedName: Sendable, Hashable {
    /// Words in name order, after folding, variant mapping, and removing legal forms and stop words.
    var tokens: [NameToken]
    /// The words sorted and joined: equal keys are the same name up to word order.
    var sortedKey: String
    /// The words in order, joined (worked out when asked: only names with equal sorted keys
    /// compare it).
    var orderedKey: String { tokens.map(\.text).joined(separator: " ") }
    var informativeCount: Int
    /// Words left out after the first ``NameNormalizer/maxWords``.
    var wordsLeftOut = 0

    init(tokens: [NameToken]) {
        self.tokens = tokens
        sortedKey = tokens.count == 1 ? tokens[0].text : tokens.map(\.text).sorted().joined(separator: " ")
        informativeCount = tokens.reduce(0) { $0 + ($1.informative ? 1 : 0) }
    }
}

/// Normalises company names for watchlist matching (docs/METHODOLOGY.md, "Matching"):
///
/// 1. case and accents folded; `&` read as "and"; apostrophes dropped; other punctuation splits words;
/// 2. runs of single letters joined ("A.B.C." → "abc");
/// 3. spelling variants, abbreviations and transliterations mapped to one form ("Colour" → color,
///    "COMM" → communication, "Uighur" → uygur), plurals made singular;
/// 4. legal forms ("Co., Ltd.", "GmbH", "Sdn. Bhd.", "Youxian Gongsi", "and subsidiaries") and
///    joining words removed.
enum NameNormalizer {
    /// The weight of a generic word relative to a distinctive one.
    static let genericWeight = 0.35
    /// The most words of a name that are matched: comparing two names costs the product of
    /// their word counts, so a name of thousands of words (a hostile or broken field) would
    /// stall every comparison with it. Real company names have far fewer.
    static let maxWords = 32

    /// Chinese legal-form suffixes removed before splitting.
    static let chineseLegalForms = ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"]

    /// The name with German umlauts spelled out as German writes them without the marks (ä →
    /// ae, ö → oe, ü → ue, ß → ss), precomposed or not; nil when it has none. Folding accents
    /// reads Müller as Muller, so a name written both ways is matched under both spellings.
    /// - Complexity: O(length of the name); ASCII names are rejected by one pass over the bytes.
    static func umlautsSpelledOut(_ name: String) -> String? {
        guard name.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        var out = ""
        var changed = false
        for character in name {
            let spelled: String? = switch character {
            case "ä": "ae"
            case "ö": "oe"
            case "ü": "ue"
            case "Ä": "Ae"
            case "Ö": "Oe"
            case "Ü": "Ue"
            case "ß": "ss"
            case "ẞ": "SS"
            default: nil
            }
            if let spelled {
                out += spelled
                changed = true
            } else {
                out.append(character)
            }
        }
        return changed ? out : nil
    }

    /// - Complexity: O(length of the name).
    static func normalize(_ name: String) -> NormalizedName {
        var words = NameWordMemo()
        return normalize(name, words: &words)
    }

    /// ``normalize(_:)`` with a memo of the words already seen (names share most words).
    static func normalize(_ name: String, words memo: inout NameWordMemo) -> NormalizedName {
        var words = rawWords(name)
        // Join runs of single letters: "a b c" → "abc".
        var joined: [String] = []
        var run = ""
        for word in words {
            if isSingleLetter(word) {
                run += word
                continue
            }
            if !run.isEmpty { joined.append(run); run = "" }
            joined.append(word)
        }
        if !run.isEmpty { joined.append(run) }
        words = joined

        var tokens: [NameToken] = []
        tokens.reserveCapacity(words.count)
        for word in words { tokens += memo.tokens(of: word) }
        guard tokens.count > maxWords else { return NormalizedName(tokens: tokens) }
        var name = NormalizedName(tokens: Array(tokens.prefix(maxWords)))
        name.wordsLeftOut = tokens.count - maxWords
        return name
    }

    /// How many words of `name` are left out of matching. Almost every name is cleared without
    /// being normalised: one of at most 2 × ``maxWords`` bytes cannot have more words, nor can
    /// an ASCII name whose runs of letters and digits, times the most words a variant maps one
    /// word to, are at most ``maxWords``.
    static func wordsLeftOut(of name: String) -> Int {
        guard name.utf8.count > 2 * maxWords else { return 0 }
        if let runs = asciiWordCount(name), runs * maxVariantWords <= maxWords { return 0 }
        return normalize(name).wordsLeftOut
    }

    /// The most words one word's variant maps to ("jinchukou" → "import export").
    static let maxVariantWords = NameWords.variants.values.map { $0.split(separator: " ").count }.max() ?? 1

    /// How many words ``asciiWords(_:)`` gives (runs of letters and digits, apostrophes inside
    /// them), without making them; nil for a name that is not ASCII.
    static func asciiWordCount(_ name: String) -> Int? {
        var count = 0, inWord = false
        for byte in name.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if !inWord { count += 1 }
                inWord = true
            case UInt8(ascii: "'"), UInt8(ascii: "`"): continue
            default: inWord = false
            }
        }
        return count
    }

    /// The tokens one folded word stands for: its canonical forms that are neither legal forms
    /// nor stop words.
    static func tokens(ofWord word: String) -> [NameToken] {
        canonical(word).filter { !NameWords.legalForms.contains($0) && !NameWords.stopWords.contains($0) }.map(NameToken.init)
    }

    /// One letter (a word of one character that is a letter), byte by byte for ASCII.
    static func isSingleLetter(_ word: String) -> Bool {
        let utf8 = word.utf8
        if utf8.count == 1, let first = utf8.first {
            return (0x61...0x7A).contains(first) || (0x41...0x5A).contains(first)
        }
        if utf8.allSatisfy({ $0 < 0x80 }) { return false }  // several ASCII characters
        return word.count == 1 && word.first!.isLetter
    }

    /// The canonical form(s) of one folded word: variant map, then singular, then the map again.
    static func canonical(_ word: String) -> [String] {
        if let mapped = NameWords.variants[word] { return mapped.split(separator: " ").map(String.init) }
        let singular = singularize(word)
        if let mapped = NameWords.variants[singular] { return mapped.split(separator: " ").map(String.init) }
        return [singular]
    }

    /// "industries" → "industry", "textiles" → "textile"; words of 3 letters or fewer, and words
    /// ending in "ss", "us" or "is", are kept.
    static func singularize(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") else {
            return word
        }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        return String(word.dropLast())
    }

    /// Folded words: lower case without accents, `&` as "and", apostrophes removed.
    static func rawWords(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
        var text = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        for form in chineseLegalForms where text.contains(form) { text = text.replacingOccurrences(of: form, with: " ") }
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "’" || character == "`" {
                continue
            } else {
                if !current.isEmpty { words.append(current); current = "" }
                if character == "&" || character == "+" { words.append("and") }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

extension NameNormalizer {
    /// ``rawWords(_:)`` for ASCII text, over bytes: a CR LF pair, the one ASCII character of two
    /// scalars, is a separator either way.
    static func asciiWords(_ name: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        }
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 0x20)
            case UInt8(ascii: "'"), UInt8(ascii: "`"): continue
            default:
                flush()
                if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "+") { words.append("and") }
            }
        }
        flush()
        return words
    }
}

/// The tokens of folded words already seen in a run (``NameNormalizer/tokens(ofWord:)``):
/// company names repeat a small vocabulary, so most words are looked up, not worked out. A
/// pure cache, bounded at ``capacity`` words.
struct NameWordMemo {
    static let capacity = 1 << 16
    private var known: [String: [NameToken]] = [:]

    mutating func tokens(of word: String) -> [NameToken] {
        if let tokens = known[word] { return tokens }
        let tokens = NameNormalizer.tokens(ofWord: word)
        if known.count < Self.capacity { known[word] = tokens }
        return tokens
    }
}
