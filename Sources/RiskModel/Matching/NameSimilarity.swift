/// The token-set name score.
enum NameSimilarity {
    struct Measure: Equatable {
        /// Weighted share of words on both sides that find a similar word on the other side.
        var score: Double
        /// Distinctive words that find a similar word on the other side.
        var sharedInformative: Int
        /// Every distinctive word of both names finds a similar word on the other side.
        var allInformativeMatched: Bool
    }

    /// `score = (Σ_a w_a·s_a + Σ_b w_b·s_b) / (Σ_a w_a + Σ_b w_b)`, where `s_x` is the best
    /// similarity of word x to a word of the other name: 1 for equal words, the Jaro-Winkler
    /// similarity when both words have five or more letters and it reaches `wordThreshold`, 0
    /// otherwise; distinctive words weigh 1, generic words ``NameNormalizer/genericWeight``.
    ///
    /// With `minimum`, stops and returns nil as soon as the score can no longer reach it
    /// (every word left finding an equal word): most candidates of a name miss on their first
    /// words, and a large supplier file compares millions of them.
    static func measure(_ a: [NameToken], _ b: [NameToken], wordThreshold: Double, atLeast minimum: Double = 0) -> Measure? {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in measure(a, b, wordThreshold: wordThreshold, atLeast: minimum) }
        }
    }

    /// ``measure(_:_:wordThreshold:atLeast:)`` on the words in place: a copy of each word
    /// compared (text and scalars retained and released, from every worker at once: the listed
    /// names are shared) cost more than the comparison.
    static func measure(
        _ a: UnsafeBufferPointer<NameToken>, _ b: UnsafeBufferPointer<NameToken>, wordThreshold: Double, atLeast minimum: Double
    ) -> Measure? {
        var total = 0.0, matched = 0.0
        var shared = 0
        var allInformative = true
        var left = a.reduce(0) { $0 + $1.weight } + b.reduce(0) { $0 + $1.weight }
        let full = left
        // Each side in turn (a function, not a loop over `[(a, b), (b, a)]`: that array of
        // tuples was allocated, and its type looked up at run time, on every call).
        func add(_ side: UnsafeBufferPointer<NameToken>, against other: UnsafeBufferPointer<NameToken>) -> Bool {
            for i in side.indices {
                let token = side.baseAddress! + i
                var bestSimilarity = 0.0
                for j in other.indices {
                    let s = similarity(token, other.baseAddress! + j, wordThreshold: wordThreshold)
                    if s > bestSimilarity { bestSimilarity = s }
                    if bestSimilarity == 1 { break }
                }
                let weight = token.pointee.weight
                total += weight
                matched += weight * bestSimilarity
                if token.pointee.informative {
                    if bestSimilarity > 0 { shared += 1 } else { allInformative = false }
                }
                left -= weight
                if (matched + left) / full < minimum - boundSlack { return false }
            }
            return true
        }
        guard add(a, against: b), add(b, against: a) else { return nil }
        return Measure(score: total > 0 ? matched / total : 0, sharedInformative: shared, allInformativeMatched: allInformative)
    }

    static func similarity(_ x: NameToken, _ y: NameToken, wordThreshold: Double) -> Double {
        withUnsafePointer(to: x) { x in withUnsafePointer(to: y) { y in similarity(x, y, wordThreshold: wordThreshold) } }
    }

    /// The similarity of two words read in place.
    static func similarity(_ x: UnsafePointer<NameToken>, _ y: UnsafePointer<NameToken>, wordThreshold: Double) -> Double {
        if x.pointee.text == y.pointee.text { return 1 }
        let xCount = x.pointee.scalars.count, yCount = y.pointee.scalars.count
        guard xCount >= 5, yCount >= 5 else { return 0 }
        // Most pairs of words share too few characters to reach the threshold: the bounds
        // tell them without the comparison, the first from the words' masks alone.
        let xOnly = (x.pointee.characters & ~y.pointee.characters).nonzeroBitCount
        let yOnly = (y.pointee.characters & ~x.pointee.characters).nonzeroBitCount
        guard jaroWinklerBound(matches: min(xCount - xOnly, yCount - yOnly), x.pointee.scalars, y.pointee.scalars) >= wordThreshold - boundSlack,
            jaroWinklerBound(x.pointee, y.pointee) >= wordThreshold - boundSlack
        else { return 0 }
        let s = jaroWinkler(x.pointee.scalars, y.pointee.scalars)
        return s >= wordThreshold ? s : 0
    }

    /// Room for rounding between a bound and the value it bounds (``jaroWinklerBound(_:_:)``
    /// and ``jaroWinkler(_:_:)``, a score so far and the final score): a pair of words or names
    /// is given up only when its bound is clearly below the threshold.
    static let boundSlack = 1e-9

    /// An upper bound of the Jaro-Winkler similarity of two words. A character of one word can
    /// only be matched if the other word may hold it (``NameToken/characters``), so the
    /// matches `m` are at most the characters of either word that pass that test; Jaro is at
    /// most `(m/|x| + m/|y| + 1) / 3` (no transpositions) and grows with `m`, and Winkler's
    /// bonus uses the words' real common prefix.
    static func jaroWinklerBound(_ x: NameToken, _ y: NameToken) -> Double {
        func present(_ scalars: [UInt32], in mask: UInt64) -> Int {
            scalars.withUnsafeBufferPointer { scalars in
                var count = 0
                for v in scalars where mask & (1 << (v & 63)) != 0 { count += 1 }
                return count
            }
        }
        return jaroWinklerBound(matches: min(present(x.scalars, in: y.characters), present(y.scalars, in: x.characters)), x.scalars, y.scalars)
    }

    /// The Jaro-Winkler similarity of two words with at most `matches` matched characters and
    /// no transpositions. A character of a word whose mask bit the other word lacks is
    /// unmatched, and each such bit stands for at least one character: so the words' lengths
    /// less those bits' counts bound the matches too (the first, cheapest bound).
    static func jaroWinklerBound(matches: Int, _ x: [UInt32], _ y: [UInt32]) -> Double {
        guard matches > 0 else { return 0 }
        let m = Double(matches)
        let jaro = (m / Double(x.count) + m / Double(y.count) + 1) / 3
        return jaro + Double(commonPrefix(x, y)) * 0.1 * (1 - jaro)
    }
}

