/// xoshiro256**, seeded through SplitMix64: a fast, portable generator whose output depends
/// only on the seed, so the same arguments always give byte-identical files.
///
/// Not cryptographic. Every stream of the generator (suppliers, links, contracts) gets its own
/// instance derived from the seed and a stream number, so changing one part of the output
/// never shifts the random numbers of another.
struct SeededRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// - Parameters:
    ///   - seed: the user's seed.
    ///   - stream: a constant naming the consumer (suppliers, links, …).
    init(seed: UInt64, stream: UInt64) {
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        func splitMix(_ state: inout UInt64) -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(&mixer)
        s1 = splitMix(&mixer)
        s2 = splitMix(&mixer)
        s3 = splitMix(&mixer)
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform double in (0, 1].
    @inline(__always)
    mutating func openUnit() -> Double { Double((next() >> 11) + 1) * 0x1.0p-53 }

    /// A uniform integer in `0..<bound` (multiply-shift; bias below 2^-32 for bounds under 2^32).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An index drawn from cumulative weights (the last entry is the total).
    mutating func pick(cumulative: [Double]) -> Int {
        let x = unit() * cumulative[cumulative.count - 1]
        var i = 0
        while i < cumulative.count - 1 && cumulative[i] <= x { i += 1 }
        return i
    }
}

/// A stateless 64-bit mix of a seed and an index: a supplier's attributes are a pure function
/// of (seed, index), so they can be recomputed instead of stored.
@inline(__always)
func mix64(_ seed: UInt64, _ index: UInt64) -> UInt64 {
    var z = seed &+ index &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}
