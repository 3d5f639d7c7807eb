/// One link as read from the input: node indices and an optional share.
public struct RawLink: Sendable, Hashable {
    public var buyer: Int32
    public var supplier: Int32
    public var share: Double?

    public init(buyer: Int32, supplier: Int32, share: Double?) {
        self.buyer = buyer
        self.supplier = supplier
        self.share = share
    }
}

/// Something the builder changed about the input links, for the caller to report.
public enum LinkAdjustment: Sendable, Hashable {
    /// The link at this input position linked a node to itself and was dropped.
    case selfLinkDropped(link: Int)
    /// The link at `duplicate` repeats the one at `first`; their shares were added.
    case duplicateMerged(first: Int, duplicate: Int)
    /// Buyer `node`'s shares summed to `total` > 1 and were scaled to sum to 1.
    case sharesScaled(node: Int32, total: Double)
    /// Buyer `node` had links without a share; they split `remainder` equally (`count` of them).
    case sharesFilled(node: Int32, count: Int, remainder: Double)
}

/// Builds a ``SupplyGraph`` from raw links, applying the share rules of the model:
///
/// 1. self-links are dropped;
/// 2. per buyer, links without a share split `max(0, 1 − Σ given shares)` equally (nothing when
///    the given shares are within ``rowSumTolerance`` of 1 or above);
/// 3. duplicate links (same buyer and supplier) merge into the first, adding shares;
/// 4. a buyer whose shares sum above 1 has them all scaled to sum to 1 (reported when the
///    excess is more than rounding, ``rowSumTolerance``).
///
/// Each row lists its suppliers in node order, whatever the order of the input links (merged
/// duplicates keep the position of the first in the input as their source), so the same links
/// in any order give the same graph, bit for bit.
public enum SupplyGraphBuilder {
    /// Tolerance above 1 before a row is scaled (rounding in the input, e.g. 0.1 + 0.2 + 0.7).
    public static let rowSumTolerance = 1e-9

    /// - Complexity: O(nodes + links) time and memory.
    public static func build(nodeCount: Int, links: [RawLink]) -> (graph: SupplyGraph, adjustments: [LinkAdjustment]) {
        let built = build(
            nodeCount: nodeCount, buyers: links.map(\.buyer), suppliers: links.map(\.supplier),
            shares: links.map { $0.share ?? .nan })
        return (built.graph, built.adjustments)
    }

