import Testing
@testable import SupplyGraph

/// Sixth QA pass on the graph core: ties in the top contributing paths.
@Suite("QA6: graph core")
struct QA6GraphTests {
    /// S (0) buys half from B (2) and half from A (1), listed B first; A and B have r = 1, so
    /// S → A and S → B contribute 0.4 each. Ties go to paths through earlier nodes: the one
    /// best path is S → A. The search kept the path popped first (S → B, the first link) and
    /// stopped at the tie.
    @Test func aTieAtTheLimitGoesToTheEarlierNode() {
        let graph = SupplyGraphBuilder.build(nodeCount: 3, links: [
            RawLink(buyer: 0, supplier: 2, share: 0.5), RawLink(buyer: 0, supplier: 1, share: 0.5),
        ]).graph
        let paths = PathExplainer.topPaths(from: 0, graph: graph, risk: [0, 1, 1], parameters: PropagationParameters(), limit: 1)
        #expect(paths.map(\.nodes) == [[0, 1]])
    }

    /// A shorter path ties with a longer one found first (d = 1): S → A → C has weight 0.5
    /// (shares 0.5 and 1) and r(C) = 0.5; S → B has weight 0.25 and r(B) = 1. Both contribute
    /// 0.25; the longer is popped first (higher weight), and the shorter must still win.
    @Test func aTieAtTheLimitGoesToTheShorterPath() {
        let links = [
            RawLink(buyer: 0, supplier: 1, share: 0.5), RawLink(buyer: 1, supplier: 3, share: 1),
            RawLink(buyer: 0, supplier: 2, share: 0.25),
        ]
        let graph = SupplyGraphBuilder.build(nodeCount: 4, links: links).graph
        let risk = [0.0, 0, 1, 0.5]
        let parameters = PropagationParameters(tiers: 6, decay: 1)
        let all = PathExplainer.topPaths(from: 0, graph: graph, risk: risk, parameters: parameters, limit: 10)
        #expect(all.map(\.nodes) == [[0, 2], [0, 1, 3]])
        #expect(PathExplainer.topPaths(from: 0, graph: graph, risk: risk, parameters: parameters, limit: 1).map(\.nodes) == [[0, 2]])
    }

    /// The top `limit` paths are the first `limit` of all paths in the documented order
    /// (contribution, then fewer nodes, then earlier nodes), whatever ties there are: random
    /// graphs with shares of 1/4, 1/2 and 1 and risks of 0, 1/2 and 1 tie often.
    @Test(arguments: Array(UInt64(6000)...UInt64(6120)))
    func theTopPathsAreAPrefixOfAllPaths(seed: UInt64) {
        guard let c = RandomCase.forExhaustiveSearch(seed: seed) else { return }
        let graph = SupplyGraphBuilder.build(nodeCount: c.nodeCount, links: c.links).graph
        for u in 0..<c.nodeCount {
            let all = PathExplainer.topPaths(from: u, graph: graph, risk: c.risk, parameters: c.parameters, limit: 1_000_000, maxExpansions: .max)
            for limit in [1, 2, 3, 5] {
                let top = PathExplainer.topPaths(from: u, graph: graph, risk: c.risk, parameters: c.parameters, limit: limit)
                #expect(top == Array(all.prefix(limit)), "seed \(seed) node \(u) limit \(limit)")
            }
        }
    }
}
