import SupplyChainModel

/// Reads flrisk's own CSV formats (documented in docs/FORMATS.md): suppliers, links, contracts.
public enum NativeCSVImporter {
    public static let supplierColumns: [ColumnSpec] = [
        ColumnSpec("supplier_id", aliases: ["supplier", "id"]), ColumnSpec("name", aliases: ["supplier_name"]),
        ColumnSpec("country"), ColumnSpec("region"), ColumnSpec("goods"), ColumnSpec("uei"), ColumnSpec("lei"),
        ColumnSpec("duns"), ColumnSpec("risk"), ColumnSpec("risk_note"), ColumnSpec("address"),
    ]
    public static let linkColumns: [ColumnSpec] = [
        ColumnSpec("buyer_id", aliases: ["buyer"]), ColumnSpec("supplier_id", aliases: ["supplier"]),
        ColumnSpec("share"), ColumnSpec("good"),
    ]
    public static let contractColumns: [ColumnSpec] = [
        ColumnSpec("contract_id", aliases: ["contract", "piid"]), ColumnSpec("vendor_id"), ColumnSpec("vendor_uei"),
        ColumnSpec("vendor_duns"), ColumnSpec("vendor_name"), ColumnSpec("agency"), ColumnSpec("amount"), ColumnSpec("currency"),
        ColumnSpec("place_of_performance"), ColumnSpec("psc"), ColumnSpec("naics"), ColumnSpec("description"),
        ColumnSpec("award_date"), ColumnSpec("country_of_origin", aliases: ["origin_country"]),
        ColumnSpec("place_of_manufacture"), ColumnSpec("vendor_country"), ColumnSpec("vendor_parent_uei"),
        ColumnSpec("funding_agency"), ColumnSpec("potential_value"), ColumnSpec("product_or_service_type"),
    ]
    static let supplierRequired = [["supplier_id"], ["name"]]
    static let linkRequired = [["buyer_id"], ["supplier_id"]]
    static let contractRequired = [["contract_id"], ["vendor_id", "vendor_uei", "vendor_duns", "vendor_name"]]

    /// Reads a suppliers file. Rows with an empty id or name, a duplicate id or a risk outside
    /// [0, 1] are rejected with a finding.
    public static func suppliers(path: String, options: ImportOptions = ImportOptions()) throws -> ImportResult<Supplier> {
        try KeyedTableReader<SupplierRows>.read(path: path, columns: supplierColumns, required: supplierRequired, options: options)
    }

    /// Reads a links file. Rows with an empty buyer or supplier, or a share outside (0, 1], are
    /// rejected; whether the ids name known suppliers is checked when the network is assembled.
    public static func links(path: String, options: ImportOptions = ImportOptions()) throws -> ImportResult<SupplyLink> {
        try TableImport.read(path: path, columns: linkColumns, required: linkRequired, options: options) {
            row, _ throws(RowRejection) in try LinkRows.convert(row)
        }
    }

    /// Reads a contracts file. Rows with an empty or duplicate contract id, no vendor reference,
    /// or an amount that is not a number are rejected.
    public static func contracts(path: String, options: ImportOptions = ImportOptions()) throws -> ImportResult<Contract> {
        try KeyedTableReader<ContractRows>.read(path: path, columns: contractColumns, required: contractRequired, options: options)
    }
}

/// Native supplier rows (CSV or XML) to ``Supplier``; remembers ids (byte for byte, see
/// ``IDRegistry``) to reject repeats and warn about lookalikes. One converter reads one file:
/// its columns are resolved against the file's header on the first row.
struct SupplierRows: KeyedRows {
    private var ids = IDRegistry()
    private var columns: Columns?
    static let idName = "supplier_id"

    /// The columns a supplier row is read from.
    struct Columns: Sendable {
        let id, name, country, region, goods, address, uei, lei, duns, risk, riskNote: Column

        init(_ header: HeaderMap) {
            id = header.column("supplier_id")
            name = header.column("name")
            country = header.column("country")
            region = header.column("region")
            goods = header.column("goods")
            address = header.column("address")
            uei = header.column("uei")
            lei = header.column("lei")
            duns = header.column("duns")
            risk = header.column("risk")
            riskNote = header.column("risk_note")
        }
    }

    mutating func convert(_ row: Row, findings: inout [Finding]) throws(RowRejection) -> Supplier {
        if columns == nil { columns = Columns(row.map) }
        let c = columns.unsafelyUnwrapped
        return try Self.admitted(row, c, ids: &ids, findings: &findings)
    }

