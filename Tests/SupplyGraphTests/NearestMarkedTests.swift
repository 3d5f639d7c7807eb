import Testing
@testable import SupplyGraph

/// The nearest-tier recurrence on its own (the hard-flag marking of a run) against the oracle
/// and the full core, for any number of workers.
@Suite("Nearest marked tier alone")
struct NearestMarkedTests {
    @Test(arguments: Array(UInt64(1)...UInt64(200)))
    func matchesTheOracle(seed: UInt64) {
        let c = RandomCase(seed: seed)
        let graph = SupplyGraphBuilder.build(nodeCount: c.nodeCount, links: c.links).graph
        let reference = ReferencePropagation.run(graph: graph, risk: c.risk, marked: c.marked, parameters: c.parameters)
        for workers in [1, 2, 3, 8] {
            let alone = NearestMarked.run(graph: graph, marked: c.marked, tiers: c.parameters.tiers, workers: workers)
            #expect(alone.nearestTier == reference.result.nearestTier, "seed \(seed), \(workers) workers")
            #expect((0..<c.nodeCount).map(alone.nearestPath(from:)) == reference.nearestPaths, "seed \(seed), \(workers) workers")
        }
        let full = TierPropagation.run(graph: graph, risk: c.risk, marked: c.marked, parameters: c.parameters, workers: 2)
        #expect(NearestMarked(full).nearestTier == full.nearestTier)
    }

    /// A chain 0 → 1 → … → 9 with only node 9 marked: node u reaches it at tier 10 − u, and
    /// not at all beyond K; the run stops early when a round adds nothing.
    @Test func chainByHand() {
        let links = (0..<9).map { RawLink(buyer: Int32($0), supplier: Int32($0 + 1), share: 1) }
        let graph = SupplyGraphBuilder.build(nodeCount: 10, links: links).graph
        var marked = [Bool](repeating: false, count: 10)
        marked[9] = true
        let four = NearestMarked.run(graph: graph, marked: marked, tiers: 4, workers: 2)
        #expect(four.nearestTier == [0, 0, 0, 0, 0, 0, 4, 3, 2, 1])
        #expect(four.nearestPath(from: 6) == [6, 7, 8, 9])
        #expect(four.nearestPath(from: 5) == [])
        let all = NearestMarked.run(graph: graph, marked: marked, tiers: 32, workers: 3)
        #expect(all.nearestTier == [10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
        let none = NearestMarked.run(graph: graph, marked: [Bool](repeating: false, count: 10), tiers: 6)
        #expect(none.nearestTier == [UInt8](repeating: 0, count: 10))
    }
}
