import SupplyChainModel

/// A column an importer understands: its canonical name and the spellings it also accepts.
public struct ColumnSpec: Sendable {
    /// The canonical name, as documented in docs/FORMATS.md.
    public var name: String
    /// Other header spellings read as this column.
    public var aliases: [String]

    public init(_ name: String, aliases: [String] = []) {
        self.name = name
        self.aliases = aliases
    }
}

/// Maps the header row of a CSV file to the columns an importer knows.
///
/// Header names are compared after normalisation (case, spaces, hyphens and punctuation do not
/// matter: `Supplier ID`, `supplier-id` and `SUPPLIER_ID` are the same column).
struct HeaderMap {
    /// Canonical column name → position: the definition ``index(of:)`` answers by.
    private(set) var positions: [String: Int] = [:]
    /// ``positions``, for the lookups of every row.
    private var table = ColumnTable([:])
    /// Notes about header cells that no column uses.
    private(set) var findings: [Finding] = []
    /// The header's cells up to its last named one: values past it are extra fields (a header
    /// cell with no name, as a trailing delimiter leaves, names no column).
    let width: Int
    /// The header's cells as written (trimmed, without a byte-order mark), to tell a data row
    /// that repeats them (two downloads joined with `cat`, each with its header); nil when the
    /// header was not read from the file (native XML).
    let cells: [String]?

    /// - Throws: ``InputError`` `missing-column` naming the file, the columns found, the columns
    ///   expected and the closest match, when a required column (or every column of a required
    ///   group) is absent; `duplicate-column` when two header cells name the same column.
    /// - Parameter renames: normalised header name → normalised canonical column (`--map`).
    /// - Parameter fromFile: whether `header` is the file's own header row (see ``cells``).
    init(header: CSVRecord, file: String, columns: [ColumnSpec], required: [[String]], renames: [String: String] = [:], fromFile: Bool = true) throws {
        let named = header.fields.map { renames[Self.normalise($0)] ?? Self.normalise($0) }.map { !$0.isEmpty }
        width = (named.lastIndex(of: true) ?? -1) + 1
        cells = fromFile ? header.fields.map { Self.withoutMark($0).trimmingWhitespace() } : nil
        var lookup: [String: String] = [:]
        for column in columns {
            lookup[Self.normalise(column.name)] = column.name
            for alias in column.aliases { lookup[Self.normalise(alias)] = column.name }
        }
        let location = SourceLocation(file: file, line: header.line)
        var unknown: [String] = []
        for (index, cell) in header.fields.enumerated() {
            var key = Self.normalise(cell)
            let renamed = renames[key]
            if let renamed { key = renamed }
            if key.isEmpty { continue }
            guard let name = lookup[key] else {
                unknown.append(cell)
                if let renamed { findings.append(Self.unknownTarget(cell: cell, target: renamed, columns: columns, at: location)) }
                continue
            }
            if let first = positions[name] {
                throw InputError(
                    code: "duplicate-column",
                    "columns \(first + 1) and \(index + 1) both name '\(name)'; keep one of them",
                    at: SourceLocation(file: file, line: header.line, column: nil))
            }
            positions[name] = index
        }
        for group in required where !group.contains(where: { positions[$0] != nil }) {
            // A wide export (USAspending: ~290 columns) is named by its first cells and a count,
            // as in the unknown-column note: the message stays one readable line.
            let cells = header.fields.filter { !$0.isEmpty }
            let more = cells.count > Self.unknownListed ? " and \(cells.count - Self.unknownListed) more" : ""
            let found = cells.prefix(Self.unknownListed).map { "'\($0)'" }.joined(separator: ", ") + more
            let expected = columns.map(\.name).joined(separator: ", ")
            let wanted = group.count == 1 ? "required column '\(group[0])'" : "one of the columns " + group.map { "'\($0)'" }.joined(separator: ", ")
            var message = "missing \(wanted); found \(found.isEmpty ? "no columns" : found); expected columns: \(expected)"
            if let suggestion = Self.closest(to: group, among: unknown) {
                message += "; did you mean '\(suggestion)' for '\(group[0])'?"
            }
            throw InputError(code: "missing-column", message, at: location)
        }
        table = ColumnTable(positions)
        // Unnamed cells between named ones: their values cannot be read, and say so once.
        let unnamed = (0..<width).filter { !named[$0] }.map { $0 + 1 }
        if !unnamed.isEmpty {
            let listed = unnamed.prefix(Self.unknownListed).map(String.init).joined(separator: ", ")
            let more = unnamed.count > Self.unknownListed ? " and \(unnamed.count - Self.unknownListed) more" : ""
            findings.append(Finding(
                .note, code: "unnamed-column",
                (unnamed.count == 1 ? "column \(listed) has" : "columns \(listed)\(more) have")
                    + " no name in the header; \(unnamed.count == 1 ? "its" : "their") values are ignored",
                at: location))
        }
        if !unknown.isEmpty {
            let listed = unknown.prefix(Self.unknownListed).map { "'\($0)'" }.joined(separator: ", ")
            let more = unknown.count > Self.unknownListed ? " and \(unknown.count - Self.unknownListed) more" : ""
            findings.append(Finding(
                .note, code: "unknown-column",
                "ignoring column\(unknown.count == 1 ? "" : "s") " + listed + more
                    + " (known columns: \(columns.map(\.name).joined(separator: ", ")))",
                at: location))
        }
    }

