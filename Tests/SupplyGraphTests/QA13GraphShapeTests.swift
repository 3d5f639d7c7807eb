import Testing
@testable import SupplyGraph

/// Thirteenth QA pass on the graph core: graph shapes checked against an independent
/// brute-force reference (chains deeper than K, self-links, cycles sharing nodes, zero and
/// tiny shares, equal-strength paths), kept here computed by hand.
@Suite("QA13: graph shapes")
struct QA13GraphShapeTests {
    /// Two routes to one risky supplier with the same shares in another order:
    ///
    ///     0 → 1 0.5 → 3 0.1 → 5 0.3 (r = 1)
    ///     0 → 2 0.5 → 4 0.3 → 5 0.1
    ///
    /// Both are d³ · 0.5 · 0.1 · 0.3 = 0.512 · 0.015 = 0.00768, a tie, which the documentation
    /// gives to the supplier first in the file (1). In doubles the route through 2 came out
    /// 0.007680000000000003 and the one through 1 0.007680000000000001: the last bits chose
    /// the path through 2, for the report's worst path and for `explain`.
    static let tiedRoutes = [
        RawLink(buyer: 0, supplier: 1, share: 0.5), RawLink(buyer: 0, supplier: 2, share: 0.5),
        RawLink(buyer: 1, supplier: 3, share: 0.1), RawLink(buyer: 3, supplier: 5, share: 0.3),
        RawLink(buyer: 2, supplier: 4, share: 0.3), RawLink(buyer: 4, supplier: 5, share: 0.1),
    ]
    static let tiedRisk = [0.0, 0, 0, 0, 0, 1]

    @Test(arguments: [1, 2, 7])
    func worstPathTieWithinRoundingGoesToTheFirstSupplier(workers: Int) {
        let graph = SupplyGraphBuilder.build(nodeCount: 6, links: Self.tiedRoutes).graph
        let parameters = PropagationParameters(tiers: 6, decay: 0.8)
        let marked = Self.tiedRisk.map { $0 >= 0.7 }
        let r = TierPropagation.run(graph: graph, risk: Self.tiedRisk, marked: marked, parameters: parameters, workers: workers)
        #expect(abs(r.worstStrength[0] - 0.00768) < 1e-15)
        #expect(r.worstTier[0] == 4)
        #expect(r.worstPath(from: 0) == [0, 1, 3, 5])
        let oracle = ReferencePropagation.run(graph: graph, risk: Self.tiedRisk, marked: marked, parameters: parameters)
        #expect(oracle.worstPaths[0] == [0, 1, 3, 5])
        // The nearest flagged supplier (5, at tier 4) by the first supplier too.
        #expect(r.nearestTier[0] == 4 && r.nearestPath(from: 0) == [0, 1, 3, 5])
    }

    /// The same tie for `explain`'s top paths: both contribute 0.00768; with one path asked
    /// the one through 1 is given, with two it comes first.
    @Test func contributingPathTieWithinRoundingGoesToEarlierNodes() {
        let graph = SupplyGraphBuilder.build(nodeCount: 6, links: Self.tiedRoutes).graph
        let parameters = PropagationParameters(tiers: 6, decay: 0.8)
        let one = PathExplainer.topPaths(from: 0, graph: graph, risk: Self.tiedRisk, parameters: parameters, limit: 1)
        #expect(one.map(\.nodes) == [[0, 1, 3, 5]])
        let two = PathExplainer.topPaths(from: 0, graph: graph, risk: Self.tiedRisk, parameters: parameters, limit: 2)
        #expect(two.map(\.nodes) == [[0, 1, 3, 5], [0, 2, 4, 5]])
        #expect(two.allSatisfy { abs($0.contribution - 0.00768) < 1e-15 })
    }

