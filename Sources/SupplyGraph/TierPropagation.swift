import Dispatch

/// Progress of a long propagation, reported after each tier round.
public struct PropagationProgress: Sendable {
    /// Rounds done so far (a round propagates one tier over every link).
    public var roundsDone: Int
    public var roundsTotal: Int
    /// Links processed so far (link · rounds).
    public var linkRounds: Int
}

/// The fast propagation core: the three recurrences of ``PropagationResult`` in one pass over
/// the links per tier, on `DispatchQueue.concurrentPerform` workers.
///
/// Each worker owns a contiguous range of buyer rows (balanced by link count, see
/// ``WorkPartition``) and writes only the slots of its rows, reading only the previous tier's
/// arrays, which no worker writes during the round. Every row is computed in the same order
/// whatever the number of workers, so results are bit-identical for any worker count.
public enum TierPropagation {
    /// Runs the recurrences.
    ///
    /// - Parameters:
    ///   - graph: the supply graph (rows are buyers, columns their suppliers).
    ///   - risk: intrinsic risk `r_u` in [0, 1] per node.
    ///   - marked: nodes the nearest-tier recurrence looks for (e.g. high risk or hard flags).
    ///   - workers: number of Dispatch workers; defaults to the processors online.
    ///   - progress: called after each round, on the calling thread.
    /// - Complexity: O(K · (links + nodes)) time; O(K · nodes) memory for the per-tier arrays.
    public static func run(
        graph: SupplyGraph, risk: [Double], marked: [Bool], parameters: PropagationParameters,
        workers: Int = WorkPartition.defaultWorkers, progress: ((PropagationProgress) -> Void)? = nil
    ) -> PropagationResult {
        let n = graph.nodeCount
        precondition(risk.count == n && marked.count == n)
        let tiers = parameters.tiers
        let decay = parameters.decay
        var result = PropagationResult(nodeCount: n, parameters: parameters)
        let partition = WorkPartition(rowOffsets: graph.rowOffsets, workers: min(workers, max(1, n)))

        // Tier 1.
        var yPrevious = risk
        var yCurrent = [Double](repeating: 0, count: n)
        var nearestPrevious = [UInt8](repeating: 0, count: n)
        var nearestCurrent = [UInt8](repeating: 0, count: n)
        var product = [Double](repeating: 1, count: n)
        for u in 0..<n {
            result.tierExposure[u] = risk[u]
            result.worstStrength[u] = risk[u]
            product[u] = 1 - risk[u]
            if marked[u] { nearestPrevious[u] = 1 }
        }
        var decayPower = 1.0
        for tier in 2...max(2, tiers) where tier <= tiers {
            decayPower *= decay
            let dPow = decayPower
            let round = UInt8(tier)
            graph.rowOffsets.withUnsafeBufferPointer { offsets in
            graph.columns.withUnsafeBufferPointer { columns in
            graph.shares.withUnsafeBufferPointer { shares in
            result.tierExposure.withUnsafeMutableBufferPointer { xAll in
            result.worstStrength.withUnsafeMutableBufferPointer { worst in
            result.worstTier.withUnsafeMutableBufferPointer { worstTier in
            result.worstNext.withUnsafeMutableBufferPointer { worstNextAll in
            result.nearestNext.withUnsafeMutableBufferPointer { nearestNext in
            yPrevious.withUnsafeBufferPointer { yPrev in
            yCurrent.withUnsafeMutableBufferPointer { yCur in
            nearestPrevious.withUnsafeBufferPointer { nPrev in
            nearestCurrent.withUnsafeMutableBufferPointer { nCur in
            product.withUnsafeMutableBufferPointer { prod in
                let shared = UnsafeTransfer((
                    offsets: offsets, columns: columns, shares: shares,
                    xPrev: UnsafeBufferPointer(rebasing: xAll[((tier - 2) * n)..<((tier - 1) * n)]),
                    xCur: UnsafeMutableBufferPointer(rebasing: xAll[((tier - 1) * n)..<(tier * n)]),
                    worst: worst, worstTier: worstTier,
                    worstNext: UnsafeMutableBufferPointer(rebasing: worstNextAll[((tier - 2) * n)..<((tier - 1) * n)]),
                    nearestNext: nearestNext, yPrev: yPrev, yCur: yCur, nPrev: nPrev, nCur: nCur, prod: prod))
                DispatchQueue.concurrentPerform(iterations: partition.count) { worker in
                    let b = shared.pointer
                    for u in partition.rows(of: worker) {
                        var sum = 0.0
                        var best = 0.0
                        var bestNode: Int32 = -1
                        var reached: Int32 = -1
                        let alreadyNear = b.nPrev[u] != 0
                        for position in b.offsets[u]..<b.offsets[u + 1] {
                            let v = b.columns[position]
                            let vi = Int(v)
                            let share = b.shares[position]
                            sum += share * b.xPrev[vi]
                            let candidate = decay * (share * b.yPrev[vi])
                            if candidate > best || (candidate == best && (bestNode < 0 || v < bestNode)) {
                                best = candidate
                                bestNode = v
                            }
                            if !alreadyNear && b.nPrev[vi] != 0 && (reached < 0 || v < reached) {
                                reached = v
                            }
                        }
                        b.xCur[u] = sum
                        b.prod[u] *= 1 - dPow * sum
                        let y = best
                        b.yCur[u] = y
                        b.worstNext[u] = bestNode
                        if y > b.worst[u] {
                            b.worst[u] = y
                            b.worstTier[u] = round
                        }
                        if alreadyNear {
                            b.nCur[u] = b.nPrev[u]
                        } else if reached >= 0 {
                            b.nCur[u] = round
                            b.nearestNext[u] = reached
                        } else {
                            b.nCur[u] = 0
                        }
                    }
                }
            }}}}}}}}}}}}}
            swap(&yPrevious, &yCurrent)
            swap(&nearestPrevious, &nearestCurrent)
            progress?(PropagationProgress(roundsDone: tier - 1, roundsTotal: tiers - 1, linkRounds: (tier - 1) * graph.linkCount))
        }
        for u in 0..<n { result.exposure[u] = min(1, max(0, 1 - product[u])) }
        result.nearestTier = nearestPrevious
        return result
    }
}
