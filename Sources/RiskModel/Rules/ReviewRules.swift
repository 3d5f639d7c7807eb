import SupplyChainModel

/// The review rules, applied to a contract and its vendor: `FL-ENTITY` and `FL-EXPOSURE` here,
/// the contract rules in `ReviewRules+Contract.swift`, `FL-UNMAPPED` in `ReviewRules+Unmapped.swift`.
struct ReviewRules {
    let parameters: ScoringParameters
    let suppliers: [SupplierAssessment]
    let reference: ReferenceData
    /// Vendor flags and text look-ups shared by all contracts checked with this value.
    let memo = RuleMemo()

    /// The flags a contract gets, most severe first, then in rule order: the rules' terms that
    /// depend on the vendor, the goods and countries or the award date come from the memo
    /// (``RuleTerms.swift``), so only the parts with the contract's amounts are written here.
    func flags(for contract: Contract, vendor: Int?) -> [ReviewFlag] {
        withUnsafePointer(to: contract) { flags(for: $0, vendor: vendor) }
    }

    /// ``flags(for:vendor:)`` for a contract read in place: only the fields a rule reads are
    /// copied (a copy of the whole record would retain its twenty strings, which contracts
    /// share with each other, from every worker at once).
    func flags(for record: UnsafePointer<Contract>, vendor: Int?) -> [ReviewFlag] {
        let contract = ContractFields(record)
        let rules = switches()
        let vendorTerms = vendor.map(terms(forVendor:))
        let facts = factTerms(of: contract)
        // The contract's own flags, in rule order; the result is allocated once, at its size.
        var goods: ReviewFlag?, plan: ReviewFlag?, eo13126: ReviewFlag?, dfars: ReviewFlag?, unmapped: ReviewFlag?
        if rules.goods { goods = facts.goods }
        var date: DateTerms?
        if rules.compliancePlan, let terms = facts.plan {
            let dated = dateTerms(of: contract)
            date = dated
            let amount = contract.amount ?? 0, potential = contract.potentialValue ?? 0
            let value = max(amount, potential)
            if let threshold = dated.plan, value > threshold.amount {
                plan = ReviewFlag(
                    rule: .compliancePlan, severity: terms.onlyVendor ? .info : .medium,
                    message: "Value \(Formatting.money(value)) \(contract.currency)\(dated.planMiddle)\(terms.tail)",
                    fields: potential > amount ? terms.potentialFields : terms.amountFields)
            }
        }
        var supplies: Bool?
        if rules.eo13126, let terms = facts.eo13126 {
            let amount = contract.amount ?? 0
            let isSupplies = isSuppliesMemoised(contract)
            supplies = isSupplies
            let dated = date ?? dateTerms(of: contract)
            if isSupplies, let micro = dated.micro, amount > micro.amount {
                eo13126 = ReviewFlag(
                    rule: .eo13126, severity: .medium, message: "\(terms.head)\(Formatting.money(amount))\(dated.microTail)", fields: terms.fields)
            }
        }
        if let vendorTerms {
            if rules.dfars, let terms = vendorTerms.dfars {
                let agency = isDoDMemoised(contract, at: ContractFields.agency), funding = isDoDMemoised(contract, at: ContractFields.fundingAgency)
                if agency || funding {
                    let (field, text) = agency ? ("agency", contract.agency!) : ("funding_agency", contract.fundingAgency!)
                    dfars = ReviewFlag(
                        rule: .dfars, severity: .high, message: "DoD contract (\(field) '\(text)') \(terms.suffix)", path: terms.path,
                        fields: agency && funding ? terms.bothFields : agency ? terms.agencyFields : terms.fundingFields)
                }
            }
            if rules.unmapped, let terms = vendorTerms.unmapped {
                let amount = contract.amount ?? 0
                if amount > rules.unmappedMinAmount, supplies ?? isSuppliesMemoised(contract) {
                    unmapped = ReviewFlag(
                        rule: .unmapped, severity: terms.severity, message: "\(terms.head)\(Formatting.money(amount))\(terms.tail)",
                        path: terms.path, fields: terms.fields)
                }
            }
        }
        let vendorFlags = vendorTerms?.sortedFlags ?? []
        let count = (goods == nil ? 0 : 1) + (plan == nil ? 0 : 1) + (eo13126 == nil ? 0 : 1) + (dfars == nil ? 0 : 1) + (unmapped == nil ? 0 : 1)
        // A contract with no flag of its own shares its vendor's (sorted) array.
        guard count > 0 else { return vendorFlags }
        var flags: [ReviewFlag] = []
        flags.reserveCapacity(vendorFlags.count + count)
        flags.append(contentsOf: vendorFlags)
        if let goods { flags.append(goods) }
        if let plan { flags.append(plan) }
        if let eo13126 { flags.append(eo13126) }
        if let dfars { flags.append(dfars) }
        if let unmapped { flags.append(unmapped) }
        Self.sortBySeverity(&flags)
        return flags
    }

