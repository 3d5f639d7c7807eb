import RiskModel

extension MarkdownReport {
    /// Hard-flagged suppliers with the evidence, and possible watchlist matches for a person to decide.
    static func riskSections(_ context: ReportContext) -> String {
        let a = context.assessment
        var out = ""
        let hard = a.suppliers.filter(\.isHardFlag)
        if !hard.isEmpty {
            out += "## Hard flags\n\n| Supplier | Name | Country | Evidence | Source |\n|---|---|---|---|---|\n"
            for s in hard {
                for indicator in s.risk.indicators where indicator.isHardFlag {
                    out += "| \(cell(s.supplier.id)) | \(cell(s.supplier.name)) | \(s.risk.country?.alpha2 ?? "unknown") | \(cell(indicator.reason)) | \(cell(indicator.source)) |\n"
                }
            }
            out += "\n"
        }
        let possible = a.suppliers.flatMap { s in s.risk.matches.filter { $0.strength == .possible }.map { (s, $0) } }
        if !possible.isEmpty {
            out += "## Possible watchlist matches (to confirm or reject)\n\n"
            out += "Add a row `supplier_id,watchlist_entry,confirm|reject` to the decisions file (`--decisions`) to settle each.\n\n"
            out += "| Supplier | Name | Entry | Listed name | Method | Score | Notes |\n|---|---|---|---|---|---:|---|\n"
            for (s, match) in possible {
                out += "| \(cell(s.supplier.id)) | \(cell(s.supplier.name)) | \(cell(match.entryID)) | \(cell(match.matchedName)) | \(match.method.rawValue) | \(Formatting.fixed(match.score, 2)) | \(cell(match.notes.joined(separator: "; "))) |\n"
            }
            out += "\n"
        }
        return out
    }
}
