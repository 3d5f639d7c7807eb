import SupplyGraph
#if canImport(Glibc)
import Glibc
#endif

/// SplitMix64: fast, seedable, identical on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    @inline(__always)
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

/// A synthetic supply graph shaped like real chains: five tiers (brands → assemblers →
/// component makers → processors → raw material), heavy-tailed out-degree and supplier
/// popularity, most links one tier down, some tier skips, a few links back up (cycles),
/// shares per buyer summing to 0.6–1, risk concentrated in a small fraction of suppliers.
///
/// Node numbers are a random permutation of the tiers, so gathers are as scattered as in a
/// real file whose order says nothing about the structure.
public struct SyntheticGraph: Sendable {
    public let nodeCount: Int
    public let links: [RawLink]
    public let risk: [Double]
    public let marked: [Bool]

    /// - Parameters:
    ///   - nodes: number of suppliers.
    ///   - links: target number of links (the result is within a fraction of a percent).
    ///   - seed: the same seed gives the same graph.
    public init(nodes: Int, links target: Int, seed: UInt64 = 42) {
        var g = SplitMix64(seed: seed)
        let fractions = [0.04, 0.12, 0.24, 0.26, 0.34]
        // Tier of each node, then a shuffled numbering.
        var tierOf = [UInt8](repeating: 4, count: nodes)
        var start = 0
        var members: [[Int32]] = Array(repeating: [], count: 5)
        var order = Array(0..<Int32(nodes))
        for i in stride(from: nodes - 1, to: 0, by: -1) {
            let j = Int(g.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        for (tier, fraction) in fractions.enumerated() {
            let count = tier == 4 ? nodes - start : Int(Double(nodes) * fraction)
            for k in start..<(start + count) {
                tierOf[Int(order[k])] = UInt8(tier)
                members[tier].append(order[k])
            }
            start += count
        }
        let buyers = nodes - members[4].count
        let meanDegree = Double(target) / Double(max(1, buyers))
        var links: [RawLink] = []
        links.reserveCapacity(target + target / 50)
        var weights: [Double] = []
        for u in 0..<nodes {
            let tier = Int(tierOf[u])
            if tier == 4 { continue }
            // Heavy-tailed out-degree: Pareto with shape 2.2, scaled to the mean, capped.
            let pareto = pow(1 - g.unit(), -1 / 2.2)
            let degree = max(1, min(Int((pareto * meanDegree * (1.2 / 2.2)).rounded()), 40 * Int(meanDegree) + 1))
            weights.removeAll(keepingCapacity: true)
            let firstLink = links.count
            for _ in 0..<degree {
                let r = g.unit()
                // 85 % one tier down, 10 % two tiers down, 5 % anywhere (cycles and skips).
                let targetTier = r < 0.85 ? tier + 1 : (r < 0.95 ? min(4, tier + 2) : Int(g.next() % 5))
                let pool = members[targetTier]
                // Popularity: a power law over the pool (index u^3 favours the first ones).
                let x = g.unit()
                let v = pool[min(pool.count - 1, Int(x * x * x * Double(pool.count)))]
                if v == Int32(u) { continue }
                links.append(RawLink(buyer: Int32(u), supplier: v, share: nil))
                weights.append(0.05 + g.unit())
            }
            let rowSum = 0.6 + 0.4 * g.unit()
            let total = weights.reduce(0, +)
            for k in firstLink..<links.count { links[k].share = weights[k - firstLink] / total * rowSum }
        }
        self.nodeCount = nodes
        self.links = links
        // Risk: most suppliers low, raw material and processors riskier, 0.5 % near 1.
        var risk = [Double](repeating: 0, count: nodes)
        for u in 0..<nodes {
            let base = [0.02, 0.05, 0.08, 0.15, 0.2][Int(tierOf[u])]
            risk[u] = g.unit() < 0.005 ? 0.9 + 0.1 * g.unit() : base * g.unit()
        }
        self.risk = risk
        self.marked = risk.map { $0 >= 0.7 }
    }
}
