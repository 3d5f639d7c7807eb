import Testing
@testable import SupplyGraph

/// A graph small enough to compute by hand, with a cycle, a self-link, a missing share and
/// shares above 1:
///
///     A(0) r=0    → B 0.5, → C (no share: gets 1 − 0.5)
///     B(1) r=0.5  → C 0.4, → D 0.8  (sum 1.2: scaled to 1/3 and 2/3)
///     C(2) r=1    → A 1.0   (cycle A → C → A)
///     D(3) r=0.2  → D       (self-link: dropped)
struct HandComputedGraph {
    static let risk = [0.0, 0.5, 1.0, 0.2]
    static let links = [
        RawLink(buyer: 0, supplier: 1, share: 0.5), RawLink(buyer: 0, supplier: 2, share: nil),
        RawLink(buyer: 1, supplier: 2, share: 0.4), RawLink(buyer: 1, supplier: 3, share: 0.8),
        RawLink(buyer: 2, supplier: 0, share: 1.0), RawLink(buyer: 3, supplier: 3, share: 0.3),
    ]
    static var graph: SupplyGraph { SupplyGraphBuilder.build(nodeCount: 4, links: links).graph }
    static let parameters = PropagationParameters(tiers: 3, decay: 0.8)
    static let marked = risk.map { $0 >= 0.7 }
}

@Suite("Hand-computed graph")
struct HandComputedTests {
    @Test func shareRules() {
        let (graph, adjustments) = SupplyGraphBuilder.build(nodeCount: 4, links: HandComputedGraph.links)
        #expect(graph.rowOffsets == [0, 2, 4, 5, 5])
        #expect(graph.columns == [1, 2, 2, 3, 0])
        #expect(graph.shares[0] == 0.5 && graph.shares[1] == 0.5)
        #expect(abs(graph.shares[2] - 1.0 / 3) < 1e-15 && abs(graph.shares[3] - 2.0 / 3) < 1e-15)
        #expect(adjustments.contains(.selfLinkDropped(link: 5)))
        #expect(adjustments.contains(.sharesScaled(node: 1, total: 0.4 + 0.8)))
        #expect(adjustments.contains(.sharesFilled(node: 0, count: 1, remainder: 0.5)))
    }

    @Test(arguments: [1, 2, 3, 8])
    func recurrences(workers: Int) {
        let r = TierPropagation.run(
            graph: HandComputedGraph.graph, risk: HandComputedGraph.risk, marked: HandComputedGraph.marked,
            parameters: HandComputedGraph.parameters, workers: workers)
        let third = 1.0 / 3, twoThirds = 2.0 / 3
        // X_2
        let x2 = [0.5 * 0.5 + 0.5 * 1.0, third * 1.0 + twoThirds * 0.2, 1.0 * 0.0, 0.0]
        // X_3
        let x3 = [0.5 * x2[1] + 0.5 * x2[2], third * x2[2] + twoThirds * x2[3], 1.0 * x2[0], 0.0]
        for u in 0..<4 {
            #expect(abs(r.tierExposure(of: u, tier: 1) - HandComputedGraph.risk[u]) < 1e-15)
            #expect(abs(r.tierExposure(of: u, tier: 2) - x2[u]) < 1e-15)
            #expect(abs(r.tierExposure(of: u, tier: 3) - x3[u]) < 1e-15)
            let e = 1 - (1 - HandComputedGraph.risk[u]) * (1 - 0.8 * x2[u]) * (1 - 0.64 * x3[u])
            #expect(abs(r.exposure[u] - e) < 1e-15)
        }
        // A: Y_2 = 0.8 · max(0.5·0.5, 0.5·1) = 0.4 through C; Y_3 = 0.8 · 0.5 · Y_2(B) = 0.8 · 0.5 · 0.8/3.
        #expect(abs(r.worstStrength[0] - 0.4) < 1e-15)
        #expect(r.worstPath(from: 0) == [0, 2])
        // C: its own risk 1 beats 0.8 · Y_2(A) = 0.32 at tier 3.
        #expect(r.worstStrength[2] == 1 && r.worstPath(from: 2) == [2])
        // B: own risk 0.5 beats 0.8 · (1/3) · 1 at tier 2.
        #expect(r.worstStrength[1] == 0.5 && r.worstPath(from: 1) == [1])
        // Y_3(B) = 0 for both C and D: the tie goes to C, the first in the file.
        #expect(r.worstNext(of: 1, tier: 3) == 2)
        // Nearest flagged (C, r = 1): C itself at tier 1, A and B reach it in one link, D never.
        #expect(Array(r.nearestTier) == [2, 2, 1, 0])
        #expect(r.nearestPath(from: 0) == [0, 2])
        #expect(r.nearestPath(from: 3) == [])
    }

