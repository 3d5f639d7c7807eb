extension MarkdownReport {
    /// "Changes since the baseline": the counts of new, changed and resolved flags, and a table
    /// of the new and changed ones (at most ``BaselineDiff/listedChanges`` rows, then a line
    /// with how many more). Empty without `--baseline`.
    /// - Complexity: O(listed rows).
    static func baselineSection(_ context: ReportContext) -> String {
        guard let diff = context.baseline else { return "" }
        var out = "## Changes since the baseline\n\n"
        out += "Since the baseline `\(code(diff.file))`: \(diff.counts).\n\n"
        let (rows, more) = diff.listed()
        guard !rows.isEmpty else { return out }
        out += "| Change | Contract | Rule | Severity |\n|---|---|---|---|\n"
        for (flag, before) in rows {
            var severity = cell(flag.severity)
            if let before, before.severity != flag.severity { severity += " (was \(cell(before.severity)))" }
            out += "| \(before == nil ? "new" : "changed") | \(cell(flag.contract)) | \(cell(flag.rule)) | \(severity) |\n"
        }
        if more > 0 { out += "\n… and \(more) more new or changed flag\(more == 1 ? "" : "s"); the JSON report lists them all.\n" }
        return out + "\n"
    }
}
