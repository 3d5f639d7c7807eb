import Foundation
import Importers

/// An ISO 3166-1 country. One shared instance per country of the directory, so that each of
/// the run's intrinsic risks and facts refers to its country in 8 bytes instead of holding
/// three strings; equal and hashed by value, as a struct would be.
public final class Country: Sendable, Hashable {
    public let alpha2: String
    public let alpha3: String
    public let name: String

    init(alpha2: String, alpha3: String, name: String) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.name = name
    }

    public static func == (lhs: Country, rhs: Country) -> Bool {
        lhs === rhs || (lhs.alpha2 == rhs.alpha2 && lhs.alpha3 == rhs.alpha3 && lhs.name == rhs.name)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(alpha2)
        hasher.combine(alpha3)
        hasher.combine(name)
    }
}

/// Resolves what people write for a country (alpha-2, alpha-3, English names and their
/// variants) to one ISO 3166-1 country, from `Datasets/reference/countries.csv` and
/// `country_names.csv`. Unknown names resolve to nil: never a guess.
public struct CountryDirectory: Sendable {
    private var byAlpha2: [String: Country] = [:]
    private var alpha3: [String: String] = [:]
    private var names: [String: String] = [:]

    /// - Parameters:
    ///   - countries: records of `alpha2,alpha3,numeric,name` (header first).
    ///   - names: records of `name,alpha2` (header first).
    init(countries: [CSVRecord], names nameRecords: [CSVRecord]) {
        for record in countries.dropFirst() where record.fields.count >= 4 {
            let country = Country(alpha2: record.fields[0], alpha3: record.fields[1], name: record.fields[3])
            byAlpha2[country.alpha2] = country
            alpha3[country.alpha3] = country.alpha2
            names[Self.normalise(country.name)] = country.alpha2
        }
        for record in nameRecords.dropFirst() where record.fields.count >= 2 && byAlpha2[record.fields[1]] != nil {
            let key = Self.normalise(record.fields[0])
            if names[key] == nil { names[key] = record.fields[1] }
        }
    }

    /// All countries, by alpha-2 code.
    public var countries: [Country] { byAlpha2.values.sorted { $0.alpha2 < $1.alpha2 } }

    /// The country with this alpha-2 code.
    public func country(alpha2 code: String) -> Country? { byAlpha2[code] }

    /// The country `text` names, or nil when it names none. An abbreviation written with dots
    /// (`U.S.A.`, `U.S.`, `U. K.`) names what its letters name (`USA`, `US`, `UK`); one whose
    /// letters name no country stays unknown.
    public func resolve(_ text: String) -> Country? {
        if let country = resolveAsWritten(text) { return country }
        return Self.undotted(text).flatMap(resolveAsWritten)
    }

    /// The letters of `text` when it is an abbreviation with dots: two or more single letters,
    /// each followed by a dot (the last one's is optional) and maybe spaces; nil otherwise.
    static func undotted(_ text: String) -> String? {
        var letters = ""
        var dots = 0
        var expectingLetter = true
        for character in text.trimmingCharacters(in: .whitespacesAndNewlines) {
            if character == " " {
                // Only after a dot (`U. S.`).
                guard expectingLetter, dots > 0 else { return nil }
            } else if expectingLetter {
                guard character.isLetter else { return nil }
                letters.append(character)
                expectingLetter = false
            } else if character == "." {
                dots += 1
                expectingLetter = true
            } else {
                return nil
            }
        }
        guard letters.count >= 2, dots >= letters.count - 1 else { return nil }
        return letters
    }

    private func resolveAsWritten(_ text: String) -> Country? {
        if let ascii = ASCIIText(text) { return resolve(ascii: ascii) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let upper = trimmed.uppercased()
        if upper.count == 2, let country = byAlpha2[upper] { return country }
        if upper.count == 3, let code = alpha3[upper] { return byAlpha2[code] }
        return names[Self.normalise(trimmed)].flatMap { byAlpha2[$0] }
    }

    /// ``resolve(_:)`` for ASCII text: the same steps over bytes, without Foundation.
    private func resolve(ascii text: ASCIIText) -> Country? {
        let trimmed = text.trimmed
        if trimmed.count == 2 || trimmed.count == 3 {
            let upper = String(decoding: trimmed.map(ASCIIText.upper), as: UTF8.self)
            if trimmed.count == 2, let country = byAlpha2[upper] { return country }
            if trimmed.count == 3, let code = alpha3[upper] { return byAlpha2[code] }
        }
        return names[Self.normalise(ascii: trimmed)].flatMap { byAlpha2[$0] }
    }

    /// Case, accents, punctuation, a leading or parenthesised "the" and extra spaces removed.
    static func normalise(_ name: String) -> String {
        if let ascii = ASCIIText(name) { return normalise(ascii: ascii.bytes[...]) }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [Substring] = []
        for word in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            words.append(word)
        }
        if words.first == "the" { words.removeFirst() }
        if words.last == "the" { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// ``normalise(_:)`` for ASCII bytes: lower case, words of letters and digits.
    static func normalise(ascii bytes: ArraySlice<UInt8>) -> String {
        var words = ASCIIText.words(bytes) { ASCIIText.isAlphanumeric($0) }
        if words.first == Array("the".utf8) { words.removeFirst() }
        if words.last == Array("the".utf8) { words.removeLast() }
        return ASCIIText.joined(words)
    }
}
