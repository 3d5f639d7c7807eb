#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte strings → numbers: an open-addressing table (linear probing over ``ByteHash``) for
/// cell values a reader numbers as it meets them (the goods of a links file), looked up from
/// the record's bytes with no `String` made and no SipHash.
///
/// It answers by byte equality, so it is exact for ASCII keys (where byte equality is `String`
/// equality); a reader that must merge canonically equivalent spellings keeps its `String`
/// table as the authority and puts only ASCII keys here. Grows at half full; one per thread.
struct BytesIndex {
    /// Entry number + 1 per slot, 0 when empty.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var numbers: [Int32] = []
    /// The keys back to back; entry `i` ends at `ends[i]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var mask: Int
    private let seed = ByteHash.randomSeed()

    /// The number of keys stored.
    var count: Int { numbers.count }

    init() {
        slots = [Int32](repeating: 0, count: 16)
        mask = 15
    }

    /// The number stored for `key`, or nil.
    func number(of key: UnsafeRawBufferPointer) -> Int32? {
        let hash = Self.hash(key, seed: seed)
        return probe(key, hash: hash).entry.map { numbers[$0] }
    }

    /// Stores `number` for `key` (which must not be stored yet).
    mutating func insert(_ key: UnsafeRawBufferPointer, number: Int32) {
        let hash = Self.hash(key, seed: seed)
        let (slot, entry) = probe(key, hash: hash)
        precondition(entry == nil, "key stored twice")
        precondition(numbers.count < Int(Int32.max) - 1, "more than 2^31 keys")
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        hashes.append(hash)
        numbers.append(number)
        slots[slot] = Int32(numbers.count)
        if numbers.count * 2 > slots.count { grow() }
    }

    private static func hash(_ key: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        ByteHash.digest(key.assumingMemoryBound(to: UInt8.self), seed: seed).hash
    }

    /// The slot holding `key` and its entry, or the empty slot where it would go.
    private func probe(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (slot: Int, entry: Int?) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return (slot, nil) }
            let entry = stored - 1
            if hashes[entry] == hash, equals(entry, key) { return (slot, entry) }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ entry: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = entry == 0 ? 0 : ends[entry - 1]
        guard ends[entry] - start == key.count else { return false }
        guard key.count > 0 else { return true }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }

    /// Doubles the slots, placing each entry by its kept hash.
    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for entry in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }
}
