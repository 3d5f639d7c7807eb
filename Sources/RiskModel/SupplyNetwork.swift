import Importers
import SupplyChainModel
import SupplyGraph

/// The suppliers' ids, interned in suppliers-file order: what resolves a link's ends to
/// supplier positions (node indices of the graph).
public struct SupplierIndex: Sendable {
    let ids: IDInterner

    /// - Complexity: O(total id bytes).
    public init(_ suppliers: [Supplier]) {
        var ids = IDInterner(capacity: suppliers.count)
        // By index: iterating the records would copy each one.
        ids.internAll(count: suppliers.count) { suppliers[$0].id }
        self.ids = ids
    }

    /// The position of the supplier with this id.
    public func index(of id: String) -> Int32? { ids.index(of: id) }

    /// A look-up by id bytes for ``Importers/NativeCSVImporter/linkTable(path:options:supplier:)``.
    public var lookup: @Sendable (UnsafeRawBufferPointer, UnsafeBufferPointer<Int>) -> [Int32] {
        let ids = self.ids
        return { keys, ends in ids.indices(ofKeys: keys, ends: ends, workers: 1) }
    }
}

/// Suppliers and links assembled into a ``SupplyGraph``: links checked against the suppliers,
/// shares completed and normalised by the model's rules, and per link slot the good it carries.
public struct SupplyNetwork: Sendable {
    public let suppliers: [Supplier]
    public let graph: SupplyGraph
    /// Links that made it into the graph (before merging duplicates).
    public let acceptedLinks: Int
    /// Findings about links: unknown suppliers, self-links, duplicates, shares adjusted.
    public let findings: [Finding]
    /// Links rejected here because they name an unknown supplier, per finding code (links read
    /// as a ``LinkTable`` were checked by the importer).
    public let rejectedLinks: [String: Int]
    /// Per supplier, the sum of the shares its links declare (links without a share count 0),
    /// whatever the order of the links.
    public let declaredShares: [Double]
    /// Per link slot of ``graph``, the good of the first link merged into it that names one
    /// (index into ``goodNames``, −1 for none).
    let slotGoods: [Int32]
    let goodNames: [String]
    let ids: SupplierIndex

    /// Links as read, checked here against the suppliers: those naming an unknown supplier are
    /// rejected with a finding.
    /// - Complexity: O(suppliers + links).
    /// - Parameter suppliersFile: false when the suppliers were derived without a suppliers file
    ///   (the `unknown-supplier` message says so).
    public init(suppliers: [Supplier], links: [SupplyLink], suppliersFile: Bool = true) {
        let ids = SupplierIndex(suppliers)
        var table = LinkTable(file: links.first?.location.file ?? "")
        var goodNumbers: [String: Int32] = [:]
        var findings: [Finding] = []
        var rejected: [String: Int] = [:]
        var locations: [SourceLocation] = []
        for link in links {
            let buyer = ids.index(of: link.buyerID)
            let supplier = ids.index(of: link.supplierID)
            guard let buyer, let supplier else {
                let reason = UnknownSupplier.reason(
                    buyerID: buyer == nil ? link.buyerID : nil, supplierID: supplier == nil ? link.supplierID : nil, suppliersFile: suppliersFile)
                findings.append(Finding(.error, code: UnknownSupplier.code, "row rejected: " + reason, at: link.location))
                rejected[UnknownSupplier.code, default: 0] += 1
                continue
            }
            var good: Int32 = -1
            if let name = link.good, !name.isEmpty {
                if let known = goodNumbers[name] {
                    good = known
                } else {
                    good = Int32(table.goodNames.count)
                    goodNumbers[name] = good
                    table.goodNames.append(name)
                }
            }
            table.append(buyer: buyer, supplier: supplier, share: link.share, good: good, line: link.location.line)
            locations.append(link.location)
        }
        // Links from several files (subawards, documents) keep their own file in messages.
        self.init(suppliers: suppliers, table: table, ids: ids, findings: findings, rejected: rejected) { locations[$0] }
    }

    /// Links in either form: records are resolved here, a table was resolved by its importer.
    public init(suppliers: [Supplier], links: LinkInput, suppliersFile: Bool = true) {
        switch links {
        case .records(let links): self.init(suppliers: suppliers, links: links.records, suppliersFile: suppliersFile)
        case .table(let links, let ids): self.init(suppliers: suppliers, table: links.table, ids: ids)
        }
    }

