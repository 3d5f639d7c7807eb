import Testing
@testable import SupplyGraph

@Suite struct IDInternerTests {
    @Test func internsInFirstSeenOrder() {
        var interner = IDInterner()
        #expect(interner.intern("S1") == (0, true))
        #expect(interner.intern("S2") == (1, true))
        #expect(interner.intern("S1") == (0, false))
        #expect(interner.index(of: "S2") == 1)
        #expect(interner.index(of: "S3") == nil)
        #expect(interner.id(at: 1) == "S2")
    }

    @Test func manyIdsSurviveGrowth() {
        var interner = IDInterner(capacity: 4)
        let ids = (0..<50_000).map { "supplier-\($0 * 7919 % 100_003)" }
        for (i, id) in ids.enumerated() { #expect(interner.intern(id).index == Int32(i)) }
        #expect(interner.count == ids.count)
        for (i, id) in ids.enumerated() where i % 997 == 0 {
            #expect(interner.index(of: id) == Int32(i))
            #expect(interner.id(at: Int32(i)) == id)
        }
    }

    @Test func bytesNotCharactersDecideIdentity() {
        var interner = IDInterner()
        // "é" precomposed and decomposed are different ids (they differ in bytes); so are ids
        // that differ only by an invisible character.
        interner.intern("caf\u{E9}")
        #expect(interner.index(of: "cafe\u{301}") == nil)
        #expect(interner.index(of: "caf\u{E9}\u{200B}") == nil)
        #expect(interner.intern("") == (1, true))
        #expect(interner.index(of: "") == 1)
    }
}

@Suite struct IDInternerSlotTests {
    /// Keys of at most 8 bytes are compared inside the slot, longer ones by prefix, length and
    /// the rest of their bytes: keys that share a prefix, differ by a trailing NUL, or share
    /// their first 255 bytes stay apart.
    @Test func keysThatShareAPrefixOrDifferByNULStayApart() {
        let long = String(repeating: "x", count: 255)
        let keys = [
            "A", "A\u{0}", "A\u{0}\u{0}", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHJ", "ABCDEFGH\u{0}", "ABCDEFG",
            long, long + "a", long + "b", long + "ab", String(repeating: "x", count: 254) + "y", "\u{0}",
        ]
        var interner = IDInterner(capacity: 2)
        for (i, key) in keys.enumerated() { #expect(interner.intern(key) == (Int32(i), true)) }
        for (i, key) in keys.enumerated() {
            #expect(interner.index(of: key) == Int32(i))
            #expect(interner.id(at: Int32(i)) == key)
        }
        #expect(interner.index(of: "ABCDEFGHK") == nil)
        #expect(interner.index(of: long + "c") == nil)
        #expect(interner.index(of: "") == nil)
    }
}

@Suite struct IDInternerBatchTests {
    @Test(arguments: [1, 2, 3])
    func batchLookupMatchesSingleLookups(workers: Int) {
        var interner = IDInterner()
        for id in ["A", "B", "", "Supplier-0042"] { interner.intern(id) }
        let keys = ["B", "B", "A", "missing", "", "Supplier-0042", "Supplier-0042", "A", "missing"]
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for key in keys {
            bytes += Array(key.utf8)
            ends.append(bytes.count)
        }
        let found = bytes.withUnsafeBytes { raw in ends.withUnsafeBufferPointer { interner.indices(ofKeys: raw, ends: $0, workers: workers) } }
        #expect(found == keys.map { interner.index(of: $0) ?? -1 })
        #expect(found == [1, 1, 0, -1, 2, 3, 3, 0, -1])
    }

    /// Keys of 1 to 8 bytes are hashed from one load of their bytes: the same hash and prefix
    /// as the byte loop, for every length, with bytes of other keys right after them and for a
    /// key at the very end of the buffer (too close to its end for the load).
    @Test func shortKeysHashAsTheByteLoopDoes() {
        var generator = SystemRandomNumberGenerator()
        for count in 1...8 {
            for _ in 0..<200 {
                let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes.withUnsafeBytes { raw in
                    let key = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                    let word = IDInterner.word(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)), count: count)
                    #expect(IDInterner.hash(word: word, count: count) == IDInterner.hash(key))
                }
            }
        }
        var interner = IDInterner()
        let ids = (0..<300).map { i in String(repeating: "x", count: i % 12) + "\(i)" } + ["é", "S1", "S12345678"]
        for id in ids { interner.intern(id) }
        // Looked up in another order, then a short key last: it is read byte by byte.
        let keys = ids.reversed() + ["nope", "S1"]
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for key in keys {
            bytes += Array(key.utf8)
            ends.append(bytes.count)
        }
        let found = bytes.withUnsafeBytes { raw in ends.withUnsafeBufferPointer { interner.indices(ofKeys: raw, ends: $0, workers: 1) } }
        #expect(found == keys.map { interner.index(of: $0) ?? -1 })
        #expect(!found.dropLast(2).contains(-1) && found[found.count - 2] == -1)
    }

    /// The prefetching bulk intern gives every id the index one-by-one interning gives, with
    /// repeats, NFC/NFD pairs, short and long ids, and the table growing mid-way.
    @Test(arguments: [0, 1, 15, 16, 17, 5_000])
    func internAllMatchesInterningOneByOne(count: Int) {
        let ids = (0..<count).map { i in
            i % 5 == 0 ? "S\(i / 5)" : i % 7 == 0 ? "caf\u{E9}-\(i % 3)" : i % 11 == 0 ? "cafe\u{301}-\(i % 3)" : "supplier-with-a-long-id-\(i * 7919 % 1_009)"
        }
        var oneByOne = IDInterner(capacity: 4)
        for id in ids { oneByOne.intern(id) }
        var bulk = IDInterner(capacity: 4)
        bulk.internAll(count: ids.count) { ids[$0] }
        #expect(bulk.count == oneByOne.count)
        for id in ids { #expect(bulk.index(of: id) == oneByOne.index(of: id)) }
        for index in 0..<Int32(bulk.count) { #expect(bulk.id(at: index) == oneByOne.id(at: index)) }
    }
}
