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
/// linear probing; each slot holds the key's index and 32 bits of its 64-bit hash, so a probe
/// compares key bytes only when the hash bits agree. No `String` hashing and no allocation per
/// key: interning millions of ids costs a hash and about one cache miss each.
public struct IDInterner: Sendable {
    private var bytes: [UInt8] = []
    /// End offset of each key in `bytes`.
    private var ends: [Int] = []
    /// Per slot: `hash >> 32 << 32 | (index + 1)`, 0 when empty.
    private var slots: [UInt64]
    private var mask: Int

    /// - Parameter capacity: the expected number of distinct ids.
    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
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
        let hash = Self.hash(key)
        let found = probe(key, hash: hash)
        return found.index
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
            let shared = UnsafeTransfer((keys, ends, out))
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let (keys, ends, out) = shared.pointer
                // Files list the links of one buyer together: a key equal to the one before
                // reuses its index instead of probing the table.
                var previous: UnsafeRawBufferPointer?
                var previousIndex: Int32 = -1
                let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
                let key = { (i: Int) in UnsafeRawBufferPointer(rebasing: keys[(i == 0 ? 0 : ends[i - 1])..<ends[i]]) }
                // Hashes are computed `lookahead` keys early and their slots prefetched, so the
                // table's cache misses overlap instead of queueing one after another.
                let lookahead = 16
                var hashes = [UInt64](repeating: 0, count: lookahead)
                for i in range.prefix(lookahead) { hashes[i % lookahead] = Self.hash(key(i)) }
                self.slots.withUnsafeBufferPointer { slots in
                    for i in range {
                        let hash = hashes[i % lookahead]
                        let ahead = i + lookahead
                        if ahead < range.upperBound {
                            let next = Self.hash(key(ahead))
                            hashes[ahead % lookahead] = next
                            flrisk_prefetch(slots.baseAddress! + (Int(truncatingIfNeeded: next) & self.mask))
                        }
                        let current = key(i)
                        if let previous, previous.count == current.count,
                            current.isEmpty || memcmp(previous.baseAddress!, current.baseAddress!, current.count) == 0 {
                            out[i] = previousIndex
                            continue
                        }
                        previousIndex = self.probe(current, hash: hash).index ?? -1
                        out[i] = previousIndex
                        previous = current
                    }
                }
            }
        }
        return result
    }

    /// The id interned at `index`.
    public func id(at index: Int32) -> String {
        let i = Int(index)
        let start = i == 0 ? 0 : ends[i - 1]
        return String(decoding: bytes[start..<ends[i]], as: UTF8.self)
    }

    /// The index of the id made of `key`'s bytes, adding it when new.
    public mutating func intern(bytes key: UnsafeRawBufferPointer) -> (index: Int32, inserted: Bool) {
        let hash = Self.hash(key)
        let found = probe(key, hash: hash)
        if let index = found.index { return (index, false) }
        let index = Int32(ends.count)
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        slots[found.slot] = Self.tag(hash) | UInt64(index + 1)
        if ends.count * 2 > slots.count { grow() }
        return (index, true)
    }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    @inline(__always)
    private func probe(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (index: Int32?, slot: Int) {
        let tag = Self.tag(hash)
        return slots.withUnsafeBufferPointer { slots in
            ends.withUnsafeBufferPointer { ends in
                bytes.withUnsafeBytes { stored in
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return (nil, slot) }
                        if entry & 0xFFFF_FFFF_0000_0000 == tag {
                            let index = Int(entry & 0xFFFF_FFFF) - 1
                            let start = index == 0 ? 0 : ends[index - 1]
                            if ends[index] - start == key.count
                                && (key.isEmpty || memcmp(stored.baseAddress! + start, key.baseAddress!, key.count) == 0) {
                                return (Int32(index), slot)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        // Rehash from the stored keys' hashes (recomputed: 32 bits of tag are not enough).
        bytes.withUnsafeBytes { stored in
            var start = 0
            for (index, end) in ends.enumerated() {
                let hash = Self.hash(UnsafeRawBufferPointer(rebasing: stored[start..<end]))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Self.tag(hash) | UInt64(index + 1)
                start = end
            }
        }
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

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}
