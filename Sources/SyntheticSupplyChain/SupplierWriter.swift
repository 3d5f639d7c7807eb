/// Writes the suppliers file: `supplier_id, name, country, region, goods, uei`, one supplier per
/// index in layout order. Names are assembled from pre-encoded pieces; nothing per row allocates
/// except the rare watchlist name.
struct SupplierWriter {
    static let fields = ["supplier_id", "name", "country", "region", "goods", "uei"]
    static let ueiAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".utf8)

    let catalog: SupplierCatalog
    let encoder: RecordEncoder

    init(catalog: SupplierCatalog, format: OutputFormat) {
        self.catalog = catalog
        encoder = RecordEncoder(format: format, section: "suppliers", record: "supplier", fields: Self.fields)
    }

    /// - Complexity: O(suppliers) time; constant extra memory.
    func write(to file: OutputFile) throws(GeneratorError) {
        let e = encoder
        let csv = e.format == .csv
        let prefixes = CompanyNames.prefixes.map(e.encode)
        let words = ChainFamily.all.map { $0.nameWords.map(e.encode) }
        let middles = ["", "International ", "Industrial ", "Trading ", "Manufacturing ", "Group ", "Holdings ", "Products "]
            .map(e.encode)
        // In CSV the suffix goes raw inside the quoted name (it holds commas, never quotes).
        let suffixes = catalog.countryCodes.map { csv ? Array(CompanyNames.suffix(alpha2: $0).utf8) : e.encode(CompanyNames.suffix(alpha2: $0)) }
        let suffixQuoted = catalog.countryCodes.map { CompanyNames.suffix(alpha2: $0).contains(",") && csv }
        let countries = catalog.countryCodes.map(e.encode)
        let goods = catalog.goodNames.map(e.encode)
        let region = e.encode("Xinjiang")
        let layout = catalog.layout
        let room = 4096 + e.framingBytes
        try e.begin(file)
        for t in 0..<layout.tiers.count {
            for (f, block) in layout.blocks[t].enumerated() {
                for i in block {
                    try file.reserve(room)
                    let h = mix64(catalog.seed ^ 0x4E41_4D45, UInt64(i))
                    let c = Int(catalog.country[i])
                    e.openRecord(file)
                    e.openField(0, file)
                    file.byte(83)  // S
                    file.decimal(UInt64(i + 1))
                    e.closeField(0, file)
                    e.openField(1, file)
                    if let listed = catalog.watchlistNames[i] {
                        file.bytesReserved(e.encode(listed))
                    } else {
                        if suffixQuoted[c] { file.byte(34) }
                        file.bytesReserved(prefixes[Int(h % UInt64(prefixes.count))])
                        file.byte(32)
                        file.bytesReserved(words[f][Int((h >> 16) % UInt64(words[f].count))])
                        file.byte(32)
                        file.bytesReserved(middles[Int((h >> 24) % UInt64(middles.count))])
                        file.bytesReserved(suffixes[c])
                        if suffixQuoted[c] { file.byte(34) }
                    }
                    e.closeField(1, file)
                    e.field(2, countries[c], file)
                    if catalog.flags[i] & 1 != 0 { e.field(3, region, file) } else { e.emptyField(3, file) }
                    e.field(4, goods[Int(catalog.good[i])], file)
                    if catalog.flags[i] & 2 != 0 {
                        e.openField(5, file)
                        var v = h
                        file.byte(Self.ueiAlphabet[Int(v % 24)])
                        for _ in 0..<11 {
                            v = v / 34 ^ (v << 59)
                            file.byte(Self.ueiAlphabet[Int(v % 34)])
                        }
                        e.closeField(5, file)
                    } else {
                        e.emptyField(5, file)
                    }
                    e.closeRecord(file)
                }
            }
        }
        try e.end(file)
    }
}
