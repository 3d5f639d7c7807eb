import RiskModel
import SupplyChainModel

/// The Markdown report: for issues, wikis and pull requests.
public enum MarkdownReport {
    /// How many suppliers the exposure table lists.
    public static let supplierRows = 25

    /// The whole report as one string (see ``write(_:to:)`` for large queues).
    /// - Complexity: O(size of the report), the queue in slices on Dispatch workers.
    public static func render(_ context: ReportContext) -> String {
        ReportPieces.string { write(context, emit: $0) }
    }

    /// Streams the report into `file`, the queue a piece of contracts at a time on Dispatch
    /// workers. Same bytes as ``render(_:)``.
    public static func write(_ context: ReportContext, to file: inout AtomicFile.Writer) throws(OutputError) {
        try ReportPieces.write({ write(context, emit: $0) }, to: &file)
    }

    /// Flagged contracts rendered per piece.
    static let pieceSize = 1 << 11

    /// The report in pieces, in order.
    static func write(_ context: ReportContext, emit: ([UInt8]) -> Void) {
        let a = context.assessment
        let p = a.parameters
        var out = "# flrisk review queue\n\n"
        let flagged = a.flaggedContracts
        out += "**\(flagged.count) of \(a.contracts.count) contracts flagged** for review"
        let bySeverity = context.severityCounts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
        out += bySeverity.isEmpty ? ".\n\n" : " (" + bySeverity.joined(separator: ", ") + ").\n\n"
        out += "> Intrinsic risk: indicators from the UFLPA Entity List and user watchlists, the UFLPA presumption region, the DOL goods list and TIP Report placements, combined by noisy-OR; hard flags set r = 1; analyst overrides win. Reference tables are partial where the Reference data section says so.\n\n"
        out += baselineSection(context)

        out += "## Review queue\n\n"
        if flagged.isEmpty {
            out += "No contract is flagged.\n\n"
        } else {
            out += "| # | Contract | Vendor | Amount | Severity | Rules |\n|---:|---|---|---:|---|---|\n"
            emit(Array(out.utf8))
            out = ""
            inPieces(flagged.count, workers: p.workers, emit: emit) { ranks, bytes in queueRows(context, flagged, ranks, to: &bytes) }
            emit(Array("\n## Why each contract is flagged\n\n".utf8))
            inPieces(flagged.count, workers: p.workers, emit: emit) { ranks, bytes in
                for rank in ranks { reasons(context, flagged[rank], to: &bytes) }
            }
        }

        out += riskSections(context)

        out += "## Most exposed suppliers\n\n| Supplier | Name | Country | Risk | Exposure | Nearest flagged tier |\n|---|---|---|---:|---:|---:|\n"
        let top = a.suppliers.indices.sorted {
            a.suppliers[$0].exposure != a.suppliers[$1].exposure ? a.suppliers[$0].exposure > a.suppliers[$1].exposure : $0 < $1
        }.prefix(supplierRows)
        for index in top {
            let s = a.suppliers[index]
            out += "| \(cell(s.supplier.id)) | \(cell(s.supplier.name)) | \(s.risk.country?.alpha2 ?? "unknown") | \(Formatting.fixed(s.risk.value, 2)) | \(Formatting.fixed(s.exposure, 3)) | \(s.nearestFlaggedTier.map(String.init) ?? "—") |\n"
        }

        out += "\n## Parameters\n\n"
        out += "Tiers K = \(p.tiers), decay d = \(Formatting.exact(p.decay, atLeast: 2)), FL-EXPOSURE at E ≥ \(Formatting.exact(p.exposureThreshold, atLeast: 2)) (high at ≥ \(Formatting.exact(p.exposureHighThreshold, atLeast: 2))), flagged supplier at r ≥ \(Formatting.exact(p.flaggedRiskThreshold, atLeast: 2)) or a hard flag; watchlist match at name score ≥ \(Formatting.exact(p.matching.matchThreshold, atLeast: 2)), possible match ≥ \(Formatting.exact(p.matching.reviewThreshold, atLeast: 2)).\n"
        let w = p.indicators.weights
        out += "Indicator weights: DOL goods \(Formatting.exact(w.dolGoods, atLeast: 2)), TIP \(Formatting.exact(w.tip, atLeast: 2)), unknown country \(Formatting.exact(w.unknownCountry, atLeast: 2)), possible match \(Formatting.exact(w.possibleMatch, atLeast: 2)), non-hard list \(Formatting.exact(w.nonHardListMatch, atLeast: 2)), country risk \(Formatting.exact(w.countryRisk, atLeast: 2)). \(ReportContext.dateOrderNote(p)).\(p.configFile.map { " Configuration: `\(code($0))`." } ?? "")\n\n"
        out += "## Inputs\n\n| Role | File | Read | Accepted | Rejected | Blank |\n|---|---|---:|---:|---:|---:|\n"
        for input in a.inputs {
            let s = input.summary
            out += "| \(input.role) | `\(tableCode(s.file))` | \(s.read) | \(s.accepted) | \(s.rejected) | \(s.blank) |\n"
        }
        let problems = a.findings.filter { $0.severity >= .warning }
        if !problems.isEmpty {
            out += "\n\(problems.count) input finding\(problems.count == 1 ? "" : "s") (errors and warnings); the JSON report lists them all.\n"
        }
        out += "\n## Reference data\n\n"
        for edition in a.editions {
            out += "- `\(code(edition.table))`: \(text(edition.title)) Edition: \(text(edition.edition))" + (edition.partial.map { " **\(text($0))**" } ?? "") + "\n"
        }
        out += "\n---\nflrisk \(ReportContext.toolVersion), report schema \(ReportContext.schemaVersion)\n"
        emit(Array(out.utf8))
    }

