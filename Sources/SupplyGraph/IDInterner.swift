/// Interns string identifiers to dense integers `0..<count`, in first-seen order.
///
/// Keys are stored once, back to back in one byte buffer; the table is open addressing over
/// 64-bit hashes of the key bytes (no `String` hashing, no per-key allocation), so interning
/// millions of ids costs a few hash probes each.
public struct IDInterner: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Slot -> index + 1 (0 = empty).
    private var slots: [Int32]
    private var mask: Int

    /// - Parameter capacity: the expected number of distinct ids.
    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
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
        return id.withUTF8 { find(UnsafeRawBufferPointer($0), hash: Self.hash($0)).index }
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
        let probe = find(key, hash: hash)
        if let index = probe.index { return (index, false) }
        let index = Int32(ends.count)
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[probe.slot] = index + 1
        if ends.count * 2 > slots.count { grow() }
        return (index, true)
    }

    private func find(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (index: Int32?, slot: Int) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (nil, slot) }
            let index = Int(entry - 1)
            if hashes[index] == hash {
                let start = index == 0 ? 0 : ends[index - 1]
                let equal = bytes.withUnsafeBytes { stored in
                    ends[index] - start == key.count
                        && (key.isEmpty || memcmpEqual(stored.baseAddress! + start, key.baseAddress!, key.count))
                }
                if equal { return (Int32(index), slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// A 64-bit hash of the bytes: 8 bytes at a time, multiply-xorshift mixing (wyhash-like).
    static func hash<Bytes: Collection>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            word |= UInt64(byte) << shift
            shift += 8
            if shift == 64 {
                h = mix(h ^ word)
                word = 0
                shift = 0
            }
        }
        if shift > 0 { h = mix(h ^ word) }
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

@inline(__always)
private func memcmpEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    for i in 0..<count where a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) {
        return false
    }
    return true
}
