import SupplyChainModel
import SupplyGraph

/// Suppliers and links assembled into a ``SupplyGraph``: supplier ids interned in file order,
/// links checked against the suppliers, shares completed and normalised by the model's rules.
public struct SupplyNetwork: Sendable {
    public let suppliers: [Supplier]
    public let graph: SupplyGraph
    /// Links that made it into the graph (before merging duplicates).
    public let acceptedLinks: Int
    /// Findings about links: unknown suppliers, self-links, duplicates, shares adjusted.
    public let findings: [Finding]
    /// Links rejected because they name an unknown supplier, per finding code.
    public let rejectedLinks: [String: Int]
    let ids: IDInterner

    /// - Parameter links: links as read; those naming an unknown supplier are rejected with a finding.
    /// - Complexity: O(suppliers + links).
    public init(suppliers: [Supplier], links: [SupplyLink]) {
        var ids = IDInterner(capacity: suppliers.count)
        for supplier in suppliers { ids.intern(supplier.id) }
        var findings: [Finding] = []
        var rejected: [String: Int] = [:]
        var raw: [RawLink] = []
        var kept: [SupplyLink] = []
        raw.reserveCapacity(links.count)
        for link in links {
            let buyer = ids.index(of: link.buyerID)
            let supplier = ids.index(of: link.supplierID)
            guard let buyer, let supplier else {
                let unknown = [buyer == nil ? "buyer_id '\(link.buyerID)'" : nil, supplier == nil ? "supplier_id '\(link.supplierID)'" : nil]
                    .compactMap { $0 }.joined(separator: " and ")
                findings.append(Finding(.error, code: "unknown-supplier", "row rejected: \(unknown) names no supplier in the suppliers file", at: link.location))
                rejected["unknown-supplier", default: 0] += 1
                continue
            }
            raw.append(RawLink(buyer: buyer, supplier: supplier, share: link.share))
            kept.append(link)
        }
        let (graph, adjustments) = SupplyGraphBuilder.build(nodeCount: suppliers.count, links: raw)
        // Where to point a finding about a whole buyer row: its first link (without a share).
        // Found in one pass over the links, and only when some row needs it.
        var firstLinks: (any: [Int32], withoutShare: [Int32])?
        func firstLink(of node: Int32, withoutShare: Bool) -> SourceLocation {
            if firstLinks == nil {
                var any = [Int32](repeating: -1, count: suppliers.count)
                var missing = [Int32](repeating: -1, count: suppliers.count)
                for (position, link) in raw.enumerated() {
                    let buyer = Int(link.buyer)
                    if any[buyer] < 0 { any[buyer] = Int32(position) }
                    if link.share == nil && missing[buyer] < 0 { missing[buyer] = Int32(position) }
                }
                firstLinks = (any, missing)
            }
            let position = Int((withoutShare ? firstLinks!.withoutShare : firstLinks!.any)[Int(node)])
            return position >= 0 ? kept[position].location : suppliers[Int(node)].location
        }
        for adjustment in adjustments {
            switch adjustment {
            case .selfLinkDropped(let position):
                findings.append(Finding(.warning, code: "self-link", "'\(kept[position].buyerID)' is linked to itself; the link is dropped", at: kept[position].location))
            case .duplicateMerged(let first, let duplicate):
                findings.append(Finding(
                    .warning, code: "duplicate-link",
                    "the link \(kept[duplicate].buyerID) → \(kept[duplicate].supplierID) repeats line \(kept[first].location.line); their shares are added",
                    at: kept[duplicate].location))
            case .sharesScaled(let node, let total):
                let supplier = suppliers[Int(node)]
                findings.append(Finding(
                    .warning, code: "shares-above-one",
                    "the shares of buyer '\(supplier.id)' sum to \(Formatting.fixed(total, 4)); all its shares are scaled to sum to 1",
                    at: firstLink(of: node, withoutShare: false)))
            case .sharesFilled(let node, let count, let remainder):
                if remainder == 0 {
                    let supplier = suppliers[Int(node)]
                    findings.append(Finding(
                        .warning, code: "share-zero",
                        "buyer '\(supplier.id)' has \(count) link\(count == 1 ? "" : "s") without a share but its given shares already sum to 1 or more; \(count == 1 ? "it gets" : "they get") share 0",
                        at: firstLink(of: node, withoutShare: true)))
                }
            }
        }
        self.suppliers = suppliers
        self.graph = graph
        self.acceptedLinks = kept.count
        self.findings = findings
        self.rejectedLinks = rejected
        self.ids = ids
    }

    /// The node index of the supplier with this id.
    public func index(of id: String) -> Int? { ids.index(of: id).map(Int.init) }
}