    /// Text from the input made inert in Markdown: no HTML, no links, no emphasis, one line
    /// (every line break of Unicode, U+2028 and U+2029 too, is a space).
    static func text(_ value: String) -> String {
        var bytes = Array(characterText(value).utf8)
        escapeAutolinks(in: &bytes, from: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// GitHub's autolink extension makes `scheme://…` and `www.…` in plain text links: the
    /// `:` before `//` and the `.` after `www` (any case) in `out[start...]` are escaped, which
    /// shows the same text without a link. (An address such as a@b.example still becomes a
    /// mailto link: no escape stops that.)
    static func escapeAutolinks(in out: inout [UInt8], from start: Int) {
        var i = start
        while i < out.count {
            let byte = out[i]
            if byte == UInt8(ascii: ":") && i + 2 < out.count && out[i + 1] == UInt8(ascii: "/") && out[i + 2] == UInt8(ascii: "/")
                || byte == UInt8(ascii: ".") && i - start >= 3 && out[(i - 3)..<i].allSatisfy({ $0 | 0x20 == UInt8(ascii: "w") })
            {
                out.insert(UInt8(ascii: "\\"), at: i)
                i += 1
            }
            i += 1
        }
    }

    /// ``text(_:)`` before ``escapeAutolinks(in:from:)``.
    static func characterText(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return textASCII(value) }
        var out = ""
        for character in value {
            switch character {
            // CR LF is one Character; VT, FF, NEL and the line and paragraph separators
            // (U+2028, U+2029) break lines too, in some renderers and editors.
            case "\n", "\r", "\r\n", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "#", "|", "!", "~": out += "\\" + String(character)
            default:
                let scalars = character.unicodeScalars
                if let scalar = scalars.first, scalars.count == 1,
                    scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                    out += "\u{FFFD}"
                } else if scalars.count > 1 {
                    // A character of several scalars is read scalar by scalar: Markdown reads
                    // the ASCII in it whatever it is joined to, an ASCII character with
                    // combining marks ("|\u{301}") or after a prepend character ("\u{0600}|",
                    // "\u{0D4E}<"); and hidden scalars joined to a letter (tag characters)
                    // are U+FFFD, as in the CSV and HTML reports.
                    var bytes: [UInt8] = []
                    for scalar in scalars {
                        if scalar.isASCII {
                            appendASCII(UInt8(scalar.value), to: &bytes)
                        } else if scalar.isHiddenInReports {
                            bytes += [0xEF, 0xBF, 0xBD]
                        } else {
                            bytes += String(scalar).utf8
                        }
                    }
                    out += String(decoding: bytes, as: UTF8.self)
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// ``text(_:)`` for ASCII text without CR (where characters are bytes), byte by byte.
    static func textASCII(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for byte in value.utf8 { appendASCII(byte, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One byte of ``textASCII(_:)``.
    @inline(__always)
    static func appendASCII(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0x0A, 0x09, 0x0B, 0x0C: out.append(0x20)
        case UInt8(ascii: "<"): out += "&lt;".utf8
        case UInt8(ascii: ">"): out += "&gt;".utf8
        case UInt8(ascii: "&"): out += "&amp;".utf8
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "#"), UInt8(ascii: "|"), UInt8(ascii: "!"), UInt8(ascii: "~"):
            out += [UInt8(ascii: "\\"), byte]
        case 0..<0x20, 0x7F: out += [0xEF, 0xBF, 0xBD]  // U+FFFD
        default: out.append(byte)
        }
    }

    /// Input text inside a table cell.
    static func cell(_ value: String) -> String { text(value) }

    /// ``code(_:)`` in a table cell: `|` escaped (GFM splits a row at `|` inside code spans
    /// too), scalar by scalar so that a `|` with a combining mark is escaped as well.
    static func tableCode(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in code(value).unicodeScalars {
            if scalar == "|" { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// Input text inside backticks (a path): backticks as `'`, line ends (with VT, FF, NEL,
    /// U+2028 and U+2029) and tabs as spaces, so that the code span stays on its line (and
    /// table row); other controls and hidden format characters (bidi overrides, U+200B…) as
    /// U+FFFD, as in the other reports.
    static func code(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "`": "'"
            case "\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": " "
            default: scalar.isHiddenInReports ? "\u{FFFD}" : scalar
            }
        }))
    }
}
