import SupplyChainModel

/// Reads USAspending.gov contract downloads: the *prime award summaries* file (one row per
/// award) and the *prime transactions* file (one row per contract action), by column name.
///
/// Only the columns below are used; the other ~270 are noted once and ignored, so the reader
/// keeps working when USAspending adds or reorders columns.
///
/// | Contract field | column (first non-empty wins) |
/// |---|---|
/// | id | `contract_transaction_unique_key`, `contract_award_unique_key`, `award_id_piid` (the last two followed by `/modification_number` when the file has it and it is not `0`) |
/// | vendorUEI, vendorDUNS, vendorName, vendorParentUEI | `recipient_uei`, `recipient_duns`, `recipient_name`, `recipient_parent_uei` |
/// | vendorCountry | `recipient_country_code`, `recipient_country_name` |
/// | amount | `federal_action_obligation` (transactions), else `total_obligated_amount` |
/// | potentialValue | `potential_total_value_of_award` |
/// | agency, fundingAgency | `awarding_agency_name`, `funding_agency_name` |
/// | placeOfPerformance | `primary_place_of_performance_country_code`, `…_country_name` |
/// | countryOfOrigin | `country_of_product_or_service_origin_code`, `country_of_product_or_service_origin` |
/// | placeOfManufacture | `place_of_manufacture_code`, `place_of_manufacture` |
/// | psc, naics | `product_or_service_code`, `naics_code` |
/// | description | `transaction_description`, `prime_award_base_transaction_description` |
/// | awardDate | `action_date`, `award_base_action_date` |
public enum USAspendingContracts {
    /// The columns read, under their USAspending names.
    public static let columns: [ColumnSpec] = [
        "contract_transaction_unique_key", "contract_award_unique_key", "award_id_piid", "modification_number",
        "recipient_uei", "recipient_duns", "recipient_name", "recipient_parent_uei", "recipient_country_code", "recipient_country_name",
        "federal_action_obligation", "total_obligated_amount", "potential_total_value_of_award",
        "awarding_agency_name", "funding_agency_name",
        "primary_place_of_performance_country_code", "primary_place_of_performance_country_name",
        "country_of_product_or_service_origin_code", "country_of_product_or_service_origin",
        "place_of_manufacture_code", "place_of_manufacture", "product_or_service_code", "naics_code",
        "transaction_description", "prime_award_base_transaction_description", "action_date", "award_base_action_date",
    ].map { ColumnSpec($0) }

    /// Header names that mark a USAspending contracts file (for format detection).
    static let signature = ["contract_award_unique_key", "award_id_piid"]

    /// Reads a prime award summaries or prime transactions file.
    ///
    /// Rows without an award id or without any recipient (UEI, DUNS number or name), with an amount that
    /// is not a number, an impossible date, or an id already seen are rejected with a finding.
    /// Rows stay bytes from libcsv to these checks, as native files do: a download has about
    /// 300 columns and this reader keeps 27, so only the cells it reads become text
    /// (``KeyedTableReader``; large files in chunks on Dispatch workers).
    /// - Throws: ``InputError`` for a missing file, bad CSV, or a header without
    ///   `contract_award_unique_key` / `award_id_piid` or without a recipient column.
    public static func contracts(path: String, options: ImportOptions = ImportOptions()) throws -> ImportResult<Contract> {
        try KeyedTableReader<Rows>.read(
            path: path, columns: columns,
            required: [["contract_award_unique_key", "award_id_piid"], ["recipient_uei", "recipient_duns", "recipient_name"]], options: options)
    }

    /// The conversion of a row to a ``Contract``, for ``KeyedTableReader``.
    struct Rows: KeyedRows {
        private var ids = IDRegistry()
        private var columns: Columns?

        /// Converts a row of the `String` path (a file ``KeyedTableReader`` reads that way).
        mutating func convert(_ row: Row, findings: inout [Finding]) throws(RowRejection) -> Contract {
            if columns == nil { columns = Columns(row.map) }
            let c = columns.unsafelyUnwrapped
            return try Self.admitted(row, c, ids: &ids, findings: &findings)
        }

