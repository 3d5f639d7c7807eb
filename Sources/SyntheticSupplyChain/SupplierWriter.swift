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
    func write(to file: inout OutputFile) throws(GeneratorError) {
        let e = encoder
        let csv = e.format == .csv
        let prefixes = e.table(CompanyNames.prefixes)
        let wordsPerFamily = ChainFamily.all[0].nameWords.count
        let words = e.table(ChainFamily.all.flatMap(\.nameWords))
        let middles = e.table(["", "International ", "Industrial ", "Trading ", "Manufacturing ", "Group ", "Holdings ", "Products "])
        // In CSV the suffix goes raw inside the quoted name (it holds commas, never quotes).
        let suffixText = catalog.countryCodes.map { CompanyNames.suffix(alpha2: $0) }
        let suffixes = ByteTable(suffixText.map { csv ? Array($0.utf8) : e.encode($0) })
        let suffixQuoted = suffixText.map { csv && $0.contains(",") }
        let countries = e.table(catalog.countryCodes)
        let goods = e.table(catalog.goodNames)
        let region = e.table(["Xinjiang"])
        let alphabet = ByteTable([Self.ueiAlphabet])
        let layout = catalog.layout
        let room = 4096 + e.framingBytes
        try e.begin(&file)
        for t in 0..<layout.tiers.count {
            for (f, block) in layout.blocks[t].enumerated() {
                for i in block {
                    try file.reserve(room)
                    let h = mix64(catalog.seed ^ 0x4E41_4D45, UInt64(i))
                    let c = Int(catalog.country[i])
                    e.openRecord(&file)
                    e.openField(0, &file)
                    file.byte(83)  // S
                    file.decimal(UInt64(i + 1))
                    e.closeField(0, &file)
                    e.openField(1, &file)
                    if let listed = catalog.watchlistNames[i] {
                        file.bytesReserved(e.encode(listed))
                    } else {
                        if suffixQuoted[c] { file.byte(34) }
                        file.append(prefixes, Int(h % UInt64(prefixes.count)))
                        file.byte(32)
                        file.append(words, f * wordsPerFamily + Int((h >> 16) % UInt64(wordsPerFamily)))
                        file.byte(32)
                        file.append(middles, Int((h >> 24) % UInt64(middles.count)))
                        file.append(suffixes, c)
                        if suffixQuoted[c] { file.byte(34) }
                    }
                    e.closeField(1, &file)
                    e.field(2, countries, c, &file)
                    if catalog.flags[i] & 1 != 0 { e.field(3, region, 0, &file) } else { e.emptyField(3, &file) }
                    e.field(4, goods, Int(catalog.good[i]), &file)
                    if catalog.flags[i] & 2 != 0 {
                        e.openField(5, &file)
                        var v = h
                        file.byte(alphabet.storage[Int(v % 24)])
                        for _ in 0..<11 {
                            v = v / 34 ^ (v << 59)
                            file.byte(alphabet.storage[Int(v % 34)])
                        }
                        e.closeField(5, &file)
                    } else {
                        e.emptyField(5, &file)
                    }
                    e.closeRecord(&file)
                }
            }
        }
        try e.end(&file)
    }
}
