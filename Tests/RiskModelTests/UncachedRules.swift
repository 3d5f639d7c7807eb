import Foundation
@testable import RiskModel
import SupplyChainModel

/// The contract rules worked out from each contract alone, with no memo of rule terms: the
/// definition that ``ReviewRules/flags(for:vendor:)`` (rule terms worked out once per vendor
/// or key, see `RuleTerms.swift`) must agree with (`RuleTermsTests`). Kept here, in the
/// tests, so that the product has one wording of each message and the check stays
/// independent of it.
extension ReviewRules {
    /// The flags a contract gets, most severe first, then in rule order, each rule worked out
    /// from the contract alone (no memo of rule terms): the reference ``flags(for:vendor:)``
    /// must agree with.
    func uncachedFlags(for contract: Contract, vendor: Int?) -> [ReviewFlag] {
        var flags = vendor.map(self.flags(forVendor:)) ?? []
        let rules = parameters.rules
        let facts = ContractFacts(goods: goods(of: contract), countries: countries(of: contract), isSupplies: Self.isSupplies(contract))
        if rules.goodsEnabled, let flag = goodsFlag(facts) { flags.append(flag) }
        if rules.compliancePlanEnabled, let flag = compliancePlanFlag(contract, facts) { flags.append(flag) }
        if rules.eo13126Enabled, let flag = eo13126Flag(contract, facts) { flags.append(flag) }
        if let vendor {
            if rules.dfarsEnabled, let flag = dfarsFlag(contract, vendor: vendor) { flags.append(flag) }
            if rules.unmappedEnabled, let flag = unmappedFlag(contract, facts, vendor: vendor) { flags.append(flag) }
        }
        guard flags.count > 1 else { return flags }
        return flags.sorted {
            $0.severity != $1.severity ? $0.severity > $1.severity : Self.order(of: $0.rule) < Self.order(of: $1.rule)
        }
    }

    /// `FAR-22.1703-PLAN`: the value is above the compliance-plan threshold in effect on the award
    /// date and part of the work is outside the US (medium for origin or performance outside the
    /// US, info when only the vendor's country is). COTS status is not in the data.
    func compliancePlanFlag(_ contract: Contract, _ facts: ContractFacts) -> ReviewFlag? {
        let value = max(contract.amount ?? 0, contract.potentialValue ?? 0)
        guard let threshold = RuleSettings.amount(parameters.rules.compliancePlanThreshold, on: contract.awardDate), value > threshold.amount else { return nil }
        let outside = facts.countries.filter { $0.country.alpha2 != "US" }
        guard let first = outside.first else { return nil }
        let direct = outside.filter { $0.field != "vendor_country" }
        let valueField = (contract.potentialValue ?? 0) > (contract.amount ?? 0) ? "potential_value" : "amount"
        let whereText = outside.map { "\($0.field) \($0.country.alpha2)" }.joined(separator: ", ")
        let dateText = contract.awardDate.map { "award date \($0) → threshold effective \(threshold.effective)" } ?? "award date unknown → latest threshold, effective \(threshold.effective)"
        return ReviewFlag(
            rule: .compliancePlan, severity: direct.isEmpty ? .info : .medium,
            message: "Value \(Formatting.money(value)) \(contract.currency) is above the FAR 22.1703(c) threshold \(Formatting.money(threshold.amount)) (\(dateText)) with \(whereText) outside the US\(direct.isEmpty ? " (only the vendor's country; the portion outside the US is not known)" : ""): a compliance plan and the 52.222-56 certification are required unless the items are COTS; verify COTS status.",
            fields: [valueField, "award_date"] + (direct.isEmpty ? [first.field] : direct.map(\.field)))
    }

    /// `FAR-22.15-EO13126` (medium): supplies above the micro-purchase threshold whose product and
    /// origin country (else place of performance, else vendor country) are on the EO 13126 list.
    func eo13126Flag(_ contract: Contract, _ facts: ContractFacts) -> ReviewFlag? {
        let amount = contract.amount ?? 0
        guard facts.isSupplies, let micro = RuleSettings.amount(parameters.rules.microPurchaseThreshold, on: contract.awardDate), amount > micro.amount else { return nil }
        let named = facts.countries
        let origin = named.first { $0.field == "country_of_origin" }.map { [$0] } ?? named
        for good in facts.goods {
            for country in origin {
                guard let listing = reference.eo13126.listing(alpha2: country.country.alpha2, goodID: good.goodID) else { continue }
                return ReviewFlag(
                    rule: .eo13126, severity: .medium,
                    message: "Supplies of \(listing.product) (\(good.field) '\(good.written)') from \(listing.alpha2) (\(country.field)) are on the EO 13126 list [eo13126_products.csv line \(listing.line), \(listing.status)] and \(Formatting.money(amount)) is above the micro-purchase threshold \(Formatting.money(micro.amount)) (effective \(micro.effective)): the contractor certification 52.222-18/19 is required.",
                    fields: [good.field, country.field, "amount", "award_date"])
            }
        }
        return nil
    }

    /// `DFARS-225.7022` (high): a DoD-awarded or DoD-funded contract whose vendor's supply chain
    /// reaches (at its nearest hard flag) a UFLPA-listed entity or a supplier in Xinjiang.
    func dfarsFlag(_ contract: Contract, vendor: Int) -> ReviewFlag? {
        guard let tier = suppliers[vendor].nearestHardFlagTier else { return nil }
        let agencyFields = [("agency", contract.agency), ("funding_agency", contract.fundingAgency)].filter { isDoDMemoised($0.1) }
        guard let dod = agencyFields.first,
            let reached = suppliers[vendor].nearestHardFlagPath.last
        else { return nil }
        let target = suppliers[reached]
        let uflpa = target.risk.matches.first { $0.list == UFLPAList.listName && $0.strength == .match }
        let xinjiang = target.risk.indicators.contains { $0.kind == .presumptionRegion }
        guard uflpa != nil || xinjiang else { return nil }
        let what = [
            uflpa.map { "matches UFLPA Entity List entry \($0.entryID)" }, xinjiang ? "is in the Xinjiang Uyghur Autonomous Region" : nil,
        ].compactMap { $0 }.joined(separator: " and ")
        return ReviewFlag(
            rule: .dfars, severity: .high,
            message: "DoD contract (\(dod.0) '\(dod.1!)') whose supply chain reaches \(who(target, tier: tier).lowercasedFirst), which \(what): DFARS 225.7022 prohibits goods mined, produced or manufactured with forced labor from Xinjiang.",
            path: suppliers[vendor].nearestHardFlagPath,
            fields: agencyFields.map(\.0) + (xinjiang ? ["suppliers.region"] : []) + (uflpa != nil ? ["suppliers.name"] : []))
    }
}
