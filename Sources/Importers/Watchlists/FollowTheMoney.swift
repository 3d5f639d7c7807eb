import Foundation
import SupplyChainModel

/// Reads FollowTheMoney entities, one JSON object per line (OpenSanctions `entities.ftm.json`),
/// as watchlist entries, streaming line by line.
///
/// Every line is counted. A line that is not a JSON object with `id` and `schema` is
/// rejected (`invalid-json`) with its line number. Entities with `"target": true` (or without
/// a `target` key) become entries: `name` = `caption` (else the first `name`), `aliases` = the
/// other `name`, `alias`, `previousName` and `weakAlias` values, `country` = `country`,
/// `jurisdiction` or `nationality` values joined with `;`, `list` = `datasets`, `date_added` =
/// the date of `first_seen`, identifiers from `registrationNumber` (`registration:`),
/// `taxNumber` (`tax:`), `leiCode` (`lei:`), `uniqueEntityId` (`uei:`), `dunsCode` (`duns:`),
/// `innCode` (`inn:`), `ogrnCode` (`ogrn:`). Related entities (`Sanction`, `Address`,
/// `Ownership`, …; `"target": false`) are accepted lines that make no entry of their own; a
/// `Sanction` whose `programId` is `US-UFLPA` makes its target a hard flag. A line whose `id`
/// an earlier line of the file used is rejected (`duplicate-id`, naming the first line), and
/// so is an entry whose `first_seen` is not a date (`invalid-date`). A `target` written as the
/// string `"true"` or `"false"` is that boolean; any other non-boolean (`"no"`, `0`) rejects the
/// line (`invalid-value`). A line of blank bytes only (``CSVRecord/isBlankByte(_:)``: white
/// space, form feed, vertical tab, Ctrl-Z) is blank.
public enum FollowTheMoney {
    static let identifierSchemes = [
        "registrationNumber": "registration", "taxNumber": "tax", "leiCode": "lei", "uniqueEntityId": "uei",
        "dunsCode": "duns", "innCode": "inn", "ogrnCode": "ogrn",
    ]

