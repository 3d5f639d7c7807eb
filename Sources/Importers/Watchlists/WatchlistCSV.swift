import SupplyChainModel

/// Reads watchlists in CSV: flrisk's native watchlist and OpenSanctions `targets.simple.csv`.
public enum WatchlistCSV {
    /// Native watchlist columns: `name` is required; `aliases` and `identifiers` are
    /// `;`-separated; `hard_flag` is `yes`/`no` (default yes).
    public static let nativeColumns: [ColumnSpec] = [
        ColumnSpec("id"), ColumnSpec("name", aliases: ["entity_name"]), ColumnSpec("aliases", aliases: ["alias"]),
        ColumnSpec("country"), ColumnSpec("list", aliases: ["list_name"]), ColumnSpec("date_added", aliases: ["effective_date"]),
        ColumnSpec("source"), ColumnSpec("identifiers"), ColumnSpec("hard_flag"),
    ]

    /// The OpenSanctions simple CSV columns read (the export has 16; see docs/FORMATS.md).
    public static let openSanctionsColumns: [ColumnSpec] = [
        "id", "schema", "name", "aliases", "countries", "identifiers", "program_ids", "dataset", "first_seen", "sanctions",
    ].map { ColumnSpec($0) }

    /// Reads a native watchlist. An entry without an `id` gets `<list or file>:<line>`.
    public static func native(path: String, options: ImportOptions = ImportOptions()) throws -> ImportResult<WatchlistEntry> {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        var ids = IDRegistry()
        return try TableImport.read(path: path, columns: nativeColumns, required: [["name"]], options: options) { row, findings throws(RowRejection) in
            let name = try row.required("name")
            let list = row["list"] ?? fileName
            let id = row["id"] ?? "\(list):\(row.record.line)"
            try ids.rejectRepeat(id, column: "id", number: row.column(of: "id"))
            let date = try row.date("date_added")
            var hard = true
            if let text = row["hard_flag"]?.lowercased() {
                guard ["yes", "no", "true", "false", "1", "0", "y", "n"].contains(text) else {
                    throw RowRejection("invalid-value", "'hard_flag' is '\(text)'; expected yes or no", column: row.column(of: "hard_flag"))
                }
                hard = ["yes", "true", "1", "y"].contains(text)
            }
            let aliases = splitList(row["aliases"]), identifiers = splitList(row["identifiers"])
            if let warning = ids.register(id, what: "id", at: row.location) { findings.append(warning) }
            if let warning = UnmatchableEntry.warning(
                id: id, name: name, aliases: aliases, identifiers: identifiers, at: SourceLocation(file: row.file, line: row.record.line, column: row.column(of: "name")))
            {
                findings.append(warning)
            }
            return WatchlistEntry(
                id: id, name: name, aliases: aliases, country: row["country"], list: list,
                dateAdded: date, source: row["source"], identifiers: identifiers, isHardFlag: hard,
                location: row.location)
        }
    }

    /// Reads an OpenSanctions `targets.simple.csv`. `list` is the `dataset` titles; entries
    /// whose `program_ids` include `US-UFLPA` are hard flags, others strong indicators;
    /// identifiers become `id:VALUE` (the export drops the scheme); `date_added` is the date
    /// of `first_seen` (a value that is no date rejects the row, `invalid-date`, as in the
    /// native watchlist); `source` is the entity's OpenSanctions page. An `id` used before in
    /// the file rejects the row (`duplicate-id`, naming the first line).
    public static func openSanctions(path: String, options: ImportOptions = ImportOptions()) throws -> ImportResult<WatchlistEntry> {
        var ids = IDRegistry()
        return try TableImport.read(path: path, columns: openSanctionsColumns, required: [["id"], ["name"]], options: options) { row, findings throws(RowRejection) in
            let id = try row.required("id")
            try ids.rejectRepeat(id, column: "id", number: row.column(of: "id"))
            let name = try row.required("name")
            let date = try row.date("first_seen")
            let programs = splitList(row["program_ids"])
            let countries = splitList(row["countries"])
            let aliases = splitList(row["aliases"]).filter { $0 != name }, identifiers = splitList(row["identifiers"])
            if let warning = ids.register(id, what: "id", at: row.location) { findings.append(warning) }
            if let warning = UnmatchableEntry.warning(
                id: id, name: name, aliases: aliases, identifiers: identifiers, at: SourceLocation(file: row.file, line: row.record.line, column: row.column(of: "name")))
            {
                findings.append(warning)
            }
            return WatchlistEntry(
                id: id, name: name, aliases: aliases,
                country: countries.isEmpty ? nil : countries.joined(separator: ";"),
                list: row["dataset"] ?? "OpenSanctions", dateAdded: date,
                source: "https://www.opensanctions.org/entities/\(id)/",
                identifiers: identifiers.map { "id:" + $0 },
                isHardFlag: programs.contains("US-UFLPA"), location: row.location)
        }
    }

    /// Splits a multi-value cell on `;`, honouring `"…"` quoting inside the cell (OpenSanctions
    /// writes the values as one `;`-delimited CSV row, quoting values that hold `;` or `"`).
    static func splitList(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var values: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = iterator.next()
        while let c = pending {
            pending = iterator.next()
            if quoted {
                if c == "\"" {
                    if pending == "\"" { current.append("\""); pending = iterator.next() } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == "\"" && current.trimmingWhitespace().isEmpty {
                current = ""
                quoted = true
            } else if c == ";" {
                values.append(current.trimmingWhitespace())
                current = ""
            } else {
                current.append(c)
            }
        }
        values.append(current.trimmingWhitespace())
        return values.filter { !$0.isEmpty }
    }
}