    /// Sorts flags most severe first, then in rule order: an insertion sort, as a contract has
    /// a few flags (stable, like `sorted`, and the comparison is a total order on the rules).
    static func sortBySeverity(_ flags: inout [ReviewFlag]) {
        guard flags.count > 1 else { return }
        // Compared through the buffer, field by field: passing whole flags retained and
        // released their message, path and fields on every comparison.
        flags.withUnsafeMutableBufferPointer { flags in
            func before(_ a: Int, _ b: Int) -> Bool {
                flags[a].severity != flags[b].severity ? flags[a].severity > flags[b].severity : order(of: flags[a].rule) < order(of: flags[b].rule)
            }
            for i in 1..<flags.count {
                var j = i
                while j > 0 && before(j, j - 1) {
                    flags.swapAt(j, j - 1)
                    j -= 1
                }
            }
        }
    }

    /// `FL-ENTITY` and `FL-EXPOSURE` for a vendor.
    func flags(forVendor vendor: Int) -> [ReviewFlag] {
        var flags: [ReviewFlag] = []
        let scored = suppliers[vendor]
        if parameters.rules.entityEnabled, let flag = entityFlag(scored) { flags.append(flag) }
        if parameters.rules.exposureEnabled && ScoringParameters.meets(scored.exposure, parameters.exposureThreshold) {
            let high = ScoringParameters.meets(scored.exposure, parameters.exposureHighThreshold)
            let tiers = scored.tierExposure.map { Formatting.fixed($0, 3) }.joined(separator: ", ")
            let (value, threshold) = Formatting.compared(scored.exposure, 3, high ? parameters.exposureHighThreshold : parameters.exposureThreshold)
            flags.append(ReviewFlag(
                rule: .exposure, severity: high ? .high : .medium,
                message: "Vendor exposure \(value) ≥ \(threshold) (tier exposures \(tiers)); worst path strength \(Formatting.fixed(scored.worstPathStrength, 3)).",
                path: scored.worstPath, fields: ["vendor_id"]))
        }
        return flags
    }

    /// `FL-ENTITY`: high when a hard flag (watchlist match, presumption region) is reached within
    /// K tiers, naming the list, edition and entry (or the region row); medium when only a
    /// supplier with r at or above the flagged threshold is, naming the evidence behind its r.
    func entityFlag(_ scored: SupplierAssessment) -> ReviewFlag? {
        // Each path is worked out once: reading one copies the propagation results' arrays.
        let hardPath = scored.nearestHardFlagTier == nil ? [] : scored.nearestHardFlagPath
        if let tier = scored.nearestHardFlagTier, let reached = hardPath.last {
            let target = suppliers[reached]
            let evidence = target.risk.indicators.filter(\.isHardFlag).map { "\($0.reason) [\($0.source)]" }.joined(separator: "; and ")
            var message = "\(who(target, tier: tier)) is a hard flag: \(evidence)."
            if let nearer = scored.nearestFlaggedTier, nearer < tier, let other = scored.nearestFlaggedPath.last {
                message += " Nearer, \(who(suppliers[other], tier: nearer).lowercasedFirst) is flagged: intrinsic risk \(Formatting.fixed(suppliers[other].risk.value, 2)), \(suppliers[other].risk.explanation)."
            }
            return ReviewFlag(
                rule: .entity, severity: .high, message: message, path: hardPath,
                fields: ["vendor_id"] + Self.supplierFields(target.risk.indicators.filter(\.isHardFlag)))
        }
        guard let tier = scored.nearestFlaggedTier else { return nil }
        let flaggedPath = scored.nearestFlaggedPath
        guard let reached = flaggedPath.last else { return nil }
        let target = suppliers[reached]
        let risk = target.risk
        var evidence: String
        if case .override = risk.basis {
            evidence = "\(risk.explanation) [\(target.supplier.location)]"
        } else {
            let strongest = risk.indicators.sorted { $0.contribution > $1.contribution }
            evidence = "noisy-OR of " + strongest.map { "\($0.reason) (\(Formatting.fixed($0.weight, 2))×\(Formatting.fixed($0.value, 2))) [\($0.source)]" }.joined(separator: "; ")
        }
        let (value, threshold) = Formatting.compared(risk.value, 2, parameters.flaggedRiskThreshold)
        return ReviewFlag(
            rule: .entity, severity: .medium,
            message: "\(who(target, tier: tier)) is flagged: intrinsic risk \(value) ≥ \(threshold), \(evidence).",
            path: flaggedPath,
            fields: ["vendor_id"] + (risk.basis.isOverride ? ["risk"] : Self.supplierFields(risk.indicators)))
    }

    /// The supplier-file columns behind indicators (`suppliers.name`, `suppliers.region`, …).
    static func supplierFields(_ indicators: [Indicator]) -> [String] {
        var fields: [String] = []
        for indicator in indicators {
            let field: String
            switch indicator.kind {
            case .watchlistMatch, .watchlistPossibleMatch: field = "suppliers.name"
            case .presumptionRegion: field = "suppliers.region"
            case .dolGoods: field = "suppliers.goods"
            case .tipPlacement, .unknownCountry, .countryRisk: field = "suppliers.country"
            }
            if !fields.contains(field) { fields.append(field) }
        }
        return fields
    }

    /// "The vendor itself" or "Supplier S0054 'Name' (CN) at tier 4".
    func who(_ target: SupplierAssessment, tier: Int) -> String {
        guard tier > 1 else { return "The vendor itself" }
        let country = target.risk.country.map { " (\($0.alpha2))" } ?? ""
        return "Supplier \(target.supplier.id) '\(target.supplier.name)'\(country) at tier \(tier)"
    }
}

extension String {
    /// The string with its first character in lower case ("The vendor" → "the vendor").
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
