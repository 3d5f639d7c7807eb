internal import CPrefetch
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

/// Runs the model end to end on imported records.
public struct Assessor: Sendable {
    public var parameters: ScoringParameters
    public var reference: ReferenceData
    /// The analyst's confirmed and rejected watchlist matches.
    public var decisions: MatchDecisions
    /// User-supplied country-risk scores, weighted in as the `country-risk` indicator.
    public var countryRisk: CountryRiskTable?

    public init(
        parameters: ScoringParameters, reference: ReferenceData = .embedded, decisions: MatchDecisions = MatchDecisions(),
        countryRisk: CountryRiskTable? = nil
    ) {
        self.parameters = parameters
        self.reference = reference
        self.decisions = decisions
        self.countryRisk = countryRisk
    }

    /// Scores suppliers, propagates through the network and applies the review rules.
    ///
    /// - Parameters:
    ///   - suppliers, links, contracts: imported records with their import results.
    ///   - watchlists: user watchlist entries, matched besides the embedded UFLPA Entity List.
    ///   - progress: propagation progress, after each tier round.
    /// - Complexity: O(suppliers × (name words + candidate names)) to score, then two
    ///   propagations of O(K · (links + suppliers)) each when some supplier is a hard flag.
    public func assess(
        suppliers: ImportResult<Supplier>, links: ImportResult<SupplyLink>, contracts: consuming ImportResult<Contract>,
        watchlists: [WatchlistEntry] = [], progress: ((PropagationProgress) -> Void)? = nil
    ) -> Assessment {
        assess(suppliers: suppliers, links: .records(links), contracts: consume contracts, watchlists: watchlists, progress: progress)
    }

