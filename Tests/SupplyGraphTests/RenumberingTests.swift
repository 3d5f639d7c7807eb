import Testing
@testable import SupplyGraph

/// Breadth-first renumbering (used by the graph benchmarks for memory locality): a
/// permutation that starts at the nodes nothing links to, and a renumbered graph with the
/// same links.
@Suite("Breadth-first renumbering")
struct RenumberingTests {
    /// A graph from rows of `(supplier, share)`.
    static func graph(_ rows: [[(Int, Double)]]) -> SupplyGraph {
        var offsets = [0], columns: [Int32] = [], shares: [Double] = []
        for row in rows {
            for (supplier, share) in row {
                columns.append(Int32(supplier))
                shares.append(share)
            }
            offsets.append(columns.count)
        }
        return SupplyGraph(nodeCount: rows.count, rowOffsets: offsets, columns: columns, shares: shares)
    }

    /// Hand-computed: roots 0 and 4 first, then their suppliers level by level in row order;
    /// the cycle 5 ⇄ 6 that nothing else reaches comes last, from its first node.
    @Test func handComputedOrder() {
        let g = Self.graph([[(2, 0.5), (1, 0.5)], [(3, 1)], [(3, 1)], [], [(1, 1)], [(6, 1)], [(5, 1)]])
        #expect(g.breadthFirstOrder() == [0, 4, 2, 1, 3, 5, 6])
    }

    /// Many parts reachable only through cycles (200,000 disjoint pairs): each restart must
    /// resume where the last one stopped (searching from node 0 each time is quadratic, and
    /// takes minutes here).
    @Test(.timeLimit(.minutes(1))) func manyCycleOnlyPartsInNodeOrder() {
        let pairs = 200_000
        let g = Self.graph((0..<(2 * pairs)).map { [($0 ^ 1, 1)] })
        #expect(g.breadthFirstOrder() == (0..<Int32(2 * pairs)).map { $0 })
    }

    /// Random graphs: the order is a permutation, and the renumbered graph has exactly the
    /// renamed links, rows in the same link order.
    @Test func renumberingKeepsEveryLink() {
        var random = SeededGenerator(seed: 0xB0F5)
        for _ in 0..<200 {
            let n = 1 + random.next(below: 40)
            let rows = (0..<n).map { _ in (0..<random.next(below: 4)).map { _ in (random.next(below: n), Double(random.next(below: 100)) / 100) } }
            let g = Self.graph(rows)
            let order = g.breadthFirstOrder()
            #expect(order.map(Int.init).sorted() == Array(0..<n))
            let r = g.renumbered(by: order)
            var newIndex = [Int](repeating: 0, count: n)
            for (new, old) in order.enumerated() { newIndex[Int(old)] = new }
            for old in 0..<n {
                let expected = g.links(of: old).map { (newIndex[Int(g.columns[$0])], g.shares[$0]) }
                let actual = r.links(of: newIndex[old]).map { (Int(r.columns[$0]), r.shares[$0]) }
                #expect(expected.map(\.0) == actual.map(\.0) && expected.map(\.1) == actual.map(\.1))
            }
        }
    }
}
