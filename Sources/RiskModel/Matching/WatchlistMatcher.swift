import Importers
import SupplyChainModel

/// Matches suppliers to watchlist entries (the embedded UFLPA Entity List and user lists):
/// identifiers first, then normalised names (exact, then word order), then a fuzzy name score,
/// with the analyst's decisions applied last. See docs/METHODOLOGY.md, "Matching".
///
/// Entries are indexed by their distinctive words (and those words' first four letters), so a
/// supplier is scored only against the few names that share such a word: matching 100 000
/// suppliers against a few hundred names costs a few look-ups per supplier, not a full cross
/// product. A word or start held by more than `parameters.commonWordLimit` names (default
/// ``defaultCommonWordLimit``) finds no candidates (a
/// large list whose names share common words would otherwise score every supplier against
/// thousands of them); ``findings`` names those words.
public struct WatchlistMatcher: Sendable {
    /// The most listed names a distinctive word, or a word start, may hold and still find
    /// fuzzy-match candidates, unless `matching.common_word_limit` says otherwise.
    public static let defaultCommonWordLimit = 256
    /// One name or alias of an entry.
    struct ListedName: Sendable {
        var entity: Int32
        var text: String
        var isAlias: Bool
        var normalized: NormalizedName
    }

    /// The entries, in order: embedded lists first, then user lists.
    public let entities: [ListedEntity]
    public let parameters: MatchingParameters
    public let decisions: MatchDecisions
    let names: [ListedName]
    /// Distinctive word → names holding it.
    let byWord: [String: [Int32]]
    /// First four letters of a distinctive word of five letters or more → names.
    let byPrefix: [String: [Int32]]
    /// Sorted-words key → names.
    let byKey: [String: [Int32]]
    /// `scheme:VALUE` → entities.
    let byIdentifier: [String: [Int32]]
    /// Entry id → entities (ids may repeat across lists).
    let byEntryID: [String: [Int32]]
    /// The resolved country of each entity (alpha-2), when its list gives one; the countries
    /// joined with `;` when it gives several (`CN;HK`: OpenSanctions and FollowTheMoney list
    /// an entity's countries, jurisdictions and nationalities together), nil when one of
    /// them names no ISO country.
    let entityCountry: [String?]
    /// Distinctive words and word starts left out of ``byWord`` and ``byPrefix`` because more
    /// than ``crowdedLimit`` names hold them, with how many do (most first).
    let crowdedWords: [(word: String, names: Int)]
    let crowdedPrefixes: Int
    /// Listed names with more than ``NameNormalizer/maxWords`` words, and the first of them.
    let longNames: (count: Int, first: (entry: String, words: Int)?)
    /// Entries without an identifier whose names and aliases have letters or digits but only
    /// legal forms and joining words ("Co., Ltd."): no supplier can match them by name. (Names
    /// without a letter or digit are warned about by the importers, at their lines.)
    let wordlessEntries: (count: Int, first: (entry: String, name: String)?)