    /// Reads `path`.
    /// - Throws: ``InputError`` when the file cannot be read, or a line is longer than
    ///   `limits.maxFieldBytes` or there are more than `limits.maxRecords` lines.
    /// - Parameter dateOrder: how a `first_seen` with slashes is read (see ``ImportOptions/dateOrder``).
    public static func entries(path: String, limits: ImportLimits = .default, dateOrder: DateOrder = .mdy) throws -> ImportResult<WatchlistEntry> {
        var rows = RowAccumulator<WatchlistEntry>(path: path, dateOrder: dateOrder)
        var hard: Set<String> = []
        var related = 0
        var ids = IDRegistry()
        try LineReader(path: path, limits: limits).forEachLine { line, bytes in
            // Blank as a CSV row is: white space, form feed, vertical tab or the DOS end-of-file
            // mark 0x1A (Ctrl-Z) only.
            if bytes.allSatisfy(CSVRecord.isBlankByte) {
                rows.summary.read += 1
                rows.summary.blank += 1
                return
            }
            let raw = CSVRecord(line: line, fields: [String(decoding: bytes.prefix(200), as: UTF8.self)])
            guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) else {
                rows.rejectRead(raw, Self.unreadable(bytes))
                return
            }
            guard let object = json as? [String: Any],
                let id = object["id"] as? String, !id.trimmingWhitespace().isEmpty, let schema = object["schema"] as? String
            else {
                rows.rejectRead(raw, RowRejection("invalid-json", "not a FollowTheMoney entity (a JSON object with \"id\" and \"schema\")"))
                return
            }
            if let first = ids.line(of: id) {
                rows.rejectRead(raw, IDRegistry.repeated(id, column: "id", number: nil, line: first))
                return
            }
            let isTarget: Bool
            switch Self.target(object["target"]) {
            case .some(let value): isTarget = value
            case .none:
                rows.rejectRead(raw, RowRejection(
                    "invalid-value", "entity '\(id)': 'target' is \(Self.written(object["target"]!)); expected true or false"))
                return
            }
            let properties = object["properties"] as? [String: Any] ?? [:]
            func values(_ key: String) -> [String] { Self.strings(properties[key]) }
            if schema == "Sanction" {
                if values("programId").contains("US-UFLPA") { hard.formUnion(values("entity")) }
            } else if Self.hasNestedUFLPASanction(properties) {
                hard.insert(id)
            }
            // An accepted line's id is taken (a rejected line's is not, as in the CSV formats).
            func register() {
                if let warning = ids.register(id, what: "id", at: SourceLocation(file: path, line: line)) { rows.findings.append(warning) }
            }
            guard isTarget else {
                register()
                rows.summary.read += 1
                rows.summary.accepted += 1
                related += 1
                return
            }
            let names = values("name")
            // A blank caption or name is no name (the native watchlist rejects an empty one).
            guard let name = ([object["caption"] as? String].compactMap { $0 } + names).first(where: { !$0.trimmingWhitespace().isEmpty }) else {
                rows.rejectRead(raw, RowRejection("missing-value", "entity '\(id)' has no caption and no name"))
                return
            }
            var aliases: [String] = []
            for alias in names + values("alias") + values("previousName") + values("weakAlias") where alias != name && !aliases.contains(alias) {
                aliases.append(alias)
            }
            let countries = values("country") + values("jurisdiction") + values("nationality")
            var identifiers: [String] = []
            for (key, scheme) in identifierSchemes.sorted(by: { $0.key < $1.key }) {
                identifiers += values(key).map { "\(scheme):\($0)" }
            }
            var dateAdded: String?
            if let value = object["first_seen"], !(value is NSNull) {
                let text = value as? String
                switch text.map({ rows.dates.read($0, column: "first_seen", line: line, number: nil) }) ?? .invalid {
                case .date(let date, _):
                    dateAdded = date
                case .otherOrder:
                    rows.rejectRead(raw, RowRejection("invalid-date", "entity '\(id)': " + Row.otherOrderMessage("first_seen", text!, order: dateOrder)))
                    return
                case .invalid:
                    rows.rejectRead(raw, RowRejection("invalid-date", "entity '\(id)': 'first_seen' is \(Self.written(value)); expected a date as YYYY-MM-DD"))
                    return
                }
            }
            let datasets = object["datasets"] as? [String] ?? []
            register()
            if let warning = UnmatchableEntry.warning(id: id, name: name, aliases: aliases, identifiers: identifiers, at: SourceLocation(file: path, line: line)) {
                rows.findings.append(warning)
            }
            rows.accept(WatchlistEntry(
                id: id, name: name, aliases: aliases, country: countries.isEmpty ? nil : countries.joined(separator: ";"),
                list: datasets.isEmpty ? "OpenSanctions" : datasets.joined(separator: ";"),
                dateAdded: dateAdded,
                source: "https://www.opensanctions.org/entities/\(id)/", identifiers: identifiers, isHardFlag: false,
                location: SourceLocation(file: path, line: line)))
        }
        var result = rows.finish()
        for i in result.records.indices where hard.contains(result.records[i].id) { result.records[i].isHardFlag = true }
        if related > 0 {
            result.findings.append(Finding(.note, code: "related-entities", "\(related) related entities (sanctions, addresses, links) were read to enrich their targets; they are not entries themselves", at: SourceLocation(file: path, line: 0)))
        }
        return result
    }

    /// Whether an entity is a target: a JSON boolean, or the string `true` or `false` in any case
    /// (white space around it ignored); none or `null` is a target. Anything else (`"no"`, `0`,
    /// a list) is nil: the line is rejected rather than read as a target.
    static func target(_ value: Any?) -> Bool? {
        switch value {
        case nil, is NSNull: return true
        case let text as String:
            switch text.trimmingWhitespace().lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        case let number as NSNumber where Self.isJSONBoolean(number): return number.boolValue
        default: return nil
        }
    }

    /// Whether `number` is a JSON `true` or `false` rather than a number (`0` and `1` are not,
    /// though Foundation casts them to `Bool`): JSONSerialization makes booleans of type `c`
    /// and numbers of types `i`, `q` or `d`.
    static func isJSONBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// The text values of a property: its list's strings (a nested entity in it is no text),
    /// or a single string written without the list.
    static func strings(_ value: Any?) -> [String] {
        switch value {
        case let list as [Any]: list.compactMap { $0 as? String }
        case let text as String: [text]
        default: []
        }
    }

    /// Whether an entity of OpenSanctions' nested export (`targets.nested.json`, one target per
    /// line with its `Sanction` entities inside its `sanctions` property, and no `entity`
    /// back-reference in them) holds a sanction whose `programId` is `US-UFLPA`.
    static func hasNestedUFLPASanction(_ properties: [String: Any]) -> Bool {
        guard let sanctions = properties["sanctions"] as? [Any] else { return false }
        return sanctions.contains { sanction in
            guard let sanction = sanction as? [String: Any], let inner = sanction["properties"] as? [String: Any] else { return false }
            return strings(inner["programId"]).contains("US-UFLPA")
        }
    }

    /// Why a line that JSON could not parse is rejected: bytes that are not UTF-8 (JSON's
    /// encoding; a file saved as Latin-1), with the column of the first, or text that is not JSON.
    static func unreadable(_ bytes: ArraySlice<UInt8>) -> RowRejection {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput:
                return RowRejection("invalid-json", "the line is not valid JSON (cut short, or not one object per line?); a FollowTheMoney line is one JSON object")
            case .error:
                let byte = bytes[bytes.startIndex + offset]
                return RowRejection(
                    "invalid-json", "the line is not UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))): JSON lines are read as UTF-8 only; save the file as UTF-8",
                    column: offset + 1)
            }
        }
    }

    /// A JSON value as a message quotes it: a string in quotes, anything else as JSON writes it.
    static func written(_ value: Any) -> String {
        if let text = value as? String { return "'\(text)'" }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]), let text = String(data: data, encoding: .utf8) {
            return text
        }
        return "\(value)"
    }
}

