import RiskModel

extension HTMLReport {
    /// "Changes since the baseline": the counts of new, changed and resolved flags, and a table
    /// of the new and changed ones (at most ``BaselineDiff/listedChanges`` rows, then a line
    /// with how many more). Empty without `--baseline`.
    /// - Complexity: O(listed rows).
    static func baselineSection(_ context: ReportContext) -> String {
        guard let diff = context.baseline else { return "" }
        var out = "<section id=\"baseline\"><h2>Changes since the baseline</h2>\n"
        out += "<p>Since the baseline <code>\(escape(diff.file))</code>: \(diff.counts).</p>\n"
        let (rows, more) = diff.listed()
        if !rows.isEmpty {
            out += "<table class=\"small\"><thead><tr><th>Change</th><th>Contract</th><th>Rule</th><th>Severity</th></tr></thead><tbody>\n"
            for (flag, before) in rows {
                var severity = badge(flag.severity)
                if let before, before.severity != flag.severity { severity += " (was \(escape(before.severity)))" }
                out += "<tr><td>\(before == nil ? "new" : "changed")</td><td>\(escape(flag.contract))</td><td>\(escape(flag.rule))</td><td>\(severity)</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if more > 0 { out += "<p>… and \(more) more new or changed flag\(more == 1 ? "" : "s"); the JSON report lists them all.</p>\n" }
        return out + "</section>\n"
    }

    /// A severity as the queue shows it (a badge), or as escaped text when it is not one.
    static func badge(_ severity: String) -> String {
        guard let known = Severity(rawValue: severity) else { return escape(severity) }
        return "<span class=\"badge sev-\(known.rawValue)\">\(known.rawValue)</span>"
    }
}