    /// The same rules on links given as parallel columns (what the importers produce).
    ///
    /// - Parameters:
    ///   - buyers, suppliers: node indices of each link's ends, in input order.
    ///   - shares: each link's share; NaN when the input gives none.
    /// - Returns: the graph, the adjustments, and for each link slot of the graph the input
    ///   position of the first link merged into it (to carry per-link data such as goods), and
    ///   per node the sum of the shares its links give (self-links and links without a share
    ///   left out), summed in the row's order, so that it does not depend on the input order.
    /// - Complexity: O(nodes + links) time and memory.
    public static func build(nodeCount: Int, buyers: [Int32], suppliers: [Int32], shares inputShares: [Double])
        -> (graph: SupplyGraph, adjustments: [LinkAdjustment], slotSources: [Int32], declared: [Double])
    {
        precondition(buyers.count == suppliers.count && buyers.count == inputShares.count, "link columns differ in length")
        var adjustments: [LinkAdjustment] = []
        // Link positions grouped by buyer, in input order, without self-links: files usually
        // list a buyer's links together, and then this is the input order itself; otherwise a
        // counting sort.
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var grouped = true
        var lastBuyer: Int32 = -1
        for position in buyers.indices {
            let buyer = buyers[position]
            if buyer == suppliers[position] {
                adjustments.append(.selfLinkDropped(link: position))
            } else {
                offsets[Int(buyer) + 1] += 1
                if buyer < lastBuyer { grouped = false }
                lastBuyer = buyer
            }
        }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var order = [Int32](repeating: 0, count: offsets[nodeCount])
        if grouped {
            var next = 0
            for position in buyers.indices where buyers[position] != suppliers[position] {
                order[next] = Int32(position)
                next += 1
            }
        } else {
            var cursor = offsets
            for position in buyers.indices where buyers[position] != suppliers[position] {
                let buyer = Int(buyers[position])
                order[cursor[buyer]] = Int32(position)
                cursor[buyer] += 1
            }
        }

        var rowOffsets = [Int](repeating: 0, count: nodeCount + 1)
        var columns: [Int32] = []
        var shares: [Double] = []
        var sources: [Int32] = []
        columns.reserveCapacity(order.count)
        shares.reserveCapacity(order.count)
        sources.reserveCapacity(order.count)
        // A row's links in one order whatever the file's: by supplier, then share (missing
        // first), then position. Every sum of the row (the given shares, a merged duplicate,
        // the row total, and X_{t+1} in the propagation) is then taken in the same order, so a
        // file with its links in another order gives the same numbers to the bit.
        func precedes(_ a: Int32, _ b: Int32) -> Bool {
            let sa = suppliers[Int(a)], sb = suppliers[Int(b)]
            if sa != sb { return sa < sb }
            let ka = inputShares[Int(a)], kb = inputShares[Int(b)]
            let va = ka.isNaN ? -Double.infinity : ka, vb = kb.isNaN ? -Double.infinity : kb
            if va != vb { return va < vb }
            return a < b
        }
        var rowMerges: [(first: Int32, duplicate: Int32)] = []
        var declared = [Double](repeating: 0, count: nodeCount)
        for node in 0..<nodeCount {
            let start = offsets[node], end = offsets[node + 1]
            var sorted = true
            var i = start + 1
            while i < end {
                if !precedes(order[i - 1], order[i]) { sorted = false; break }
                i += 1
            }
            if !sorted { order[start..<end].sort(by: precedes) }
            var given = 0.0
            var missing = 0
            for position in order[start..<end] {
                let share = inputShares[Int(position)]
                if share.isNaN { missing += 1 } else { given += share }
            }
            declared[node] = given
            // Given shares within rounding of 1 (0.2 + 0.7 + 0.1 = 0.9999999999999999) leave
            // nothing, as an excess within rounding is scaled silently.
            let remainder = given >= 1 - rowSumTolerance ? 0 : 1 - given
            let fill = missing > 0 ? remainder / Double(missing) : 0
            if missing > 0 { adjustments.append(.sharesFilled(node: Int32(node), count: missing, remainder: remainder)) }
            let rowStart = columns.count
            // Links to one supplier are next to each other: they merge into one slot, whose
            // source is the first of them in the file.
            rowMerges.removeAll(keepingCapacity: true)
            i = start
            while i < end {
                let supplier = suppliers[Int(order[i])]
                var j = i
                var share = 0.0
                var first = order[i]
                while j < end && suppliers[Int(order[j])] == supplier {
                    let given = inputShares[Int(order[j])]
                    share += given.isNaN ? fill : given
                    first = min(first, order[j])
                    j += 1
                }
                for k in i..<j where order[k] != first { rowMerges.append((first, order[k])) }
                columns.append(supplier)
                shares.append(share)
                sources.append(first)
                i = j
            }
            if !rowMerges.isEmpty {
                // Reported in file order, as the duplicates are met reading the file.
                rowMerges.sort { $0.duplicate < $1.duplicate }
                for merge in rowMerges { adjustments.append(.duplicateMerged(first: Int(merge.first), duplicate: Int(merge.duplicate))) }
            }
            var total = 0.0
            for i in rowStart..<columns.count { total += shares[i] }
            if total > 1 {
                // Rounding noise (0.1 + 0.2 + 0.7) is scaled away silently; a real excess is reported.
                for i in rowStart..<columns.count { shares[i] /= total }
                if total > 1 + rowSumTolerance { adjustments.append(.sharesScaled(node: Int32(node), total: total)) }
            }
            rowOffsets[node + 1] = columns.count
        }
        let graph = SupplyGraph(nodeCount: nodeCount, rowOffsets: rowOffsets, columns: columns, shares: shares)
        return (graph, adjustments, sources, declared)
    }
}
