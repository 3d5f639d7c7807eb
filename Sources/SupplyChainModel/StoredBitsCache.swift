/// A direct-mapped cache keyed by the bits a value is stored as, for values read from records
/// in place (a contract's award date, the file in its location): equal bits are the same value
/// (a small string's inline bytes, a large string's or an array's storage), so a hit neither
/// hashes nor compares the value, nor copies it out of the record (which would retain it).
///
/// Each entry keeps the value its key came from alive, so that the storage those bits point to
/// cannot be freed and reused by another value while the entry stands. One per thread.
///
/// Inlinable: used from other modules on hot paths, it must be specialised there (an
/// unspecialised call looks up the generic type's metadata at run time, every time).
public struct StoredBitsCache<Kept, Value> {
    @usableFromInline var keys: [(UInt64, UInt64)]
    @usableFromInline var values: [Value?]
    @usableFromInline var kept: [Kept?]
    /// 64 minus log2 of the slot count: a slot is the top bits of the mixed key.
    @usableFromInline let shift: UInt64

    /// - Parameter slots: a power of two.
    @inlinable
    public init(slots: Int) {
        precondition(slots > 0 && slots & (slots - 1) == 0, "a power of two")
        precondition(MemoryLayout<Kept>.size == 8 || MemoryLayout<Kept>.size == 16, "a reference, an array or a String")
        keys = Array(repeating: (0, 0), count: slots)
        values = Array(repeating: nil, count: slots)
        kept = Array(repeating: nil, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
    }

    /// The bits of the `Kept` value stored at `address`: its first word, and for a two-word
    /// value (a `String`) the second.
    @inlinable @inline(__always)
    public static func bits(at address: UnsafeRawPointer) -> (UInt64, UInt64) {
        let first = address.load(as: UInt64.self)
        return MemoryLayout<Kept>.size == 16 ? (first, address.load(fromByteOffset: 8, as: UInt64.self)) : (first, 0)
    }

    /// The slot for `bits`: the top bits of both words multiplied by odd constants, so that
    /// every bit of the key counts (a small string's bytes, such as a date's year and month,
    /// sit in bits that a shift-and-mask slot would drop, and such keys all shared a few slots).
    @inlinable @inline(__always)
    public func slot(for bits: (UInt64, UInt64)) -> Int {
        let mixed = (bits.0 ^ (bits.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> shift)
    }

    /// The value stored for `bits` in `slot`, or nil.
    @inlinable @inline(__always)
    public func value(for bits: (UInt64, UInt64), in slot: Int) -> Value? {
        keys[slot] == bits ? values[slot] : nil
    }

    /// Stores `value` for `bits` (of `kept`, which the entry keeps) in `slot`, replacing its entry.
    @inlinable
    public mutating func store(_ value: Value, for bits: (UInt64, UInt64), of kept: Kept, in slot: Int) {
        keys[slot] = bits
        values[slot] = value
        self.kept[slot] = kept
    }

    /// Empties every slot.
    @inlinable
    public mutating func removeAll() {
        for slot in values.indices {
            values[slot] = nil
            kept[slot] = nil
        }
    }
}
