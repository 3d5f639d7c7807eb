import Importers
import SupplyChainModel

/// An analyst's decision on one supplier–watchlist-entry pair.
public enum MatchDecisionKind: String, Sendable, Hashable, CaseIterable {
    /// The supplier is the listed entity: a hard match whatever the names say.
    case confirm
    /// The supplier is not the listed entity: the pair never matches.
    case reject
}

/// One row of a decisions file.
public struct MatchDecision: Sendable, Hashable {
    public var supplierID: String
    /// The watchlist entry's id (e.g. `UFLPA-0010`).
    public var entryID: String
    public var kind: MatchDecisionKind
    /// The row (file and line).
    public var location: SourceLocation
    /// The 1-based columns of the supplier id and the entry id in the file, when read from one
    /// (a warning about either names its column).
    public var supplierColumn: Int?, entryColumn: Int?

    public init(supplierID: String, entryID: String, kind: MatchDecisionKind, location: SourceLocation, supplierColumn: Int? = nil, entryColumn: Int? = nil) {
        self.supplierID = supplierID
        self.entryID = entryID
        self.kind = kind
        self.location = location
        self.supplierColumn = supplierColumn
        self.entryColumn = entryColumn
    }

    /// Where the supplier id is: the row and its column.
    public var supplierLocation: SourceLocation { SourceLocation(file: location.file, line: location.line, column: supplierColumn) }

    /// Where the entry id is: the row and its column.
    public var entryLocation: SourceLocation { SourceLocation(file: location.file, line: location.line, column: entryColumn) }
}

/// The analyst's confirmed and rejected watchlist matches, read from a decisions file
/// (`supplier_id,watchlist_entry,decision`, decision `confirm` or `reject`) that later runs
/// are given again, so a decision is made once. A later row for the same pair wins.
public struct MatchDecisions: Sendable {
    /// The decisions in file order.
    public private(set) var decisions: [MatchDecision] = []
    /// Rows rejected or overridden, and similar notes.
    public private(set) var findings: [Finding] = []
    /// The file's row counts; nil when no file was read.
    public private(set) var summary: ImportSummary?
    private var byPair: [String: Int] = [:]
    private var bySupplier: [String: [Int]] = [:]

    /// No decisions.
    public init() {}

    /// Decisions given in code (tests, other front ends); a later one for the same pair wins.
    public init(_ decisions: [MatchDecision]) {
        for decision in decisions { add(decision) }
    }

    /// The columns of a decisions file.
    public static let columns = ["supplier_id", "watchlist_entry", "decision"]

    /// Reads a decisions file. Rows with an empty field or a decision other than `confirm` or
    /// `reject` are rejected with a finding; the others are kept.
    ///
    /// - Throws: ``InputError`` when the file cannot be read, is not CSV, or lacks a column.
    /// - Complexity: O(rows).
    public static func load(path: String) throws -> MatchDecisions {
        var result = MatchDecisions()
        var summary = ImportSummary(file: path)
        var positions: [Int]?
        try CSVReader(path: path).forEachRecord { record in
            guard let columns = positions else {
                positions = try SimpleHeader.positions(of: columns, aliases: [["supplier"], ["entry", "entry_id", "watchlist_entry_id"], []], in: record, file: path)
                return
            }
            summary.read += 1
            if record.isBlank { summary.blank += 1; return }
            let location = SourceLocation(file: path, line: record.line)
            if record.isDelimiterLine {
                result.findings.append(DelimiterLine.reject(at: location, counting: &summary))
                return
            }
            // A rejection names the field's column, 1-based, as the input importers do.
            let at = { (i: Int) in SourceLocation(file: path, line: record.line, column: columns[i] + 1) }
            let fields = columns.map { $0 < record.fields.count ? record.fields[$0].trimmingWhitespaceAndNewlines() : "" }
            if let empty = fields.firstIndex(where: \.isEmpty) {
                summary.reject(reason: "missing-value")
                result.findings.append(Finding(.error, code: "missing-value", "row rejected: '\(Self.columns[empty])' is empty", at: at(empty)))
                return
            }
            guard let kind = MatchDecisionKind(rawValue: fields[2].lowercased()) else {
                summary.reject(reason: "invalid-decision")
                result.findings.append(Finding(.error, code: "invalid-decision", "row rejected: 'decision' is '\(fields[2])'; expected confirm or reject", at: at(2)))
                return
            }
            summary.accepted += 1
            result.add(MatchDecision(
                supplierID: fields[0], entryID: fields[1], kind: kind, location: location, supplierColumn: columns[0] + 1, entryColumn: columns[1] + 1))
        }
        if positions == nil {
            throw InputError(code: "empty-file", "the file is empty; expected a header row naming the columns \(columns.joined(separator: ", "))", at: SourceLocation(file: path, line: 0))
        }
        result.summary = summary
        return result
    }

    private mutating func add(_ decision: MatchDecision) {
        let key = decision.supplierID + "\u{1F}" + decision.entryID
        if let earlier = byPair[key] {
            let previous = decisions[earlier]
            if previous.kind != decision.kind {
                findings.append(Finding(
                    .warning, code: "decision-changed",
                    "\(decision.supplierID) / \(decision.entryID): '\(decision.kind.rawValue)' replaces '\(previous.kind.rawValue)' of line \(previous.location.line)",
                    at: decision.location))
            }
            decisions[earlier] = decision
        } else {
            byPair[key] = decisions.count
            bySupplier[decision.supplierID, default: []].append(decisions.count)
            decisions.append(decision)
        }
    }

    /// The decision on a pair, if any.
    public func decision(supplierID: String, entryID: String) -> MatchDecision? {
        byPair[supplierID + "\u{1F}" + entryID].map { decisions[$0] }
    }

    /// The decisions on one supplier, in file order.
    public func decisions(supplierID: String) -> [MatchDecision] {
        (bySupplier[supplierID] ?? []).map { decisions[$0] }
    }

    public var isEmpty: Bool { decisions.isEmpty }
}

/// Header mapping for the small auxiliary CSV files the model reads (decisions, country risk).
enum SimpleHeader {
    /// The column positions of `names` (or their aliases) in `header`, compared without case,
    /// spaces or punctuation.
    /// - Throws: ``InputError`` `missing-column` naming the columns found and expected.
    static func positions(of names: [String], aliases: [[String]], in header: CSVRecord, file: String) throws -> [Int] {
        let found = header.fields.map(normalise)
        return try names.enumerated().map { index, name in
            let candidates = [name] + (index < aliases.count ? aliases[index] : [])
            guard let position = candidates.lazy.compactMap({ found.firstIndex(of: normalise($0)) }).first else {
                throw InputError(
                    code: "missing-column",
                    "missing required column '\(name)'; found \(header.fields.map { "'\($0)'" }.joined(separator: ", ")); expected \(names.joined(separator: ", "))",
                    at: SourceLocation(file: file, line: header.line))
            }
            return position
        }
    }

    static func normalise(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line ends.
    func trimmingWhitespaceAndNewlines() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
