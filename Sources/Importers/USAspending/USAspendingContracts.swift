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
    /// - Throws: ``InputError`` for a missing file, bad CSV, or a header without
    ///   `contract_award_unique_key` / `award_id_piid` or without a recipient column.
    public static func contracts(path: String, options: ImportOptions = ImportOptions()) throws -> ImportResult<Contract> {
        var ids = IDRegistry()
        return try TableImport.read(
            path: path, columns: columns,
            required: [["contract_award_unique_key", "award_id_piid"], ["recipient_uei", "recipient_duns", "recipient_name"]], options: options
        ) { row, findings throws(RowRejection) in
            let idColumn = ["contract_transaction_unique_key", "contract_award_unique_key", "award_id_piid"].first { row[$0] != nil }
            guard let idColumn, var id = row[idColumn] else {
                throw RowRejection("missing-value", "no award id: 'contract_award_unique_key' and 'award_id_piid' are empty", column: row.column(of: "award_id_piid"))
            }
            // A transactions file without its transaction key (columns dropped in a
            // spreadsheet): each modification is an action of its own, `KEY/MOD` as in FPDS,
            // not a repeat of the award's base action.
            if idColumn != "contract_transaction_unique_key", let mod = row["modification_number"], mod != "0" { id += "/" + mod }
            try ids.rejectRepeat(id, column: idColumn, number: row.column(of: idColumn))
            if row["recipient_uei"] == nil && row["recipient_duns"] == nil && row["recipient_name"] == nil {
                throw RowRejection(
                    "missing-value", "no recipient: 'recipient_uei', 'recipient_duns' and 'recipient_name' are empty", column: row.column(of: "recipient_uei"))
            }
            let amountColumn = row.column(of: "federal_action_obligation") != nil ? "federal_action_obligation" : "total_obligated_amount"
            let amount = try row.amount(amountColumn)
            let potential = try row.amount("potential_total_value_of_award")
            let date = try row.date(row["action_date"] != nil ? "action_date" : "award_base_action_date")
            if let warning = ids.register(id, what: idColumn, at: row.location) { findings.append(warning) }
            return Contract(
                id: id, vendorUEI: row["recipient_uei"], vendorDUNS: row["recipient_duns"], vendorName: row["recipient_name"],
                vendorParentUEI: row["recipient_parent_uei"],
                vendorCountry: row["recipient_country_code"] ?? row["recipient_country_name"],
                agency: row["awarding_agency_name"], fundingAgency: row["funding_agency_name"],
                amount: amount, potentialValue: potential, currency: "USD",
                placeOfPerformance: row["primary_place_of_performance_country_code"] ?? row["primary_place_of_performance_country_name"],
                countryOfOrigin: row["country_of_product_or_service_origin_code"] ?? row["country_of_product_or_service_origin"],
                placeOfManufacture: row["place_of_manufacture_code"] ?? row["place_of_manufacture"],
                psc: row["product_or_service_code"], naics: row["naics_code"],
                description: row["transaction_description"] ?? row["prime_award_base_transaction_description"],
                awardDate: date, location: row.location)
        }
    }
}
