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
/// - Worst path: `Y_1(u) = r_u`, `Y_{t+1}(u) = max_v d · s_uv · Y_t(v)`, `M(u) = max_t Y_t(u)`;
///   ties go to the smallest node index, and to the lowest tier.
/// - Nearest marked tier: the smallest `t ≤ K` such that a marked node is reachable from `u`
///   in `t − 1` links (0 when none is).
public struct PropagationResult: Sendable {
    public let nodeCount: Int
    public let parameters: PropagationParameters
    /// `X_t(u)` at `(t − 1) · nodeCount + u`.
    public internal(set) var tierExposure: [Double]
    /// `E(u)`.
    public internal(set) var exposure: [Double]
    /// `M(u)`.
    public internal(set) var worstStrength: [Double]
    /// The tier `t` at which `M(u)` is attained (1 when `M(u)` is 0).
    public internal(set) var worstTier: [UInt8]
    /// For `t ≥ 2`, the supplier attaining `Y_t(u)` at `(t − 2) · nodeCount + u`; −1 if none.
    public internal(set) var worstNext: [Int32]
    /// Nearest marked tier, 0 when no marked node is within K tiers.
    public internal(set) var nearestTier: [UInt8]
    /// Next node on the way to the nearest marked node (smallest index on ties); −1 if none.
    public internal(set) var nearestNext: [Int32]

    init(nodeCount: Int, parameters: PropagationParameters) {
        self.nodeCount = nodeCount
        self.parameters = parameters
        tierExposure = [Double](repeating: 0, count: nodeCount * parameters.tiers)
        exposure = [Double](repeating: 0, count: nodeCount)
        worstStrength = [Double](repeating: 0, count: nodeCount)
        worstTier = [UInt8](repeating: 1, count: nodeCount)
        worstNext = [Int32](repeating: -1, count: nodeCount * (parameters.tiers - 1))
        nearestTier = [UInt8](repeating: 0, count: nodeCount)
        nearestNext = [Int32](repeating: -1, count: nodeCount)
    }

    /// `X_t(u)` for `t` in 1...K.
    public func tierExposure(of node: Int, tier: Int) -> Double { tierExposure[(tier - 1) * nodeCount + node] }

    /// All K tier exposures of `node`.
    public func tierExposures(of node: Int) -> [Double] {
        (1...parameters.tiers).map { tierExposure(of: node, tier: $0) }
    }

    /// The nodes of the worst path from `node`: `node` first, then one node per tier.
    public func worstPath(from node: Int) -> [Int] {
        var path = [node]
        var current = node
        var tier = Int(worstTier[node])
        while tier >= 2 {
            let next = Int(worstNext[(tier - 2) * nodeCount + current])
            guard next >= 0 else { break }
            path.append(next)
            current = next
            tier -= 1
        }
        return path
    }

    /// The nodes from `node` to its nearest marked node, or an empty array when there is none.
    public func nearestPath(from node: Int) -> [Int] {
        guard nearestTier[node] > 0 else { return [] }
        var path = [node]
        var current = node
        while nearestNext[current] >= 0 {
            current = Int(nearestNext[current])
            path.append(current)
        }
        return path
    }
}
