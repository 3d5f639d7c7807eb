import SupplyChainModel
import SupplyGraph

/// The scored state of one supplier.
public struct SupplierAssessment: Sendable {
    public var supplier: Supplier
    public var risk: IntrinsicRisk
    /// Whether the supplier counts as flagged for `FL-ENTITY` (risk at or above the threshold).
    public var isFlagged: Bool
    /// `X_1 … X_K`.
    public var tierExposure: [Double]
    public var exposure: Double
    public var worstPathStrength: Double
    /// Node indices of the worst path, starting with this supplier.
    public var worstPath: [Int]
    /// The smallest tier at which a flagged supplier is reached, if any within K.
    public var nearestFlaggedTier: Int?
    /// Node indices from this supplier to the nearest flagged one.
    public var nearestFlaggedPath: [Int]
}

/// How a contract's vendor was found among the suppliers.
public enum VendorMatch: String, Sendable {
    case id, uei, name
    /// The vendor named by the contract is not in the suppliers file.
    case none
}

/// One contract with its vendor and flags.
public struct ContractAssessment: Sendable {
    public var contract: Contract
    /// Node index of the vendor, when found.
    public var vendor: Int?
    public var vendorMatch: VendorMatch
    /// Flags, most severe first.
    public var flags: [ReviewFlag]
    /// The highest severity among the flags; nil when not flagged.
    public var severity: Severity? { flags.map(\.severity).max() }
    public var isFlagged: Bool { !flags.isEmpty }
    /// Vendor exposure × amount: the second key of the queue order.
    public var priority: Double
}

/// One input file and what became of its rows.
public struct InputReport: Sendable {
    /// `suppliers`, `links` or `contracts`.
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
    public var editions: [ReferenceEdition]

    public var flaggedContracts: [ContractAssessment] { contracts.filter(\.isFlagged) }
}

/// Runs the model end to end on imported records.
public struct Assessor: Sendable {
    public var parameters: ScoringParameters
    public var reference: ReferenceData

    public init(parameters: ScoringParameters, reference: ReferenceData = .embedded) {
        self.parameters = parameters
        self.reference = reference
    }

    /// Scores suppliers, propagates through the network and applies the review rules.
    ///
    /// - Parameters:
    ///   - suppliers, links, contracts: imported records with their import results.
    ///   - progress: propagation progress, after each tier round.
    public func assess(
        suppliers: ImportResult<Supplier>, links: ImportResult<SupplyLink>, contracts: ImportResult<Contract>,
        progress: ((PropagationProgress) -> Void)? = nil
    ) -> Assessment {
        let network = SupplyNetwork(suppliers: suppliers.records, links: links.records)
        var linkSummary = links.summary
        for (reason, count) in network.rejectedLinks {
            linkSummary.accepted -= count
            for _ in 0..<count { linkSummary.reject(reason: reason) }
        }
        let riskModel = PlaceholderRiskModel(reference: reference)
        let risks = network.suppliers.map(riskModel.assess)
        let riskValues = risks.map(\.value)
        let flagged = riskValues.map { $0 >= parameters.flaggedRiskThreshold }
        let result = TierPropagation.run(
            graph: network.graph, risk: riskValues, marked: flagged, parameters: parameters.propagation,
            workers: parameters.workers, progress: progress)

        var supplierResults: [SupplierAssessment] = []
        supplierResults.reserveCapacity(network.suppliers.count)
        for (u, supplier) in network.suppliers.enumerated() {
            let tier = Int(result.nearestTier[u])
            supplierResults.append(SupplierAssessment(
                supplier: supplier, risk: risks[u], isFlagged: flagged[u], tierExposure: result.tierExposures(of: u),
                exposure: result.exposure[u], worstPathStrength: result.worstStrength[u], worstPath: result.worstPath(from: u),
                nearestFlaggedTier: tier == 0 ? nil : tier, nearestFlaggedPath: result.nearestPath(from: u)))
        }

        var findings = suppliers.findings + links.findings + network.findings + contracts.findings
        for (u, risk) in risks.enumerated() {
            if case .unknownCountry(let written?) = risk.basis {
                findings.append(Finding(
                    .warning, code: "unknown-country",
                    "country '\(written)' of supplier '\(network.suppliers[u].id)' is not an ISO 3166 country name or code; scored as unknown country",
                    at: network.suppliers[u].location))
            }
        }
        let resolver = VendorResolver(suppliers: network.suppliers, network: network)
        let rules = ReviewRules(parameters: parameters, suppliers: supplierResults)
        var contractResults: [ContractAssessment] = []
        for contract in contracts.records {
            let (vendor, match) = resolver.resolve(contract)
            if vendor == nil {
                findings.append(Finding(
                    .warning, code: "unknown-vendor",
                    "contract '\(contract.id)': vendor \(VendorResolver.describe(contract)) is not in the suppliers file; the contract cannot be scored",
                    at: contract.location))
            }
            let flags = vendor.map(rules.flags(forVendor:)) ?? []
            let exposure = vendor.map { supplierResults[$0].exposure } ?? 0
            contractResults.append(ContractAssessment(
                contract: contract, vendor: vendor, vendorMatch: match, flags: flags,
                priority: exposure * max(0, contract.amount ?? 0)))
        }
        contractResults = Self.queueOrder(contractResults)

        return Assessment(
            parameters: parameters,
            inputs: [
                InputReport(role: "suppliers", summary: suppliers.summary), InputReport(role: "links", summary: linkSummary),
                InputReport(role: "contracts", summary: contracts.summary),
            ],
            suppliers: supplierResults, contracts: contractResults, findings: findings, editions: reference.editions(of: PlaceholderRiskModel.tablesUsed))
    }

    /// Severity first (unflagged last), then priority, then input order.
    static func queueOrder(_ contracts: [ContractAssessment]) -> [ContractAssessment] {
        contracts.enumerated().sorted { a, b in
            let sa = a.element.severity?.rank ?? -1, sb = b.element.severity?.rank ?? -1
            if sa != sb { return sa > sb }
            if a.element.priority != b.element.priority { return a.element.priority > b.element.priority }
            return a.offset < b.offset
        }.map(\.element)
    }
}
