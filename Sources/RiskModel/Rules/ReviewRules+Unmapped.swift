import SupplyChainModel

/// `FL-UNMAPPED`: lack of visibility into a vendor's supply chain is itself a finding.
extension ReviewRules {
    /// Medium when the vendor has no known suppliers, low when its declared link shares cover
    /// less than `rules.fl_unmapped.min_coverage` of its sourcing; only for supplies (a service
    /// contract has no goods supply chain to map) above `min_amount`.
    func unmappedFlag(_ contract: Contract, _ facts: ContractFacts, vendor: Int) -> ReviewFlag? {
        let rules = parameters.rules
        let amount = contract.amount ?? 0
        guard amount > rules.unmappedMinAmount, facts.isSupplies else { return nil }
        let known = suppliers[vendor].knownSuppliers, declared = suppliers[vendor].declaredShare
        guard known == 0 || declared < rules.unmappedMinCoverage else { return nil }
        let scored = suppliers[vendor]
        let above = "the contract's \(Formatting.money(amount)) is above \(Formatting.money(rules.unmappedMinAmount))"
        if known == 0 {
            return ReviewFlag(
                rule: .unmapped, severity: .medium,
                message: "Vendor \(scored.supplier.id) '\(scored.supplier.name)' has no known suppliers in the links file and \(above): its supply chain is not visible.",
                path: [vendor], fields: ["vendor_id", "amount", "links"])
        }
        return ReviewFlag(
            rule: .unmapped, severity: .low,
            message: "Vendor \(scored.supplier.id) '\(scored.supplier.name)' declares shares for \(Formatting.fixed(scored.declaredShare * 100, 0))% of its sourcing over \(scored.knownSuppliers) known supplier\(scored.knownSuppliers == 1 ? "" : "s") (below \(Formatting.fixed(rules.unmappedMinCoverage * 100, 0))%) and \(above): most of its supply chain is not visible.",
            path: [vendor], fields: ["vendor_id", "amount", "links.share"])
    }
}