    @Test func oneTierIsTheSupplierItself() {
        let r = TierPropagation.run(
            graph: HandComputedGraph.graph, risk: HandComputedGraph.risk, marked: HandComputedGraph.marked,
            parameters: PropagationParameters(tiers: 1, decay: 0.8))
        #expect(zip(r.exposure, HandComputedGraph.risk).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(Array(r.nearestTier) == [0, 0, 1, 0])
        #expect(r.worstPath(from: 0) == [0])
    }

    @Test func nearestTierStopsAtK() {
        // A chain 0 → 1 → 2 → 3 with only 3 marked: reachable from 0 in 3 links = tier 4.
        let links = (0..<3).map { RawLink(buyer: Int32($0), supplier: Int32($0 + 1), share: 1) }
        let graph = SupplyGraphBuilder.build(nodeCount: 4, links: links).graph
        let marked = [false, false, false, true]
        let risk = [0.0, 0, 0, 1]
        let four = TierPropagation.run(graph: graph, risk: risk, marked: marked, parameters: PropagationParameters(tiers: 4, decay: 1))
        #expect(Array(four.nearestTier) == [4, 3, 2, 1])
        #expect(four.nearestPath(from: 0) == [0, 1, 2, 3])
        #expect(four.exposure[0] == 1)
        let three = TierPropagation.run(graph: graph, risk: risk, marked: marked, parameters: PropagationParameters(tiers: 3, decay: 1))
        #expect(Array(three.nearestTier) == [0, 3, 2, 1])
        #expect(three.exposure[0] == 0)
    }

    @Test func duplicateLinksMergeByAddingShares() {
        let links = [
            RawLink(buyer: 0, supplier: 1, share: 0.2), RawLink(buyer: 0, supplier: 2, share: 0.3),
            RawLink(buyer: 0, supplier: 1, share: 0.1),
        ]
        let (graph, adjustments) = SupplyGraphBuilder.build(nodeCount: 3, links: links)
        #expect(graph.columns == [1, 2])
        #expect(abs(graph.shares[0] - 0.3) < 1e-15 && graph.shares[1] == 0.3)
        #expect(adjustments == [.duplicateMerged(first: 0, duplicate: 2)])
    }

    @Test func missingSharesGetZeroWhenGivenSharesCoverAll() {
        let links = [RawLink(buyer: 0, supplier: 1, share: 1.0), RawLink(buyer: 0, supplier: 2, share: nil)]
        let (graph, adjustments) = SupplyGraphBuilder.build(nodeCount: 3, links: links)
        #expect(graph.shares == [1.0, 0.0])
        #expect(adjustments == [.sharesFilled(node: 0, count: 1, remainder: 0)])
    }

    @Test func roundingAboveOneIsScaledSilently() {
        let links = [0.1, 0.2, 0.7].enumerated().map { RawLink(buyer: 0, supplier: Int32($0.offset + 1), share: $0.element) }
        let (graph, adjustments) = SupplyGraphBuilder.build(nodeCount: 4, links: links)
        #expect(graph.shares.reduce(0, +) <= 1 + 1e-15)
        #expect(!adjustments.contains { if case .sharesScaled = $0 { true } else { false } })
    }
}

@Suite("Builder on long rows")
struct LongRowTests {
    /// Long rows with many duplicates: each supplier once, in node order (QA8: whatever the
    /// input order), shares added, and rows may arrive in any order.
    @Test(arguments: [false, true])
    func duplicatesInLongRowsMerge(shuffled: Bool) {
        var g = SeededGenerator(seed: 99)
        var links: [RawLink] = []
        for buyer in Int32(0)..<3 {
            for _ in 0..<60 { links.append(RawLink(buyer: buyer, supplier: Int32.random(in: 3..<40, using: &g), share: 0.01)) }
        }
        if shuffled { links.shuffle(using: &g) }
        let (graph, adjustments) = SupplyGraphBuilder.build(nodeCount: 40, links: links)
        for buyer in 0..<3 {
            var expected: [Int32: Double] = [:]
            var firstSeen: [Int32] = []
            for link in links where link.buyer == Int32(buyer) {
                if expected[link.supplier] == nil { firstSeen.append(link.supplier) }
                expected[link.supplier, default: 0] += 0.01
            }
            #expect(graph.links(of: buyer).map { graph.columns[$0] } == firstSeen.sorted())
            for position in graph.links(of: buyer) {
                #expect(abs(graph.shares[position] - expected[graph.columns[position]]!) < 1e-12)
            }
        }
        let merged = adjustments.filter { if case .duplicateMerged = $0 { true } else { false } }.count
        #expect(merged == links.count - graph.linkCount)
    }
}
