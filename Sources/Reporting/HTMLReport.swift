import RiskModel
import SupplyChainModel

/// The review queue as one self-contained HTML file that opens offline: summary cards, inline
/// SVG charts, a sortable and filterable queue table (plain table without JavaScript), and for
/// each flagged contract its flags and a drawing of its supply path. Every text from the input
/// is escaped with ``HTMLReport/escape(_:)``.
public enum HTMLReport {
    /// The whole report as one string (see ``write(_:to:)`` for large queues).
    /// - Complexity: O(suppliers + flags × path length), the queue in slices on Dispatch workers.
    public static func render(_ context: ReportContext) -> String {
        var pieces: [String] = []
        write(context) { pieces.append($0) }
        return pieces.joined()
    }

    /// Streams the report into `file`, the queue table and the explanations a piece of
    /// contracts at a time on Dispatch workers. Same bytes as ``render(_:)``.
    public static func write(_ context: ReportContext, to file: inout AtomicFile.Writer) throws(OutputError) {
        var failure: OutputError?
        write(context) { piece in
            guard failure == nil else { return }
            var piece = piece
            failure = piece.withUTF8 { bytes in
                do throws(OutputError) { try file.write(UnsafeRawBufferPointer(bytes)) } catch { return error }
                return nil
            }
        }
        if let failure { throw failure }
    }

