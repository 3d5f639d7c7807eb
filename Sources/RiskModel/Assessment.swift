import SupplyChainModel
import SupplyGraph

/// The scored state of one supplier: its node and the run's shared arrays, from which every
/// property is read on demand (16 bytes a supplier instead of a copy of its risk and results).
public struct SupplierAssessment: Sendable {
    /// The supplier as read, from the run's one array of them (not a copy per assessment).
    @inlinable public var supplier: Supplier {
        _read { yield run.suppliers[node] }
    }
    /// The intrinsic risk, from the run's one array of them.
    @inlinable public var risk: IntrinsicRisk {
        _read { yield run.risks[node] }
    }
    /// Whether the supplier counts as flagged for `FL-ENTITY`: a hard flag, or risk at or above
    /// the flagged threshold.
    public var isFlagged: Bool { run.isFlagged[node] }
    /// A watchlist match on a hard-flag list or a presumption region.
    public var isHardFlag: Bool { run.risks[node].isHardFlag }
    /// `X_1 … X_K`.
    public var tierExposure: [Double] { run.flagged.tierExposures(of: node) }
    public var exposure: Double { run.flagged.exposure[node] }
    public var worstPathStrength: Double { run.flagged.worstStrength[node] }
    /// Node indices of the worst path, starting with this supplier.
    public var worstPath: [Int] { run.flagged.worstPath(from: node) }
    /// The smallest tier at which a flagged supplier is reached, if any within K.
    public var nearestFlaggedTier: Int? { Self.tier(run.flagged.nearestTier[node]) }
    /// Node indices from this supplier to the nearest flagged one.
    public var nearestFlaggedPath: [Int] { run.flagged.nearestPath(from: node) }
    /// The smallest tier at which a hard-flagged supplier is reached, if any within K.
    public var nearestHardFlagTier: Int? { run.hard.flatMap { Self.tier($0.nearestTier[node]) } }
    /// Node indices from this supplier to the nearest hard-flagged one.
    public var nearestHardFlagPath: [Int] {
        guard nearestHardFlagTier != nil, let hard = run.hard else { return [] }
        return hard.nearestPath(from: node)
    }
    /// How many suppliers the links file gives this supplier (after merging duplicates).
    public var knownSuppliers: Int { run.flagged.graph.links(of: node).count }
    /// The sum of the shares the links file declares for this supplier's links, capped at 1
    /// (links without a share count 0): how much of its sourcing is mapped.
    public var declaredShare: Double { min(1, run.declaredShares[node]) }
    /// This supplier's node, and the run's suppliers, risks and propagation results, which
    /// every property reads (kept once per run, not copied per supplier).
    @usableFromInline let node: Int
    @usableFromInline let run: AssessedSuppliers

    init(node: Int, run: AssessedSuppliers) {
        self.node = node
        self.run = run
    }

    /// A recurrence's nearest tier (0 for none) as an optional.
    private static func tier(_ stored: UInt8) -> Int? { stored == 0 ? nil : Int(stored) }
}

/// The supplier records, intrinsic risks and propagation results of a run, shared by its
/// ``SupplierAssessment`` values.
@usableFromInline final class AssessedSuppliers: Sendable {
    /// The suppliers as read (node order): the network's array, not a copy.
    @usableFromInline let suppliers: [Supplier]
    /// The intrinsic risks, in node order.
    @usableFromInline let risks: [IntrinsicRisk]
    /// Whether each supplier counts as flagged (hard flag or risk at the threshold).
    let isFlagged: [Bool]
    /// The shares each supplier's links declare, summed (not capped).
    let declaredShares: [Double]
    /// Marked with the flagged suppliers.
    let flagged: PropagationResult
    /// Nearest tiers marked with the hard flags only; nil when there is none.
    let hard: NearestMarked?

    init(
        suppliers: [Supplier], risks: [IntrinsicRisk], isFlagged: [Bool], declaredShares: [Double],
        flagged: PropagationResult, hard: NearestMarked?
    ) {
        self.suppliers = suppliers
        self.risks = risks
        self.isFlagged = isFlagged
        self.declaredShares = declaredShares
        self.flagged = flagged
        self.hard = hard
    }
}

/// A contract's flags and queue priority, as checked on a worker, before its assessment is
/// made in queue order.
struct CheckedContract {
    var flags: [ReviewFlag]
    var priority: Double
}

/// How a contract's vendor was found among the suppliers.
public enum VendorMatch: String, Sendable {
    case id, uei, duns, name
    /// The vendor named by the contract is not in the suppliers file.
    case none
}

/// One contract with its vendor and flags.
public struct ContractAssessment: Sendable {
    /// The contract as read, from the run's one array of records in input order (not moved or
    /// copied into each assessment, so the queue order moves small values only).
    @inlinable public var contract: Contract {
        _read { yield records.contracts[offset] }
    }
    /// The contract's position among the contracts read (input order).
    public let offset: Int
    @usableFromInline let records: ContractRecords
    /// Node index of the vendor, when found.
    public var vendor: Int?
    public var vendorMatch: VendorMatch
    /// Flags, most severe first (set with ``severity`` by the assessor only).
    public internal(set) var flags: [ReviewFlag]
    /// The highest severity among the flags; nil when not flagged. Stored with the flags, so
    /// that counting and ordering contracts by severity does not read each one's flags.
    public internal(set) var severity: Severity?

