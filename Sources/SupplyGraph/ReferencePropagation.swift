/// The model computed the plainest way, one definition at a time: the test oracle for
/// ``TierPropagation``. Quadratic in places; use it on small graphs only.
public enum ReferencePropagation {
    /// The oracle's results, with the explanation paths it chose explicitly while computing.
    public struct Output: Sendable {
        public var result: PropagationResult
        /// The worst path of each node, chosen during the recurrence (lowest tier, then first supplier).
        public var worstPaths: [[Int]]
        /// The path to the nearest marked node of each node (empty when none).
        public var nearestPaths: [[Int]]
    }

    public static func run(graph: SupplyGraph, risk: [Double], marked: [Bool], parameters: PropagationParameters) -> Output {
        let n = graph.nodeCount
        let k = parameters.tiers
        let d = parameters.decay
        var result = PropagationResult(graph: graph, parameters: parameters)
        var worstNext = [Int](repeating: -1, count: n * k)
        // Adjacency as plain lists of (supplier, share), in row order.
        let suppliers: [[(node: Int, share: Double)]] = (0..<n).map { u in
            graph.links(of: u).map { (Int(graph.columns[$0]), graph.shares[$0]) }
        }

        // X and Y tier by tier; X[t][u], Y[t][u] with t from 0 (tier 1).
        var x: [[Double]] = [risk]
        var y: [[Double]] = [risk]
        for t in 1..<k {
            var xt = [Double](repeating: 0, count: n)
            var yt = [Double](repeating: 0, count: n)
            for u in 0..<n {
                var sum = 0.0
                for link in suppliers[u] { sum += link.share * x[t - 1][link.node] }
                xt[u] = sum
                // max over suppliers of d · s · Y; the path takes the smallest node among those
                // within rounding of it (PropagationResult.tieTolerance).
                let values = suppliers[u].map { d * ($0.share * y[t - 1][$0.node]) }
                let best = values.max()
                yt[u] = best ?? 0
                worstNext[t * n + u] = best.map { best in
                    suppliers[u].indices.filter { PropagationResult.ties(values[$0], with: best) }.map { suppliers[u][$0].node }.min()!
                } ?? -1
            }
            x.append(xt)
            y.append(yt)
        }
        for u in 0..<n {
            // E = 1 − Π (1 − d^(t−1) · X_t), accumulated as E += (1 − E) · d^(t−1) · X_t.
            var exposure = 0.0
            var decayPower = 1.0
            for t in 0..<k {
                result.tierExposure[t * n + u] = x[t][u]
                result.tierWorst[t * n + u] = y[t][u]
                if t > 0 { decayPower *= d }
                exposure += (1 - exposure) * ((t == 0 ? 1 : decayPower) * x[t][u])
            }
            result.exposure[u] = min(1, max(0, exposure))
            // M(u) = max_t Y_t(u), the lowest tier within rounding of the largest.
            let largest = (0..<k).map { y[$0][u] }.max()!
            let bestTier = (0..<k).first { PropagationResult.ties(y[$0][u], with: largest) }!
            result.worstStrength[u] = y[bestTier][u]
            result.worstTier[u] = UInt8(bestTier + 1)
        }

        // Nearest marked tier: breadth-first distance from each node, capped at K − 1 links.
        var distance = [Int](repeating: Int.max, count: n)
        for u in 0..<n {
            var seen = Set([u])
            var frontier = [u]
            var links = 0
            var found = marked[u]
            while !found && links < k - 1 && !frontier.isEmpty {
                links += 1
                var next: [Int] = []
                for w in frontier { for link in suppliers[w] where seen.insert(link.node).inserted { next.append(link.node) } }
                frontier = next
                found = frontier.contains { marked[$0] }
            }
            if found { distance[u] = links }
        }
        var nearestPaths = [[Int]](repeating: [], count: n)
        for u in 0..<n where distance[u] != .max {
            result.nearestTier[u] = UInt8(distance[u] + 1)
            var path = [u]
            while distance[path.last!] > 0 {
                let here = path.last!
                path.append(suppliers[here].map(\.node).filter { distance[$0] == distance[here] - 1 }.min()!)
            }
            nearestPaths[u] = path
        }
        let worstPaths = (0..<n).map { u -> [Int] in
            var path = [u]
            var t = Int(result.worstTier[u]) - 1
            while t >= 1 {
                path.append(worstNext[t * n + path.last!])
                t -= 1
            }
            return path
        }
        return Output(result: result, worstPaths: worstPaths, nearestPaths: nearestPaths)
    }
}