    /// A tie across tiers within rounding: r_0 = 0.08, and 0 → 1 (share 0.1, r_1 = 1) gives
    /// Y_2(0) = 0.8 · 0.1 · 1 = 0.08, computed 0.08000000000000002. The lower tier wins the
    /// tie: M(0) = 0.08 at tier 1, the path is 0 alone.
    @Test func worstTierTieWithinRoundingGoesToTheLowerTier() {
        let graph = SupplyGraphBuilder.build(nodeCount: 2, links: [RawLink(buyer: 0, supplier: 1, share: 0.1)]).graph
        let risk = [0.08, 1.0]
        let parameters = PropagationParameters(tiers: 3, decay: 0.8)
        let r = TierPropagation.run(graph: graph, risk: risk, marked: [false, true], parameters: parameters, workers: 2)
        #expect(r.tierWorst(of: 0, tier: 2) > 0.08)  // the rounding this is about
        #expect(r.worstTier[0] == 1 && r.worstStrength[0] == 0.08)
        #expect(r.worstPath(from: 0) == [0])
        let oracle = ReferencePropagation.run(graph: graph, risk: risk, marked: [false, true], parameters: parameters)
        #expect(oracle.result.worstTier[0] == 1 && oracle.worstPaths[0] == [0])
        // A real excess still moves to the higher tier: share 0.11 gives 0.088 > 0.08.
        let higher = SupplyGraphBuilder.build(nodeCount: 2, links: [RawLink(buyer: 0, supplier: 1, share: 0.11)]).graph
        let s = TierPropagation.run(graph: higher, risk: risk, marked: [false, true], parameters: parameters, workers: 2)
        #expect(s.worstTier[0] == 2 && s.worstPath(from: 0) == [0, 1] && abs(s.worstStrength[0] - 0.088) < 1e-15)
    }

    /// A chain of nine links without shares (each filled to 1), longer than K = 6, with
    /// r = 0.9 at its end (node 8), d = 0.8:
    ///
    /// - node 3 is 5 links from 8: X_6(3) = 0.9, all its other tiers 0, so
    ///   E(3) = 0.8⁵ · 0.9 = 0.294912, M(3) = 0.294912 at tier 6, nearest flagged tier 6;
    /// - node 2 is 6 links from 8, beyond K: nothing at all, E = M = 0, no nearest tier;
    /// - node 7: X_2 = 0.9, E = 0.72, M = 0.72 at tier 2.
    @Test(arguments: [1, 3])
    func chainLongerThanK(workers: Int) {
        let links = (0..<8).map { RawLink(buyer: Int32($0), supplier: Int32($0 + 1), share: nil) }
        let graph = SupplyGraphBuilder.build(nodeCount: 9, links: links).graph
        var risk = [Double](repeating: 0, count: 9)
        risk[8] = 0.9
        let marked = risk.map { $0 >= 0.7 }
        let parameters = PropagationParameters(tiers: 6, decay: 0.8)
        let r = TierPropagation.run(graph: graph, risk: risk, marked: marked, parameters: parameters, workers: workers)
        #expect(r.tierExposures(of: 3) == [0, 0, 0, 0, 0, 0.9])
        #expect(abs(r.exposure[3] - 0.294912) < 1e-15)
        #expect(abs(r.worstStrength[3] - 0.294912) < 1e-15 && r.worstTier[3] == 6)
        #expect(r.worstPath(from: 3) == [3, 4, 5, 6, 7, 8])
        #expect(r.nearestTier[3] == 6 && r.nearestPath(from: 3) == [3, 4, 5, 6, 7, 8])
        #expect(r.tierExposures(of: 2).allSatisfy { $0 == 0 } && r.exposure[2] == 0 && r.worstStrength[2] == 0)
        #expect(r.nearestTier[2] == 0 && r.nearestPath(from: 2).isEmpty && r.worstPath(from: 2) == [2])
        #expect(abs(r.exposure[7] - 0.72) < 1e-15 && r.worstTier[7] == 2)
        let alone = NearestMarked.run(graph: graph, marked: marked, tiers: 6, workers: workers)
        #expect(alone.nearestTier == r.nearestTier)
    }