    /// - Parameters:
    ///   - entities: the entries to match against.
    ///   - countries: resolves entries' countries for the country check.
    /// - Complexity: O(total length of the names and aliases).
    public init(entities: [ListedEntity], parameters: MatchingParameters, decisions: MatchDecisions = MatchDecisions(), countries: CountryDirectory) {
        self.entities = entities
        self.parameters = parameters
        self.decisions = decisions
        var names: [ListedName] = []
        var byWord: [String: [Int32]] = [:], byPrefix: [String: [Int32]] = [:], byKey: [String: [Int32]] = [:]
        var byIdentifier: [String: [Int32]] = [:], byEntryID: [String: [Int32]] = [:]
        var longNames: (count: Int, first: (entry: String, words: Int)?) = (0, nil)
        var wordlessEntries: (count: Int, first: (entry: String, name: String)?) = (0, nil)
        for (index, entity) in entities.enumerated() {
            let entry = entity.entry
            let namesBefore = names.count
            byEntryID[entry.id, default: []].append(Int32(index))
            for identifier in entry.identifiers {
                if let key = Self.identifierKey(identifier) { byIdentifier[key, default: []].append(Int32(index)) }
            }
            // A name with umlauts is also indexed as German writes it without them (Müller as
            // Mueller); folding alone reads it as Muller.
            let written = [(entry.name, false)] + entry.aliases.map({ ($0, true) })
            for (text, isAlias, form) in written.flatMap({ name, isAlias in
                [(name, isAlias, name)] + (NameNormalizer.umlautsSpelledOut(name).map { [(name, isAlias, $0)] } ?? [])
            }) {
                let normalized = NameNormalizer.normalize(form)
                guard !normalized.tokens.isEmpty else { continue }
                if normalized.wordsLeftOut > 0 {
                    longNames.count += 1
                    if longNames.first == nil { longNames.first = (entry.id, normalized.tokens.count + normalized.wordsLeftOut) }
                }
                let position = Int32(names.count)
                names.append(ListedName(entity: Int32(index), text: text, isAlias: isAlias, normalized: normalized))
                byKey[normalized.sortedKey, default: []].append(position)
                for token in Set(normalized.tokens.filter(\.informative).map(\.text)) {
                    byWord[token, default: []].append(position)
                    if token.unicodeScalars.count >= 5 { byPrefix[String(token.unicodeScalars.prefix(4)), default: []].append(position) }
                }
            }
            if names.count == namesBefore, entry.identifiers.isEmpty,
                UnmatchableEntry.hasWord(entry.name) || entry.aliases.contains(where: UnmatchableEntry.hasWord)
            {
                wordlessEntries.count += 1
                if wordlessEntries.first == nil { wordlessEntries.first = (entry.id, entry.name) }
            }
        }
        self.names = names
        self.longNames = longNames
        self.wordlessEntries = wordlessEntries
        let limit = parameters.commonWordLimit
        crowdedWords = byWord.filter { $0.value.count > limit }.map { (word: $0.key, names: $0.value.count) }
            .sorted { $0.names != $1.names ? $0.names > $1.names : $0.word < $1.word }
        crowdedPrefixes = byPrefix.values.reduce(0) { $0 + ($1.count > limit ? 1 : 0) }
        self.byWord = byWord.filter { $0.value.count <= limit }
        self.byPrefix = byPrefix.filter { $0.value.count <= limit }
        self.byKey = byKey
        self.byIdentifier = byIdentifier
        self.byEntryID = byEntryID
        entityCountry = entities.map { entity in entity.entry.country.flatMap { Self.resolvedCountries($0, countries) } }
    }

    /// Warnings: listed names matched on their first words only, and words too common among
    /// the listed names to find candidates.
    public var findings: [Finding] {
        var findings: [Finding] = []
        if let first = longNames.first {
            findings.append(Finding(
                .warning, code: "long-name",
                "\(longNames.count) watchlist name\(longNames.count == 1 ? " has" : "s have") more than \(NameNormalizer.maxWords) words (the first: entry '\(first.entry)', \(first.words) words); \(longNames.count == 1 ? "it is" : "they are") matched on \(longNames.count == 1 ? "its" : "their") first \(NameNormalizer.maxWords) words",
                at: nil))
        }
        if let first = wordlessEntries.first {
            let count = wordlessEntries.count
            findings.append(Finding(
                .warning, code: "unmatchable-entry",
                "\(count) watchlist entr\(count == 1 ? "y has" : "ies have") names made only of legal forms and joining words and no identifier (the first: entry '\(first.entry)', '\(first.name)'): no supplier can match \(count == 1 ? "it" : "them") by name (only a --decisions confirmation)",
                at: nil))
        }
        return findings + crowdedWordFindings
    }

