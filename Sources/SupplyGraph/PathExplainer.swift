/// One path that carries risk to a node: `nodes[0]` is the node explained, each following
/// node a supplier of the one before, `shares[i]` the share of the link `nodes[i] → nodes[i+1]`.
public struct ContributingPath: Sendable, Hashable {
    public var nodes: [Int]
    public var shares: [Double]
    /// `d^(t−1) · Π shares · r(end)` for a path of t nodes: its part of `d^(t−1) · X_t`.
    public var contribution: Double
    /// The tier of the path's last node (the number of nodes).
    public var tier: Int { nodes.count }
}

/// Finds the paths that contribute most to a node's exposure, best first, without enumerating
/// every path: a search over partial paths ordered by `d^(t−1) · Π shares`, an upper bound on
/// the contribution of any extension (shares, decay and risk are at most 1), that stops as soon
/// as no partial path can beat the N-th best contribution found.
public enum PathExplainer {
    /// The top `limit` contributing paths from `source` within K tiers, strongest first; ties
    /// (contributions within ``PropagationResult/tieTolerance``, as the same shares multiplied
    /// in another order differ in the last bits) go to shorter paths, then to paths through
    /// earlier nodes. Paths with zero contribution are left out. Walks through cycles count as
    /// the model's recurrences count them.
    ///
    /// - Parameters:
    ///   - maxExpansions: a bound on the work for dense graphs; the result is then the best
    ///     found so far.
    ///   - maxPartialPaths: a bound on the partial paths held (each expansion adds one per
    ///     link of its last node: a dense graph with little risk, where nothing is cut off,
    ///     held gigabytes); the result is then the best found so far.
    /// - Complexity: O(P log P) for P partial paths, at most `maxPartialPaths`, of at most
    ///   `maxExpansions` expansions.
    public static func topPaths(
        from source: Int, graph: SupplyGraph, risk: [Double], parameters: PropagationParameters, limit: Int,
        maxExpansions: Int = 200_000, maxPartialPaths: Int = 1_000_000
    ) -> [ContributingPath] {
        guard limit > 0 else { return [] }
        // Arena of partial paths: node, parent entry, link share, weight, length.
        var nodes: [Int32] = [Int32(source)]
        var parents: [Int32] = [-1]
        var shares: [Double] = [1]
        var weights: [Double] = [1]
        var lengths: [UInt8] = [1]
        var frontier = BinaryHeap<Entry>()
        frontier.push(Entry(key: 1, index: 0))
        // The `limit` largest contributions found so far (a min-heap: its top is the cut-off),
        // and every path found that reaches the cut-off: paths that tie with the last of the
        // best are all kept, so the documented order (shorter, then earlier nodes), not the
        // order they were found in, decides among them.
        var best = BinaryHeap<Found>()
        var candidates: [Found] = []
        var expansions = 0
        while let top = frontier.pop() {
            // No extension of this partial path can reach the cut-off (ties may still).
            if best.count == limit, let worst = best.peek, top.key < worst.contribution, !ties(top.key, worst.contribution) { break }
            let i = Int(top.index)
            let contribution = weights[i] * risk[Int(nodes[i])]
            if contribution > 0 && (best.count < limit || contribution >= best.peek!.contribution || ties(contribution, best.peek!.contribution)) {
                candidates.append(Found(contribution: contribution, index: top.index))
                best.push(Found(contribution: contribution, index: top.index))
                if best.count > limit { _ = best.pop() }
            }
            expansions += 1
            guard Int(lengths[i]) < parameters.tiers, expansions < maxExpansions else { continue }
            let u = Int(nodes[i])
            for position in graph.links(of: u) {
                let weight = weights[i] * parameters.decay * graph.shares[position]
                guard weight > 0, nodes.count < maxPartialPaths else { continue }
                // Shares, decay and risk are at most 1: no extension of a partial path
                // contributes more than its weight, so one below the cut-off is not kept.
                if best.count == limit, let worst = best.peek, weight < worst.contribution, !ties(weight, worst.contribution) { continue }
                nodes.append(graph.columns[position])
                parents.append(Int32(i))
                shares.append(graph.shares[position])
                weights.append(weight)
                lengths.append(lengths[i] + 1)
                frontier.push(Entry(key: weight, index: Int32(nodes.count - 1)))
            }
        }
        let cutoff = best.peek?.contribution ?? 0
        var paths: [ContributingPath] = []
        for found in candidates where found.contribution >= cutoff || ties(found.contribution, cutoff) {
            var pathNodes: [Int] = []
            var pathShares: [Double] = []
            var j = Int(found.index)
            while j >= 0 {
                pathNodes.append(Int(nodes[j]))
                if parents[j] >= 0 { pathShares.append(shares[j]) }
                j = Int(parents[j])
            }
            paths.append(ContributingPath(nodes: pathNodes.reversed(), shares: pathShares.reversed(), contribution: found.contribution))
        }
        // Strongest first; then runs of ties (each within rounding of the run's strongest, so
        // the order is a total one) shorter first, then through earlier nodes.
        paths.sort { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.nodes.lexicographicallyPrecedes($1.nodes) }
        var start = 0
        while start < paths.count {
            var end = start + 1
            while end < paths.count && ties(paths[end].contribution, paths[start].contribution) { end += 1 }
            paths[start..<end].sort {
                if $0.nodes.count != $1.nodes.count { return $0.nodes.count < $1.nodes.count }
                return $0.nodes.lexicographicallyPrecedes($1.nodes)
            }
            start = end
        }
        return Array(paths.prefix(limit))
    }

    /// Whether `value` ties with `best` (the larger or equal) within rounding.
    private static func ties(_ value: Double, _ best: Double) -> Bool { PropagationResult.ties(value, with: best) }

    /// A partial path in the frontier: larger weight first, then earlier insertion.
    struct Entry: HeapElement {
        var key: Double
        var index: Int32
        static func precedes(_ a: Self, _ b: Self) -> Bool { a.key != b.key ? a.key > b.key : a.index < b.index }
    }

    /// A complete path found: in the heap of the best, the heap's top is the weakest kept.
    struct Found: HeapElement {
        var contribution: Double
        var index: Int32
        static func precedes(_ a: Self, _ b: Self) -> Bool {
            a.contribution != b.contribution ? a.contribution < b.contribution : a.index > b.index
        }
    }
}

/// Ordering for ``BinaryHeap``: `precedes(a, b)` puts `a` nearer the top.
protocol HeapElement {
    static func precedes(_ a: Self, _ b: Self) -> Bool
}

/// A binary heap on a contiguous array.
struct BinaryHeap<Element: HeapElement> {
    private var storage: [Element] = []

    var count: Int { storage.count }
    var peek: Element? { storage.first }

    mutating func push(_ element: Element) {
        storage.append(element)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Element.precedes(storage[child], storage[parent]) else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let top = storage.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < storage.count, Element.precedes(storage[left], storage[first]) { first = left }
            if right < storage.count, Element.precedes(storage[right], storage[first]) { first = right }
            if first == parent { break }
            storage.swapAt(parent, first)
            parent = first
        }
        return top
    }
}
