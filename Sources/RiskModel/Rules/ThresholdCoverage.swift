import SupplyChainModel

extension RuleSettings {
    /// Warnings for contracts awarded before the earliest threshold of a FAR rule that is on:
    /// no threshold is in effect on their award date, so the rule cannot be checked for them
    /// (the defaults start in 2020). One warning per rule, naming the first such contract.
    /// - Complexity: O(contracts), comparing the date's first ten bytes in place (at 10^6
    ///   contracts, generic `utf8` views and copied records made this pass take ~0.8 s).
    func awardsBeforeThresholds(_ contracts: [Contract]) -> [Finding] {
        let rules: [(enabled: Bool, thresholds: [DatedAmount], rule: RuleID, name: String, key: String)] = [
            (compliancePlanEnabled, compliancePlanThreshold, .compliancePlan, "compliance-plan", "rules.far.compliance_plan_threshold"),
            (eo13126Enabled, microPurchaseThreshold, .eo13126, "micro-purchase", "rules.far.micro_purchase_threshold"),
        ]
        // The earliest date of each rule that is on, as the bytes compared.
        let checked = rules.indices.compactMap { k in
            rules[k].enabled ? rules[k].thresholds.map(\.effective).min().map { (rule: k, earliest: $0, bytes: Array($0.utf8)) } : nil
        }
        guard !checked.isEmpty else { return [] }
        var counts = [Int](repeating: 0, count: checked.count)
        var firsts = [Int?](repeating: nil, count: checked.count)
        // One pass for all rules (each record read is a cache miss), by index, reading the
        // date alone in place: iterating the records copied each one.
        contracts.withUnsafeBufferPointer { contracts in
            for index in contracts.indices {
                guard var date = contracts[index].awardDate else { continue }
                date.withUTF8 { date in
                    let day = date.prefix(10)
                    for k in checked.indices where day.lexicographicallyPrecedes(checked[k].bytes) {
                        counts[k] += 1
                        if firsts[k] == nil { firsts[k] = index }
                    }
                }
            }
        }
        var findings: [Finding] = []
        for k in checked.indices {
            guard let firstIndex = firsts[k] else { continue }
            let rule = rules[checked[k].rule], count = counts[k], earliest = checked[k].earliest
            let first = contracts[firstIndex]
            findings.append(Finding(
                .warning, code: "award-before-thresholds",
                "\(count) contract\(count == 1 ? " was" : "s were") awarded before the earliest \(rule.name) threshold in effect (\(earliest)), the first '\(first.id)' on \(first.awardDate ?? ""): \(rule.rule.rawValue) is not checked for \(count == 1 ? "it" : "them"); give the threshold then in force in \(rule.key) to check \(count == 1 ? "it" : "them")",
                at: first.location))
        }
        return findings
    }
}
