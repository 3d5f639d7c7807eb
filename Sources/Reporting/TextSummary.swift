import RiskModel

/// The short summary printed on the terminal after a run.
public enum TextSummary {
    public static func render(_ context: ReportContext, top: Int = 5) -> String {
        let a = context.assessment
        let flagged = a.flaggedContracts
        let links = a.linkCount
        func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var out = "Scored \(counted(a.suppliers.count, "supplier")), \(counted(links, "link")), \(counted(a.contracts.count, "contract")) (K = \(a.parameters.tiers), d = \(Formatting.exact(a.parameters.decay, atLeast: 2))).\n"
        // What became of every input row: read = accepted + rejected + blank.
        for input in a.inputs {
            let s = input.summary
            var line = "  \(input.role): \(oneLine(s.file)): \(s.read) read, \(s.accepted) accepted"
            if s.rejected > 0 {
                let reasons = s.rejectedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                line += ", \(s.rejected) rejected (\(reasons))"
            }
            if s.blank > 0 { line += ", \(s.blank) blank" }
            out += line + "\n"
        }
        let bySeverity = context.severityCounts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
        out += "\(flagged.count) contract\(flagged.count == 1 ? "" : "s") flagged for review" + (bySeverity.isEmpty ? "." : " (" + bySeverity.joined(separator: ", ") + ").") + "\n"
        if let diff = context.baseline {
            out += "Since the baseline \(oneLine(diff.file)): \(diff.counts).\n"
        }
        if !flagged.isEmpty {
            out += "\nTop \(min(top, flagged.count)):\n"
            for (rank, scored) in flagged.prefix(top).enumerated() {
                let vendor = scored.vendor.map { a.suppliers[$0].supplier.name } ?? "?"
                let amount = scored.contract.amount.map { Self.amount($0, currency: scored.contract.currency) } ?? "no amount"
                let first = scored.flags[0]
                out += "  \(rank + 1). [\(scored.severity!.rawValue.uppercased())] \(oneLine(scored.contract.id))  \(amount)  \(oneLine(vendor))\n"
                out += "     \(first.rule.rawValue): \(oneLine(first.message))\n"
            }
        }
        return out
    }

    /// An amount in its contract's currency: `$1,234.50` and `-$1,234.50` in US dollars,
    /// `1,234.50 EUR` in any other (before, every amount had a dollar sign, `$-1,234.50` too).
    /// The sign is the printed amount's: `-0.001` is `$0.00`.
    static func amount(_ value: Double, currency: String) -> String {
        let text = Formatting.money(value)
        guard currency == "USD" else { return text + " " + oneLine(currency) }
        return text.hasPrefix("-") ? "-$" + text.dropFirst() : "$" + text
    }

    /// Input text for a terminal: control and format characters (escapes, bidi overrides) replaced.
    public static func oneLine(_ value: String) -> String {
        String(value.unicodeScalars.map { scalar -> Character in
            let category = scalar.properties.generalCategory
            return category == .control || category == .format || category == .lineSeparator || category == .paragraphSeparator
                ? "\u{FFFD}" : Character(scalar)
        })
    }
}