    /// A warning when some words were too common among the listed names to find candidates.
    private var crowdedWordFindings: [Finding] {
        guard !crowdedWords.isEmpty || crowdedPrefixes > 0 else { return [] }
        let shown = crowdedWords.prefix(5).map { "'\($0.word)' (\($0.names))" }.joined(separator: ", ")
        let words = crowdedWords.isEmpty ? "" : "\(crowdedWords.count) distinctive word\(crowdedWords.count == 1 ? "" : "s") (\(shown)\(crowdedWords.count > 5 ? ", …" : ""))"
        let starts = crowdedPrefixes == 0 ? "" : "\(crowdedPrefixes) four-letter word start\(crowdedPrefixes == 1 ? "" : "s")"
        let both = [words, starts].filter { !$0.isEmpty }.joined(separator: " and ")
        return [Finding(
            .warning, code: "watchlist-common-words",
            "\(both) are each held by more than \(parameters.commonWordLimit) watchlist names (matching.common_word_limit) and find no fuzzy-match candidates: a supplier is compared by fuzzy name only with names sharing a rarer distinctive word; identifiers, exact names and word-order matches are unaffected",
            at: nil)]
    }

    /// Whether an entry id names an entry of these lists.
    public func hasEntry(id: String) -> Bool { byEntryID[id] != nil }

    /// The matches of one supplier at or above the review threshold, strongest first: matches
    /// before possible matches, then by score, then in entry order. Rejected pairs are left out.
    ///
    /// - Parameter alpha2: the supplier's resolved country, for the country check.
    /// - Complexity: O(words of the name + candidate names sharing a distinctive word).
    public func matches(for supplier: Supplier, alpha2: String?) -> [WatchlistMatch] {
        var memo = NameMatchMemo()
        return matches(for: supplier, alpha2: alpha2, memo: &memo)
    }

    /// ``matches(for:alpha2:)`` with the run's memo of names and normalised words.
    func matches(for supplier: Supplier, alpha2: String?, memo: inout NameMatchMemo) -> [WatchlistMatch] {
        var best: [Int32: WatchlistMatch] = [:]
        func offer(_ match: WatchlistMatch) {
            if let current = best[Int32(match.entity)], !Self.isBetter(match, than: current) { return }
            best[Int32(match.entity)] = match
        }

        // 1. Identifiers (the list of a supplier's identifiers is made only when some entry has one).
        if !byIdentifier.isEmpty {
            for (scheme, value) in [("uei", supplier.uei), ("lei", supplier.lei), ("duns", supplier.duns)] {
                guard let value, let key = Self.identifierKey("\(scheme):\(value)") else { continue }
                for entity in byIdentifier[key] ?? [] {
                    offer(makeMatch(entity: Int(entity), name: entities[Int(entity)].entry.name, method: .identifier, score: 1, strength: .match, notes: [scheme.uppercased()]))
                }
            }
        }

        // 2. Names: exact and word-order keys, then fuzzy candidates sharing a distinctive word.
        for match in nameMatches(supplier.name, alpha2: alpha2, memo: &memo) { offer(match) }

        // 3. The analyst's decisions: confirmed pairs are hard matches, rejected pairs never match.
        var result: [WatchlistMatch] = []
        for decision in decisions.isEmpty ? [] : decisions.decisions(supplierID: supplier.id) where decision.kind == .confirm {
            for entity in byEntryID[decision.entryID] ?? [] {
                let computed = best[entity]
                best[entity] = makeMatch(
                    entity: Int(entity), name: computed?.matchedName ?? entities[Int(entity)].entry.name, method: .analystConfirmed,
                    score: 1, strength: .match,
                    notes: ["\(decision.location)"] + (computed.map { ["model: \($0.method.rawValue) \(Formatting.fixed($0.score, 2))"] } ?? []))
            }
        }
        for (entity, match) in best {
            if !decisions.isEmpty, let decision = decisions.decision(supplierID: supplier.id, entryID: entities[Int(entity)].entry.id),
                decision.kind == .reject { continue }
            result.append(match)
        }
        if result.count < 2 { return result }
        return result.sorted { a, b in Self.isBetter(a, than: b) || (!Self.isBetter(b, than: a) && a.entity < b.entity) }
    }