    /// ``assess(suppliers:links:contracts:watchlists:progress:)`` on links in either form.
    ///
    /// The contract records are kept in the assessment as they are (``Assessment/contractRecords``):
    /// never copied, the array's storage is shared with the caller's until either changes.
    ///
    /// A links table given up by the caller (`consume`) has its columns freed once the graph
    /// is built, before the contracts are checked (the run's peak of memory).
    public func assess(
        suppliers: ImportResult<Supplier>, links: consuming LinkInput, contracts: consuming ImportResult<Contract>,
        watchlists: [WatchlistEntry] = [], progress: ((PropagationProgress) -> Void)? = nil
    ) -> Assessment {
        let entities = reference.uflpa + watchlists.map(ListedEntity.init(userEntry:))
        let matcher = WatchlistMatcher(entities: entities, parameters: parameters.matching, decisions: decisions, countries: reference.countries)
        let model = IndicatorModel(reference: reference, settings: parameters.indicators, matcher: matcher, countryRisk: countryRisk)
        let (network, risks) = networkAndRisks(suppliers: suppliers.records, links: links, model: model)
        var linkSummary = links.summary
        let linkFindings: [Finding]
        switch links {
        case .records(let links):
            linkFindings = links.findings
            for (reason, count) in network.rejectedLinks {
                linkSummary.accepted -= count
                for _ in 0..<count { linkSummary.reject(reason: reason) }
            }
        case .table(let links, _):
            linkFindings = links.findings
        }
        links.releaseTableColumns()
        let riskValues = risks.map(\.value)
        let hard = risks.map(\.isHardFlag)
        let flagged = risks.indices.map { hard[$0] || riskValues[$0] >= parameters.flaggedRiskThreshold }
        let result = TierPropagation.run(
            graph: network.graph, risk: riskValues, marked: flagged, parameters: parameters.propagation,
            workers: parameters.workers, progress: progress)
        // Nearest hard flag: the nearest-tier recurrence alone, marked with hard flags only
        // (skipped when it would find nothing, or the same as the first).
        let hardResult = !hard.contains(true) ? nil : hard == flagged ? NearestMarked(result) : NearestMarked.run(
            graph: network.graph, marked: hard, tiers: parameters.propagation.tiers, workers: parameters.workers)

        let run = AssessedSuppliers(
            suppliers: network.suppliers, risks: risks, isFlagged: flagged, declaredShares: network.declaredShares,
            flagged: result, hard: hardResult)
        let runs = CountedReferences(to: run, count: network.suppliers.count)
        let supplierResults = Concurrently.array(count: network.suppliers.count, slices: parameters.workers) { u in
            SupplierAssessment(node: u, run: runs.take())
        }

        var findings = suppliers.findings + linkFindings + network.findings + contracts.findings
        findings += decisions.findings + decisionFindings(network: network, matcher: matcher) + matcher.findings + (countryRisk?.findings ?? [])
        // By index: iterating the records would copy every one of them.
        for u in risks.indices {
            let left = NameNormalizer.wordsLeftOut(of: network.suppliers[u].name)
            guard left > 0 else { continue }
            findings.append(Finding(
                .warning, code: "long-name",
                "name of supplier '\(network.suppliers[u].id)' has \(left + NameNormalizer.maxWords) words; it is matched against watchlists on its first \(NameNormalizer.maxWords)",
                at: network.suppliers[u].location))
        }
        for u in risks.indices where risks[u].country == nil {
            let supplier = network.suppliers[u]
            if let written = supplier.country {
                findings.append(Finding(
                    .warning, code: "unknown-country",
                    "country '\(written)' of supplier '\(supplier.id)' is not an ISO 3166 country name or code; scored as unknown country",
                    at: supplier.location))
            }
        }
        var records: [Contract] = []
        swap(&records, &contracts.records)
        if let finding = records.withUnsafeBufferPointer({ Self.otherCurrencies($0, rules: parameters.currency) }) { findings.append(finding) }
        // By id, UEI or DUNS number in slices on the workers; by name (a lazily built index) after, in order.
        // Records are read in place: `records[i]` in a closure would copy each contract. The
        // resolver's indexes (about 50 bytes a supplier) are freed once the vendors are known.
        let vendors = records.withUnsafeBufferPointer { records in
            var resolver = VendorResolver(suppliers: network.suppliers, network: network)
            let direct = { [resolver] in
                Concurrently.array(count: records.count, slices: parameters.workers) {
                    resolver.resolveDirectly(vendorID: records[$0].vendorID, vendorUEI: records[$0].vendorUEI, vendorDUNS: records[$0].vendorDUNS)
                }
            }()
            let vendors = records.indices.map { i in direct[i].map { ($0.0, $0.1) } ?? resolver.resolve(vendorName: records[i].vendorName) }
            for i in vendors.indices where vendors[i].0 == nil {
                findings.append(Finding(
                    .warning, code: "unknown-vendor",
                    "contract '\(records[i].id)': vendor \(VendorResolver.describe(records[i])) is not in the suppliers file; the contract cannot be scored",
                    at: records[i].location))
            }
            // A UEI, DUNS number or name that several suppliers have: the first is used, and the run says
            // so once per UEI or name (it could be the wrong vendor, with another's risk).
            var warned = Set<[Int]>()
            for i in vendors.indices where resolver.hasSharedKeys {
                guard let vendor = vendors[i].0,
                    let shared = resolver.suppliersSharing(
                        vendors[i].1, vendorUEI: records[i].vendorUEI, vendorDUNS: records[i].vendorDUNS, vendorName: records[i].vendorName),
                    warned.insert(shared).inserted
                else { continue }
                let record = records[i]
                let what = switch vendors[i].1 {
                case .uei: "UEI '\(record.vendorUEI ?? "")'"
                case .duns: "DUNS '\(record.vendorDUNS ?? "")'"
                default: "name '\(record.vendorName ?? "")'"
                }
                let others = shared.dropFirst().prefix(5).map { "'\(network.suppliers[$0].id)' (line \(network.suppliers[$0].location.line))" }
                let more = shared.count > 6 ? " and \(shared.count - 6) more" : ""
                findings.append(Finding(
                    .warning, code: "ambiguous-vendor",
                    "contract '\(record.id)': vendor \(what) fits \(shared.count) suppliers; '\(network.suppliers[vendor].id)' (line \(network.suppliers[vendor].location.line)) is used, not \(others.joined(separator: ", "))\(more) (and so for every contract naming it this way); give vendor_id to choose",
                    at: record.location))
            }
            return vendors
        }
        // Contracts are checked on Dispatch workers, each with its own rules (their memo is not
        // shared), the contracts split by vendor: a vendor's terms are worked out by one worker,
        // once, and stay in that worker's cache. Each assessment refers to its record in the one
        // array of them, read in place (the references to it counted here: see
        // ``CountedReferences``). Then the assessments are put in queue order in place.
        let stored = ContractRecords(records)
        records = []
        let count = stored.contracts.count
        let shared = CountedReferences(to: stored, count: count)
        // Flags and priorities (16 bytes a contract) into a buffer in input order, then the
        // assessments (54 bytes) made from them straight into an array in queue order: the
        // buffer and the array are alive together at the run's peak of memory.
        let checked = UnsafeMutablePointer<CheckedContract>.allocate(capacity: count)
        defer { checked.deallocate() }
        stored.contracts.withUnsafeBufferPointer { records in
            let parts = max(1, min(parameters.workers, count / 1024 + 1))
            _ = Concurrently.map(slicing: parts, into: parts) { part in
                let rules = ReviewRules(parameters: parameters, suppliers: supplierResults, reference: reference)
                for i in 0..<count where Self.part(of: vendors[i].0 ?? i, parts: parts) == part.lowerBound {
                    let vendor = vendors[i].0
                    let priority = (vendor.map { supplierResults[$0].exposure } ?? 0) * max(0, records[i].amount ?? 0)
                    let flags = rules.flags(for: records.baseAddress! + i, vendor: vendor)
                    (checked + i).initialize(to: CheckedContract(flags: flags, priority: priority))
                }
            }
        }
        findings += parameters.rules.awardsBeforeThresholds(stored.contracts)
        // By index: mapping the buffer would copy every assessment.
        let order = Self.queueOrder(
            severities: (0..<count).map { ContractAssessment.severity(of: checked[$0].flags) },
            priorities: (0..<count).map { checked[$0].priority })
        let contractResults = Self.gathered(movingFrom: checked, order: order, workers: parameters.workers) { i, contract in
            ContractAssessment(
                offset: i, records: shared.take(), vendor: vendors[i].0, vendorMatch: vendors[i].1, flags: contract.flags,
                priority: contract.priority)
        }

        var inputs = [
            InputReport(role: "suppliers", summary: suppliers.summary), InputReport(role: "links", summary: linkSummary),
            InputReport(role: "contracts", summary: contracts.summary),
        ]
        if let summary = decisions.summary { inputs.append(InputReport(role: "decisions", summary: summary)) }
        if let countryRisk { inputs.append(InputReport(role: "country-risk", summary: countryRisk.summary)) }
        return Assessment(
            parameters: parameters, inputs: inputs, suppliers: supplierResults, contracts: contractResults, findings: findings,
            editions: reference.editions(of: IndicatorModel.tablesUsed.union(["eo13126_products.csv"])) + ReferenceEdition.userLists(watchlists),
            watchlistEntries: (reference.uflpa.count, watchlists.count), graph: network.graph, network: network, records: stored)
    }

