import RiskModel
import SupplyChainModel
import SupplyGraph

/// The full explanation of one supplier or contract, as `flrisk explain ID` prints it:
/// indicators, tier exposures and the top contributing paths with ids, names, countries, goods
/// and shares; for a contract, its flags and its vendor's explanation.
public enum Explanation {
    /// The explanation of the contract or supplier with this id (contracts are looked up
    /// first), or nil when neither exists. Ids are compared byte for byte, as the network and
    /// the duplicate-id check compare them: an id in NFC does not find one in NFD.
    /// - Complexity: O(suppliers + contracts) to find the id, then ``PathExplainer`` for the paths.
    public static func render(id: String, context: ReportContext, paths: Int = 5) -> String? {
        let a = context.assessment
        if let rank = a.contracts.firstIndex(where: { $0.contract.id.utf8.elementsEqual(id.utf8) }) {
            let scored = a.contracts[rank]
            let c = scored.contract
            var out = "Contract \(line(c.id))  (\(c.location.file):\(c.location.line))\n"
            out += "  queue rank \(rank + 1) of \(a.contracts.count); severity \(scored.severity?.rawValue ?? "not flagged")\n"
            let facts: [(String, String?)] = [
                ("agency", c.agency), ("funding agency", c.fundingAgency), ("amount", c.amount.map { Formatting.money($0) + " " + c.currency }),
                ("award date", c.awardDate), ("PSC", c.psc), ("NAICS", c.naics), ("description", c.description),
                ("country of origin", c.countryOfOrigin), ("place of performance", c.placeOfPerformance), ("vendor country", c.vendorCountry),
            ]
            for (label, value) in facts { if let value { out += "  \(label): \(line(value))\n" } }
            out += scored.flags.isEmpty ? "  No flags.\n" : "Flags:\n"
            for flag in scored.flags {
                out += "  [\(flag.severity.rawValue)] \(flag.rule.rawValue): \(line(flag.message))\n"
                if !flag.fields.isEmpty { out += "      fields: \(flag.fields.joined(separator: ", "))\n" }
                if flag.path.count > 1 { out += "      path: \(flag.path.map { line(context.id($0)) }.joined(separator: " → "))\n" }
            }
            guard let vendor = scored.vendor else { return out + "Vendor \(line(c.vendorName ?? c.vendorUEI ?? c.vendorDUNS ?? c.vendorID ?? "?")) is not in the suppliers file.\n" }
            return out + "\n" + supplier(vendor, context: context, paths: paths)
        }
        return a.supplierIndex(id: id).map { supplier($0, context: context, paths: paths) }
    }

    static func supplier(_ node: Int, context: ReportContext, paths: Int) -> String {
        let a = context.assessment
        let s = a.suppliers[node]
        var out = "Supplier \(describe(node, a))  (\(s.supplier.location.file):\(s.supplier.location.line))\n"
        out += "  intrinsic risk r = \(Formatting.fixed(s.risk.value, 3)) (\(line(s.risk.explanation)))\n"
        for indicator in s.risk.indicators {
            out += "  - \(indicator.kind.rawValue) \(Formatting.fixed(indicator.weight, 2))×\(Formatting.fixed(indicator.value, 2))\(indicator.isHardFlag ? " HARD FLAG" : ""): \(line(indicator.reason)) [\(line(indicator.source))]\n"
        }
        out += "  exposure E = \(Formatting.fixed(s.exposure, 3)); tier exposures " + s.tierExposure.enumerated().map { "X\($0.offset + 1) \(Formatting.fixed($0.element, 3))" }.joined(separator: ", ") + "\n"
        out += "  nearest flagged tier: \(s.nearestFlaggedTier.map(String.init) ?? "none"); nearest hard flag tier: \(s.nearestHardFlagTier.map(String.init) ?? "none")\n"
        let top = a.topPaths(from: node, limit: paths)
        out += top.isEmpty ? "  No contributing paths.\n" : "Top \(top.count) contributing path\(top.count == 1 ? "" : "s"):\n"
        for (i, path) in top.enumerated() {
            out += "  \(i + 1). contribution \(Formatting.fixed(path.contribution, 4)), tier \(path.tier)\n"
            for (j, step) in path.nodes.enumerated() {
                let share = j == 0 || j - 1 >= path.shares.count ? "" : "share \(Formatting.fixed(path.shares[j - 1] * 100, 1))%"
                let goods = j == 0 ? "" : a.goods(from: path.nodes[j - 1], to: step).first.map { " of \(line($0))" } ?? ""
                out += "     \(String(repeating: "  ", count: j))\(j == 0 ? "" : "← \(share)\(goods): ")\(describe(step, a))\n"
            }
        }
        return out
    }

    /// `S0058 'Name' (CN, Xinjiang) goods: polysilicon, r=1.00`.
    static func describe(_ node: Int, _ a: Assessment) -> String {
        let s = a.suppliers[node]
        let place = [s.risk.country?.alpha2 ?? s.supplier.country, s.supplier.region].compactMap { $0 }.map(line).joined(separator: ", ")
        let goods = s.supplier.goods.isEmpty ? "" : " goods: " + s.supplier.goods.map(line).joined(separator: "; ")
        return "\(line(s.supplier.id)) '\(line(s.supplier.name))' (\(place.isEmpty ? "country unknown" : place))\(goods), r=\(Formatting.fixed(s.risk.value, 2))"
    }

    static func line(_ text: String) -> String { TextSummary.oneLine(text) }
}