    /// Two cycles sharing node 0 (a figure eight), d = 1, K = 5, r_0 = 0.5, others 0:
    ///
    ///     0 → 1 0.5, 1 → 0 (1), 0 → 2 0.5, 2 → 0 (1)
    ///
    /// X_t(0) = 0.5 at t = 1, 3, 5 (back through either loop: 0.5 · 1 · 0.5 + 0.5 · 1 · 0.5),
    /// 0 at t = 2, 4, so E(0) = 1 − 0.5³ = 0.875; X_t(1) = 0.5 at t = 2, 4, so
    /// E(1) = 1 − 0.5² = 0.75. Y_3(0) = max(0.5 · 1 · 0.5) = 0.25 < r_0: M(0) = 0.5 at tier 1;
    /// M(1) = Y_2(1) = 1 · 0.5 at tier 2, path 1 → 0.
    @Test func cyclesSharingANode() {
        let links = [
            RawLink(buyer: 0, supplier: 1, share: 0.5), RawLink(buyer: 1, supplier: 0, share: nil),
            RawLink(buyer: 0, supplier: 2, share: 0.5), RawLink(buyer: 2, supplier: 0, share: nil),
        ]
        let graph = SupplyGraphBuilder.build(nodeCount: 3, links: links).graph
        let risk = [0.5, 0, 0]
        let marked = [true, false, false]
        let parameters = PropagationParameters(tiers: 5, decay: 1)
        let r = TierPropagation.run(graph: graph, risk: risk, marked: marked, parameters: parameters, workers: 2)
        #expect(r.tierExposures(of: 0) == [0.5, 0, 0.5, 0, 0.5])
        #expect(r.tierExposures(of: 1) == [0, 0.5, 0, 0.5, 0])
        #expect(r.exposure[0] == 0.875 && r.exposure[1] == 0.75 && r.exposure[2] == 0.75)
        #expect(r.worstStrength[0] == 0.5 && r.worstTier[0] == 1 && r.worstPath(from: 0) == [0])
        #expect(r.worstStrength[1] == 0.5 && r.worstPath(from: 1) == [1, 0])
        #expect(r.nearestTier == [1, 2, 2])
    }

    /// A buyer whose only link is to itself has no suppliers after the self-link is dropped:
    /// its numbers are its own r (0.4 here) whatever the links, and a 2-cycle beside it
    /// (1 ⇄ 2, r_2 = 1, no shares: each filled to 1) feeds 1 at every even tier:
    /// X(1) = [0, 1, 0, 1], E(1) = 1 − (1 − 0.5)(1 − 0.125) = 0.5625 with d = 0.5.
    @Test func selfOnlyBuyerAndTwoCycle() {
        let links = [
            RawLink(buyer: 0, supplier: 0, share: 0.7), RawLink(buyer: 1, supplier: 2, share: nil),
            RawLink(buyer: 2, supplier: 1, share: nil),
        ]
        let (graph, adjustments) = SupplyGraphBuilder.build(nodeCount: 3, links: links)
        #expect(graph.links(of: 0).isEmpty)
        #expect(adjustments.contains(.selfLinkDropped(link: 0)))
        let risk = [0.4, 0, 1]
        let r = TierPropagation.run(
            graph: graph, risk: risk, marked: [false, false, true], parameters: PropagationParameters(tiers: 4, decay: 0.5), workers: 3)
        #expect(r.tierExposures(of: 0) == [0.4, 0, 0, 0] && r.exposure[0] == 0.4 && r.nearestTier[0] == 0)
        #expect(r.tierExposures(of: 1) == [0, 1, 0, 1])
        #expect(r.exposure[1] == 0.5625)
        #expect(r.nearestTier[1] == 2 && r.nearestPath(from: 1) == [1, 2])
    }

    /// Given shares above 1 with links missing a share: buyer 0 → 1 0.7, → 3 0.6, → 2 and
    /// → 4 without. The given 1.3 leaves nothing, so 2 and 4 get 0; the row is scaled by 1.3
    /// (0.7/1.3, 0, 0.6/1.3, 0). A share of 0 still links: the only flagged supplier, 2, is
    /// at tier 2 of 0, though it adds nothing to X_2(0) = (0.7 · 0.1 + 0.6 · 0.2) / 1.3.
    @Test func zeroShareLinksStillReach() {
        let links = [
            RawLink(buyer: 0, supplier: 1, share: 0.7), RawLink(buyer: 0, supplier: 2, share: nil),
            RawLink(buyer: 0, supplier: 3, share: 0.6), RawLink(buyer: 0, supplier: 4, share: nil),
        ]
        let (graph, adjustments) = SupplyGraphBuilder.build(nodeCount: 5, links: links)
        let total = 0.7 + 0.6  // 1.2999999999999998 in doubles
        #expect(graph.columns == [1, 2, 3, 4])
        #expect(graph.shares == [0.7 / total, 0, 0.6 / total, 0])
        #expect(adjustments.contains(.sharesFilled(node: 0, count: 2, remainder: 0)))
        #expect(adjustments.contains(.sharesScaled(node: 0, total: total)))
        let risk = [0, 0.1, 0.9, 0.2, 0]
        let r = TierPropagation.run(
            graph: graph, risk: risk, marked: risk.map { $0 >= 0.7 }, parameters: PropagationParameters(tiers: 2, decay: 0.8), workers: 2)
        #expect(abs(r.tierExposure(of: 0, tier: 2) - 0.19 / 1.3) < 1e-15)
        #expect(r.nearestTier[0] == 2 && r.nearestPath(from: 0) == [0, 2])
        // The worst path goes through 3 (0.8 · 0.6/1.3 · 0.2 ≈ 0.0738 > 0.8 · 0.7/1.3 · 0.1), not 2.
        #expect(r.worstPath(from: 0) == [0, 3])
    }

