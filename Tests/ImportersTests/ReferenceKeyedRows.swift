import SupplyChainModel
@testable import Importers

// The supplier and contract converters as they were before the byte path (one `[String]` per
// row, checked and registered in one go), kept verbatim as the reference the new readers are
// compared with through `TableImport.read`.

struct ReferenceSupplierRows {
    private var ids = IDRegistry()
    private var columns: Columns?

    /// The columns a supplier row is read from.
    private struct Columns {
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
        let id = try row.required(c.id)
        try ids.rejectRepeat(id, column: "supplier_id", number: c.id.number)
        let name = try row.required(c.name)
        let risk = try row.fraction(c.risk, in: 0...1, allowZero: true, expected: "a number from 0 to 1")
        if let warning = ids.register(id, what: "supplier_id", at: row.location) { findings.append(warning) }
        let goods = row[c.goods].map(Self.goodsList) ?? []
        return Supplier(
            id: id, name: name, country: row[c.country], region: row[c.region], goods: goods, address: row[c.address],
            uei: row[c.uei], lei: row[c.lei], duns: row[c.duns], riskOverride: risk, riskNote: row[c.riskNote],
            location: row.location)
    }
}

extension ReferenceSupplierRows {
    /// The goods of a trimmed, non-empty `goods` cell: `;`-separated, each trimmed, empty
    /// items dropped (a cell without `;` is one good, as it is).
    static func goodsList(_ text: String) -> [String] {
        if !text.utf8.contains(UInt8(ascii: ";")) { return [text] }
        return text.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

struct ReferenceContractRows {
    private var ids = IDRegistry()
    private var columns: Columns?

    /// The columns a contract row is read from.
    private struct Columns {
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
        let id = try row.required(c.id)
        try ids.rejectRepeat(id, column: "contract_id", number: c.id.number)
        let vendorID = row[c.vendorID], vendorUEI = row[c.vendorUEI], vendorDUNS = row[c.vendorDUNS], vendorName = row[c.vendorName]
        if vendorID == nil && vendorUEI == nil && vendorDUNS == nil && vendorName == nil {
            throw RowRejection("missing-value", "no vendor: 'vendor_id', 'vendor_uei', 'vendor_duns' and 'vendor_name' are all empty")
        }
        let amount = try row.amount(c.amount)
        let potentialValue = try row.amount(c.potentialValue)
        let date = try row.date(c.awardDate)
        // QA9: a product_or_service_type other than PRODUCT or SERVICE rejects the row.
        let type = row[c.productOrServiceType].map(Self.uppercased)
        if let type, type != "PRODUCT" && type != "SERVICE" {
            throw RowRejection(
                "invalid-value", "'product_or_service_type' is '\(row[c.productOrServiceType]!)'; expected PRODUCT or SERVICE (or leave it empty to judge by the PSC)",
                column: c.productOrServiceType.number)
        }
        if let warning = ids.register(id, what: "contract_id", at: row.location) { findings.append(warning) }
        return Contract(
            id: id, vendorID: vendorID, vendorUEI: vendorUEI, vendorDUNS: vendorDUNS, vendorName: vendorName,
            vendorParentUEI: row[c.vendorParentUEI], vendorCountry: row[c.vendorCountry],
            agency: row[c.agency], fundingAgency: row[c.fundingAgency], amount: amount, potentialValue: potentialValue,
            currency: row[c.currency].map(Self.uppercased) ?? "USD",
            placeOfPerformance: row[c.placeOfPerformance], countryOfOrigin: row[c.countryOfOrigin],
            placeOfManufacture: row[c.placeOfManufacture], psc: row[c.psc],
            productOrServiceType: type, naics: row[c.naics],
            description: row[c.description], awardDate: date, location: row.location)
    }

    /// `text.uppercased()`; text already in upper case (currency codes, `PRODUCT`) is returned
    /// as is.
    static func uppercased(_ text: String) -> String {
        text.utf8.contains(where: { $0 >= 0x61 }) ? text.uppercased() : text
    }
}
