internal import CPrefetch
import RiskModel
import SupplyChainModel

/// Every supplier's id as UTF-8, back to back, gathered once per report.
///
/// Report workers copy path ids from here instead of reading the suppliers' `String`s: a
/// popular supplier sits on many paths, and two workers retaining and releasing its id at once
/// fight over one reference count.
struct SupplierIDBytes: Sendable {
    /// The ids' bytes, in node order.
    private let bytes: [UInt8]
    /// End offset in ``bytes`` of each node's id.
    private let ends: [Int]

    init(_ suppliers: [SupplierAssessment]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(suppliers.count)
        suppliers.withUnsafeBufferPointer { suppliers in
            bytes.reserveCapacity(suppliers.count * 12)
            for k in suppliers.indices {
                bytes += suppliers[k].supplier.id.utf8
                ends.append(bytes.count)
            }
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// Runs `body` with a view that lends each node's id bytes without copying.
    func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { bytes in
            try ends.withUnsafeBufferPointer { ends in try body(View(bytes: bytes, ends: ends)) }
        }
    }

    /// The ids in place, valid inside ``withView(_:)``.
    struct View {
        let bytes: UnsafeBufferPointer<UInt8>
        let ends: UnsafeBufferPointer<Int>

        /// Node `node`'s id.
        @inline(__always)
        subscript(node: Int) -> UnsafeBufferPointer<UInt8> {
            let start = node == 0 ? 0 : ends[node - 1]
            return UnsafeBufferPointer(rebasing: bytes[start..<ends[node]])
        }

        /// Requests where node `node`'s id starts and ends (out-of-range nodes are ignored).
        @inline(__always)
        func prefetch(_ node: Int) {
            guard node > 0, node < ends.count else { return }
            flrisk_prefetch(ends.baseAddress! + node - 1)
        }
    }
}
