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
        guard known == 0 || Self.coversTooLittle(declared, minimum: rules.unmappedMinCoverage) else { return nil }
        let scored = suppliers[vendor]
        let coverage = Self.coverageTexts(declared: declared, minimum: rules.unmappedMinCoverage)
        let above = "the contract's \(Formatting.money(amount)) is above \(Formatting.money(rules.unmappedMinAmount))"
        if known == 0 {
            return ReviewFlag(
                rule: .unmapped, severity: .medium,
                message: "Vendor \(scored.supplier.id) '\(scored.supplier.name)' has no known suppliers in the links file and \(above): its supply chain is not visible.",
                path: [vendor], fields: ["vendor_id", "amount", "links"])
        }
        return ReviewFlag(
            rule: .unmapped, severity: .low,
            message: "Vendor \(scored.supplier.id) '\(scored.supplier.name)' declares shares for \(coverage.declared)% of its sourcing over \(scored.knownSuppliers) known supplier\(scored.knownSuppliers == 1 ? "" : "s") (below \(coverage.minimum)%) and \(above): most of its supply chain is not visible.",
            path: [vendor], fields: ["vendor_id", "amount", "links.share"])
    }

    /// Whether a declared share is below the minimum coverage: by more than rounding, so that
    /// 0.43 + 0.04 + 0.03 (0.49999999999999994 in doubles) meets a minimum of 0.5.
    static func coversTooLittle(_ declared: Double, minimum: Double) -> Bool { !ScoringParameters.meets(declared, minimum) }

    /// The declared share and the minimum coverage as percentages for the `FL-UNMAPPED`
    /// message: whole percents, with more digits (up to 4) where whole ones would hide the
    /// difference (a declared 49.96% against 50% read "50% … (below 50%)"), or would round a
    /// minimum of 50.5% to 51%.
    static func coverageTexts(declared: Double, minimum: Double) -> (declared: String, minimum: String) {
        func text(_ value: Double, exact: (String) -> Bool) -> String {
            for digits in 0..<4 {
                let text = Formatting.fixed(value * 100, digits)
                if exact(text) { return text }
            }
            return Formatting.fixed(value * 100, 4)
        }
        let minimumText = text(minimum) { abs((Double($0) ?? 0) - minimum * 100) < 1e-9 }
        let limit = Double(minimumText) ?? minimum * 100
        let declaredText = text(declared) { declared >= minimum || (Double($0) ?? 0) < limit }
        return (declaredText, minimumText)
    }
}
