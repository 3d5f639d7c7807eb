/// Streams the contracts file: federal awards to the brands (tier 0), with real-looking PIIDs,
/// agencies, heavy-tailed amounts, the PSC and NAICS of the brand's finished good, award dates
/// from 2020-10-01 (when every FAR threshold of the model is in effect) to 2025, and the vendor's country, a country of origin among the family's
/// assembler countries and the place of performance.
struct ContractWriter {
    static let fields = [
        "contract_id", "vendor_id", "agency", "funding_agency", "amount", "potential_value", "currency", "award_date",
        "psc", "naics", "product_or_service_type", "description", "vendor_country", "country_of_origin",
        "place_of_performance",
    ]
    /// Awarding agencies with the office prefix of their PIIDs.
    static let agencies: [(name: String, piid: String)] = [
        ("General Services Administration", "47QSWA"), ("Department of Defense", "SPE1C1"),
        ("Department of Veterans Affairs", "36C10G"), ("Department of Homeland Security", "70B01C"),
        ("Department of Health and Human Services", "75N980"), ("Department of State", "19AQMM"),
        ("Department of Energy", "89303A"), ("Department of the Interior", "140D04"),
    ]
    /// First and last award day (days since 1970-01-01): 2020-10-01 and 2025-12-31. The model's
    /// earliest FAR thresholds take effect on 2020-08-31 (micro-purchase) and 2020-10-01
    /// (compliance plan); an earlier award gets `award-before-thresholds` and no FAR rule.
    static let firstDay = 18_536, lastDay = 20_453

    let catalog: SupplierCatalog
    let count: Int
    let encoder: RecordEncoder
    let seed: UInt64

    init(catalog: SupplierCatalog, count: Int, format: OutputFormat, seed: UInt64) {
        self.catalog = catalog
        self.count = count
        self.seed = seed
        encoder = RecordEncoder(format: format, section: "contracts", record: "contract", fields: Self.fields)
    }

    /// - Complexity: O(contracts) time, constant memory.
    func write(to file: inout OutputFile) throws(GeneratorError) {
        let e = encoder
        let layout = catalog.layout
        let agencyNames = e.table(Self.agencies.map(\.name))
        let piids = ByteTable(Self.agencies.map { Array($0.piid.utf8) })
        let families = ChainFamily.all
        let fixed = e.table(["Department of the Army", "USD", "US", "PRODUCT"])
        let psc = e.table(families.map(\.psc))
        let naics = e.table(families.map(\.naics))
        let descriptions = e.table(families.indices.map { "Supply of " + catalog.goodNames[Int(catalog.tierGood[0][$0])].lowercased() })
        let countries = e.table(catalog.countryCodes)
        let makerCount = families.map(\.makerCountries.count)
        var makerStart: [Int] = []
        var offset = 0
        for family in families {
            makerStart.append(offset)
            offset += family.makerCountries.count
        }
        let makers = e.table(families.flatMap(\.makerCountries))
        var cumulative: [Double] = []
        for family in families { cumulative.append((cumulative.last ?? 0) + family.weight) }
        // Contract numbers 1 … count in `width` digits (count = 10^6 needs 7: `<` wrapped it to 000000).
        var width = 6
        var limit = 1_000_000
        while limit <= count { limit *= 10; width += 1 }
        var random = SeededRandom(seed: seed, stream: 5)
        try e.begin(&file)
        for c in 0..<count {
            try file.reserve(1024 + e.framingBytes)
            var f = random.pick(cumulative: cumulative)
            let vendor = layout.popular(block: f, &random)
            if layout.blocks[0][f].isEmpty { f = layout.family(of: vendor) }
            let agency = random.below(Self.agencies.count)
            let day = Self.firstDay + random.below(Self.lastDay - Self.firstDay + 1)
            let (year, month, dayOfMonth) = Self.civil(day)
            let dollars = min(500_000_000, 3_000 * pow(random.openUnit(), -1 / 0.8))
            let cents = UInt64(dollars * 100)
            let potential = UInt64(Double(cents) * (1 + 2 * random.unit()))
            e.openRecord(&file)
            e.openField(0, &file)
            file.append(piids, agency)
            file.decimal(UInt64(year % 100), width: 2)
            file.byte(random.chance(0.7) ? 70 : 67)  // F (order) or C (contract)
            file.decimal(UInt64(c + 1), width: width)
            e.closeField(0, &file)
            e.openField(1, &file)
            file.byte(83)
            file.decimal(UInt64(vendor + 1))
            e.closeField(1, &file)
            e.field(2, agencyNames, agency, &file)
            if agency == 0 && random.chance(0.2) { e.field(3, fixed, 0, &file) } else { e.emptyField(3, &file) }
            e.openField(4, &file)
            file.amount(cents: cents)
            e.closeField(4, &file)
            e.openField(5, &file)
            file.amount(cents: potential)
            e.closeField(5, &file)
            e.field(6, fixed, 1, &file)
            e.openField(7, &file)
            file.decimal(UInt64(year), width: 4)
            file.byte(45)
            file.decimal(UInt64(month), width: 2)
            file.byte(45)
            file.decimal(UInt64(dayOfMonth), width: 2)
            e.closeField(7, &file)
            e.field(8, psc, f, &file)
            e.field(9, naics, f, &file)
            e.field(10, fixed, 3, &file)
            e.field(11, descriptions, f, &file)
            e.field(12, countries, Int(catalog.country[vendor]), &file)
            e.field(13, makers, makerStart[f] + random.below(makerCount[f]), &file)
            e.field(14, fixed, 2, &file)
            e.closeRecord(&file)
        }
        try e.end(&file)
    }

    /// The civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
