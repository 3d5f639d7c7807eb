import Testing
@testable import SupplyGraph

/// A random graph with cycles, self-links, duplicate links, missing shares and shares whose
/// sums exceed 1; risks include exact 0, exact 1 and repeated values (to exercise ties).
struct RandomCase {
    var nodeCount: Int
    var links: [RawLink]
    var risk: [Double]
    var marked: [Bool]
    var parameters: PropagationParameters

    init(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        nodeCount = Int.random(in: 1...60, using: &g)
        let n = nodeCount
        let linkCount = Int.random(in: 0...(n * 4), using: &g)
        links = (0..<linkCount).map { _ in
            let buyer = Int32.random(in: 0..<Int32(n), using: &g)
            let supplier = Bool.random(using: &g) && n > 1
                ? Int32.random(in: 0..<Int32(n), using: &g) : min(buyer + 1, Int32(n - 1))
            let share: Double? = Int.random(in: 0..<5, using: &g) == 0 ? nil
                : [0.25, 0.5, 1.0, Double.random(in: 0.001...1, using: &g)].randomElement(using: &g)!
            return RawLink(buyer: buyer, supplier: supplier, share: share)
        }
        risk = (0..<n).map { _ in [0, 1, 0.5, 0.3, Double.random(in: 0...1, using: &g)].randomElement(using: &g)! }
        let threshold = Double.random(in: 0.5...1, using: &g)
        marked = risk.map { $0 >= threshold }
        parameters = PropagationParameters(tiers: Int.random(in: 1...8, using: &g), decay: [0.8, 1, 0.5, 0].randomElement(using: &g)!)
    }

    /// A case small enough for an exhaustive path search: at most 25 nodes and 4 tiers
    /// (nil for a larger graph).
    static func forExhaustiveSearch(seed: UInt64) -> RandomCase? {
        var c = RandomCase(seed: seed)
        guard c.nodeCount <= 25 else { return nil }
        c.parameters = PropagationParameters(tiers: min(c.parameters.tiers, 4), decay: c.parameters.decay)
        return c
    }
}

@Suite("Fast core against the oracle")
struct PropertyTests {
    static let seeds: [UInt64] = Array(1...300)

    @Test(arguments: seeds)
    func fastCoreMatchesOracle(seed: UInt64) {
        let c = RandomCase(seed: seed)
        let graph = SupplyGraphBuilder.build(nodeCount: c.nodeCount, links: c.links).graph
        let reference = ReferencePropagation.run(graph: graph, risk: c.risk, marked: c.marked, parameters: c.parameters)
        let oracle = reference.result
        let fast = TierPropagation.run(graph: graph, risk: c.risk, marked: c.marked, parameters: c.parameters, workers: 2)
        #expect(zip(fast.tierExposure, oracle.tierExposure).allSatisfy { abs($0 - $1) <= 1e-12 }, "seed \(seed)")
        #expect(zip(fast.exposure, oracle.exposure).allSatisfy { abs($0 - $1) <= 1e-12 }, "seed \(seed)")
        #expect(zip(fast.worstStrength, oracle.worstStrength).allSatisfy { abs($0 - $1) <= 1e-12 }, "seed \(seed)")
        #expect(zip(fast.tierWorst, oracle.tierWorst).allSatisfy { abs($0 - $1) <= 1e-12 }, "seed \(seed)")
        #expect(fast.worstTier == oracle.worstTier, "seed \(seed)")
        #expect(fast.nearestTier == oracle.nearestTier, "seed \(seed)")
        #expect((0..<c.nodeCount).map(fast.worstPath(from:)) == reference.worstPaths, "seed \(seed)")
        #expect((0..<c.nodeCount).map(fast.nearestPath(from:)) == reference.nearestPaths, "seed \(seed)")
        for u in 0..<c.nodeCount {
            #expect((0...1).contains(fast.exposure[u]))
            #expect(fast.worstPath(from: u).count == Int(fast.worstTier[u]))
            // The worst path's strength is the product of its decayed shares times the end risk.
            let path = fast.worstPath(from: u)
            var strength = c.risk[path.last!]
            for i in stride(from: path.count - 2, through: 0, by: -1) {
                strength = c.parameters.decay * (graph.share(from: path[i], to: path[i + 1])! * strength)
            }
            #expect(abs(strength - fast.worstStrength[u]) <= 1e-12, "seed \(seed) node \(u)")
            // The nearest path ends at a marked node and has nearestTier nodes.
            let nearest = fast.nearestPath(from: u)
            if fast.nearestTier[u] > 0 {
                #expect(nearest.count == Int(fast.nearestTier[u]) && c.marked[nearest.last!])
            }
        }
    }

    @Test(arguments: Array(UInt64(1000)...UInt64(1040)))
    func resultsAreBitIdenticalForAnyWorkerCount(seed: UInt64) {
        let c = RandomCase(seed: seed)
        let graph = SupplyGraphBuilder.build(nodeCount: c.nodeCount, links: c.links).graph
        let one = TierPropagation.run(graph: graph, risk: c.risk, marked: c.marked, parameters: c.parameters, workers: 1)
        for workers in [2, 3, 8] {
            let many = TierPropagation.run(graph: graph, risk: c.risk, marked: c.marked, parameters: c.parameters, workers: workers)
            #expect(many.tierExposure.map(\.bitPattern) == one.tierExposure.map(\.bitPattern))
            #expect(many.exposure.map(\.bitPattern) == one.exposure.map(\.bitPattern))
            #expect(many.worstStrength.map(\.bitPattern) == one.worstStrength.map(\.bitPattern))
            #expect(many.tierWorst.map(\.bitPattern) == one.tierWorst.map(\.bitPattern))
            #expect(many.worstTier == one.worstTier && many.nearestTier == one.nearestTier)
        }
    }

    @Test(arguments: Array(UInt64(2000)...UInt64(2050)))
    func rowSharesNeverExceedOne(seed: UInt64) {
        let c = RandomCase(seed: seed)
        let graph = SupplyGraphBuilder.build(nodeCount: c.nodeCount, links: c.links).graph
        for u in 0..<graph.nodeCount {
            let sum = graph.links(of: u).reduce(0.0) { $0 + graph.shares[$1] }
            #expect(sum <= 1 + 1e-12)
            #expect(graph.links(of: u).allSatisfy { graph.columns[$0] != Int32(u) }, "self-links are dropped")
            #expect(Set(graph.links(of: u).map { graph.columns[$0] }).count == graph.links(of: u).count, "duplicates are merged")
        }
    }

    @Test func partitionCoversEveryRowOnce() {
        for seed in UInt64(1)...30 {
            let c = RandomCase(seed: seed)
            let graph = SupplyGraphBuilder.build(nodeCount: c.nodeCount, links: c.links).graph
            for workers in 1...9 {
                let p = WorkPartition(rowOffsets: graph.rowOffsets, workers: workers)
                #expect(p.boundaries.first == 0 && p.boundaries.last == graph.nodeCount)
                #expect(zip(p.boundaries, p.boundaries.dropFirst()).allSatisfy { $0 <= $1 })
            }
        }
    }
}
