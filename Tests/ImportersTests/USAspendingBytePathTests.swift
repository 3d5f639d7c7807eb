import Testing
@testable import Importers
import SupplyChainModel

/// USAspending downloads are read from bytes (``KeyedTableReader``), only the 27 cells the
/// reader keeps made into text. The result must be what the `String` path gave with the
/// converter as it was (``ReferenceUSAspendingRows``): records, findings, counts, rejected
/// rows and errors, whatever the chunking, with records kept or not.
@Suite("USAspending read from bytes")
struct USAspendingBytePathTests {
    /// A random download: the id, recipient, amount, date and text columns among unknown ones,
    /// in a random order; rows with bad ids, amounts and dates, non-ASCII text, repeated ids
    /// and header lines, short, over-wide and blank rows.
    static func randomFile(seed: Int) -> [UInt8] {
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
        var names = [
            "contract_award_unique_key", "award_id_piid", "modification_number", "recipient_uei", "recipient_duns", "recipient_name",
            "recipient_country_code", "recipient_country_name", "total_obligated_amount", "potential_total_value_of_award",
            "awarding_agency_name", "funding_agency_name", "primary_place_of_performance_country_code", "country_of_product_or_service_origin",
            "place_of_manufacture", "product_or_service_code", "naics_code", "transaction_description", "action_date", "award_base_action_date",
            "parent_award_agency_name", "disaster_emergency_fund_codes", "highly_compensated_officer_1_name",
        ]
        if rng.next(below: 2) == 0 { names += ["contract_transaction_unique_key", "federal_action_obligation"] }
        for _ in 0..<rng.next(below: 6) { names.remove(at: rng.next(below: names.count)) }
        if !names.contains("award_id_piid") && !names.contains("contract_award_unique_key") { names.append("award_id_piid") }
        if !names.contains("recipient_name") { names.append("recipient_name") }
        names.shuffle(using: &rng)
        func cell(_ name: String) -> String {
            let pick = { (values: [String]) in values[rng.next(below: values.count)] }
            switch name {
            case "contract_transaction_unique_key", "contract_award_unique_key", "award_id_piid":
                return pick(["K\(rng.next(below: 40))", "K\(rng.next(below: 400))", "", " K\(rng.next(below: 40)) ", "Ké\(rng.next(below: 5))"])
            case "modification_number": return pick(["0", "", "P0000\(rng.next(below: 3))", "A1"])
            case "recipient_uei", "recipient_duns": return pick(["", "ZQGGHJH74DW7", "012345678", "U\(rng.next(below: 9))"])
            case "recipient_name": return pick(["", "ACME INC", "\"Hôtel Supply, S.A.\"", "\"multi\nline\"", "Company Number 12345 Limited"])
            case "total_obligated_amount", "potential_total_value_of_award", "federal_action_obligation":
                return pick(["", "1234.50", "\"$1,234.50\"", "abc", "1e99", "-2500.5", "\"(1,234.50)\""])
            case "action_date", "award_base_action_date": return pick(["", "2024-01-02", "01/02/2024", "13/04/2023", "2023-02-30", "x"])
            case "awarding_agency_name", "funding_agency_name":
                return pick(["", "Department of Defense", "General Services Administration", "Département"])
            default: return pick(["", "N", "CHN", "SOME LONGER TEXT VALUE", "\"with, comma\"", "caf\u{E9}"])
            }
        }
        var out = Array((names.joined(separator: ",") + "\n").utf8)
        for _ in 0..<(20 + rng.next(below: 300)) {
            switch rng.next(below: 40) {
            case 0: out += Array("\n".utf8); continue
            case 1: out += Array((names.joined(separator: ",") + "\n").utf8); continue
            case 2: out += Array((String(repeating: ",", count: names.count - 1) + "\n").utf8); continue
            default: break
            }
            var cells = names.map(cell)
            if rng.next(below: 25) == 0 { cells.removeLast(rng.next(below: cells.count)) }
            if rng.next(below: 20) == 0 { cells.append("extra") }
            var line = Array(cells.joined(separator: ",").utf8)
            if rng.next(below: 30) == 0 { line += [0x2C, 0x93, 0x71, 0x94] }  // Windows-1252 quotes
            out += line + [0x0A]
        }
        return out
    }

