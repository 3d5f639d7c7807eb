/// Where each tier and product family sits among the supplier indices, and who is popular.
///
/// Suppliers are numbered tier by tier (brands first) and, inside a tier, family by family, so a
/// tier or a (tier, family) block is a contiguous index range and a supplier's tier is found by
/// comparing its index with four bounds. Supplier `i` has the id `S<i+1>`.
///
/// Popularity: inside each block a seeded permutation ranks the suppliers; a link picks rank
/// `⌊size · u³⌋` for uniform u, so the in-degree of rank k falls like k^(-2/3) (a heavy tail)
/// while the popular suppliers are spread over the block, not the lowest ids. The permutation is
/// arithmetic, rank k → `(k · m + a) mod size` with m coprime to the size, so drawing a
/// supplier touches no per-supplier memory (no cache miss per link).
public struct SupplierLayout: Sendable {
    /// Number of suppliers.
    public let count: Int
    /// The index range of each tier, brands (0) to raw material (4).
    public let tiers: [Range<Int>]
    /// The index range of each (tier, family) block; `blocks[tier][family]` may be empty.
    let blocks: [[Range<Int>]]
    /// Per block `tier × families + family`, for drawing: the block (its tier when the block is
    /// empty), and the multiplier and offset of its popularity permutation.
    let blockLower: [Int], blockCount: [Int], blockMultiplier: [Int], blockOffset: [Int]

    /// Lays out `count` suppliers (at least ``TierShape/count`` × 2) with popularity drawn from `seed`.
    /// - Complexity: O(count) time and 4 × count bytes.
    public init(suppliers count: Int, seed: UInt64) {
        self.count = count
        var sizes = TierShape.sizeFractions.map { max(2, Int(Double(count) * $0)) }
        sizes[sizes.count - 1] = 0
        sizes[sizes.count - 1] = count - sizes.reduce(0, +)
        var tiers: [Range<Int>] = []
        var blocks: [[Range<Int>]] = []
        var start = 0
        for size in sizes {
            tiers.append(start..<start + size)
            var familySizes = ChainFamily.all.map { Int(Double(size) * $0.weight) }
            familySizes[0] += size - familySizes.reduce(0, +)
            var row: [Range<Int>] = []
            var blockStart = start
            for familySize in familySizes {
                row.append(blockStart..<blockStart + familySize)
                blockStart += familySize
            }
            blocks.append(row)
            start += size
        }
        self.tiers = tiers
        self.blocks = blocks
        var random = SeededRandom(seed: seed, stream: 1)
        var lower: [Int] = [], counts: [Int] = [], multipliers: [Int] = [], offsets: [Int] = []
        for (t, row) in blocks.enumerated() {
            for block in row {
                let drawn = block.isEmpty ? tiers[t] : block
                lower.append(drawn.lowerBound)
                counts.append(drawn.count)
                var m = 1 + random.below(max(1, drawn.count - 1))
                while Self.gcd(m, drawn.count) != 1 { m += 1 }
                multipliers.append(m)
                offsets.append(random.below(drawn.count))
            }
        }
        blockLower = lower
        blockCount = counts
        blockMultiplier = multipliers
        blockOffset = offsets
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// The number of product families (blocks per tier).
    static var families: Int { ChainFamily.all.count }

    /// The tier of supplier `index`.
    @inline(__always)
    public func tier(of index: Int) -> Int {
        var t = 0
        while t < tiers.count - 1 && index >= tiers[t].upperBound { t += 1 }
        return t
    }

    /// The product family (index into the family table) of supplier `index`.
    public func family(of index: Int) -> Int {
        let row = blocks[tier(of: index)]
        return row.firstIndex { $0.contains(index) } ?? 0
    }

    /// The id of supplier `index`: `S1`, `S2`, ….
    public static func id(of index: Int) -> String { "S\(index + 1)" }

    /// The index of the supplier with id `id`, or nil for an id the generator does not write.
    public static func index(of id: String) -> Int? {
        guard id.hasPrefix("S"), let n = Int(id.dropFirst()), n >= 1 else { return nil }
        return n - 1
    }

    /// A supplier of block `tier × families + family` drawn by popularity.
    @inline(__always)
    func popular(block b: Int, _ random: inout SeededRandom) -> Int {
        let u = random.unit()
        let size = blockCount[b]
        let rank = min(Int(Double(size) * u * u * u), size - 1)
        // rank · m < 10^18 for sizes up to 10^9: no overflow.
        return blockLower[b] + (rank &* blockMultiplier[b] &+ blockOffset[b]) % size
    }
}
