/// The review rules `FL-ENTITY` and `FL-EXPOSURE`, applied to a contract's vendor.
struct ReviewRules {
    let parameters: ScoringParameters
    let suppliers: [SupplierAssessment]

    /// The flags a contract with this vendor gets, most severe first.
    func flags(forVendor vendor: Int) -> [ReviewFlag] {
        var flags: [ReviewFlag] = []
        let scored = suppliers[vendor]
        if let tier = scored.nearestFlaggedTier, let reached = scored.nearestFlaggedPath.last {
            let target = suppliers[reached]
            let who = tier == 1 ? "The vendor itself" : "Supplier \(target.supplier.id) '\(target.supplier.name)' at tier \(tier)"
            let country = target.risk.country.map { " (\($0.alpha2))" } ?? ""
            flags.append(ReviewFlag(
                rule: .entity, severity: .medium,
                message: "\(who)\(tier == 1 ? "" : country) is flagged: intrinsic risk \(Formatting.fixed(target.risk.value, 2)) ≥ \(Formatting.fixed(parameters.flaggedRiskThreshold, 2)), \(target.risk.basis.explanation).",
                path: scored.nearestFlaggedPath))
        }
        if scored.exposure >= parameters.exposureThreshold {
            let high = scored.exposure >= parameters.exposureHighThreshold
            let tiers = scored.tierExposure.map { Formatting.fixed($0, 3) }.joined(separator: ", ")
            flags.append(ReviewFlag(
                rule: .exposure, severity: high ? .high : .medium,
                message: "Vendor exposure \(Formatting.fixed(scored.exposure, 3)) ≥ \(Formatting.fixed(high ? parameters.exposureHighThreshold : parameters.exposureThreshold, 2)) (tier exposures \(tiers)); worst path strength \(Formatting.fixed(scored.worstPathStrength, 3)).",
                path: scored.worstPath))
        }
        let order = RuleID.allCases
        return flags.sorted {
            $0.severity != $1.severity ? $0.severity > $1.severity : order.firstIndex(of: $0.rule)! < order.firstIndex(of: $1.rule)!
        }
    }
}