        /// The award id: the transaction key, else the award key, else the PIID (key 0, 1, 2).
        /// A transactions file without its transaction key (columns dropped in a spreadsheet):
        /// each modification is an action of its own, `KEY/MOD` as in FPDS, not a repeat of
        /// the award's base action.
        static func key<R: RowFields>(_ row: R, _ c: Columns) throws(RowRejection) -> (id: String, key: Int) {
            let key = row.has(c.transactionKey) ? 0 : row.has(c.awardKey) ? 1 : row.has(c.piid) ? 2 : -1
            guard key >= 0, var id = row[c.keyColumn(key)] else {
                throw RowRejection("missing-value", "no award id: 'contract_award_unique_key' and 'award_id_piid' are empty", column: c.piid.number)
            }
            if key != 0, let mod = row[c.modification], mod != "0" { id += "/" + mod }
            return (id, key)
        }

        static func rest<R: RowFields>(_ row: R, _ c: Columns, id: String, keep: Bool) throws(RowRejection) -> Contract? {
            if !row.has(c.uei) && !row.has(c.duns) && !row.has(c.name) {
                throw RowRejection(
                    "missing-value", "no recipient: 'recipient_uei', 'recipient_duns' and 'recipient_name' are empty", column: c.uei.number)
            }
            let amount = try row.amount(c.actionObligation.index != nil ? c.actionObligation : c.totalObligated)
            let potential = try row.amount(c.potential)
            let date = try row.date(row.has(c.actionDate) ? c.actionDate : c.baseActionDate)
            guard keep else { return nil }
            return Contract(
                id: id, vendorUEI: row[c.uei], vendorDUNS: row[c.duns], vendorName: row.repeated(c.name),
                vendorParentUEI: row[c.parentUEI],
                vendorCountry: row[c.countryCode] ?? row.repeated(c.countryName),
                agency: row.repeated(c.agency), fundingAgency: row.repeated(c.fundingAgency),
                amount: amount, potentialValue: potential, currency: "USD",
                placeOfPerformance: row[c.performanceCode] ?? row.repeated(c.performanceName),
                countryOfOrigin: row[c.originCode] ?? row.repeated(c.origin),
                placeOfManufacture: row[c.manufactureCode] ?? row.repeated(c.manufacture),
                psc: row[c.psc], naics: row[c.naics],
                description: row.repeated(c.description) ?? row.repeated(c.baseDescription),
                awardDate: date, location: row.location)
        }
    }

    /// The columns read, resolved against one file's header.
    struct Columns: KeyedColumns {
        let transactionKey, awardKey, piid, modification, uei, duns, name, parentUEI, countryCode, countryName: Column
        let actionObligation, totalObligated, potential, agency, fundingAgency, performanceCode, performanceName: Column
        let originCode, origin, manufactureCode, manufacture, psc, naics, description, baseDescription, actionDate, baseActionDate: Column

        init(_ map: HeaderMap) {
            transactionKey = map.column("contract_transaction_unique_key")
            awardKey = map.column("contract_award_unique_key")
            piid = map.column("award_id_piid")
            modification = map.column("modification_number")
            uei = map.column("recipient_uei")
            duns = map.column("recipient_duns")
            name = map.column("recipient_name")
            parentUEI = map.column("recipient_parent_uei")
            countryCode = map.column("recipient_country_code")
            countryName = map.column("recipient_country_name")
            actionObligation = map.column("federal_action_obligation")
            totalObligated = map.column("total_obligated_amount")
            potential = map.column("potential_total_value_of_award")
            agency = map.column("awarding_agency_name")
            fundingAgency = map.column("funding_agency_name")
            performanceCode = map.column("primary_place_of_performance_country_code")
            performanceName = map.column("primary_place_of_performance_country_name")
            originCode = map.column("country_of_product_or_service_origin_code")
            origin = map.column("country_of_product_or_service_origin")
            manufactureCode = map.column("place_of_manufacture_code")
            manufacture = map.column("place_of_manufacture")
            psc = map.column("product_or_service_code")
            naics = map.column("naics_code")
            description = map.column("transaction_description")
            baseDescription = map.column("prime_award_base_transaction_description")
            actionDate = map.column("action_date")
            baseActionDate = map.column("award_base_action_date")
        }

        /// The first of the id columns (``Rows/key(_:_:)``).
        var id: Column { transactionKey }

        func keyColumn(_ k: Int) -> Column { k == 0 ? transactionKey : k == 1 ? awardKey : piid }
    }
}
