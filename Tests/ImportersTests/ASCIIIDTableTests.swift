import Testing
@testable import Importers
import SupplyChainModel

/// ``ByteHash`` and ``ASCIIIDTable`` (the ASCII ids of ``IDRegistry``) against their
/// definitions: `IDRegistry.isASCII`, a `[String: Int]`, and the two-table `Reference` of
/// ``IDRegistryTests``.
@Suite("ASCII id table")
struct ASCIIIDTableTests {
    /// A random ASCII id of 0 to 40 bytes (across the hash's 8-byte words and its tail).
    static func asciiID(_ random: inout SplitMix64) -> String {
        let length = Int.random(in: 0...40, using: &random)
        let alphabet = Array("SC0123456789-_.abcXYZ \u{0}~".utf8)
        return String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &random)! }, as: UTF8.self)
    }

    /// Reserving room (before any id, or after some) keeps every entry and answers as a
    /// dictionary does; prefetching changes nothing.
    @Test func reservingRoomKeepsTheEntries() {
        var random = SplitMix64(seed: 23)
        for reserveAt in [0, 10, 700] {
            var table = ASCIIIDTable(capacity: 4)
            var reference: [String: Int] = [:]
            for line in 0..<2000 {
                if line == reserveAt { table.reserveCapacity(5000) }
                var id = Self.asciiID(&random)
                id += String(line % 900)
                let hash = table.digest(id).hash
                table.prefetch(hash: hash)
                #expect(table.insert(id, line: line, hash: hash) == reference[id])
                if reference[id] == nil { reference[id] = line }
            }
            #expect(table.count == reference.count)
            for (id, line) in reference { #expect(table.line(of: id) == line) }
        }
    }

    @Test func digestTellsASCIIAsTheDefinitionAndHashesBytes() {
        var random = SplitMix64(seed: 11)
        let seed = ByteHash.randomSeed()
        for _ in 0..<2000 {
            var bytes = Array(Self.asciiID(&random).utf8)
            if !bytes.isEmpty, Bool.random(using: &random) {
                // One non-ASCII scalar at any position, including the last byte of a word.
                let scalar = ["é", "\u{212A}", "\u{200B}", "\u{1F600}", "\u{80}"].randomElement(using: &random)!
                bytes.insert(contentsOf: Array(scalar.utf8), at: Int.random(in: 0...bytes.count, using: &random))
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let digest = ByteHash.digest(text, seed: seed)
            #expect(digest.isASCII == IDRegistry.isASCII(text), "\(bytes)")
            // The same bytes built another way (a native copy, not a literal or small string) hash alike.
            let rebuilt = String(text.unicodeScalars.map(Character.init)) + ""
            #expect(ByteHash.digest(rebuilt, seed: seed).hash == digest.hash)
        }
        #expect(ByteHash.digest("", seed: 1).isASCII)
        #expect(ByteHash.digest("a", seed: 1).hash != ByteHash.digest("a\u{0}", seed: 1).hash)
        #expect(ByteHash.digest("12345678", seed: 1).hash != ByteHash.digest("123456781", seed: 1).hash)
    }

    @Test func tableAgreesWithADictionary() {
        var random = SplitMix64(seed: 5)
        for seed: UInt64 in [0, 1, ByteHash.randomSeed()] {
            var table = ASCIIIDTable(capacity: Int.random(in: 0...100, using: &random), seed: seed)
            var reference: [String: Int] = [:]
            var used: [String] = []
            for line in 1...5000 {
                // Mostly new ids, some repeated, some lookups of ids never stored.
                let id = used.isEmpty || Int.random(in: 0..<4, using: &random) != 0 ? Self.asciiID(&random) : used.randomElement(using: &random)!
                #expect(table.line(of: id) == reference[id], "'\(id)'")
                if Bool.random(using: &random) {
                    table.set(id, line: line)
                    reference[id] = line
                    used.append(id)
                }
                #expect(table.count == reference.count)
            }
            for id in used { #expect(table.line(of: id) == reference[id]) }
            var seen: [String: Int] = [:]
            table.forEach { seen[$0] = $1 }
            #expect(seen == reference)
        }
    }

    /// Many ASCII ids first (the table grows), then non-ASCII lookalikes of some of them
    /// (KELVIN SIGN for K, GREEK QUESTION MARK for `;`, invisible characters, combining marks):
    /// the registry answers and warns as the plain definition.
    @Test func registryAgreesWithTheDefinitionWhenLookalikesComeLate() {
        var random = SplitMix64(seed: 3)
        let lookalike: [(String, String)] = [("K", "\u{212A}"), (";", "\u{37E}"), ("S", "S\u{200B}"), ("e", "e\u{301}"), ("1", "1\u{FEFF}")]
        for round in 0..<6 {
            var registry = IDRegistry()
            var reference = IDRegistryTests.Reference()
            var ascii: [String] = []
            for line in 1...3000 {
                var id: String
                if line < 1500 || Int.random(in: 0..<3, using: &random) != 0 {
                    id = ["S", "K", ";", "e", "1", "a"].shuffled(using: &random).prefix(Int.random(in: 1...6, using: &random)).joined()
                        + String(Int.random(in: 0..<(round == 0 ? 50 : 5000), using: &random))
                    ascii.append(id)
                } else {
                    id = ascii.randomElement(using: &random)!
                    for (plain, look) in lookalike where Bool.random(using: &random) {
                        id = id.replacingAll(plain, with: look)
                    }
                }
                IDRegistryTests.check(id, line: line, registry: &registry, reference: &reference)
            }
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (by `Character`, enough for these tests).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