    /// Links already resolved by the importer (``LinkTable``).
    /// - Complexity: O(suppliers + links).
    public init(suppliers: [Supplier], table: LinkTable, ids: SupplierIndex) {
        self.init(suppliers: suppliers, table: table, ids: ids, findings: [], rejected: [:]) { table.location(at: $0) }
    }

    private init(
        suppliers: [Supplier], table: LinkTable, ids: SupplierIndex, findings: [Finding], rejected: [String: Int],
        location: (Int) -> SourceLocation
    ) {
        let built = SupplyGraphBuilder.build(nodeCount: suppliers.count, buyers: table.buyers, suppliers: table.suppliers, shares: table.shares)
        let graph = built.graph
        var findings = findings
        func id(_ node: Int32) -> String { suppliers[Int(node)].id }
        // Where to point a finding about a whole buyer row: its first link (without a share).
        // Found in one pass over the links, and only when some row needs it.
        var firstLinks: (any: [Int32], withoutShare: [Int32])?
        func firstLink(of node: Int32, withoutShare: Bool) -> SourceLocation {
            if firstLinks == nil {
                var any = [Int32](repeating: -1, count: suppliers.count)
                var missing = [Int32](repeating: -1, count: suppliers.count)
                for position in 0..<table.count where table.buyers[position] != table.suppliers[position] {
                    let buyer = Int(table.buyers[position])
                    if any[buyer] < 0 { any[buyer] = Int32(position) }
                    if table.shares[position].isNaN && missing[buyer] < 0 { missing[buyer] = Int32(position) }
                }
                firstLinks = (any, missing)
            }
            let position = Int((withoutShare ? firstLinks!.withoutShare : firstLinks!.any)[Int(node)])
            return position >= 0 ? location(position) : suppliers[Int(node)].location
        }
        var slotGoods = built.slotSources.map { table.goods[Int($0)] }
        var slotOfFirst: [Int: Int]?
        for adjustment in built.adjustments {
            switch adjustment {
            case .selfLinkDropped(let position):
                findings.append(Finding(.warning, code: "self-link", "'\(id(table.buyers[position]))' is linked to itself; the link is dropped", at: location(position)))
            case .duplicateMerged(let first, let duplicate):
                findings.append(Finding(
                    .warning, code: "duplicate-link",
                    "the link \(id(table.buyers[duplicate])) → \(id(table.suppliers[duplicate])) repeats line \(location(first).line); their shares are added",
                    at: location(duplicate)))
                // The slot's good is the first one any of its links names.
                if table.goods[duplicate] >= 0 {
                    if slotOfFirst == nil {
                        slotOfFirst = Dictionary(uniqueKeysWithValues: built.slotSources.enumerated().map { (Int($0.element), $0.offset) })
                    }
                    let slot = slotOfFirst![first]!
                    if slotGoods[slot] < 0 { slotGoods[slot] = table.goods[duplicate] }
                }
            case .sharesScaled(let node, let total):
                findings.append(Finding(
                    .warning, code: "shares-above-one",
                    "the shares of buyer '\(id(node))' sum to \(Formatting.fixed(total, 4)); all its shares are scaled to sum to 1",
                    at: firstLink(of: node, withoutShare: false)))
            case .sharesFilled(let node, let count, let remainder):
                if remainder == 0 {
                    findings.append(Finding(
                        .warning, code: "share-zero",
                        "buyer '\(id(node))' has \(count) link\(count == 1 ? "" : "s") without a share but its given shares already sum to 1 or more; \(count == 1 ? "it gets" : "they get") share 0",
                        at: firstLink(of: node, withoutShare: true)))
                }
            }
        }
        self.suppliers = suppliers
        self.graph = graph
        self.acceptedLinks = table.count
        self.findings = findings
        self.rejectedLinks = rejected
        self.declaredShares = built.declared
        self.slotGoods = slotGoods
        self.goodNames = table.goodNames
        self.ids = ids
    }

    /// The node index of the supplier with this id.
    public func index(of id: String) -> Int? { ids.index(of: id).map(Int.init) }

    /// The good the link `buyer → supplier` carries as the links file names it, if any.
    public func good(from buyer: Int, to supplier: Int) -> String? {
        for slot in graph.links(of: buyer) where graph.columns[slot] == Int32(supplier) {
            let good = slotGoods[slot]
            return good < 0 ? nil : goodNames[Int(good)]
        }
        return nil
    }
}
