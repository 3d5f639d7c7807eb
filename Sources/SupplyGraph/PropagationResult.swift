/// The parameters of tiered propagation.
public struct PropagationParameters: Sendable, Hashable {
    /// Number of tiers K (tier 1 is the node itself); 1...32.
    public var tiers: Int
    /// Decay d per tier, in [0, 1].
    public var decay: Double

    public init(tiers: Int = 6, decay: Double = 0.8) {
        precondition((1...32).contains(tiers), "tiers must be in 1...32")
        precondition((0...1).contains(decay), "decay must be in [0, 1]")
        self.tiers = tiers
        self.decay = decay
    }
}

/// Per-node results of the three recurrences over K tiers.
///
/// - Tier exposure: `X_1(u) = r_u`, `X_{t+1}(u) = Σ_v s_uv · X_t(v)`.
/// - Exposure: `E(u) = 1 − Π_{t=1..K} (1 − d^(t−1) · X_t(u))`, clamped to [0, 1] against rounding.
/// - Worst path: `Y_1(u) = r_u`, `Y_{t+1}(u) = max_v d · (s_uv · Y_t(v))`, `M(u) = max_t Y_t(u)`;
///   the path attaining it prefers the lowest tier, then at each step the supplier that comes
///   first (smallest node index). Strengths within ``tieTolerance`` of each other are ties: the
///   same shares multiplied in another order (0.5 · 0.1 · 0.3 and 0.5 · 0.3 · 0.1) differ in
///   the last bits, which must not decide.
/// - Nearest marked tier: the smallest `t ≤ K` such that a marked node is reachable from `u`
///   in `t − 1` links (0 when none is); its path takes at each step the first supplier that is
///   one step nearer.
///
/// Per tier, `X_t` and `Y_t` are kept (`2 · K · 8` bytes per node): the explanations are
/// rebuilt from them on demand instead of storing an argmax per node and tier.
public struct PropagationResult: Sendable {
    /// Relative difference below which two path strengths are a tie (rounding: a product of at
    /// most 32 factors taken in another order differs by far less).
    public static let tieTolerance = 1e-12

    /// Whether `value` ties with `best` (the larger or equal of the two) within ``tieTolerance``.
    @inline(__always)
    public static func ties(_ value: Double, with best: Double) -> Bool { value >= best - best * tieTolerance }

    public let nodeCount: Int
    public let parameters: PropagationParameters
    /// The graph the result was computed on, for explanations.
    public let graph: SupplyGraph
    /// `X_t(u)` at `(t − 1) · nodeCount + u`.
    public internal(set) var tierExposure: [Double]
    /// `Y_t(u)` at `(t − 1) · nodeCount + u`.
    public internal(set) var tierWorst: [Double]
    /// `E(u)`.
    public internal(set) var exposure: [Double]
    /// `M(u)`.
    public internal(set) var worstStrength: [Double]
    /// The lowest tier `t` at which `M(u)` is attained (1 when `M(u)` is `r_u`, e.g. 0): the
    /// lowest whose `Y_t(u)` ties with the largest within ``tieTolerance``, as `explain` ranks
    /// ties from the strongest path.
    public internal(set) var worstTier: [UInt8]
    /// Nearest marked tier, 0 when no marked node is within K tiers.
    public internal(set) var nearestTier: [UInt8]

    init(graph: SupplyGraph, parameters: PropagationParameters) {
        let n = graph.nodeCount
        self.nodeCount = n
        self.parameters = parameters
        self.graph = graph
        tierExposure = [Double](repeating: 0, count: n * parameters.tiers)
        tierWorst = [Double](repeating: 0, count: n * parameters.tiers)
        exposure = [Double](repeating: 0, count: n)
        worstStrength = [Double](repeating: 0, count: n)
        worstTier = [UInt8](repeating: 1, count: n)
        nearestTier = [UInt8](repeating: 0, count: n)
    }

    /// Sets ``worstTier`` and ``worstStrength`` from the tiers' `Y_t` (all computed): the lowest
    /// tier whose `Y_t(u)` ties with `max_t Y_t(u)`, and its `Y_t(u)`.
    /// - Complexity: O(nodes · K), tier by tier through memory.
    mutating func chooseWorstTiers() {
        let n = nodeCount, k = parameters.tiers
        guard n > 0 else { return }
        tierWorst.withUnsafeBufferPointer { y in
        worstTier.withUnsafeMutableBufferPointer { tier in
        worstStrength.withUnsafeMutableBufferPointer { strength in
            // The largest Y_t of each node, kept in `strength` until its tier is chosen.
            for u in 0..<n { strength[u] = y[u] }
            for t in 1..<k {
                for u in 0..<n { strength[u] = max(strength[u], y[t * n + u]) }
            }
            for u in 0..<n { tier[u] = 0 }
            for t in 0..<k {
                for u in 0..<n where tier[u] == 0 && Self.ties(y[t * n + u], with: strength[u]) {
                    tier[u] = UInt8(t + 1)
                    strength[u] = y[t * n + u]
                }
            }
        }}}
    }

    /// `X_t(u)` for `t` in 1...K.
    public func tierExposure(of node: Int, tier: Int) -> Double { tierExposure[(tier - 1) * nodeCount + node] }

    /// `Y_t(u)` for `t` in 1...K.
    public func tierWorst(of node: Int, tier: Int) -> Double { tierWorst[(tier - 1) * nodeCount + node] }

    /// All K tier exposures of `node`.
    public func tierExposures(of node: Int) -> [Double] {
        (1...parameters.tiers).map { tierExposure(of: node, tier: $0) }
    }

    /// The supplier of `node` that attains `Y_tier(node)` (smallest index on ties, within
    /// ``tieTolerance``), or nil.
    /// - Complexity: O(suppliers of `node`).
    public func worstNext(of node: Int, tier: Int) -> Int? {
        guard tier >= 2 else { return nil }
        let target = tierWorst(of: node, tier: tier)
        var found: Int?
        for position in graph.links(of: node) {
            let v = Int(graph.columns[position])
            let value = parameters.decay * (graph.shares[position] * tierWorst(of: v, tier: tier - 1))
            if Self.ties(value, with: target), found.map({ v < $0 }) ?? true { found = v }
        }
        return found
    }

    /// The nodes of the worst path from `node`: `node` first, then one node per tier.
    /// - Complexity: O(K · degree).
    public func worstPath(from node: Int) -> [Int] {
        var path = [node]
        var current = node
        var tier = Int(worstTier[node])
        while tier >= 2, let next = worstNext(of: current, tier: tier) {
            path.append(next)
            current = next
            tier -= 1
        }
        return path
    }

    /// The next node from `node` toward its nearest marked node (smallest index on ties).
    public func nearestNext(of node: Int) -> Int? { NearestMarked.nearestNext(of: node, nearestTier: nearestTier, graph: graph) }

    /// The nodes from `node` to its nearest marked node, or an empty array when there is none.
    public func nearestPath(from node: Int) -> [Int] { NearestMarked.nearestPath(from: node, nearestTier: nearestTier, graph: graph) }
}
