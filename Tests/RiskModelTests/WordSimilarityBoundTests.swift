import FlriskTestSupport
import Testing
@testable import RiskModel

/// Word similarity skips the Jaro-Winkler comparison of two words when a bound from the
/// characters they may share says it cannot reach the threshold (most pairs of a large
/// supplier file). The bound must never be below the real similarity, or a match is lost.
@Suite("Word similarity bound")
struct WordSimilarityBoundTests {
    /// The textbook definition, flags in arrays: the reference for the stack-buffer version.
    static func referenceJaroWinkler(_ a: [UInt32], _ b: [UInt32]) -> Double {
        if a == b { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var aMatched = [Bool](repeating: false, count: a.count), bMatched = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let low = max(0, i - window), high = min(b.count - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where !bMatched[j] && a[i] == b[j] {
                (aMatched[i], bMatched[j]) = (true, true)
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0, j = 0
        for i in a.indices where aMatched[i] {
            while !bMatched[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Random words over small alphabets (so that pairs share many characters and reach the
    /// threshold often), some with scalars 64 apart (the same bit of the character mask) and
    /// some longer than 64 characters.
    static func randomWord(_ rng: inout SeededGenerator) -> String {
        let alphabets: [[Character]] = [Array("abcde"), Array("aeinrst"), Array("ab"), ["a", "\u{41}", "\u{81}", "é", "z"], Array("xinjagu")]
        let alphabet = alphabets[Int(rng.next() % UInt64(alphabets.count))]
        let length = rng.next() % 10 == 0 ? 60 + Int(rng.next() % 20) : 1 + Int(rng.next() % 14)
        return String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
    }

    /// The word with one or two slips: a character changed, dropped, doubled or swapped with the next.
    static func misspelled(_ word: String, _ rng: inout SeededGenerator) -> String {
        var characters = Array(word)
        for _ in 0..<(1 + Int(rng.next() % 2)) where characters.count > 1 {
            let i = Int(rng.next() % UInt64(characters.count - 1))
            switch rng.next() % 4 {
            case 0: characters[i] = "q"
            case 1: characters.remove(at: i)
            case 2: characters.insert(characters[i], at: i)
            default: characters.swapAt(i, i + 1)
            }
        }
        return String(characters)
    }

    @Test func theBoundIsNeverBelowTheSimilarity() {
        var rng = SeededGenerator(seed: 7)
        var compared = 0, reaching = 0
        for _ in 0..<40_000 {
            let first = Self.randomWord(&rng)
            let x = NameToken(first), y = NameToken(rng.next() % 2 == 0 ? Self.randomWord(&rng) : Self.misspelled(first, &rng))
            let exact = Self.referenceJaroWinkler(x.scalars, y.scalars)
            #expect(jaroWinkler(x.scalars, y.scalars) == exact, "\(x.text) / \(y.text)")
            #expect(NameSimilarity.jaroWinklerBound(x, y) >= exact - NameSimilarity.boundSlack / 2, "\(x.text) / \(y.text)")
            let xOnly = (x.characters & ~y.characters).nonzeroBitCount, yOnly = (y.characters & ~x.characters).nonzeroBitCount
            let maskBound = NameSimilarity.jaroWinklerBound(matches: min(x.scalars.count - xOnly, y.scalars.count - yOnly), x.scalars, y.scalars)
            #expect(maskBound >= NameSimilarity.jaroWinklerBound(x, y) - NameSimilarity.boundSlack / 2, "\(x.text) / \(y.text)")
            for threshold in [0.0, 0.7, 0.92, 1.0] {
                let expected = x.text == y.text ? 1 : x.scalars.count < 5 || y.scalars.count < 5 ? 0 : exact >= threshold ? exact : 0
                #expect(NameSimilarity.similarity(x, y, wordThreshold: threshold) == expected, "\(x.text) / \(y.text) at \(threshold)")
            }
            compared += 1
            if exact >= 0.92 { reaching += 1 }
        }
        // The check is not vacuous: many pairs reach the default threshold.
        #expect(reaching > 1000, "\(reaching) of \(compared)")
    }

    @Test func wordsWithFewSharedCharactersAreBoundedBelowTheThreshold() {
        // "xinjiang" and "shandong" share three characters: the bound rules the pair out.
        let x = NameToken("xinjiang"), y = NameToken("shandong")
        #expect(NameSimilarity.jaroWinklerBound(x, y) < 0.92)
        #expect(NameSimilarity.similarity(x, y, wordThreshold: 0.92) == 0)
        // A near spelling is not ruled out.
        #expect(NameSimilarity.similarity(NameToken("xinjiang"), NameToken("xingjiang"), wordThreshold: 0.92) > 0.92)
    }

    /// A name measure that stops once its score cannot reach the minimum gives the full
    /// measure whenever the score reaches it, and nil or a score below it otherwise.
    @Test func aMeasureStoppedEarlyLosesNoNameAtTheMinimum() {
        var rng = SeededGenerator(seed: 11)
        let words = ["xinjiang", "huafu", "textile", "cotton", "trading", "zhongtai", "chemical", "group", "lianfa", "golden", "star"]
        func name() -> [NameToken] {
            (0..<(1 + Int(rng.next() % 4))).map { _ in
                let word = words[Int(rng.next() % UInt64(words.count))]
                return NameToken(rng.next() % 3 == 0 ? Self.misspelled(word, &rng) : word)
            }
        }
        var reached = 0, stopped = 0
        for _ in 0..<20_000 {
            let a = name(), b = name()
            let full = NameSimilarity.measure(a, b, wordThreshold: 0.92)!
            for minimum in [0.5, 0.8, 0.9, 1.0] {
                let early = NameSimilarity.measure(a, b, wordThreshold: 0.92, atLeast: minimum)
                if full.score >= minimum {
                    reached += 1
                    #expect(early == full, "\(a.map(\.text)) / \(b.map(\.text)) at \(minimum)")
                } else if let early {
                    #expect(early == full && early.score < minimum)
                } else {
                    stopped += 1
                }
            }
        }
        #expect(reached > 1000 && stopped > 1000, "\(reached) reached, \(stopped) stopped early")
    }
}