    /// The report in pieces, in order.
    static func write(_ context: ReportContext, emit: (String) -> Void) {
        let a = context.assessment
        let flaggedCount = a.flaggedCount
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="flrisk \(ReportContext.toolVersion)">
            <title>flrisk review queue</title>
            <style>\(style)</style>
            </head>
            <body>
            \(arrowDefinition)
            <header><h1>flrisk review queue</h1>
            <p class="sub">\(flaggedCount) of \(a.contracts.count) contracts flagged for review · flrisk \(ReportContext.toolVersion) · report schema \(ReportContext.schemaVersion)</p></header>
            <main>

            """
        out += cards(context)
        out += "<section class=\"charts\">\n"
        out += "<figure><figcaption>Intrinsic risk of the \(a.suppliers.count) suppliers</figcaption>\n\(riskHistogram(a))</figure>\n"
        out += "<figure><figcaption>Mean exposure by tier, contract vendors</figcaption>\n\(tierChart(a))</figure>\n"
        out += "</section>\n"
        out += baselineSection(context)
        emit(out)
        queueTable(context, emit: emit)
        explanations(context, emit: emit)
        out = inputsSection(context)
        out += "</main>\n<footer>flrisk \(ReportContext.toolVersion) · \(a.contracts.count) contracts, \(a.suppliers.count) suppliers</footer>\n"
        out += "<script>\(script)</script>\n</body>\n</html>\n"
        emit(out)
    }

    static func cards(_ context: ReportContext) -> String {
        let a = context.assessment
        // Amounts are not converted: the card sums those in the report's currency and counts
        // the others (before, EUR and USD amounts were added up and labelled USD).
        var amount = 0.0, otherCurrencies = 0
        for scored in a.flaggedContracts {
            guard let value = scored.contract.amount else { continue }
            if scored.contract.currency == a.parameters.currency { amount += max(0, value) } else { otherCurrencies += 1 }
        }
        var out = "<section class=\"cards\">\n"
        func card(_ label: String, _ value: String, _ kind: String = "") {
            out += "<div class=\"card \(kind)\"><div class=\"value\">\(value)</div><div class=\"label\">\(label)</div></div>\n"
        }
        card("contracts flagged of \(a.contracts.count)", "\(a.flaggedCount)")
        for (severity, count) in context.severityCounts { card(severity.rawValue, "\(count)", "sev-\(severity.rawValue)") }
        let others = otherCurrencies == 0 ? "" : " (\(otherCurrencies) in other currencies not included)"
        card("flagged amount, \(escape(a.parameters.currency)) \(Formatting.money(amount))\(others)", compact(amount))
        card("suppliers · links", "\(a.suppliers.count) · \(a.linkCount)")
        return out + "</section>\n"
    }

    static func queueTable(_ context: ReportContext, emit: (String) -> Void) {
        let a = context.assessment
        var out = """
            <section id="queue"><h2>Review queue</h2>
            <div class="controls" hidden><label>Filter <input id="filter" type="search" placeholder="contract, vendor, rule, text"></label>
            <label>Severity <select id="severity"><option value="">all</option><option>high</option><option>medium</option><option>low</option><option>info</option></select></label>
            <span id="shown"></span></div>
            <table id="queue-table"><thead><tr><th data-type="number">#</th><th>Contract</th><th>Vendor</th><th data-type="number" class="num">Amount</th><th data-type="severity">Severity</th><th>Rules</th><th>First reason</th></tr></thead>
            <tbody>

            """
        emit(out)
        out = ""
        inPieces(a, emit: emit) { rank, out in
            let scored = a.contracts[rank]
            let c = scored.contract
            let severity = scored.severity!.rawValue
            let vendor = scored.vendor.map { "\(escape(context.id($0))) <span class=\"muted\">\(escape(a.suppliers[$0].supplier.name))</span>" } ?? "—"
            let amount = c.amount.map { Formatting.money($0) } ?? "—"
            let rules = scored.flags.map { "<span class=\"rule sev-\($0.severity.rawValue)\">\($0.rule.rawValue)</span>" }.joined(separator: " ")
            out += "<tr data-severity=\"\(severity)\"><td data-sort=\"\(rank + 1)\">\(rank + 1)</td><td><a href=\"#\(anchor(c.id, rank))\">\(escape(c.id))</a></td>"
            out += "<td>\(vendor)</td><td class=\"num\" data-sort=\"\(c.amount.map { Formatting.fixed($0, 2) } ?? "0")\">\(amount)</td>"
            out += "<td data-sort=\"\(scored.severity!.rank)\"><span class=\"badge sev-\(severity)\">\(severity)</span></td><td>\(rules)</td>"
            out += "<td class=\"reason\">\(clip(scored.flags[0].message, 180))</td></tr>\n"
        }
        if context.assessment.flaggedCount == 0 { out += "<tr><td colspan=\"7\">No contract is flagged.</td></tr>\n" }
        emit(out + "</tbody></table></section>\n")
    }

    static func explanations(_ context: ReportContext, emit: (String) -> Void) {
        let a = context.assessment
        var out = "<section id=\"explanations\"><h2>Why each contract is flagged</h2>\n"
        emit(out)
        out = ""
        let drawings = PathDrawings()
        inPieces(a, emit: emit) { rank, out in
            let scored = a.contracts[rank]
            let c = scored.contract
            let severity = scored.severity!.rawValue
            out += "<article id=\"\(anchor(c.id, rank))\" class=\"contract\"><h3><span class=\"badge sev-\(severity)\">\(severity)</span> \(rank + 1). \(escape(c.id))</h3>\n"
            var facts: [String] = []
            if let v = scored.vendor { facts.append("Vendor <b>\(escape(context.id(v)))</b> \(escape(a.suppliers[v].supplier.name))") }
            if let amount = c.amount { facts.append("\(Formatting.money(amount)) \(escape(c.currency))") }
            if let agency = c.agency { facts.append(escape(agency)) }
            if let date = c.awardDate { facts.append("awarded \(escape(date))") }
            facts.append("input <code>\(escape(c.location.file)):\(c.location.line)</code>")
            out += "<p class=\"facts\">\(facts.joined(separator: " · "))</p>\n"
            if let description = c.description { out += "<p class=\"desc\">\(escape(description))</p>\n" }
            out += "<ul class=\"flags\">\n"
            var drawn: [[Int]] = []
            for flag in scored.flags {
                out += "<li><span class=\"rule sev-\(flag.severity.rawValue)\">\(flag.rule.rawValue)</span> <b>\(flag.severity.rawValue)</b>: \(escape(flag.message))"
                if !flag.fields.isEmpty { out += " <span class=\"fields\">fields: \(flag.fields.map(escape).joined(separator: ", "))</span>" }
                out += "</li>\n"
                if flag.path.count > 1 && !drawn.contains(flag.path) { drawn.append(flag.path) }
            }
            out += "</ul>\n"
            for path in drawn { out += "<div class=\"path\">\(drawings.drawing(of: path) { pathDrawing(path, context) })</div>\n" }
            out += "</article>\n"
        }
        emit("</section>\n")
    }

    static func inputsSection(_ context: ReportContext) -> String {
        let a = context.assessment
        let p = a.parameters
        var out = "<section id=\"inputs\"><h2>Inputs, parameters and reference data</h2>\n<table class=\"small\"><thead><tr><th>Role</th><th>File</th><th class=\"num\">Read</th><th class=\"num\">Accepted</th><th class=\"num\">Rejected</th><th class=\"num\">Blank</th></tr></thead><tbody>\n"
        for input in a.inputs {
            let s = input.summary
            out += "<tr><td>\(escape(input.role))</td><td><code>\(escape(s.file))</code></td><td class=\"num\">\(s.read)</td><td class=\"num\">\(s.accepted)</td><td class=\"num\">\(s.rejected)</td><td class=\"num\">\(s.blank)</td></tr>\n"
        }
        out += "</tbody></table>\n"
        out += "<p>Tiers K = \(p.tiers), decay d = \(Formatting.exact(p.decay, atLeast: 2)), FL-EXPOSURE at E ≥ \(Formatting.exact(p.exposureThreshold, atLeast: 2)) (high ≥ \(Formatting.exact(p.exposureHighThreshold, atLeast: 2))), flagged supplier at r ≥ \(Formatting.exact(p.flaggedRiskThreshold, atLeast: 2)); FL-UNMAPPED above \(Formatting.money(p.rules.unmappedMinAmount)) with coverage below \(Formatting.exact(p.rules.unmappedMinCoverage, atLeast: 2)). \(ReportContext.dateOrderNote(p)).\(p.configFile.map { " Configuration: <code>\(escape($0))</code>." } ?? "")</p>\n<ul class=\"small\">\n"
        for edition in a.editions {
            out += "<li><code>\(escape(edition.table))</code>: \(escape(edition.title)) Edition: \(escape(edition.edition))\(edition.partial.map { " <b>\(escape($0))</b>" } ?? "")</li>\n"
        }
        return out + "</ul></section>\n"
    }

    /// `body(rank, &text)` for each flagged contract in queue order, a piece of contracts at a
    /// time on Dispatch workers; the texts go to `emit` in order (while the next pieces are
    /// rendered; they do not depend on the workers).
    static func inPieces(_ a: Assessment, emit: (String) -> Void, _ body: (Int, inout String) -> Void) {
        Concurrently.pipeline(
            count: a.flaggedCount, pieceSize: 1 << 9, workers: a.parameters.workers,
            render: { ranks in
                var out = ""
                for rank in ranks { body(rank, &out) }
                return out
            },
            emit: { if !$0.isEmpty { emit($0) } })
    }

    /// A short amount for a card: 87.9 M, 12.3 k, 950.
    static func compact(_ value: Double) -> String {
        value >= 1e9 ? Formatting.fixed(value / 1e9, 1) + " B" : value >= 1e6 ? Formatting.fixed(value / 1e6, 1) + " M"
            : value >= 1e4 ? Formatting.fixed(value / 1e3, 1) + " k" : Formatting.fixed(value, 0)
    }

    /// An element id for a contract: its rank, so that any id is safe.
    static func anchor(_ id: String, _ rank: Int) -> String { "c\(rank + 1)" }

    /// Input text made inert in HTML (text and attribute values): `& < > " '` as entities,
    /// control and bidirectional-formatting characters as U+FFFD.
    public static func escape(_ value: String) -> String {
        var text = value
        // Most ids and names need nothing: the same string, no copy.
        guard let escaped = text.withUTF8(escaped(utf8:)) else { return value }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// ``escape(_:)`` of valid UTF-8 `bytes`, in one pass (runs of bytes that need nothing are
    /// skipped a word at a time); nil when no byte needs it.
    static func escaped(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= count, !ByteWord.needsHTMLAttention(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        while i < count, isPlainHTML(bytes[i]) { i += 1 }
        guard i < count else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(count + 16)
        var start = 0
        while i < count {
            if i + 8 <= count, !ByteWord.needsHTMLAttention(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = bytes[i]
            if isPlainHTML(byte) {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            if byte < 0x80 {
                appendEscaped(byte, to: &out)
                i += 1
            } else {
                let length = Unicode.Scalar.utf8Length(lead: byte)
                let scalar = Unicode.Scalar(utf8: bytes, at: i, length: length)
                let category = scalar.properties.generalCategory
                if scalar.isHiddenInReports || category == .lineSeparator || category == .paragraphSeparator {
                    out += [0xEF, 0xBF, 0xBD]
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                }
                i += length
            }
            start = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
        return out
    }

    /// A byte ``escape(_:)`` copies as it is: printable ASCII but markup.
    @inline(__always)
    static func isPlainHTML(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F && !isMarkup(byte) }

    /// `& < > " '`, which ``escape(_:)`` turns into entities.
    @inline(__always)
    static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    /// One ASCII character of ``escape(_:)``: markup characters as entities, line feed, carriage
    /// return and tab as spaces, the other controls (C0 and DEL, the only ASCII ones) as U+FFFD.
    @inline(__always)
    static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): out += "&amp;".utf8
        case UInt8(ascii: "<"): out += "&lt;".utf8
        case UInt8(ascii: ">"): out += "&gt;".utf8
        case UInt8(ascii: "\""): out += "&quot;".utf8
        case UInt8(ascii: "'"): out += "&#39;".utf8
        case 0x0A, 0x0D, 0x09: out.append(0x20)
        case 0..<0x20, 0x7F: out += [0xEF, 0xBF, 0xBD]
        default: out.append(byte)
        }
    }
}
