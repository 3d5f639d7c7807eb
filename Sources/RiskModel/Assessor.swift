internal import CPrefetch
import SupplyChainModel
import SupplyGraph

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
        let (network, risks) = networkAndRisks(
            suppliers: suppliers.records, links: links, suppliersFile: !suppliers.summary.isDerivedSuppliers, model: model)
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
        let flagged = risks.indices.map { hard[$0] || ScoringParameters.meets(riskValues[$0], parameters.flaggedRiskThreshold) }
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
    private func networkAndRisks(suppliers: [Supplier], links: LinkInput, suppliersFile: Bool, model: IndicatorModel) -> (SupplyNetwork, [IntrinsicRisk]) {
        Concurrently.run({ SupplyNetwork(suppliers: suppliers, links: links, suppliersFile: suppliersFile) }, { model.assess(all: suppliers, workers: parameters.workers) })
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
