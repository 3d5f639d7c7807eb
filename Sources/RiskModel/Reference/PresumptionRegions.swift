import Foundation
import Importers

/// A place under a statutory presumption of forced labor that a supplier's region or address names.
public struct RegionMatch: Sendable, Hashable {
    /// `CN-XJ`.
    public var regionID: String
    /// The variant found, as the table writes it ("XUAR", "Urumqi").
    public var variant: String
    /// Which supplier field held it: `region` or `address`.
    public var field: String
    /// That field's text as written.
    public var written: String
    /// The table row's line in `presumption_regions.csv`.
    public var line: Int
}

/// The UFLPA presumption region (Xinjiang Uyghur Autonomous Region) and its name variants, from
/// `Datasets/reference/presumption_regions.csv`. Variants match as whole words; place names
/// (the address-matching aid) need China context, region names need no contrary country.
public struct PresumptionRegions: Sendable {
    /// The statute behind the presumption.
    public static let basis = "UFLPA (Public Law 117-78) sec. 3 rebuttable presumption"

    struct Variant: Sendable {
        var regionID: String
        var alpha2: String
        var text: String
        /// Normalised words; empty for variants in a script without spaces (新疆), matched as substrings.
        var words: [Substring]
        /// A name of the region itself (not a place inside it): matches without an explicit country.
        var namesRegion: Bool
        var line: Int
    }
    let variants: [Variant]

    /// - Parameter records: `region_id,alpha2,name_variant,basis` (header first).
    init(records: [CSVRecord]) {
        variants = records.dropFirst().filter { $0.fields.count >= 4 }.map { record in
            let text = record.fields[2]
            let words = Self.words(text)
            let spaced = !text.unicodeScalars.contains(where: Self.isCJK)
            return Variant(
                regionID: record.fields[0], alpha2: record.fields[1], text: text, words: spaced ? words : [],
                namesRegion: record.fields[3].hasPrefix("UFLPA"), line: record.line)
        }
    }

    /// The first variant named in `region`, then in `address`.
    ///
    /// - Parameters:
    ///   - alpha2: the supplier's resolved country; nil when missing or unknown.
    /// - Returns: nil when no variant matches, or the country is another one than the region's.
    public func match(region: String?, address: String?, alpha2: String?) -> RegionMatch? {
        for (field, text) in [("region", region), ("address", address)] {
            guard let text, !text.isEmpty else { continue }
            let words = Self.words(text)
            // China context: the country, or "China" written in the text itself.
            let contextCountry = alpha2 ?? (words.contains("china") || (!text.utf8.allSatisfy { $0 < 0x80 } && text.contains("中国")) ? "CN" : nil)
            for variant in variants {
                if let contextCountry, contextCountry != variant.alpha2 { continue }
                if contextCountry == nil && !variant.namesRegion { continue }
                let found = variant.words.isEmpty ? text.contains(variant.text) : Self.contains(words, variant.words)
                if found { return RegionMatch(regionID: variant.regionID, variant: variant.text, field: field, written: text, line: variant.line) }
            }
        }
        return nil
    }

    /// Runs of letters and numbers, case and accents folded (byte by byte for ASCII text, which
    /// folding only lower-cases).
    static func words(_ text: String) -> [Substring] {
        if let ascii = ASCIIText(text) {
            return ASCIIText.words(ascii.bytes[...], isWordByte: ASCIIText.isAlphanumeric).map { Substring(String(decoding: $0, as: UTF8.self)) }
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x3040...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
    }

    /// Whether `needle` occurs as consecutive words of `haystack`.
    static func contains(_ haystack: [Substring], _ needle: [Substring]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if zip(haystack[start...], needle).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
    }
}
