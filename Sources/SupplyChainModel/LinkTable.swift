/// Supply links as parallel columns, their ends already resolved to supplier positions (the
/// order of the suppliers file): what the graph is built from, without a `String` per link.
///
/// Ten million links take 24 bytes each here (two Int32 ends, a Double share, an Int32 good
/// and an Int32 line), against about a hundred as ``SupplyLink`` values.
public struct LinkTable: Sendable {
    /// The links file, as the user named it (for locations).
    public var file: String
    /// Supplier position of each link's buyer.
    public var buyers: [Int32] = []
    /// Supplier position of each link's supplier.
    public var suppliers: [Int32] = []
    /// Each link's share; NaN when the row gives none.
    public var shares: [Double] = []
    /// Index into ``goodNames`` of the good each link names; −1 when it names none.
    public var goods: [Int32] = []
    /// The distinct goods the links name, in first-seen order.
    public var goodNames: [String] = []
    /// The physical line of each link's row (saturated at `Int32.max`).
    public var lines: [Int32] = []

    public init(file: String) { self.file = file }

    /// The number of links.
    public var count: Int { buyers.count }

    /// The share the row gives, if any.
    public func share(at link: Int) -> Double? {
        let share = shares[link]
        return share.isNaN ? nil : share
    }

    /// The good the row names, if any.
    public func good(at link: Int) -> String? {
        let good = goods[link]
        return good < 0 ? nil : goodNames[Int(good)]
    }

    /// Where the link's row is.
    public func location(at link: Int) -> SourceLocation { SourceLocation(file: file, line: Int(lines[link])) }

    /// Appends one link; `good` indexes ``goodNames`` (or −1).
    public mutating func append(buyer: Int32, supplier: Int32, share: Double?, good: Int32, line: Int) {
        buyers.append(buyer)
        suppliers.append(supplier)
        shares.append(share ?? .nan)
        goods.append(good)
        lines.append(Int32(clamping: line))
    }

    /// Makes room for `count` links in every column.
    public mutating func reserveCapacity(_ count: Int) {
        buyers.reserveCapacity(count)
        suppliers.reserveCapacity(count)
        shares.reserveCapacity(count)
        goods.reserveCapacity(count)
        lines.reserveCapacity(count)
    }

    /// Appends `other`'s links after these, mapping its goods onto this table's names.
    public mutating func append(contentsOf other: LinkTable) {
        var mapped: [Int32] = []
        mapped.reserveCapacity(other.goodNames.count)
        var known = Dictionary(uniqueKeysWithValues: goodNames.enumerated().map { ($0.element, Int32($0.offset)) })
        for name in other.goodNames {
            if let index = known[name] {
                mapped.append(index)
            } else {
                let index = Int32(goodNames.count)
                goodNames.append(name)
                known[name] = index
                mapped.append(index)
            }
        }
        buyers += other.buyers
        suppliers += other.suppliers
        shares += other.shares
        lines += other.lines
        // (No exact reserveCapacity here: appending chunk after chunk must grow geometrically,
        // or every append copies the whole column.)
        goods.append(contentsOf: other.goods.lazy.map { $0 < 0 ? -1 : mapped[Int($0)] })
    }
}

/// A links file read straight into a ``LinkTable``: the links whose ends name known suppliers,
/// with the findings, counts and rejected rows of the import (rows naming an unknown supplier
/// are rejected there, `unknown-supplier`).
public struct LinkTableImport: Sendable {
    public var table: LinkTable
    public var findings: [Finding]
    public var summary: ImportSummary
    public var rejectedRows: [RejectedRow]

    public init(table: LinkTable, findings: [Finding], summary: ImportSummary, rejectedRows: [RejectedRow]) {
        self.table = table
        self.findings = findings
        self.summary = summary
        self.rejectedRows = rejectedRows
    }
}
