import RiskModel

/// Every supplier's attributes, drawn once from the seed and the reference tables: country,
/// good, watchlist name, region. Holds O(suppliers) bytes (a few per supplier) so the link and
/// contract writers can look a supplier's good and country up without storing any link.
///
/// Countries and goods are real: ISO codes and goods of the DOL list. Risk is concentrated on
/// purpose: processors and raw-material suppliers sit in a country the DOL list names for their
/// good with probability ``TierShape/listedCountryProbability``, a few Chinese ones in Xinjiang,
/// and a small fraction carry the exact name of a UFLPA Entity List entity.
struct SupplierCatalog {
    let layout: SupplierLayout
    /// Alpha-2 codes used, indexed by ``country``.
    let countryCodes: [String]
    /// Good ids used, indexed by ``good``.
    let goodIDs: [String]
    /// Display names of the goods (the vocabulary's names).
    let goodNames: [String]
    /// Country index of each supplier.
    let country: [UInt16]
    /// Good index of each supplier.
    let good: [UInt8]
    /// Bit 0: in Xinjiang; bit 1: has a UEI (brands and assemblers).
    let flags: [UInt8]
    /// Supplier index → UFLPA entity name, for the watchlist suppliers.
    let watchlistNames: [Int: String]
    let seed: UInt64

    /// Tier → family → the good index of that tier in that family.
    let tierGood: [[UInt8]]

    init(layout: SupplierLayout, seed: UInt64, reference: ReferenceData = .embedded) {
        self.layout = layout
        self.seed = seed
        var codes: [String] = []
        var codeIndex: [String: UInt16] = [:]
        func countryIndex(_ code: String) -> UInt16 {
            if let i = codeIndex[code] { return i }
            codeIndex[code] = UInt16(codes.count)
            codes.append(code)
            return UInt16(codes.count - 1)
        }
        var goods: [String] = []
        for family in ChainFamily.all { for g in family.goods where !goods.contains(g) { goods.append(g) } }
        goodIDs = goods
        goodNames = goods.map { reference.goods.name(of: $0) }
        tierGood = (0..<TierShape.count).map { t in ChainFamily.all.map { UInt8(goods.firstIndex(of: $0.goods[t])!) } }
        // Countries the DOL list names for each good, in table order.
        var listed: [String: [UInt16]] = [:]
        for listing in reference.dol.listings where goods.contains(listing.goodID) {
            listed[listing.goodID, default: []].append(countryIndex(listing.alpha2))
        }
        let brand = TierShape.brandCountries.map(countryIndex)
        let makers = ChainFamily.all.map { $0.makerCountries.map(countryIndex) }
        let clean = ChainFamily.all.map { $0.cleanSourceCountries.map(countryIndex) }
        let china = countryIndex("CN")
        let entities = reference.uflpa.map { ($0.entry.name, $0.entry.country.map { String($0.prefix(2)) } ?? "CN") }
            .filter { reference.countries.country(alpha2: $0.1) != nil }

        var country = [UInt16](repeating: 0, count: layout.count)
        var good = [UInt8](repeating: 0, count: layout.count)
        var flags = [UInt8](repeating: 0, count: layout.count)
        var watchlist: [Int: String] = [:]
        var random = SeededRandom(seed: seed, stream: 2)
        for t in 0..<TierShape.count {
            for (f, block) in layout.blocks[t].enumerated() {
                let goodIndex = tierGood[t][f]
                let listedHere = listed[goods[Int(goodIndex)]] ?? []
                for i in block {
                    good[i] = goodIndex
                    var c: UInt16
                    switch t {
                    case 0: c = brand[random.below(brand.count)]
                    case 1: c = makers[f][random.below(makers[f].count)]
                    default:
                        if !listedHere.isEmpty && random.chance(TierShape.listedCountryProbability[t]) {
                            // Zipf over the listed countries: the first listed ones carry most risk.
                            let u = random.unit()
                            c = listedHere[min(listedHere.count - 1, Int(Double(listedHere.count) * u * u))]
                        } else if t == 2 || random.chance(0.5) {
                            c = makers[f][random.below(makers[f].count)]
                        } else {
                            c = clean[f][random.below(clean[f].count)]
                        }
                        if !entities.isEmpty && random.chance(TierShape.watchlistFraction) {
                            let entity = entities[random.below(entities.count)]
                            watchlist[i] = entity.0
                            c = countryIndex(entity.1)
                        }
                    }
                    if t >= 3 && c == china && random.chance(TierShape.xinjiangFraction) { flags[i] |= 1 }
                    if t <= 1 { flags[i] |= 2 }
                    country[i] = c
                }
            }
        }
        countryCodes = codes
        self.country = country
        self.good = good
        self.flags = flags
        watchlistNames = watchlist
    }
}
