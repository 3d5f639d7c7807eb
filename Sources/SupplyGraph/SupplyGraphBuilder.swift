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
/// 2. per buyer, links without a share split `max(0, 1 − Σ given shares)` equally;
/// 3. duplicate links (same buyer and supplier) merge into the first, adding shares;
/// 4. a buyer whose shares sum above 1 has them all scaled to sum to 1 (reported when the
///    excess is more than rounding, ``rowSumTolerance``).
///
/// Within a row, links keep their input order (first occurrence for merged duplicates).
public enum SupplyGraphBuilder {
    /// Tolerance above 1 before a row is scaled (rounding in the input, e.g. 0.1 + 0.2 + 0.7).
    public static let rowSumTolerance = 1e-9

    /// - Complexity: O(nodes + links) time and memory.
    public static func build(nodeCount: Int, links: [RawLink]) -> (graph: SupplyGraph, adjustments: [LinkAdjustment]) {
        var adjustments: [LinkAdjustment] = []
        // Link positions grouped by buyer, in input order, without self-links: files usually
        // list a buyer's links together, and then this is the input order itself; otherwise a
        // counting sort.
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var grouped = true
        var lastBuyer: Int32 = -1
        for (position, link) in links.enumerated() {
            if link.buyer == link.supplier {
                adjustments.append(.selfLinkDropped(link: position))
            } else {
                offsets[Int(link.buyer) + 1] += 1
                if link.buyer < lastBuyer { grouped = false }
                lastBuyer = link.buyer
            }
        }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var order = [Int32](repeating: 0, count: offsets[nodeCount])
        if grouped {
            var next = 0
            for (position, link) in links.enumerated() where link.buyer != link.supplier {
                order[next] = Int32(position)
                next += 1
            }
        } else {
            var cursor = offsets
            for (position, link) in links.enumerated() where link.buyer != link.supplier {
                order[cursor[Int(link.buyer)]] = Int32(position)
                cursor[Int(link.buyer)] += 1
            }
        }

        var rowOffsets = [Int](repeating: 0, count: nodeCount + 1)
        var columns: [Int32] = []
        var shares: [Double] = []
        columns.reserveCapacity(order.count)
        shares.reserveCapacity(order.count)
        // Position in the row of each supplier already seen (reset per row), for merging long
        // rows; short rows are searched directly, which avoids a random access per link.
        var seenAt = [Int32](repeating: -1, count: nodeCount)
        let shortRow = 16
        var firstInput: [Int] = []
        for node in 0..<nodeCount {
            let row = order[offsets[node]..<offsets[node + 1]]
            var given = 0.0
            var missing = 0
            for position in row {
                if let share = links[Int(position)].share { given += share } else { missing += 1 }
            }
            let fill = missing > 0 ? max(0, 1 - given) / Double(missing) : 0
            if missing > 0 { adjustments.append(.sharesFilled(node: Int32(node), count: missing, remainder: max(0, 1 - given))) }
            let rowStart = columns.count
            let useIndex = row.count > shortRow
            firstInput.removeAll(keepingCapacity: true)
            for position in row {
                let link = links[Int(position)]
                let share = link.share ?? fill
                var slot = -1
                if useIndex {
                    slot = Int(seenAt[Int(link.supplier)])
                } else {
                    for i in rowStart..<columns.count where columns[i] == link.supplier {
                        slot = i - rowStart
                        break
                    }
                }
                if slot >= 0 {
                    shares[rowStart + slot] += share
                    adjustments.append(.duplicateMerged(first: firstInput[slot], duplicate: Int(position)))
                } else {
                    if useIndex { seenAt[Int(link.supplier)] = Int32(columns.count - rowStart) }
                    columns.append(link.supplier)
                    shares.append(share)
                    firstInput.append(Int(position))
                }
            }
            var total = 0.0
            for i in rowStart..<columns.count {
                total += shares[i]
                if useIndex { seenAt[Int(columns[i])] = -1 }
            }
            if total > 1 {
                // Rounding noise (0.1 + 0.2 + 0.7) is scaled away silently; a real excess is reported.
                for i in rowStart..<columns.count { shares[i] /= total }
                if total > 1 + rowSumTolerance { adjustments.append(.sharesScaled(node: Int32(node), total: total)) }
            }
            rowOffsets[node + 1] = columns.count
        }
        let graph = SupplyGraph(nodeCount: nodeCount, rowOffsets: rowOffsets, columns: columns, shares: shares)
        return (graph, adjustments)
    }
}