    /// The supply network and the suppliers' intrinsic risks: the graph is built while the
    /// suppliers are scored (neither needs the other).
    private func networkAndRisks(suppliers: [Supplier], links: LinkInput, model: IndicatorModel) -> (SupplyNetwork, [IntrinsicRisk]) {
        Concurrently.run({ SupplyNetwork(suppliers: suppliers, links: links) }, { model.assess(all: suppliers, workers: parameters.workers) })
    }

    /// ``assess(suppliers:links:contracts:watchlists:progress:)`` with user watchlists as
    /// imported: their entries are matched, their findings and row counts reported (role
    /// `watchlist`).
    public func assess(
        suppliers: ImportResult<Supplier>, links: consuming LinkInput, contracts: consuming ImportResult<Contract>,
        watchlistImports: [ImportResult<WatchlistEntry>], progress: ((PropagationProgress) -> Void)? = nil
    ) -> Assessment {
        var assessment = assess(
            suppliers: suppliers, links: consume links, contracts: consume contracts, watchlists: watchlistImports.flatMap(\.records), progress: progress)
        assessment.inputs += watchlistImports.map { InputReport(role: "watchlist", summary: $0.summary) }
        assessment.findings += watchlistImports.flatMap(\.findings)
        return assessment
    }

    /// One warning when contracts are in another currency than the rules' amounts (`currency`
    /// in the configuration): their amounts are compared with those thresholds unconverted.
    /// Names how many, the currencies (a few) and the first such contract's row.
    static func otherCurrencies(_ records: UnsafeBufferPointer<Contract>, rules currency: String) -> Finding? {
        var count = 0
        var first: Int?
        var seen: [String] = []
        // Read in place, field by field: a copy of each contract would retain its strings.
        for i in records.indices where records[i].currency != currency {
            count += 1
            if first == nil { first = i }
            if seen.count < 4 && !seen.contains(records[i].currency) { seen.append(records[i].currency) }
        }
        guard let first else { return nil }
        let written = seen.map { "'\($0)'" }.joined(separator: ", ") + (seen.count == 4 ? ", …" : "")
        return Finding(
            .warning, code: "other-currency",
            "\(count) contract\(count == 1 ? " is" : "s are") in \(written), not \(currency), the currency of the rules' amounts; their amounts are compared with the \(currency) thresholds unconverted (first: contract '\(records[first].id)')",
            at: records[first].location)
    }