    /// The checks after the id's, and the supplier when `keep`.
    static func rest<R: RowFields>(_ row: R, _ c: Columns, id: String, keep: Bool) throws(RowRejection) -> Supplier? {
        guard keep else {
            try row.require(c.name)
            _ = try row.fraction(c.risk, in: 0...1, allowZero: true, expected: "a number from 0 to 1")
            return nil
        }
        let name = try row.required(c.name)
        let risk = try row.fraction(c.risk, in: 0...1, allowZero: true, expected: "a number from 0 to 1")
        let goods = row.repeatedList(c.goods, split: Self.goodsList) ?? []
        return Supplier(
            id: id, name: name, country: row[c.country], region: row.repeated(c.region), goods: goods, address: row[c.address],
            uei: row[c.uei], lei: row[c.lei], duns: row[c.duns], riskOverride: risk, riskNote: row[c.riskNote],
            location: row.location)
    }
}

extension SupplierRows {
    /// The goods of a trimmed, non-empty `goods` cell: `;`-separated, each trimmed, empty
    /// items dropped (a cell without `;` is one good, as it is).
    static func goodsList(_ text: String) -> [String] {
        if !text.utf8.contains(UInt8(ascii: ";")) { return [text] }
        return text.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

/// Native link rows to ``SupplyLink``.
enum LinkRows {
    /// What a share must look like, for messages.
    static let shareExpected = "a fraction in (0, 1] such as 0.25 or 25%"

    static func convert(_ row: Row) throws(RowRejection) -> SupplyLink {
        let buyer = try row.required("buyer_id")
        let supplier = try row.required("supplier_id")
        let share = try row.fraction("share", in: 0...1, allowZero: false, expected: shareExpected)
        return SupplyLink(buyerID: buyer, supplierID: supplier, share: share, good: row["good"], location: row.location)
    }
}

/// Native contract rows to ``Contract``; remembers ids (byte for byte, see ``IDRegistry``)
/// to reject repeats and warn about lookalikes. One converter reads one file: its columns are
/// resolved against the file's header on the first row.
struct ContractRows: KeyedRows {
    private var ids = IDRegistry()
    private var columns: Columns?
    static let idName = "contract_id"

    /// The columns a contract row is read from.
    struct Columns: Sendable {
        let id, vendorID, vendorUEI, vendorDUNS, vendorName, vendorParentUEI, vendorCountry, agency, fundingAgency: Column
        let amount, potentialValue, currency, placeOfPerformance, countryOfOrigin, placeOfManufacture: Column
        let psc, productOrServiceType, naics, description, awardDate: Column

        init(_ header: HeaderMap) {
            id = header.column("contract_id")
            vendorID = header.column("vendor_id")
            vendorUEI = header.column("vendor_uei")
            vendorDUNS = header.column("vendor_duns")
            vendorName = header.column("vendor_name")
            vendorParentUEI = header.column("vendor_parent_uei")
            vendorCountry = header.column("vendor_country")
            agency = header.column("agency")
            fundingAgency = header.column("funding_agency")
            amount = header.column("amount")
            potentialValue = header.column("potential_value")
            currency = header.column("currency")
            placeOfPerformance = header.column("place_of_performance")
            countryOfOrigin = header.column("country_of_origin")
            placeOfManufacture = header.column("place_of_manufacture")
            psc = header.column("psc")
            productOrServiceType = header.column("product_or_service_type")
            naics = header.column("naics")
            description = header.column("description")
            awardDate = header.column("award_date")
        }
    }

    mutating func convert(_ row: Row, findings: inout [Finding]) throws(RowRejection) -> Contract {
        if columns == nil { columns = Columns(row.map) }
        let c = columns.unsafelyUnwrapped
        return try Self.admitted(row, c, ids: &ids, findings: &findings)
    }

    /// The checks after the id's, and the contract when `keep`.
    static func rest<R: RowFields>(_ row: R, _ c: Columns, id: String, keep: Bool) throws(RowRejection) -> Contract? {
        guard keep else {
            if !row.has(c.vendorID) && !row.has(c.vendorUEI) && !row.has(c.vendorDUNS) && !row.has(c.vendorName) { throw noVendor }
            _ = try row.amount(c.amount)
            _ = try row.amount(c.potentialValue)
            _ = try row.date(c.awardDate)
            _ = try productOrServiceType(row, c)
            return nil
        }
        let vendorID = row[c.vendorID], vendorUEI = row[c.vendorUEI], vendorDUNS = row[c.vendorDUNS], vendorName = row.repeated(c.vendorName)
        if vendorID == nil && vendorUEI == nil && vendorDUNS == nil && vendorName == nil { throw noVendor }
        let amount = try row.amount(c.amount)
        let potentialValue = try row.amount(c.potentialValue)
        let date = try row.date(c.awardDate)
        let type = try productOrServiceType(row, c)
        return Contract(
            id: id, vendorID: vendorID, vendorUEI: vendorUEI, vendorDUNS: vendorDUNS, vendorName: vendorName,
            vendorParentUEI: row[c.vendorParentUEI], vendorCountry: row[c.vendorCountry],
            agency: row.repeated(c.agency), fundingAgency: row.repeated(c.fundingAgency), amount: amount, potentialValue: potentialValue,
            currency: row[c.currency].map(Self.uppercased) ?? "USD",
            placeOfPerformance: row[c.placeOfPerformance], countryOfOrigin: row[c.countryOfOrigin],
            placeOfManufacture: row.repeated(c.placeOfManufacture), psc: row[c.psc],
            productOrServiceType: type, naics: row[c.naics],
            description: row.repeated(c.description), awardDate: date, location: row.location)
    }

    /// The `product_or_service_type` in upper case: `PRODUCT` or `SERVICE`, as FPDS gives it.
    /// Anything else rejects the row: the rules read every value but `PRODUCT` as a service.
    static func productOrServiceType<R: RowFields>(_ row: R, _ c: Columns) throws(RowRejection) -> String? {
        guard let text = row[c.productOrServiceType] else { return nil }
        let type = uppercased(text)
        guard type == "PRODUCT" || type == "SERVICE" else {
            throw RowRejection(
                "invalid-value", "'product_or_service_type' is '\(text)'; expected PRODUCT or SERVICE (or leave it empty to judge by the PSC)",
                column: c.productOrServiceType.number)
        }
        return type
    }

    static let noVendor = RowRejection("missing-value", "no vendor: 'vendor_id', 'vendor_uei', 'vendor_duns' and 'vendor_name' are all empty")

    /// `text.uppercased()`; text already in upper case (currency codes, `PRODUCT`) is returned
    /// as is.
    static func uppercased(_ text: String) -> String {
        text.utf8.contains(where: { $0 >= 0x61 }) ? text.uppercased() : text
    }
}

/// Why a link is rejected when an end names no supplier (`unknown-supplier`): one wording for
/// the table reader, the network (links read as records) and the rejects file.
public enum UnknownSupplier {
    public static let code = "unknown-supplier"

    /// `supplier_id 'Y' names no supplier in the suppliers file`, or `neither buyer_id 'X' nor
    /// supplier_id 'Y' names a supplier in the suppliers file`; pass nil for an end that is known.
    /// Without a suppliers file (`suppliersFile` false: the suppliers are derived) it says where
    /// the suppliers come from instead.
    /// An id holding a character that prints as nothing (a zero-width space, a byte-order mark,
    /// a no-break space, a control) is named with it: `'S1'` and `'S1\u{200B}'` look the same.
    public static func reason(buyerID: String?, supplierID: String?, suppliersFile: Bool = true) -> String {
        let unknown = [buyerID.map { named("buyer_id", $0) }, supplierID.map { named("supplier_id", $0) }].compactMap { $0 }
        let ids = unknown.count == 2 ? "neither \(unknown[0]) nor \(unknown[1]) names a supplier" : "\(unknown.joined()) names no supplier"
        return ids + (suppliersFile
            ? " in the suppliers file"
            : ": no suppliers file was given (--suppliers), so the suppliers are the contracts' vendors and the subaward parties")
    }

    /// `column 'id'`, with the first character of `id` that prints as nothing or as a space
    /// (``IDRegistry/isUnseen(_:)``, as the lookalike-id warning finds them) and where it is.
    static func named(_ column: String, _ id: String) -> String {
        guard let (offset, scalar) = id.unicodeScalars.enumerated().first(where: { IDRegistry.isUnseen($0.element) }) else { return "\(column) '\(id)'" }
        let code = String(scalar.value, radix: 16, uppercase: true)
        return "\(column) '\(id)' (with an invisible U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) at character \(offset + 1))"
    }
}