    /// The name matches of a name in a country, in the order they are offered (candidates
    /// by exact key, then by word): from the memo when the same name and country were seen.
    ///
    /// The memo keeps a name's matches before the country check (which only adds a note and
    /// lowers the strength, last of all), so that a name met in several countries is matched once.
    func nameMatches(_ name: String, alpha2: String?, memo: inout NameMatchMemo) -> [WatchlistMatch] {
        let key = NameMatchMemo.Key(name: name)
        var found: [WatchlistMatch]
        if let known = memo.names[key] {
            found = known
        } else {
            found = nameMatches(NameNormalizer.normalize(name, words: &memo.words), alpha2: nil)
            // Umlauts spelled out too (a listed Mueller for a supplier Müller); the caller keeps
            // the better of two matches to one entry.
            if let spelled = NameNormalizer.umlautsSpelledOut(name) {
                found += nameMatches(NameNormalizer.normalize(spelled, words: &memo.words), alpha2: nil)
            }
            if memo.names.count < NameMatchMemo.capacity { memo.names[key] = found }
        }
        guard let alpha2, !found.isEmpty else { return found }
        return found.map { checkCountry($0, alpha2: alpha2) }
    }

    /// The alpha-2 codes of a listed entry's `country`, one or several `;`-separated values,
    /// without repeats, joined with `;`; nil when a value names no ISO country.
    static func resolvedCountries(_ text: String, _ countries: CountryDirectory) -> String? {
        guard text.contains(";") else { return countries.resolve(text)?.alpha2 }
        var codes: [String] = []
        for part in text.split(separator: ";") where !part.allSatisfy(\.isWhitespace) {
            guard let code = countries.resolve(String(part))?.alpha2 else { return nil }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes.isEmpty ? nil : codes.joined(separator: ";")
    }

    /// A name match with the country check applied: when the listed entry names other countries
    /// than the supplier's, a note says so and the match is only possible.
    func checkCountry(_ match: WatchlistMatch, alpha2: String) -> WatchlistMatch {
        guard let listedCountry = entityCountry[match.entity], listedCountry != alpha2,
            !listedCountry.split(separator: ";").contains(Substring(alpha2))
        else { return match }
        var checked = match
        checked.notes.append("country differs: entry \(listedCountry), supplier \(alpha2)")
        checked.strength = .possible
        return checked
    }

    /// The name matches of a normalised name in a country, in the order they are offered.
    func nameMatches(_ name: NormalizedName, alpha2: String?) -> [WatchlistMatch] {
        guard !name.tokens.isEmpty else { return [] }
        var candidates: [Int32] = byKey[name.sortedKey] ?? []
        for token in name.tokens where token.informative {
            candidates += byWord[token.text] ?? []
            if token.scalars.count >= 5 { candidates += byPrefix[String(token.text.unicodeScalars.prefix(4))] ?? [] }
        }
        var found: [WatchlistMatch] = []
        var seen = Set<Int32>(minimumCapacity: candidates.count)
        // Listed names are read in place: a copy of each candidate retained its text, words and key.
        names.withUnsafeBufferPointer { names in
            for position in candidates where seen.insert(position).inserted {
                if let match = score(name, against: names.baseAddress! + Int(position), alpha2: alpha2) { found.append(match) }
            }
        }
        return found
    }

    /// The name score of a supplier's name against one listed name, or nil below the review threshold.
    func score(_ supplier: NormalizedName, against listed: UnsafePointer<ListedName>, alpha2: String?) -> WatchlistMatch? {
        let entity = Int(listed.pointee.entity)
        var method: MatchMethod
        var score: Double
        var strong: Bool
        // Lengths first: most candidates differ, and comparing shared strings from several
        // workers at once counts references to them.
        if supplier.sortedKey.utf8.count == listed.pointee.normalized.sortedKey.utf8.count,
            supplier.sortedKey == listed.pointee.normalized.sortedKey
        {
            // A one-word generic name ("Trading") is no evidence at all.
            if supplier.informativeCount < parameters.minInformativeTokens && supplier.tokens.count < 2 { return nil }
            method = supplier.orderedKey == listed.pointee.normalized.orderedKey ? .exactName : .tokenSort
            score = 1
            strong = supplier.informativeCount >= parameters.minInformativeTokens
        } else {
            let measure = supplier.tokens.withUnsafeBufferPointer { a in
                listed.pointee.normalized.tokens.withUnsafeBufferPointer { b in
                    NameSimilarity.measure(a, b, wordThreshold: parameters.wordSimilarity, atLeast: parameters.reviewThreshold)
                }
            }
            guard let measured = measure, measured.sharedInformative > 0, measured.score >= parameters.reviewThreshold else { return nil }
            method = .fuzzy
            score = measured.score
            strong = score >= parameters.matchThreshold && measured.allInformativeMatched
                && supplier.informativeCount >= parameters.minInformativeTokens
        }
        var notes: [String] = listed.pointee.isAlias ? ["alias"] : []
        if supplier.informativeCount < parameters.minInformativeTokens { notes.append("generic name") }
        let match = makeMatch(entity: entity, name: listed.pointee.text, method: method, score: score, strength: strong ? .match : .possible, notes: notes)
        return alpha2.map { checkCountry(match, alpha2: $0) } ?? match
    }

    func makeMatch(entity: Int, name: String, method: MatchMethod, score: Double, strength: MatchStrength, notes: [String]) -> WatchlistMatch {
        let entry = entities[entity].entry
        return WatchlistMatch(entity: entity, entryID: entry.id, list: entry.list, matchedName: name, method: method, score: score, strength: strength, notes: notes)
    }

    /// Matches before possible matches, then the higher score.
    static func isBetter(_ a: WatchlistMatch, than b: WatchlistMatch) -> Bool {
        if a.strength != b.strength { return a.strength == .match }
        return a.score > b.score
    }

    /// `scheme:VALUE` with the scheme in lower case and the value in upper case without spaces,
    /// dots or hyphens (`uei`, `lei`, `duns`; an `id:` value as `lei:` or `uei:` when it can
    /// only be one of them); nil for another scheme, an `id:` value of any other shape (a
    /// registration or tax number, or nine digits, which may as well not be a DUNS number) or an
    /// empty value.
    static func identifierKey(_ identifier: String) -> String? {
        let parts = identifier.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let scheme = parts[0].lowercased().trimmingWhitespaceAndNewlines()
        let value = parts[1].uppercased().filter { $0.isLetter || $0.isNumber }
        guard !value.isEmpty else { return nil }
        if ["uei", "lei", "duns"].contains(scheme) { return "\(scheme):\(value)" }
        // `id:` is an identifier whose scheme the list did not say (OpenSanctions'
        // `targets.simple.csv`): matched when its value can only be an LEI or a UEI.
        guard scheme == "id" else { return nil }
        if isLEI(value) { return "lei:\(value)" }
        if isUEI(value) { return "uei:\(value)" }
        return nil
    }

    /// A Legal Entity Identifier (ISO 17442): 20 ASCII letters and digits whose ISO 7064
    /// MOD 97-10 check (letters as 10…35) leaves 1. `value` is upper case.
    static func isLEI(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 20 else { return false }
        var remainder = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): remainder = (remainder * 10 + Int(byte - UInt8(ascii: "0"))) % 97
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): remainder = (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
            default: return false
            }
        }
        return remainder == 1
    }

    /// The shape of a SAM.gov Unique Entity ID (GSA's published rules): 12 ASCII letters and
    /// digits, no `I` or `O`, not starting with `0`, and no run of nine digits (which a DUNS
    /// number or a TIN would be). `value` is upper case.
    static func isUEI(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 12, bytes[0] != UInt8(ascii: "0") else { return false }
        var digitRun = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digitRun += 1
                if digitRun == 9 { return false }
            case UInt8(ascii: "I"), UInt8(ascii: "O"): return false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digitRun = 0
            default: return false
            }
        }
        return true
    }
}
