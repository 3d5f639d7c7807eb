#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Dispatch
internal import CPrefetch

/// Interns string identifiers to dense integers `0..<count`, in first-seen order.
///
/// Keys are stored once, back to back in one byte buffer. The table is open addressing with
/// linear probing over 16-byte slots: the key's first 8 bytes, then 16 bits of its hash, its
/// length (up to 255) and its index. Keys of at most 8 bytes (most ids) are compared inside
/// the slot, so a look-up costs a hash and about one cache miss; longer keys compare the rest
/// of their bytes only when prefix, length and hash bits all agree. No `String` hashing and no
/// allocation per key.
public struct IDInterner: Sendable {
    private var bytes: [UInt8] = []
    /// End offset of each key in `bytes`.
    private var ends: [Int] = []
    private var slots: [Slot]
    private var mask: Int

    /// One table slot. `meta` is `hash16 << 48 | length8 << 40 | (index + 1)`; 0 when empty.
    struct Slot: Sendable {
        var prefix: UInt64 = 0
        var meta: UInt64 = 0
    }

    /// - Parameter capacity: the expected number of distinct ids.
    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = GatherMemory.array(repeating: Slot(), count: size)
        mask = size - 1
        ends.reserveCapacity(capacity)
    }

    /// The number of distinct ids interned.
    public var count: Int { ends.count }

    /// The index of `id`, adding it when new.
    /// - Returns: the index, and whether `id` was added by this call.
    /// - Complexity: O(length of id) expected.
    @discardableResult
    public mutating func intern(_ id: String) -> (index: Int32, inserted: Bool) {
        var id = id
        return id.withUTF8 { intern(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The index of `id`, or nil if it was never interned.
    public func index(of id: String) -> Int32? {
        var id = id
        return id.withUTF8 { index(ofBytes: UnsafeRawBufferPointer($0)) }
    }

    /// The index of the id made of `key`'s bytes, or nil.
    public func index(ofBytes key: UnsafeRawBufferPointer) -> Int32? {
        probe(key, hash: Self.hash(key)).index
    }

    /// Looks up many keys at once, on Dispatch workers (lookups only read the table).
    ///
    /// - Parameters:
    ///   - keys: the key bytes back to back.
    ///   - ends: the end offset of each key in `keys` (key `i` spans `ends[i-1]..<ends[i]`).
    /// - Returns: the index of each key, or −1 for a key never interned.
    /// - Complexity: O(total key bytes) expected, split over `workers`.
    public func indices(ofKeys keys: UnsafeRawBufferPointer, ends: UnsafeBufferPointer<Int>, workers: Int) -> [Int32] {
        let count = ends.count
        var result = [Int32](repeating: -1, count: count)
        let chunks = max(1, min(workers, count / 4096 + 1))
        result.withUnsafeMutableBufferPointer { out in
            if chunks == 1 {
                lookUp(keys: keys, ends: ends, range: 0..<count, into: out)
                return
            }
            let shared = UnsafeTransfer((keys, ends, out))
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let (keys, ends, out) = shared.pointer
                self.lookUp(keys: keys, ends: ends, range: (count * chunk / chunks)..<(count * (chunk + 1) / chunks), into: out)
            }
        }
        return result
    }

    /// Looks up keys `range`, hashing `lookahead` keys early and prefetching their slots so
    /// that the table's cache misses overlap instead of queueing one after another.
    private func lookUp(keys: UnsafeRawBufferPointer, ends: UnsafeBufferPointer<Int>, range: Range<Int>, into out: UnsafeMutableBufferPointer<Int32>) {
        // Files list the links of one buyer together: a key equal to the one before reuses
        // its index instead of probing the table.
        var previous: UnsafeRawBufferPointer?
        var previousIndex: Int32 = -1
        let key = { (i: Int) in UnsafeRawBufferPointer(rebasing: keys[(i == 0 ? 0 : ends[i - 1])..<ends[i]]) }
        // Most ids are 1 to 8 bytes: their hash and prefix come from one load of their bytes
        // (and whatever follows them in `keys`, masked off) instead of a loop over each byte.
        let word = { (key: UnsafeRawBufferPointer) -> UInt64? in
            let start = key.baseAddress.map { $0 - keys.baseAddress! } ?? 0
            guard key.count > 0 && key.count <= 8 && start + 8 <= keys.count else { return nil }
            return Self.word(UInt64(littleEndian: keys.loadUnaligned(fromByteOffset: start, as: UInt64.self)), count: key.count)
        }
        let hashOf = { (key: UnsafeRawBufferPointer) -> UInt64 in word(key).map { Self.hash(word: $0, count: key.count) } ?? Self.hash(key) }
        let lookahead = 16
        var hashes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                      UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &hashes) { raw in
            let ring = raw.bindMemory(to: UInt64.self)
            for i in range.prefix(lookahead) { ring[i % lookahead] = hashOf(key(i)) }
            slots.withUnsafeBufferPointer { slots in
                for i in range {
                    let hash = ring[i % lookahead]
                    let ahead = i + lookahead
                    if ahead < range.upperBound {
                        let next = hashOf(key(ahead))
                        ring[ahead % lookahead] = next
                        flrisk_prefetch(slots.baseAddress! + (Int(truncatingIfNeeded: next) & mask))
                    }
                    let current = key(i)
                    if let previous, previous.count == current.count,
                        current.isEmpty || memcmp(previous.baseAddress!, current.baseAddress!, current.count) == 0 {
                        out[i] = previousIndex
                        continue
                    }
                    previousIndex = probe(current, hash: hash, prefix: word(current) ?? Self.prefix(current)).index ?? -1
                    out[i] = previousIndex
                    previous = current
                }
            }
        }
    }

    /// The id interned at `index`.
    public func id(at index: Int32) -> String {
        let i = Int(index)
        let start = i == 0 ? 0 : ends[i - 1]
        return String(decoding: bytes[start..<ends[i]], as: UTF8.self)
    }

    /// Interns `count` ids in order, `id(i)` being the i-th, as ``intern(_:)`` one by one
    /// would: the slots of the ids a few places ahead are fetched while earlier ones are placed
    /// (past ~10^5 ids the table is out of cache and each probe is a memory miss).
    public mutating func internAll(count: Int, id: (Int) -> String) {
        let lookahead = 16
        var hashes = [UInt64](repeating: 0, count: lookahead)
        func hash(_ i: Int) -> UInt64 {
            var text = id(i)
            return text.withUTF8 { Self.hash(UnsafeRawBufferPointer($0)) }
        }
        for i in 0..<min(lookahead, count) { hashes[i] = hash(i) }
        for i in 0..<count {
            let known = hashes[i % lookahead]
            if i + lookahead < count {
                let next = hash(i + lookahead)
                hashes[i % lookahead] = next
                slots.withUnsafeBufferPointer { flrisk_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: next) & mask)) }
            }
            var text = id(i)
            text.withUTF8 { _ = intern(bytes: UnsafeRawBufferPointer($0), hash: known) }
        }
    }

    /// The index of the id made of `key`'s bytes, adding it when new.
    public mutating func intern(bytes key: UnsafeRawBufferPointer) -> (index: Int32, inserted: Bool) {
        intern(bytes: key, hash: Self.hash(key))
    }

    /// ``intern(bytes:)`` with the key's ``hash(_:)`` already known.
    private mutating func intern(bytes key: UnsafeRawBufferPointer, hash: UInt64) -> (index: Int32, inserted: Bool) {
        let found = probe(key, hash: hash)
        if let index = found.index { return (index, false) }
        let index = Int32(ends.count)
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        slots[found.slot] = Slot(prefix: Self.prefix(key), meta: Self.tag(hash, length: key.count) | UInt64(index + 1))
        if ends.count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// Hash bits and length, the upper 24 bits of a slot's `meta`.
    @inline(__always)
    private static func tag(_ hash: UInt64, length: Int) -> UInt64 {
        (hash & 0xFFFF_0000_0000_0000) | UInt64(min(length, 255)) << 40
    }

    /// The first 8 bytes of `key`, zero-padded (the length, in the tag, tells "A" from "A\0").
    @inline(__always)
    private static func prefix(_ key: UnsafeRawBufferPointer) -> UInt64 {
        if key.count >= 8 { return key.loadUnaligned(as: UInt64.self) }
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for byte in key {
            word |= UInt64(byte) << shift
            shift += 8
        }
        return word
    }

    @inline(__always)
    private func probe(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (index: Int32?, slot: Int) {
        probe(key, hash: hash, prefix: Self.prefix(key))
    }

    /// ``probe(_:hash:)`` with the key's ``prefix(_:)`` already known.
    @inline(__always)
    private func probe(_ key: UnsafeRawBufferPointer, hash: UInt64, prefix: UInt64) -> (index: Int32?, slot: Int) {
        let tag = Self.tag(hash, length: key.count)
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry.meta == 0 { return (nil, slot) }
                if entry.meta & 0xFFFF_FF00_0000_0000 == tag && entry.prefix == prefix {
                    let index = Int(entry.meta & 0xFFFF_FFFF) - 1
                    if key.count <= 8 || rest(of: index, equals: key) { return (Int32(index), slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether the stored key `index` equals `key` (same prefix already known).
    private func rest(of index: Int, equals key: UnsafeRawBufferPointer) -> Bool {
        ends.withUnsafeBufferPointer { ends in
            bytes.withUnsafeBytes { stored in
                let start = index == 0 ? 0 : ends[index - 1]
                return ends[index] - start == key.count && memcmp(stored.baseAddress! + start + 8, key.baseAddress! + 8, key.count - 8) == 0
            }
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var grown = GatherMemory.array(repeating: Slot(), count: size)
        let mask = size - 1
        // Rehash from the stored keys' hashes (recomputed: the slot keeps only 16 bits).
        bytes.withUnsafeBytes { stored in
            var start = 0
            for (index, end) in ends.enumerated() {
                let key = UnsafeRawBufferPointer(rebasing: stored[start..<end])
                let hash = Self.hash(key)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while grown[slot].meta != 0 { slot = (slot + 1) & mask }
                grown[slot] = Slot(prefix: Self.prefix(key), meta: Self.tag(hash, length: key.count) | UInt64(index + 1))
                start = end
            }
        }
        slots = grown
        self.mask = mask
    }

    /// A 64-bit hash of the bytes: 8 bytes at a time, multiply-xorshift mixing.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var offset = 0
        while offset + 8 <= key.count {
            h = mix(h ^ key.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < key.count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while offset < key.count {
                word |= UInt64(key[offset]) << shift
                shift += 8
                offset += 1
            }
            h = mix(h ^ word)
        }
        return mix(h)
    }

    /// The first `count` (1 to 8) bytes of the little-endian `loaded`, the rest zero: the
    /// ``prefix(_:)`` of a key of `count` bytes.
    @inline(__always)
    static func word(_ loaded: UInt64, count: Int) -> UInt64 {
        count == 8 ? loaded : loaded & ((1 &<< UInt64(count &* 8)) &- 1)
    }

    /// ``hash(_:)`` of a key of `count` (1 to 8) bytes whose ``prefix(_:)`` is `word`: the
    /// byte loop of ``hash(_:)`` folds exactly that word in, once.
    @inline(__always)
    static func hash(word: UInt64, count: Int) -> UInt64 {
        mix(mix(0x9E37_79B9_7F4A_7C15 ^ UInt64(count) ^ word))
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}