    /// A `--map` that renames a column of this file to a name that is not one of its fields
    /// (a typo such as `Land=cuntry`): the column would be ignored with only a note.
    static func unknownTarget(cell: String, target: String, columns: [ColumnSpec], at location: SourceLocation) -> Finding {
        var message = "--map renames column '\(cell)' to '\(target)', which is not a field of this file; the column is ignored (fields: \(columns.map(\.name).joined(separator: ", ")))"
        if let suggestion = closest(to: [target], among: columns.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
        return Finding(.warning, code: "unknown-mapping", message, at: location)
    }

    /// Unknown header cells named in the note; wide exports (USAspending has ~290 columns) get
    /// a count for the rest.
    static let unknownListed = 12

    /// The position of `column` in each record, if the header has it.
    func index(of column: String) -> Int? {
        switch table.index(of: column) {
        case .position(let index): return index
        case .absent: return nil
        case .unknown: return positions[column]
        }
    }

    /// Whether `fields`, a data row, repeat the header cell for cell (trimmed, a byte-order
    /// mark before the first ignored).
    /// - Complexity: O(1) for a row whose first cell differs from the header's (nearly all).
    func repeatsHeader(_ fields: [String]) -> Bool {
        guard let cells, fields.count == cells.count, let first = fields.first else { return false }
        guard first.trimmingWhitespace() == cells[0] || Self.withoutMark(first).trimmingWhitespace() == cells[0] else { return false }
        return zip(fields.dropFirst(), cells.dropFirst()).allSatisfy { $0.trimmingWhitespace() == $1 }
    }

    /// `text` without a leading byte-order mark (files joined with `cat` keep the second one's).
    static func withoutMark(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    /// A header name as compared: lowercase letters and digits, runs of anything else collapsed
    /// to one `_`, and a change of case inside a word a break too (`SupplierID`, `DUNSNumber`:
    /// `supplier_id`, `duns_number`), as database and ERP exports write headers.
    static func normalise(_ name: String) -> String { normalise(name, splittingCamelCase: true) }

    /// Lowercase letters and digits, runs of anything else collapsed to one `_`; with
    /// `splittingCamelCase`, an upper-case letter after a lower-case one, or before one after
    /// another upper-case letter, starts a word.
    static func normalise(_ name: String, splittingCamelCase: Bool) -> String {
        var result = ""
        var pendingSeparator = false
        // Only header names (a few per file) are looked at around each letter.
        let scalars = splittingCamelCase ? Array(name.unicodeScalars) : []
        for (index, scalar) in name.unicodeScalars.enumerated() {
            if scalar == "\u{FEFF}" { continue }
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if splittingCamelCase, index > 0, scalar.properties.isUppercase {
                    let before = scalars[index - 1].properties
                    let after = index + 1 < scalars.count ? scalars[index + 1].properties.isLowercase : false
                    if before.isLowercase || (before.isUppercase && after) { pendingSeparator = true }
                }
                if pendingSeparator && !result.isEmpty { result.append("_") }
                pendingSeparator = false
                result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                pendingSeparator = true
            }
        }
        return result
    }

    /// The cell closest to one of `names` (edit distance at most a third of the name's length):
    /// an unknown header cell for a missing column, or a field for a mistyped `--map` target.
    static func closest(to names: [String], among cells: [String]) -> String? {
        var best: (cell: String, distance: Int)?
        for cell in cells {
            let key = normalise(cell)
            for name in names {
                let distance = editDistance(key, name)
                if distance <= max(2, name.count / 3), distance < (best?.distance ?? .max) {
                    best = (cell, distance)
                }
            }
        }
        return best?.cell
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// A data row seen through its file's ``HeaderMap``.
struct Row {
    let record: CSVRecord
    let map: HeaderMap
    let file: String
    /// How dates are read and counted (see ``RowFields/dates``).
    var dates: DateReading? = nil

    var location: SourceLocation { SourceLocation(file: file, line: record.line) }

    /// The trimmed value of `column`, or nil when the column is absent or the cell empty.
    subscript(_ column: String) -> String? { self[map.column(column)] }

    /// The 1-based column of `column` in the file, for messages.
    func column(of column: String) -> Int? { map.index(of: column).map { $0 + 1 } }
}

extension String {
    /// The string without leading and trailing spaces, tabs, line ends and no-break spaces.
    func trimmingWhitespace() -> String {
        // Fast path: most fields start and end with a printable ASCII byte and need nothing
        // (read from the contiguous bytes; the generic `utf8.first`/`last` showed in profiles).
        let plain = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
        }
        if plain == true { return self }
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        if utf8.isEmpty { return self }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
