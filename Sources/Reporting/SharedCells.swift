import RiskModel
import SupplyChainModel

/// Rendered cells of values that many rows share (the CSV report's input file name, the same
/// in every contract's `source` cell), found by the bits of the stored value
/// (``StoredBitsCache``) instead of by reading it: a value shared by every row, copied out by
/// two workers at once, costs a contended reference count per row. One per rendering slice.
/// Only worth it for values that repeat row after row: flags' fields and paths, one array per
/// vendor, missed more than they hit.
struct SharedCells<Value> {
    /// Where each slot's cell lies in ``pool``.
    private var spans: StoredBitsCache<Value, Range<Int>>
    /// The cells' bytes, appended as slots are filled.
    private var pool: [UInt8] = []

    /// - Parameter slots: a power of two.
    init(slots: Int = 64) { spans = StoredBitsCache(slots: slots) }

    /// Appends the cell of the value stored at `stored` to `out`; on a miss, `render` makes it
    /// from a copy of the value (`value`).
    @inline(__always)
    mutating func append(
        storedAt stored: UnsafeRawPointer, value: () -> Value, to out: inout [UInt8], render: (Value, inout [UInt8]) -> Void
    ) {
        let bits = StoredBitsCache<Value, Range<Int>>.bits(at: stored)
        let slot = spans.slot(for: bits)
        if let span = spans.value(for: bits, in: slot) {
            pool.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[span])) }
            return
        }
        let copy = value()
        if pool.count > 1 << 20 {
            // Cells of replaced entries are never read again: start over.
            pool.removeAll(keepingCapacity: true)
            spans.removeAll()
        }
        let start = pool.count
        render(copy, &pool)
        let span = start..<pool.count
        pool.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[span])) }
        spans.store(span, for: bits, of: copy, in: slot)
    }
}
