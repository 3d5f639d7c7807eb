import RiskModel
import SupplyChainModel

/// Rendered cells of values that many rows share (the CSV report's input file name, the same
/// in every contract's `source` cell), found by the bits of the stored value instead of by
/// reading it.
///
/// Reading a `String` or an array out of a record copies it, which retains its storage; a value
/// shared by every row, rendered by two workers at once, then costs a contended reference count
/// per row. Here the stored bits are the key: equal bits are the same value (a string's inline
/// bytes or its storage, an array's buffer), and the entry keeps its value alive so that its
/// storage cannot be freed and reused by another value while the entry stands. Direct-mapped,
/// one per rendering slice (not `Sendable`). Only worth it for values that repeat in row after
/// row: flags' fields and paths, one array per vendor, missed more than they hit.
struct SharedCells<Value> {
    /// Per slot: the key bits (0, 0 when empty), and where its cell lies in ``pool``. Plain
    /// values, so that a hit reads them without retaining anything.
    private var keys: [(UInt64, UInt64)]
    private var spans: [Range<Int>]
    /// The values the slots' keys came from, kept alive.
    private var kept: [Value?]
    /// The cells' bytes; a slot's cell is rewritten at the end when its key changes.
    private var pool: [UInt8] = []
    private let mask: Int

    /// - Parameter slots: a power of two.
    init(slots: Int = 64) {
        precondition(slots > 0 && slots & (slots - 1) == 0)
        precondition(MemoryLayout<Value>.size == 8 || MemoryLayout<Value>.size == 16, "a reference or a String")
        keys = Array(repeating: (0, 0), count: slots)
        spans = Array(repeating: 0..<0, count: slots)
        kept = Array(repeating: nil, count: slots)
        mask = slots - 1
    }

    /// Appends the cell of the value stored at `stored` to `out`; on a miss, `render` makes it
    /// from a copy of the value (`value`).
    @inline(__always)
    mutating func append(
        storedAt stored: UnsafeRawPointer, value: () -> Value, to out: inout [UInt8], render: (Value, inout [UInt8]) -> Void
    ) {
        let bits = Self.bits(at: stored)
        let slot = Int(truncatingIfNeeded: (bits.0 ^ bits.1 ^ (bits.0 &>> 17)) &>> 4) & mask
        if kept[slot] != nil && keys[slot] == bits {
            let span = spans[slot]
            pool.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[span])) }
            return
        }
        let copy = value()
        if pool.count > 1 << 20 { clear() }
        let start = pool.count
        render(copy, &pool)
        let span = start..<pool.count
        pool.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[span])) }
        keys[slot] = bits
        spans[slot] = span
        kept[slot] = copy
    }

    /// Empties every slot and the pool (which only grows while slots are replaced).
    private mutating func clear() {
        pool.removeAll(keepingCapacity: true)
        for slot in kept.indices { kept[slot] = nil }
    }

    /// The stored value's bits: its first word, and for a 16-byte value (a `String`) the second.
    @inline(__always)
    private static func bits(at stored: UnsafeRawPointer) -> (UInt64, UInt64) {
        let first = stored.load(as: UInt64.self)
        return MemoryLayout<Value>.size >= 16 ? (first, stored.load(fromByteOffset: 8, as: UInt64.self)) : (first, 0)
    }
}