    /// Shares of 1e-12 down a chain to a hard flag: X_4(0) = 1e-36 and E(0) = d³ · 1e-36
    /// = 5.12e-37, kept although 1 − (1 − 5.12e-37) would be 0 in doubles.
    @Test func tinySharesKeepTinyExposure() {
        let links = (0..<3).map { RawLink(buyer: Int32($0), supplier: Int32($0 + 1), share: 1e-12) }
        let graph = SupplyGraphBuilder.build(nodeCount: 4, links: links).graph
        let risk = [0.0, 0, 0, 1]
        let r = TierPropagation.run(
            graph: graph, risk: risk, marked: [false, false, false, true], parameters: PropagationParameters(tiers: 6, decay: 0.8), workers: 2)
        #expect(abs(r.exposure[0] / 5.12e-37 - 1) < 1e-12)
        #expect(abs(r.exposure[1] / 6.4e-25 - 1) < 1e-12)
        #expect(r.nearestTier == [4, 3, 2, 1])
    }

    /// Two flagged suppliers at the same tier (a diamond listed in reverse): 0 → 2 and 0 → 1,
    /// then 2 → 3 and 1 → 4, with 3 and 4 marked. Both are at tier 3; the path takes the
    /// first supplier in the file at each step: 0 → 1 → 4, whatever the order of the links.
    @Test(arguments: [1, 4])
    func equalNearestPathsTakeTheFirstSupplier(workers: Int) {
        let links = [
            RawLink(buyer: 0, supplier: 2, share: 0.5), RawLink(buyer: 0, supplier: 1, share: 0.5),
            RawLink(buyer: 2, supplier: 3, share: nil), RawLink(buyer: 1, supplier: 4, share: nil),
        ]
        let graph = SupplyGraphBuilder.build(nodeCount: 5, links: links).graph
        let marked = [false, false, false, true, true]
        let alone = NearestMarked.run(graph: graph, marked: marked, tiers: 6, workers: workers)
        #expect(alone.nearestTier == [3, 2, 2, 1, 1])
        #expect(alone.nearestPath(from: 0) == [0, 1, 4])
        // Equal worst paths (0.8² · 0.5 · 1 · 1 each) take the first supplier as well.
        let r = TierPropagation.run(graph: graph, risk: [0, 0, 0, 1, 1], marked: marked, parameters: PropagationParameters(), workers: workers)
        #expect(r.worstPath(from: 0) == [0, 1, 4] && r.worstStrength[0] == 0.8 * (0.5 * (0.8 * (1 * 1))))
    }

    /// A chain of near-ties: Y_1 = a, Y_2 = a(1 + 0.9e-12), Y_3 = a(1 + 1.8e-12). Measured from
    /// the lowest tier kept so far, tier 2 tied with tier 1 but tier 3 did not, so the worst
    /// path was tier 3's, while `explain`, which ranks ties from the strongest path, put tier
    /// 2's first. The worst tier is now the lowest within rounding of the largest: tier 2,
    /// with its own strength.
    @Test func nearTiesAreMeasuredFromTheLargest() {
        let graph = SupplyGraphBuilder.build(nodeCount: 1, links: []).graph
        var result = PropagationResult(graph: graph, parameters: PropagationParameters(tiers: 3, decay: 0.8))
        let a = 0.25
        result.tierWorst = [a, a * (1 + 0.9e-12), a * (1 + 1.8e-12)]
        result.chooseWorstTiers()
        #expect(result.worstTier == [2])
        #expect(result.worstStrength == [a * (1 + 0.9e-12)])
        // Clear differences still decide: the largest wins.
        result.tierWorst = [0.1, 0.3, 0.2]
        result.chooseWorstTiers()
        #expect(result.worstTier == [2] && result.worstStrength == [0.3])
        // Nothing risky: tier 1, strength 0.
        result.tierWorst = [0, 0, 0]
        result.chooseWorstTiers()
        #expect(result.worstTier == [1] && result.worstStrength == [0])
    }
}