/// Reads a file line by line (LF, CRLF or a lone CR, as CSV files; a JSON string holds no raw
/// CR), streaming, with 1-based line numbers; a line longer than `limits.maxFieldBytes` or
/// more than `limits.maxRecords` lines is a fatal error.
struct LineReader {
    let path: String
    var limits = ImportLimits.default

    func forEachLine(_ body: (Int, ArraySlice<UInt8>) throws -> Void) throws {
        let file = try InputFile(path: path)
        defer { file.close() }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var carry: [UInt8] = []
        var line = 1
        var first = true
        // Whether `carry` ends with a CR whose LF may be the next read's first byte.
        var pendingCR = false
        while true {
            let count = try file.read(into: &chunk)
            if count == 0 { break }
            carry += chunk[0..<count]
            if first, carry.starts(with: [0xEF, 0xBB, 0xBF]) { carry.removeFirst(3) }
            first = false
            var start = 0
            // Only the new bytes (and a CR left at the end of the last ones) can end a line.
            var searchFrom = max(0, carry.count - count - (pendingCR ? 1 : 0))
            pendingCR = false
            while let end = carry[searchFrom...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                var next = end + 1
                if carry[end] == 0x0D {
                    if next == carry.count {
                        pendingCR = true
                        break
                    }
                    if carry[next] == 0x0A { next += 1 }
                }
                try check(line: line, length: end - start)
                try body(line, carry[start..<end])
                line += 1
                start = next
                searchFrom = start
            }
            carry.removeFirst(start)
            try check(line: line, length: carry.count - (pendingCR ? 1 : 0))
        }
        if pendingCR { carry.removeLast() }
        if !carry.isEmpty { try body(line, carry[...]) }
    }

    private func check(line: Int, length: Int) throws {
        if length > limits.maxFieldBytes {
            throw limits.fieldTooLarge(at: SourceLocation(file: path, line: line), what: "a line")
        }
        if line > limits.maxRecords { throw limits.tooManyRecords(at: SourceLocation(file: path, line: line)) }
    }
}