    @Test(arguments: 0..<12)
    func downloadsMatchTheStringPath(seed: Int) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("awards.csv", bytes: Self.randomFile(seed: seed))
        KeyedTableReaderTests.compare({ try USAspendingContracts.contracts(path: path, options: $0) }, { options in
            var converter = ReferenceUSAspendingRows()
            return try TableImport.read(
                path: path, columns: USAspendingContracts.columns,
                required: [["contract_award_unique_key", "award_id_piid"], ["recipient_uei", "recipient_duns", "recipient_name"]], options: options
            ) { row, findings throws(RowRejection) in try converter.convert(row, findings: &findings) }
        }, map: [:], limits: .default, context: "usaspending seed \(seed)")
    }

    /// The id comes from the first non-empty key column; a repeat names that column, and a
    /// summary row's modification makes an action of its own.
    @Test func idsNameTheirColumn() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("a.csv", """
            contract_transaction_unique_key,contract_award_unique_key,award_id_piid,modification_number,recipient_name,total_obligated_amount
            T1,A1,P1,0,Acme,1
            ,A1,P1,P00002,Acme,2
            ,A1,P1,0,Acme,3
            ,A1,P1,0,Acme,4
            ,,P9,,Acme,5
            ,,,,Acme,6
            contract_transaction_unique_key,x,y,z,w,7

            """)
        let result = try USAspendingContracts.contracts(path: path)
        #expect(result.records.map(\.id) == ["T1", "A1/P00002", "A1", "P9"])
        let messages = result.findings.filter { $0.severity == .error }.map(\.message)
        #expect(messages == [
            "row rejected: contract_award_unique_key 'A1' is already used at line 4",
            "row rejected: no award id: 'contract_award_unique_key' and 'award_id_piid' are empty",
            "row rejected: the row repeats the header (files joined with `cat`?): a header line is not data; give each file as it was downloaded",
        ])
        #expect(result.summary.read == 7 && result.summary.accepted == 4)
    }
}

/// A row rejected as a repeated id is rejected before its dates are read, whatever the path:
/// its dates count neither as ambiguous nor as written in the other order.
@Suite("Dates of repeated rows")
struct RepeatedRowDatesTests {
    @Test(arguments: [Int.max, 0])
    func repeatedRowsDoNotCountTheirDates(parallelThreshold: Int) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("c.csv", """
            contract_id,vendor_id,award_date
            C1,V,01/02/2024
            C1,V,13/04/2023
            C1,V,02/03/2024
            C2,V,25/12/2023
            C3,V,2024-05-06

            """)
        var options = ImportOptions(parallelThreshold: parallelThreshold)
        options.parallelChunkBytes = 24
        let result = try NativeCSVImporter.contracts(path: path, options: options)
        let warning = try #require(result.findings.first { $0.code == "ambiguous-dates" })
        #expect(warning.message.hasPrefix("1 date that could be read either way (the first '01/02/2024' in 'award_date' at line 2"))
        #expect(warning.message.contains("1 date rejected as invalid-date can only be read so"))
        #expect(result.summary.rejectedByReason == ["duplicate-id": 2, "invalid-date": 1])
    }
}

/// The USAspending converter as it was before the byte path (every cell of a row decoded),
/// kept as the reference the reader is compared with through `TableImport.read`.
struct ReferenceUSAspendingRows {
    private var ids = IDRegistry()
    private var resolved: USAspendingContracts.Columns?

    mutating func convert(_ row: Row, findings: inout [Finding]) throws(RowRejection) -> Contract {
        let c = resolved ?? USAspendingContracts.Columns(row.map)
        resolved = c
        let idColumn = [c.transactionKey, c.awardKey, c.piid].first { row[$0] != nil }
        guard let idColumn, var id = row[idColumn] else {
            throw RowRejection("missing-value", "no award id: 'contract_award_unique_key' and 'award_id_piid' are empty", column: c.piid.number)
        }
        if idColumn.name != c.transactionKey.name, let mod = row[c.modification], mod != "0" { id += "/" + mod }
        try ids.rejectRepeat(id, column: idColumn.name, number: idColumn.number)
        let uei = row[c.uei], duns = row[c.duns], name = row[c.name]
        if uei == nil && duns == nil && name == nil {
            throw RowRejection("missing-value", "no recipient: 'recipient_uei', 'recipient_duns' and 'recipient_name' are empty", column: c.uei.number)
        }
        let amount = try row.amount(c.actionObligation.index != nil ? c.actionObligation : c.totalObligated)
        let potential = try row.amount(c.potential)
        let date = try row.date(row[c.actionDate] != nil ? c.actionDate : c.baseActionDate)
        if let warning = ids.register(id, what: idColumn.name, at: row.location) { findings.append(warning) }
        return Contract(
            id: id, vendorUEI: uei, vendorDUNS: duns, vendorName: name, vendorParentUEI: row[c.parentUEI],
            vendorCountry: row[c.countryCode] ?? row[c.countryName], agency: row[c.agency], fundingAgency: row[c.fundingAgency],
            amount: amount, potentialValue: potential, currency: "USD",
            placeOfPerformance: row[c.performanceCode] ?? row[c.performanceName], countryOfOrigin: row[c.originCode] ?? row[c.origin],
            placeOfManufacture: row[c.manufactureCode] ?? row[c.manufacture], psc: row[c.psc], naics: row[c.naics],
            description: row[c.description] ?? row[c.baseDescription], awardDate: date, location: row.location)
    }
}
