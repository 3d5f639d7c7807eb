import Testing
@testable import SupplyGraph

/// Eighth QA pass on the graph core: the order of the links in the file.
@Suite("QA8: graph core")
struct QA8GraphTests {
    /// The links of a file in another order (a sorted or re-exported file) are the same supply
    /// graph: every number must be the same to the bit, not only to rounding. The sums of a
    /// row (X_{t+1}, the given shares, the row total, merged duplicates) were taken in file
    /// order, so 0.1·a + 0.2·b + 0.7·c and 0.7·c + 0.2·b + 0.1·a could differ in the last bit,
    /// and the JSON report with them.
    @Test(arguments: Array(UInt64(8000)...UInt64(8060)))
    func linkOrderDoesNotChangeAnyNumber(seed: UInt64) {
        var c = RandomCase(seed: seed)
        var g = SeededGenerator(seed: seed &* 31)
        // Shares and risks whose sums round differently in different orders.
        c.links = c.links.map { link in
            var link = link
            if link.share != nil { link.share = [0.1, 0.2, 0.7, 0.3, 0.35, 1.0 / 3].randomElement(using: &g)! }
            return link
        }
        c.risk = c.risk.map { _ in [0.1, 0.2, 0.3, 0.7, 0.9, 1.0 / 3].randomElement(using: &g)! }
        let first = SupplyGraphBuilder.build(nodeCount: c.nodeCount, links: c.links).graph
        let a = TierPropagation.run(graph: first, risk: c.risk, marked: c.marked, parameters: c.parameters, workers: 2)
        for _ in 0..<4 {
            let shuffled = c.links.shuffled(using: &g)
            let second = SupplyGraphBuilder.build(nodeCount: c.nodeCount, links: shuffled).graph
            let b = TierPropagation.run(graph: second, risk: c.risk, marked: c.marked, parameters: c.parameters, workers: 3)
            #expect(a.tierExposure.map(\.bitPattern) == b.tierExposure.map(\.bitPattern), "seed \(seed)")
            #expect(a.exposure.map(\.bitPattern) == b.exposure.map(\.bitPattern), "seed \(seed)")
            #expect(a.worstStrength.map(\.bitPattern) == b.worstStrength.map(\.bitPattern), "seed \(seed)")
            #expect(a.worstTier == b.worstTier && a.nearestTier == b.nearestTier, "seed \(seed)")
            #expect((0..<c.nodeCount).map(a.worstPath(from:)) == (0..<c.nodeCount).map(b.worstPath(from:)), "seed \(seed)")
        }
    }

    /// Three duplicates of one link and a link without a share, in every order: the merged
    /// share, the filled share and the row's scaling are the same bits; the merge still keeps
    /// the first link in the file (its slot source) and reports the others in file order.
    @Test func duplicatesMergeToTheSameBitsInAnyOrder() {
        let base = [
            RawLink(buyer: 0, supplier: 1, share: 0.1), RawLink(buyer: 0, supplier: 1, share: 0.2),
            RawLink(buyer: 0, supplier: 1, share: 0.7), RawLink(buyer: 0, supplier: 2, share: 0.3),
            RawLink(buyer: 0, supplier: 3, share: nil),
        ]
        var reference: [UInt64]?
        for permutation in permutations(of: Array(base.indices)) {
            let links = permutation.map { base[$0] }
            let built = SupplyGraphBuilder.build(
                nodeCount: 4, buyers: links.map(\.buyer), suppliers: links.map(\.supplier), shares: links.map { $0.share ?? .nan })
            let bits = built.graph.shares.map(\.bitPattern)
            if let reference { #expect(bits == reference, "order \(permutation)") } else { reference = bits }
            // Rows are in supplier order whatever the file order.
            #expect(built.graph.columns == [1, 2, 3])
            let positionsOfOne = links.indices.filter { links[$0].supplier == 1 }
            #expect(built.slotSources[0] == Int32(positionsOfOne[0]))
            let merged = built.adjustments.compactMap { adjustment -> (Int, Int)? in
                if case .duplicateMerged(let first, let duplicate) = adjustment { return (first, duplicate) }
                return nil
            }
            #expect(merged.map(\.0) == [positionsOfOne[0], positionsOfOne[0]])
            #expect(merged.map(\.1) == Array(positionsOfOne.dropFirst()))
        }
    }

    /// A dense graph (300 suppliers, each buying from all the others: 89,700 links) with 32
    /// tiers and no decay, where nothing is risky or everything is barely risky: no partial
    /// path is ever cut off, and each expansion added 299 partial paths, so `explain` ran
    /// for more than 5 minutes and held 2.4 GB before it was killed (200,000 expansions ×
    /// 299 links). The partial paths the search holds are bounded now, and extensions that
    /// cannot reach the cut-off are not kept.
    @Test(.timeLimit(.minutes(1)), arguments: [0.0, 1e-9])
    func aDenseGraphWithLittleRiskIsExplainedQuickly(risk: Double) {
        let n = 300
        var links: [RawLink] = []
        for u in 0..<n { for v in 0..<n where v != u { links.append(RawLink(buyer: Int32(u), supplier: Int32(v), share: nil)) } }
        let graph = SupplyGraphBuilder.build(nodeCount: n, links: links).graph
        let parameters = PropagationParameters(tiers: 32, decay: 1)
        let paths = PathExplainer.topPaths(from: 0, graph: graph, risk: [Double](repeating: risk, count: n), parameters: parameters, limit: 5)
        if risk == 0 {
            #expect(paths.isEmpty)
        } else {
            // The node itself, then four of its direct suppliers (the first in node order).
            #expect(paths.map(\.nodes) == [[0], [0, 1], [0, 2], [0, 3], [0, 4]])
        }
    }

    /// Given shares 0.2, 0.7 and 0.1 sum to 1, but to 0.9999999999999999 in doubles: the link
    /// without a share got 1.1e-16 silently instead of 0 with the `share-zero` warning that
    /// METHODOLOGY promises when the given shares already sum to 1. A remainder within
    /// rounding (``SupplyGraphBuilder/rowSumTolerance``) is none, as an excess within it is.
    @Test func givenSharesThatSumToOneUpToRoundingLeaveNothingToFill() {
        let links = [
            RawLink(buyer: 0, supplier: 1, share: 0.2), RawLink(buyer: 0, supplier: 2, share: 0.7),
            RawLink(buyer: 0, supplier: 3, share: 0.1), RawLink(buyer: 0, supplier: 4, share: nil),
        ]
        let (graph, adjustments) = SupplyGraphBuilder.build(nodeCount: 5, links: links)
        #expect(graph.share(from: 0, to: 4) == 0)
        #expect(adjustments.contains(.sharesFilled(node: 0, count: 1, remainder: 0)), "\(adjustments)")
    }

    private func permutations(of items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i -> [[Int]] in
            var rest = items
            let head = rest.remove(at: i)
            return permutations(of: rest).map { [head] + $0 }
        }
    }
}