    /// Warnings for decisions that name no supplier or no watchlist entry.
    func decisionFindings(network: SupplyNetwork, matcher: WatchlistMatcher) -> [Finding] {
        var findings: [Finding] = []
        for decision in decisions.decisions {
            if network.index(of: decision.supplierID) == nil {
                findings.append(Finding(.warning, code: "unknown-supplier", "decision on '\(decision.supplierID)': no such supplier in the suppliers file; ignored", at: decision.supplierLocation))
            }
            if !matcher.hasEntry(id: decision.entryID) {
                findings.append(Finding(.warning, code: "unknown-entry", "decision on '\(decision.entryID)': no such watchlist entry; ignored", at: decision.entryLocation))
            }
        }
        return findings
    }

    /// A new array whose element `rank` is `make(order[rank], x)`, `x` moved from
    /// `source + order[rank]` (`order` a permutation of `0..<order.count`): each element is
    /// moved once, no copy is retained, and
    /// `source` is left uninitialised for the caller to deallocate. In slices on `workers`
    /// Dispatch workers from 2^14 elements; the source 8 ranks ahead is prefetched (each is a
    /// random read).
    static func gathered<T, U>(
        movingFrom source: UnsafeMutablePointer<T>, order: [Int], workers: Int, _ make: (_ offset: Int, T) -> U
    ) -> [U] {
        let count = order.count
        return [U](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let target = buffer.baseAddress else { return }
            order.withUnsafeBufferPointer { order in
                _ = Concurrently.map(slicing: count, into: count < 1 << 14 ? 1 : workers) { ranks in
                    for rank in ranks {
                        if rank + 8 < ranks.upperBound { flrisk_prefetch(source + order[rank + 8]) }
                        (target + rank).initialize(to: make(order[rank], (source + order[rank]).move()))
                    }
                }
            }
            initialized = count
        }
    }

    /// The worker (of `parts`) that checks the contracts of a vendor node (or, without a
    /// vendor, of a contract offset): a multiplicative hash, so that popular vendors, often
    /// numbered close together, spread over the workers.
    static func part(of key: Int, parts: Int) -> Int {
        parts == 1 ? 0 : Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) &>> 32) % parts
    }

    /// The queue order of the contracts (their input offsets): severity first (unflagged last),
    /// then priority, then input order.
    /// - Complexity: O(n log n), sorting small keys.
    static func queueOrder(severities: [Severity?], priorities: [Double]) -> [Int] {
        struct Key {
            var rank: Int
            var priority: Double
            var offset: Int
        }
        func precedes(_ a: Key, _ b: Key) -> Bool {
            if a.rank != b.rank { return a.rank > b.rank }
            if a.priority != b.priority { return a.priority > b.priority }
            return a.offset < b.offset
        }
        // The keys are all different (offsets are), so halves sorted at the same time and
        // merged give the order one sort gives.
        let halves = Concurrently.map(slicing: severities.count, into: severities.count < 1 << 14 ? 1 : 2) { range in
            // Sorted in place: `sorted(by:)` would copy the keys first.
            var keys = range.map { Key(rank: severities[$0]?.rank ?? -1, priority: priorities[$0], offset: $0) }
            keys.sort(by: precedes)
            return keys
        }
        guard halves.count == 2 else { return halves.first?.map(\.offset) ?? [] }
        let (a, b) = (halves[0], halves[1])
        var order: [Int] = []
        order.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if precedes(b[j], a[i]) {
                order.append(b[j].offset)
                j += 1
            } else {
                order.append(a[i].offset)
                i += 1
            }
        }
        order += a[i...].lazy.map(\.offset)
        order += b[j...].lazy.map(\.offset)
        return order
    }

}
