import Testing
@testable import SupplyGraph

@Suite("Top contributing paths")
struct PathExplainerTests {
    /// The hand-computed graph: A → B 0.5, A → C 0.5, B → C 1/3, B → D 2/3, C → A 1.
    @Test func handComputedPathsOfA() {
        let graph = HandComputedGraph.graph
        let paths = PathExplainer.topPaths(from: 0, graph: graph, risk: HandComputedGraph.risk, parameters: HandComputedGraph.parameters, limit: 4)
        // A → C: 0.8 · 0.5 · 1 = 0.4; A → B: 0.8 · 0.5 · 0.5 = 0.2; A → B → C: 0.64 · 0.5 · 1/3 · 1;
        // A → B → D: 0.64 · 0.5 · 2/3 · 0.2. A itself (r = 0) and A → C → A (end risk 0) contribute nothing.
        #expect(paths.map(\.nodes) == [[0, 2], [0, 1], [0, 1, 2], [0, 1, 3]])
        #expect(abs(paths[0].contribution - 0.4) < 1e-15)
        #expect(abs(paths[2].contribution - 0.64 * 0.5 * (1.0 / 3)) < 1e-15)
        #expect(paths[3].shares.count == 2 && abs(paths[3].shares[1] - 2.0 / 3) < 1e-15)
    }

    /// The contributions of all paths of tier t add up to d^(t−1) · X_t: check with an
    /// unlimited search on random graphs.
    @Test(arguments: Array(UInt64(3000)...UInt64(3030)))
    func contributionsAddUpToTierExposure(seed: UInt64) {
        guard let c = RandomCase.forExhaustiveSearch(seed: seed) else { return }
        let graph = SupplyGraphBuilder.build(nodeCount: c.nodeCount, links: c.links).graph
        let result = TierPropagation.run(graph: graph, risk: c.risk, marked: c.marked, parameters: c.parameters)
        for u in 0..<c.nodeCount {
            let paths = PathExplainer.topPaths(from: u, graph: graph, risk: c.risk, parameters: c.parameters, limit: 1_000_000, maxExpansions: .max)
            var decayPower = 1.0
            for tier in 1...c.parameters.tiers {
                let total = paths.filter { $0.tier == tier }.reduce(0) { $0 + $1.contribution }
                #expect(abs(total - decayPower * result.tierExposure(of: u, tier: tier)) < 1e-9, "seed \(seed) node \(u) tier \(tier)")
                decayPower *= c.parameters.decay
            }
            // Best first, and the first one is the worst path's strength.
            #expect(zip(paths, paths.dropFirst()).allSatisfy { $0.contribution >= $1.contribution })
            if let first = paths.first { #expect(abs(first.contribution - result.worstStrength[u]) < 1e-12) }
        }
    }

    @Test func limitIsRespectedAndTheBestComeFirst() {
        let graph = HandComputedGraph.graph
        let all = PathExplainer.topPaths(from: 1, graph: graph, risk: HandComputedGraph.risk, parameters: HandComputedGraph.parameters, limit: 100)
        let two = PathExplainer.topPaths(from: 1, graph: graph, risk: HandComputedGraph.risk, parameters: HandComputedGraph.parameters, limit: 2)
        #expect(two == Array(all.prefix(2)))
        #expect(PathExplainer.topPaths(from: 1, graph: graph, risk: HandComputedGraph.risk, parameters: HandComputedGraph.parameters, limit: 0).isEmpty)
    }
}
