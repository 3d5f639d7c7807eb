/// A weighted directed graph in compressed sparse row form: for each buyer row `u`, the
/// suppliers `columns[rowOffsets[u]..<rowOffsets[u+1]]` with their `shares`.
///
/// Nodes are dense integers `0..<nodeCount` (file order of the suppliers). Memory is
/// 12 bytes per link plus 8 bytes per node.
public struct SupplyGraph: Sendable {
    public let nodeCount: Int
    /// `nodeCount + 1` offsets into `columns` / `shares`.
    public let rowOffsets: [Int]
    /// Supplier node of each link, grouped by buyer row.
    public let columns: [Int32]
    /// Share of each link: the fraction of the buyer's sourcing from that supplier.
    public let shares: [Double]

    /// - Precondition: offsets are non-decreasing, start at 0 and end at `columns.count`;
    ///   every column is in `0..<nodeCount`.
    public init(nodeCount: Int, rowOffsets: [Int], columns: [Int32], shares: [Double]) {
        precondition(rowOffsets.count == nodeCount + 1 && rowOffsets.first == 0 && rowOffsets.last == columns.count)
        precondition(columns.count == shares.count)
        self.nodeCount = nodeCount
        self.rowOffsets = rowOffsets
        self.columns = columns
        self.shares = shares
    }

    /// The number of links.
    public var linkCount: Int { columns.count }

    /// The links of buyer `node`, as positions into `columns` and `shares`.
    public func links(of node: Int) -> Range<Int> { rowOffsets[node]..<rowOffsets[node + 1] }

    /// The share of the link `buyer → supplier`, or nil when there is none.
    public func share(from buyer: Int, to supplier: Int) -> Double? {
        for position in links(of: buyer) where columns[position] == Int32(supplier) { return shares[position] }
        return nil
    }
}
