import SupplyChainModel

/// Reads supplier lists as brands and auditors keep them: Open Supply Hub style facility lists
/// (`country,name,address,sector,lat,lng`) and similar sheets, by a small alias table.
///
/// | field | header names read as it |
/// |---|---|
/// | supplier_id | `supplier_id`, `os_id`, `oar_id`, `facility_id`, `id` |
/// | name | `name`, `facility_name`, `factory_name`, `supplier_name` |
/// | country | `country`, else `country_code`, else `country_name` (first non-empty) |
/// | address | `address`, `facility_address`, `full_address` |
/// | goods | `goods`, `sector` and `product_type`, all of them (`;`- or `|`-separated) |
/// | region | `region`, `state`, `province` |
/// | lat, lng | `lat`, `latitude`, `lng`, `lon`, `longitude` (checked: a bad number rejects the row; not used by the model) |
/// | closed | `is_closed` (Open Supply Hub): a facility marked closed (`True`, `yes`, `1`, `closed`) is read like the others, and one warning counts them; a value that is neither true nor false (`True`/`False`, `yes`/`no`, `1`/`0`, `closed`/`open`) is read as open, with one warning |
///
/// Open Supply Hub (and Open Apparel Registry) downloads carry both `country_code` and
/// `country_name`, and newer ones both `sector` and `product_type`: they are columns of their
/// own, read in the order above, so that such a header is not two columns naming one field.
///
/// Anything else can be mapped with `--map column=field`. **Ids.** A row without an id gets
/// `F-` + the first 12 hex digits of the 64-bit FNV-1a hash of `country|name|address`, each
/// normalised (case, spaces and punctuation ignored): the same facility gets the same id in
/// every run and whatever the row order, and a facility listed twice is a `duplicate-id`.
public enum FacilityList {
    public static let columns: [ColumnSpec] = [
        ColumnSpec("supplier_id", aliases: ["os_id", "oar_id", "facility_id", "id"]),
        ColumnSpec("name", aliases: ["facility_name", "factory_name", "supplier_name"]),
        ColumnSpec("country"), ColumnSpec("country_code"), ColumnSpec("country_name"),
        ColumnSpec("address", aliases: ["facility_address", "full_address"]),
        ColumnSpec("goods"), ColumnSpec("sector"), ColumnSpec("product_type"),
        ColumnSpec("region", aliases: ["state", "province"]),
        ColumnSpec("lat", aliases: ["latitude"]), ColumnSpec("lng", aliases: ["lon", "longitude"]),
        ColumnSpec("uei"), ColumnSpec("risk"), ColumnSpec("risk_note"), ColumnSpec("is_closed"),
    ]

    /// Reads a facility list as suppliers.
    /// - Throws: ``InputError`` for a missing file, bad CSV, or a header without a name column.
    public static func suppliers(path: String, options: ImportOptions = ImportOptions()) throws -> ImportResult<Supplier> {
        var firstLine: [String: Int] = [:]
        var closed: (count: Int, firstLine: Int) = (0, 0)
        /// `is_closed` values that are neither a yes nor a no, and the first of them.
        var unclear: (count: Int, first: (text: String, line: Int)?) = (0, nil)
        var result = try TableImport.read(path: path, columns: columns, required: [["name"]], options: options) { row, _ throws(RowRejection) in
            let name = try row.required("name")
            for (column, range) in [("lat", -90.0...90.0), ("lng", -180.0...180.0)] {
                if let text = row[column], !(NumberParsing.decimal(text).map(range.contains) ?? false) {
                    throw RowRejection("invalid-number", "'\(column)' is '\(text)'; expected a coordinate in \(range)", column: row.column(of: column))
                }
            }
            let country = row["country"] ?? row["country_code"] ?? row["country_name"]
            let id = row["supplier_id"] ?? generatedID(country: country, name: name, address: row["address"])
            if let line = firstLine[id] {
                throw RowRejection("duplicate-id", "supplier '\(id)' (\(name)) is already listed at line \(line)", column: row.column(of: "name"))
            }
            let risk = try row.fraction("risk", in: 0...1, allowZero: true, expected: "a number from 0 to 1")
            firstLine[id] = row.record.line
            if let text = row["is_closed"] {
                if closedValues.contains(text.lowercased()) {
                    closed = (closed.count + 1, closed.count == 0 ? row.record.line : closed.firstLine)
                } else if !openValues.contains(text.lowercased()) {
                    unclear = (unclear.count + 1, unclear.first ?? (text, row.record.line))
                }
            }
            var goods: [String] = []
            for column in ["goods", "sector", "product_type"] {
                for good in (row[column] ?? "").split(whereSeparator: { $0 == ";" || $0 == "|" }).map({ String($0).trimmingWhitespace() })
                where !good.isEmpty && !goods.contains(good) {
                    goods.append(good)
                }
            }
            return Supplier(
                id: id, name: name, country: country, region: row["region"], goods: goods, address: row["address"],
                uei: row["uei"], riskOverride: risk, riskNote: row["risk_note"], location: row.location)
        }
        if closed.count > 0 {
            // Kept: a closed facility may still be named by links or contracts of its time, but
            // the analyst should know that the list says it no longer operates.
            result.findings.append(Finding(
                .warning, code: "closed-facility",
                "\(closed.count) facilit\(closed.count == 1 ? "y is" : "ies are") marked closed ('is_closed', the first at line \(closed.firstLine)); \(closed.count == 1 ? "it is" : "they are") scored as suppliers like the others: remove \(closed.count == 1 ? "it" : "them") from the file if \(closed.count == 1 ? "it no longer supplies" : "they no longer supply") you",
                at: SourceLocation(file: path, line: closed.firstLine)))
        }
        if let (text, line) = unclear.first {
            result.findings.append(Finding(
                .warning, code: "invalid-value",
                "\(unclear.count) row\(unclear.count == 1 ? " has" : "s have") an 'is_closed' that is neither true nor false (the first, '\(text)', at line \(line)); \(unclear.count == 1 ? "it is" : "they are") read as open",
                at: SourceLocation(file: path, line: line)))
        }
        return result
    }

    /// `is_closed` values read as closed, and as open (compared in lower case).
    static let closedValues: Set<String> = ["true", "yes", "1", "y", "t", "closed"]
    static let openValues: Set<String> = ["false", "no", "0", "n", "f", "open"]

    /// The stable id of a facility without one (see the type's documentation).
    public static func generatedID(country: String?, name: String, address: String?) -> String {
        let key = [country ?? "", name, address ?? ""].map { HeaderMap.normalise($0, splittingCamelCase: false) }.joined(separator: "|")
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "F-" + String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }
}