    /// The highest severity among `flags`; nil for none.
    public static func severity(of flags: [ReviewFlag]) -> Severity? { flags.lazy.map(\.severity).max() }
    public var isFlagged: Bool { severity != nil }
    /// Vendor exposure × amount: the second key of the queue order.
    public var priority: Double

    init(offset: Int, records: ContractRecords, vendor: Int?, vendorMatch: VendorMatch, flags: [ReviewFlag], priority: Double) {
        self.offset = offset
        self.records = records
        self.vendor = vendor
        self.vendorMatch = vendorMatch
        self.flags = flags
        severity = Self.severity(of: flags)
        self.priority = priority
    }
}

/// The contract records of a run, shared by its ``ContractAssessment`` values.
@usableFromInline final class ContractRecords: Sendable {
    /// In input order.
    @usableFromInline let contracts: [Contract]

    init(_ contracts: [Contract]) { self.contracts = contracts }
}

/// The links of a run as the importers gave them.
public enum LinkInput: Sendable {
    /// Links as records, resolved against the suppliers when assessed.
    case records(ImportResult<SupplyLink>)
    /// Links read straight into a table, resolved with this index of the suppliers (which
    /// must be the index of the suppliers assessed).
    case table(LinkTableImport, SupplierIndex)

    /// The import's counts (before the network rejects links naming unknown suppliers).
    public var summary: ImportSummary {
        switch self {
        case .records(let links): links.summary
        case .table(let links, _): links.summary
        }
    }

    /// The rows the importer rejected.
    public var rejectedRows: [RejectedRow] {
        switch self {
        case .records(let links): links.rejectedRows
        case .table(let links, _): links.rejectedRows
        }
    }

    /// Empties a table's link columns (24 bytes a link), keeping its counts, findings and
    /// rejected rows: the assessor calls it once the graph holds the links. Records are kept
    /// (freeing each one costs more time than the memory is worth).
    mutating func releaseTableColumns() {
        guard case .table(var imported, let index) = self else { return }
        self = .records(ImportResult(records: [], findings: [], summary: imported.summary))
        imported.table = LinkTable(file: imported.table.file)
        self = .table(imported, index)
    }
}

/// One input file and what became of its rows.
public struct InputReport: Sendable {
    /// `suppliers`, `links`, `contracts`, `decisions`, `country-risk` or `watchlist`.
    public var role: String
    public var summary: ImportSummary
}

/// The result of a scoring run: every supplier scored, every contract checked, the review
/// queue in priority order (severity first, then exposure × amount), and all findings.
public struct Assessment: Sendable {
    public var parameters: ScoringParameters
    public var inputs: [InputReport]
    public var suppliers: [SupplierAssessment]
    /// Contracts in review-queue order: flagged first by severity, then by priority, then input order.
    public var contracts: [ContractAssessment]
    public var findings: [Finding]
    /// The reference tables the model used, then the user's watchlists.
    public var editions: [ReferenceEdition]
    /// How many watchlist entries were matched against: embedded, then user-supplied.
    public var watchlistEntries: (embedded: Int, user: Int)
    /// The supply graph the suppliers were scored on (node = index into ``suppliers``).
    public var graph: SupplyGraph

    /// The share of the link `buyer → supplier` (node indices), when there is one.
    public func share(from buyer: Int, to supplier: Int) -> Double? { graph.share(from: buyer, to: supplier) }

    /// The goods a link carries as written in the links file, else the supplier's own goods.
    public func goods(from buyer: Int, to supplier: Int) -> [String] {
        if let good = network.good(from: buyer, to: supplier) { return [good] }
        return suppliers[supplier].supplier.goods
    }

    /// The `limit` paths from `node` that contribute most to its exposure (``PathExplainer``).
    /// - Complexity: O(E log E) for E expanded partial paths (bounded).
    public func topPaths(from node: Int, limit: Int) -> [ContributingPath] {
        PathExplainer.topPaths(
            from: node, graph: graph, risk: suppliers.map(\.risk.value), parameters: parameters.propagation, limit: limit)
    }

    /// The node of the supplier with this id, or nil. Ids are compared byte for byte, as the
    /// network compares them (`Café` in NFC and in NFD are two suppliers).
    public func supplierIndex(id: String) -> Int? { suppliers.firstIndex { $0.supplier.id.utf8.elementsEqual(id.utf8) } }

    /// The network the graph was built from (goods of links).
    let network: SupplyNetwork

    /// The links scored: those that made it into the network, before duplicates are merged.
    /// Less than the links file's accepted rows when several rows make one link (the rows of
    /// one prime awardee and subawardee in a USAspending subawards download).
    public var linkCount: Int { network.acceptedLinks }

    /// The suppliers as read, by node: the one array ``SupplierAssessment/supplier`` reads from.
    public var supplierRecords: [Supplier] { network.suppliers }
    /// The contracts as read, in input order: the one array ``ContractAssessment/contract``
    /// reads from (at ``ContractAssessment/offset``).
    public var contractRecords: [Contract] { records.contracts }
    let records: ContractRecords

    /// The flagged contracts, in queue order: the front of ``contracts`` (no copies).
    public var flaggedContracts: ArraySlice<ContractAssessment> { contracts[..<flaggedCount] }

    /// How many contracts are flagged. They come first in queue order, so this is the first
    /// position of an unflagged contract, found by binary search.
    /// - Complexity: O(log n), reading each probed contract's flags in place.
    public var flaggedCount: Int {
        contracts.withUnsafeBufferPointer { contracts in
            var low = 0, high = contracts.count
            while low < high {
                let middle = (low + high) / 2
                if contracts[middle].isFlagged { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}
