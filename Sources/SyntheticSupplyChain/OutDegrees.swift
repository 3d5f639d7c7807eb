/// How many links each supplier buys through: exactly `links` in total, heavy-tailed.
///
/// Each brand, assembler, component maker and processor draws a Pareto weight (α = 1.6); the
/// links are shared in proportion to the weights (water-filling: floors, then one each to the
/// remainder), each capped at half the next tier's size so a buyer can still find distinct
/// suppliers there. When the caps cannot hold all links, the rest are spread evenly over every
/// supplier with room up to n − 1 distinct suppliers.
enum OutDegrees {
    static let paretoAlpha = 1.6

    /// - Returns: the out-degree of every supplier (summing to `links`).
    /// - Precondition: `links <= count × (count − 1)`.
    /// - Complexity: O(suppliers × rounds) time, a few rounds in practice; O(suppliers) memory.
    static func draw(layout: SupplierLayout, links: Int, seed: UInt64) -> [Int32] {
        var random = SeededRandom(seed: seed, stream: 3)
        let n = layout.count
        var degrees = [Int32](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        var caps = [Int32](repeating: 0, count: n)
        for t in 0..<layout.tiers.count - 1 {
            let cap = Int32(max(1, layout.tiers[t + 1].count / 2))
            for i in layout.tiers[t] {
                weights[i] = pow(random.openUnit(), -1 / paretoAlpha)
                caps[i] = cap
            }
        }
        var remaining = fill(links, weights: weights, caps: caps, degrees: &degrees, random: &random)
        if remaining > 0 {
            let all = Int32(truncatingIfNeeded: min(n - 1, Int(Int32.max)))
            remaining = fill(
                remaining, weights: [Double](repeating: 1, count: n), caps: [Int32](repeating: all, count: n),
                degrees: &degrees, random: &random)
        }
        precondition(remaining == 0, "more links than distinct supplier pairs")
        return degrees
    }

    /// Adds up to `total` to `degrees` in proportion to `weights` without passing `caps`.
    /// - Returns: what could not be placed.
    static func fill(_ total: Int, weights: [Double], caps: [Int32], degrees: inout [Int32], random: inout SeededRandom) -> Int {
        var remaining = total
        var active: [Int32] = []
        for i in 0..<degrees.count where caps[i] > degrees[i] && weights[i] > 0 { active.append(Int32(i)) }
        while remaining > 0 && !active.isEmpty {
            var sum = 0.0
            for i in active { sum += weights[Int(i)] }
            var allocated = 0
            let scale = Double(remaining) / sum
            for i32 in active {
                let i = Int(i32)
                let x = min(Int(caps[i] - degrees[i]), Int(weights[i] * scale), remaining - allocated)
                degrees[i] += Int32(x)
                allocated += x
            }
            remaining -= allocated
            active.removeAll { degrees[Int($0)] >= caps[Int($0)] }
            if remaining > 0 && remaining <= active.count {
                // Fewer links left than buyers with room: one each, from a random start. (Looping
                // on floors here would take many rounds that place almost nothing.)
                let start = random.below(active.count)
                for j in 0..<remaining { degrees[Int(active[(start + j) % active.count])] += 1 }
                remaining = 0
            }
        }
        return remaining
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
