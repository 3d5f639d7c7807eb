import RiskModel
import SupplyChainModel

/// The review queue as CSV: one row per flag, in queue order, every text cell quoted and made
/// inert for spreadsheets (formula injection).
public enum CSVReport {
    /// The header row, in column order.
    public static let columns = [
        "rank", "contract_id", "vendor_id", "vendor_name", "amount", "currency", "award_date", "contract_severity",
        "rule", "severity", "message", "fields", "path", "source",
    ]

    /// - Complexity: O(flags × path length).
    public static func render(_ context: ReportContext) -> String {
        let a = context.assessment
        var out = columns.joined(separator: ",") + "\r\n"
        for (rank, scored) in a.contracts.enumerated() where scored.isFlagged {
            let c = scored.contract
            for flag in scored.flags {
                let row: [String] = [
                    String(rank + 1), text(c.id), text(scored.vendor.map(context.id) ?? ""),
                    text(scored.vendor.map { a.suppliers[$0].supplier.name } ?? c.vendorName ?? ""),
                    c.amount.map { Formatting.fixed($0, 2) } ?? "", text(c.currency), text(c.awardDate ?? ""),
                    scored.severity?.rawValue ?? "", flag.rule.rawValue, flag.severity.rawValue, text(flag.message),
                    text(flag.fields.joined(separator: ";")), text(flag.path.map(context.id).joined(separator: " > ")),
                    text("\(c.location.file):\(c.location.line)"),
                ]
                out += row.joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    /// A text cell: quoted, quotes doubled, line ends and other controls made visible as one line,
    /// and a leading `=`, `+`, `-`, `@`, tab or CR prefixed with `'` so that spreadsheets show the
    /// text instead of running it as a formula.
    public static func text(_ value: String) -> String {
        var cleaned = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t": cleaned.unicodeScalars.append(" ")
            default:
                let category = scalar.properties.generalCategory
                cleaned.unicodeScalars.append(category == .control || category == .format ? "\u{FFFD}" : scalar)
            }
        }
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { cleaned = "'" + cleaned }
        return "\"" + cleaned.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