/// Jaro-Winkler similarity of two words (1 = equal), with the usual prefix scale 0.1 over at most
/// four characters.
/// - Complexity: O(|a| · |b|) for these short words; the matched flags live on the stack (one
///   call per pair of words compared, millions for a large supplier file).
func jaroWinkler(_ a: [UInt32], _ b: [UInt32]) -> Double {
    if a == b { return 1 }
    if a.isEmpty || b.isEmpty { return 0 }
    return a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
                flags.initialize(repeating: false)
                let aMatched = UnsafeMutableBufferPointer(rebasing: flags[..<a.count])
                let bMatched = UnsafeMutableBufferPointer(rebasing: flags[a.count...])
                return jaroWinkler(a, b, aMatched: aMatched, bMatched: bMatched)
            }
        }
    }
}

/// ``jaroWinkler(_:_:)`` with its matched flags (all false) given.
private func jaroWinkler(
    _ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, aMatched: UnsafeMutableBufferPointer<Bool>,
    bMatched: UnsafeMutableBufferPointer<Bool>
) -> Double {
    let window = max(0, max(a.count, b.count) / 2 - 1)
    var matches = 0
    for i in a.indices {
        let low = max(0, i - window), high = min(b.count - 1, i + window)
        guard low <= high else { continue }
        for j in low...high where !bMatched[j] && a[i] == b[j] {
            aMatched[i] = true
            bMatched[j] = true
            matches += 1
            break
        }
    }
    guard matches > 0 else { return 0 }
    var transpositions = 0
    var j = 0
    for i in a.indices where aMatched[i] {
        while !bMatched[j] { j += 1 }
        if a[i] != b[j] { transpositions += 1 }
        j += 1
    }
    let m = Double(matches)
    let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
    return jaro + Double(commonPrefix(a, b)) * 0.1 * (1 - jaro)
}

/// The length of the common prefix of two words, at most four characters (Winkler's bonus).
func commonPrefix<C: RandomAccessCollection<UInt32>>(_ a: C, _ b: C) -> Int where C.Index == Int {
    var prefix = 0
    while prefix < min(4, a.count, b.count) && a[a.startIndex + prefix] == b[b.startIndex + prefix] { prefix += 1 }
    return prefix
}
