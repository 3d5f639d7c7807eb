/// Streams the links file: `buyer_id, supplier_id, share, good`, buyer by buyer.
///
/// Only one buyer's links exist at a time (its targets and weights), so memory is
/// O(suppliers + largest out-degree) whatever the number of links. For each link the writer
/// draws a target tier from ``TierShape/targets``, keeps the buyer's product family with
/// probability ``TierShape/sameFamily``, and picks a supplier there by popularity; a
/// per-buyer hash set (reset by a generation stamp, not cleared) refuses self links and
/// repeated pairs. Shares: the buyer's declared total S is uniform in [0.62, 1]; it is split in
/// proportion to weights 1/√u and written as integers of 10^-k (k ≥ 4 digits, more for buyers
/// with many suppliers) rounded down, each at least one unit, so every share is in (0, 1) and
/// each buyer's shares sum to a value in [0.6, 1].
struct LinkWriter {
    static let fields = ["buyer_id", "supplier_id", "share", "good"]

    let catalog: SupplierCatalog
    let degrees: [Int32]
    let encoder: RecordEncoder
    let seed: UInt64

    init(catalog: SupplierCatalog, degrees: [Int32], format: OutputFormat, seed: UInt64) {
        self.catalog = catalog
        self.degrees = degrees
        self.seed = seed
        encoder = RecordEncoder(format: format, section: "links", record: "link", fields: Self.fields)
    }

    /// - Complexity: O(links) expected time (plus a scan of a tier when a buyer buys from most of it).
    func write(to file: inout OutputFile) throws(GeneratorError) {
        let e = encoder
        let layout = catalog.layout
        let goods = e.table(catalog.goodNames)
        let good = catalog.good
        let room = 64 + e.framingBytes + goods.maxLength
        // The good of each block's suppliers, so a link drawn from a block needs no per-supplier look-up;
        // -1 for an empty block (small chains), whose draws come from the whole tier: the supplier's own good.
        let families = SupplierLayout.families
        let blockGood = (0..<layout.tiers.count * families).map {
            layout.blocks[$0 / families][$0 % families].isEmpty ? -1 : Int(catalog.tierGood[$0 / families][$0 % families])
        }
        let maxDegree = Int(degrees.max() ?? 0)
        var tableSize = 16
        while tableSize < 2 * maxDegree { tableSize *= 2 }
        var seen = ChosenSet(capacity: tableSize)
        var targets = [Int32](repeating: 0, count: max(1, maxDegree))
        var targetGoods = [UInt8](repeating: 0, count: max(1, maxDegree))
        var weights = [Double](repeating: 0, count: max(1, maxDegree))
        var random = SeededRandom(seed: seed, stream: 4)
        let tierTargets = TierShape.targets.map { row in
            var total = 0.0
            return row.map { (offset: $0.offset, cumulative: { total += $0.probability; return total }($0)) }
        }
        try e.begin(&file)
        for t in 0..<layout.tiers.count {
            for (f, block) in layout.blocks[t].enumerated() {
                for u in block {
                    let d = Int(degrees[u])
                    if d == 0 { continue }
                    seen.reset(forCount: d)
                    let choices = tierTargets[t]
                    var total = 0.0
                    for k in 0..<d {
                        // Target tier and family.
                        let x = random.unit()
                        var choice = 0
                        while choice < choices.count - 1 && choices[choice].cumulative <= x { choice += 1 }
                        let tier = t + choices[choice].offset
                        let family = random.chance(TierShape.sameFamily) ? f : random.below(families)
                        let b = tier * families + family
                        let (v, fromBlock) = pick(buyer: u, block: b, tier: tier, layout: layout, seen: &seen, random: &random)
                        targets[k] = Int32(v)
                        targetGoods[k] = fromBlock && blockGood[b] >= 0 ? UInt8(blockGood[b]) : good[v]
                        let w = 1 / random.openUnit().squareRoot()
                        weights[k] = w
                        total += w
                    }
                    // Shares in units of 10^-digits.
                    var digits = 4
                    var scale: UInt64 = 10_000
                    while scale < UInt64(200 * d) { scale *= 10; digits += 1 }
                    let declared = 0.62 + 0.38 * random.unit()
                    let units = Double(UInt64(declared * Double(scale)) - UInt64(d))
                    for k in 0..<d {
                        try file.reserve(room)
                        let v = Int(targets[k])
                        let share = max(1, UInt64(units * weights[k] / total))
                        e.openRecord(&file)
                        e.openField(0, &file)
                        file.byte(83)
                        file.decimal(UInt64(u + 1))
                        e.closeField(0, &file)
                        e.openField(1, &file)
                        file.byte(83)
                        file.decimal(UInt64(v + 1))
                        e.closeField(1, &file)
                        e.openField(2, &file)
                        file.fraction(units: share, digits: digits)
                        e.closeField(2, &file)
                        e.field(3, goods, Int(targetGoods[k]), &file)
                        e.closeRecord(&file)
                    }
                }
            }
        }
        try e.end(&file)
    }

    /// A supplier for `buyer` from `block` (in `tier`), not chosen before by this buyer: by
    /// popularity in the block, then uniformly in the tier, then by scanning the tier, then anything.
    /// - Returns: the supplier, and whether it is from the block (its good is the block's good).
    @inline(__always)
    private func pick(
        buyer: Int, block: Int, tier: Int, layout: SupplierLayout, seen: inout ChosenSet, random: inout SeededRandom
    ) -> (Int, Bool) {
        for _ in 0..<6 {
            let v = layout.popular(block: block, &random)
            if v != buyer && seen.insert(v) { return (v, true) }
        }
        return (fallback(buyer: buyer, tier: tier, layout: layout, seen: &seen, random: &random), false)
    }

    private func fallback(buyer: Int, tier: Int, layout: SupplierLayout, seen: inout ChosenSet, random: inout SeededRandom) -> Int {
        let tierRange = layout.tiers[tier]
        for _ in 0..<6 {
            let v = tierRange.lowerBound + random.below(tierRange.count)
            if v != buyer && seen.insert(v) { return v }
        }
        for range in [tierRange, 0..<layout.count] {
            let start = random.below(range.count)
            for j in 0..<range.count {
                let v = range.lowerBound + (start + j) % range.count
                if v != buyer && seen.insert(v) { return v }
            }
        }
        preconditionFailure("out-degree above the number of other suppliers")
    }
}

/// An open-addressing set of supplier indices for one buyer; ``reset(forCount:)`` starts a new
/// buyer in O(1) by bumping a stamp instead of clearing the table.
struct ChosenSet {
    private var keys: [Int32]
    private var stamps: [UInt32]
    private var stamp: UInt32 = 0
    private var mask = 15

    init(capacity: Int) {
        keys = [Int32](repeating: 0, count: capacity)
        stamps = [UInt32](repeating: 0, count: capacity)
    }

    /// Starts an empty set able to hold `count` elements (at most half the capacity).
    mutating func reset(forCount count: Int) {
        stamp &+= 1
        if stamp == 0 {
            for i in stamps.indices { stamps[i] = 0 }
            stamp = 1
        }
        var size = 16
        while size < 2 * count { size *= 2 }
        mask = size - 1
    }

    /// Adds `value`; false when it was already there.
    @inline(__always)
    mutating func insert(_ value: Int) -> Bool {
        var h = Int(truncatingIfNeeded: (UInt64(value) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while stamps[h] == stamp {
            if keys[h] == Int32(value) { return false }
            h = (h + 1) & mask
        }
        stamps[h] = stamp
        keys[h] = Int32(value)
        return true
    }
}
