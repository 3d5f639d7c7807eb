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
        var findings: [Finding] = []
        for rule in rules where rule.enabled {
            guard let earliest = rule.thresholds.map(\.effective).min() else { continue }
            var count = 0
            var firstIndex: Int?
            var threshold = earliest
            threshold.withUTF8 { threshold in
                // By index, reading the date alone: iterating the records copied each one.
                for index in contracts.indices {
                    guard var date = contracts[index].awardDate, date.withUTF8({ $0.prefix(10).lexicographicallyPrecedes(threshold) }) else { continue }
                    count += 1
                    if firstIndex == nil { firstIndex = index }
                }
            }
            guard let firstIndex else { continue }
            let first = contracts[firstIndex]
            findings.append(Finding(
                .warning, code: "award-before-thresholds",
                "\(count) contract\(count == 1 ? " was" : "s were") awarded before the earliest \(rule.name) threshold in effect (\(earliest)), the first '\(first.id)' on \(first.awardDate ?? ""): \(rule.rule.rawValue) is not checked for \(count == 1 ? "it" : "them"); give the threshold then in force in \(rule.key) to check \(count == 1 ? "it" : "them")",
                at: first.location))
        }
        return findings
    }
}
