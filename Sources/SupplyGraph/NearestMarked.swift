import Dispatch

/// The nearest-marked-tier recurrence of ``PropagationResult`` on its own: for each node, the
/// smallest tier `t ≤ K` at which a marked node is reachable from it in `t − 1` links (0 when
/// none is), and the path to it.
///
/// The run's second marking (hard flags only) needs nothing else, so it costs one byte a node
/// per tier round instead of the three recurrences' `2 · K · 8` bytes a node.
public struct NearestMarked: Sendable {
    /// The graph the tiers were computed on, for paths.
    public let graph: SupplyGraph
    /// Nearest marked tier per node, 0 when no marked node is within K tiers.
    public let nearestTier: [UInt8]

    /// The nearest tiers of a full propagation (no second pass).
    public init(_ result: PropagationResult) {
        graph = result.graph
        nearestTier = result.nearestTier
    }

    /// Runs the recurrence: round `t` marks each node not yet reached that has a supplier
    /// reached within `t − 1` tiers. Each worker writes only its own rows and reads only the
    /// previous round's flags, so the result is the same for any number of workers. Rounds
    /// stop early once one reaches no new node (none after it could).
    ///
    /// - Complexity: O(K · (links + nodes)) time, O(nodes) memory.
    public static func run(graph: SupplyGraph, marked: [Bool], tiers: Int, workers: Int = WorkPartition.defaultWorkers) -> NearestMarked {
        let n = graph.nodeCount
        precondition(marked.count == n)
        precondition((1...32).contains(tiers), "tiers must be in 1...32")
        var nearest = [UInt8](repeating: 0, count: n)
        var previous = [UInt8](repeating: 0, count: n)
        for u in 0..<n where marked[u] {
            nearest[u] = 1
            previous[u] = 1
        }
        var next = previous
        let partition = WorkPartition(rowOffsets: graph.rowOffsets, workers: min(workers, max(1, n)))
        for tier in stride(from: 2, through: tiers, by: 1) {
            var added = [Int](repeating: 0, count: partition.count)
            graph.rowOffsets.withUnsafeBufferPointer { offsets in
            graph.columns.withUnsafeBufferPointer { columns in
            previous.withUnsafeBufferPointer { previous in
            next.withUnsafeMutableBufferPointer { next in
            nearest.withUnsafeMutableBufferPointer { nearest in
            added.withUnsafeMutableBufferPointer { added in
                let round = UnsafeTransfer(NearestRound(
                    tier: UInt8(tier), offsets: offsets, columns: columns, previous: previous, next: next, nearest: nearest, added: added))
                DispatchQueue.concurrentPerform(iterations: partition.count) { worker in
                    round.pointer.process(rows: partition.rows(of: worker), worker: worker)
                }
            }}}}}}
            if !added.contains(where: { $0 > 0 }) { break }
            swap(&previous, &next)
            // `next` now holds the flags of two rounds ago: bring it up to date with `previous`.
            next = previous
        }
        return NearestMarked(graph: graph, nearestTier: nearest)
    }

    private init(graph: SupplyGraph, nearestTier: [UInt8]) {
        self.graph = graph
        self.nearestTier = nearestTier
    }

    /// The next node from `node` toward its nearest marked node (smallest index on ties).
    public func nearestNext(of node: Int) -> Int? { Self.nearestNext(of: node, nearestTier: nearestTier, graph: graph) }

    /// The nodes from `node` to its nearest marked node, or an empty array when there is none.
    public func nearestPath(from node: Int) -> [Int] { Self.nearestPath(from: node, nearestTier: nearestTier, graph: graph) }

    /// ``nearestNext(of:)`` over any nearest tiers computed on `graph`.
    static func nearestNext(of node: Int, nearestTier: [UInt8], graph: SupplyGraph) -> Int? {
        let tier = nearestTier[node]
        guard tier > 1 else { return nil }
        var found: Int?
        for position in graph.links(of: node) {
            let v = Int(graph.columns[position])
            if nearestTier[v] == tier - 1, found.map({ v < $0 }) ?? true { found = v }
        }
        return found
    }

    /// ``nearestPath(from:)`` over any nearest tiers computed on `graph`.
    static func nearestPath(from node: Int, nearestTier: [UInt8], graph: SupplyGraph) -> [Int] {
        guard nearestTier[node] > 0 else { return [] }
        var path = [node]
        var current = node
        while let next = nearestNext(of: current, nearestTier: nearestTier, graph: graph) {
            path.append(next)
            current = next
        }
        return path
    }
}

/// One round of ``NearestMarked/run(graph:marked:tiers:workers:)``: reads `previous`, writes
/// the rows of its worker in `next` and `nearest`, and counts the nodes it newly reached.
private struct NearestRound {
    let tier: UInt8
    let offsets: UnsafeBufferPointer<Int>
    let columns: UnsafeBufferPointer<Int32>
    let previous: UnsafeBufferPointer<UInt8>
    let next: UnsafeMutableBufferPointer<UInt8>
    let nearest: UnsafeMutableBufferPointer<UInt8>
    let added: UnsafeMutableBufferPointer<Int>

    func process(rows: Range<Int>, worker: Int) {
        var count = 0
        for u in rows where previous[u] == 0 {
            var reached: UInt8 = 0
            for position in offsets[u]..<offsets[u + 1] { reached |= previous[Int(columns[position])] }
            if reached != 0 {
                next[u] = 1
                nearest[u] = tier
                count += 1
            }
        }
        added[worker] = count
    }
}
