import SupplyChainModel

/// Reads flrisk's own CSV formats (documented in docs/FORMATS.md): suppliers, links, contracts.
public enum NativeCSVImporter {
    public static let supplierColumns: [ColumnSpec] = [
        ColumnSpec("supplier_id", aliases: ["supplier", "id"]), ColumnSpec("name", aliases: ["supplier_name"]),
        ColumnSpec("country"), ColumnSpec("region"), ColumnSpec("goods"), ColumnSpec("uei"), ColumnSpec("lei"),
        ColumnSpec("duns"), ColumnSpec("risk"), ColumnSpec("risk_note"),
    ]
    public static let linkColumns: [ColumnSpec] = [
        ColumnSpec("buyer_id", aliases: ["buyer"]), ColumnSpec("supplier_id", aliases: ["supplier"]),
        ColumnSpec("share"), ColumnSpec("good"),
    ]
    public static let contractColumns: [ColumnSpec] = [
        ColumnSpec("contract_id", aliases: ["contract", "piid"]), ColumnSpec("vendor_id"), ColumnSpec("vendor_uei"),
        ColumnSpec("vendor_name"), ColumnSpec("agency"), ColumnSpec("amount"), ColumnSpec("currency"),
        ColumnSpec("place_of_performance"), ColumnSpec("psc"), ColumnSpec("naics"), ColumnSpec("description"),
        ColumnSpec("award_date"),
    ]

    /// Reads a suppliers file. Rows with an empty id or name, a duplicate id or a risk outside
    /// [0, 1] are rejected with a finding.
    public static func suppliers(path: String) throws -> ImportResult<Supplier> {
        var firstLine: [String: Int] = [:]
        return try TableImport.read(path: path, columns: supplierColumns, required: [["supplier_id"], ["name"]]) {
            row, _ throws(RowRejection) in
            let id = try row.required("supplier_id")
            if let line = firstLine[id] {
                throw RowRejection("duplicate-id", "supplier_id '\(id)' is already used at line \(line)", column: row.column(of: "supplier_id"))
            }
            let name = try row.required("name")
            let risk = try row.fraction("risk", in: 0...1, allowZero: true, expected: "a number from 0 to 1")
            firstLine[id] = row.record.line
            let goods = row["goods"].map { $0.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty } } ?? []
            return Supplier(
                id: id, name: name, country: row["country"], region: row["region"], goods: goods,
                uei: row["uei"], lei: row["lei"], duns: row["duns"], riskOverride: risk, riskNote: row["risk_note"],
                location: row.location)
        }
    }

    /// Reads a links file. Rows with an empty buyer or supplier, or a share outside (0, 1], are
    /// rejected; whether the ids name known suppliers is checked when the network is assembled.
    public static func links(path: String) throws -> ImportResult<SupplyLink> {
        try TableImport.read(path: path, columns: linkColumns, required: [["buyer_id"], ["supplier_id"]]) {
            row, _ throws(RowRejection) in
            let buyer = try row.required("buyer_id")
            let supplier = try row.required("supplier_id")
            let share = try row.fraction("share", in: 0...1, allowZero: false, expected: "a fraction in (0, 1] such as 0.25 or 25%")
            return SupplyLink(buyerID: buyer, supplierID: supplier, share: share, good: row["good"], location: row.location)
        }
    }

    /// Reads a contracts file. Rows with an empty or duplicate contract id, no vendor reference,
    /// or an amount that is not a number are rejected.
    public static func contracts(path: String) throws -> ImportResult<Contract> {
        var firstLine: [String: Int] = [:]
        return try TableImport.read(
            path: path, columns: contractColumns, required: [["contract_id"], ["vendor_id", "vendor_uei", "vendor_name"]]
        ) { row, _ throws(RowRejection) in
            let id = try row.required("contract_id")
            if let line = firstLine[id] {
                throw RowRejection("duplicate-id", "contract_id '\(id)' is already used at line \(line)", column: row.column(of: "contract_id"))
            }
            if row["vendor_id"] == nil && row["vendor_uei"] == nil && row["vendor_name"] == nil {
                throw RowRejection("missing-value", "no vendor: 'vendor_id', 'vendor_uei' and 'vendor_name' are all empty")
            }
            var amount: Double?
            if let text = row["amount"] {
                guard let value = NumberParsing.amount(text) else {
                    throw RowRejection("invalid-number", "'amount' is '\(text)'; expected an amount such as 1234.50 or $1,234.50", column: row.column(of: "amount"))
                }
                amount = value
            }
            var date: String?
            if let text = row["award_date"] {
                guard let iso = DateParsing.isoDate(text) else {
                    throw RowRejection("invalid-date", "'award_date' is '\(text)'; expected a date as YYYY-MM-DD or MM/DD/YYYY", column: row.column(of: "award_date"))
                }
                date = iso
            }
            firstLine[id] = row.record.line
            return Contract(
                id: id, vendorID: row["vendor_id"], vendorUEI: row["vendor_uei"], vendorName: row["vendor_name"],
                agency: row["agency"], amount: amount, currency: row["currency"]?.uppercased() ?? "USD",
                placeOfPerformance: row["place_of_performance"], psc: row["psc"], naics: row["naics"],
                description: row["description"], awardDate: date, location: row.location)
        }
    }
}

/// Dates as found in procurement exports.
public enum DateParsing {
    /// `YYYY-MM-DD` (a time part after a space or `T` is ignored) or US `MM/DD/YYYY`, as `YYYY-MM-DD`.
    public static func isoDate(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        let datePart = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? ""
        var year = 0, month = 0, day = 0
        let dash = datePart.split(separator: "-", omittingEmptySubsequences: false)
        let slash = datePart.split(separator: "/", omittingEmptySubsequences: false)
        if dash.count == 3, dash[0].count == 4, let y = Int(dash[0]), let m = Int(dash[1]), let d = Int(dash[2]) {
            (year, month, day) = (y, m, d)
        } else if slash.count == 3, slash[2].count == 4, let m = Int(slash[0]), let d = Int(slash[1]), let y = Int(slash[2]) {
            (year, month, day) = (y, m, d)
        } else {
            return nil
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1000...9999).contains(year), (1...12).contains(month), (1...days[month - 1]).contains(day) else { return nil }
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
