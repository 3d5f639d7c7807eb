import RiskModel
import SupplyChainModel

extension MarkdownReport {
    /// `body(ranks, &bytes)` for pieces of `0..<count`, `pieceSize` indices each, on `workers`
    /// Dispatch workers; the bytes go to `emit` in order (while the next pieces are rendered).
    static func inPieces(_ count: Int, workers: Int, emit: ([UInt8]) -> Void, _ body: (Range<Int>, inout [UInt8]) -> Void) {
        Concurrently.pipeline(
            count: count, pieceSize: pieceSize, workers: workers,
            render: { ranks in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(1 << 16)
                body(ranks, &bytes)
                return bytes
            },
            emit: emit)
    }

    /// The review-queue table rows of the flagged contracts at `ranks`.
    static func queueRows(_ context: ReportContext, _ flagged: ArraySlice<ContractAssessment>, _ ranks: Range<Int>, to out: inout [UInt8]) {
        let a = context.assessment
        for rank in ranks {
            let scored = flagged[rank]
            out += "| ".utf8
            JSONWriter.appendInteger(rank + 1, to: &out)
            out += " | ".utf8
            appendText(scored.contract.id, to: &out)
            out += " | ".utf8
            if let vendor = scored.vendor {
                appendText(context.id(vendor), to: &out)
                out.append(0x20)
                appendText(a.suppliers[vendor].supplier.name, to: &out)
            } else {
                out += "—".utf8
            }
            out += " | ".utf8
            if let amount = scored.contract.amount {
                out += Formatting.money(amount).utf8
                out.append(0x20)
                appendText(scored.contract.currency, to: &out)
            } else {
                out += "—".utf8
            }
            out += " | ".utf8
            out += scored.severity!.rawValue.utf8
            out += " | ".utf8
            for (k, flag) in scored.flags.enumerated() {
                if k > 0 { out += ", ".utf8 }
                out += flag.rule.rawValue.utf8
            }
            out += " |\n".utf8
        }
    }

    /// The "why" section of one flagged contract: its flags, with supplier paths.
    static func reasons(_ context: ReportContext, _ scored: ContractAssessment, to out: inout [UInt8]) {
        let a = context.assessment
        let c = scored.contract
        out += "### ".utf8
        appendText(c.id, to: &out)
        out += "\n\n".utf8
        if let description = c.description {
            let start = out.count
            appendText(description, to: &out)
            escapeBlockStart(in: &out, at: start)
            out += "  \n".utf8
        }
        out += "Input: `".utf8
        appendCode(c.location.file, to: &out)
        out.append(UInt8(ascii: ":"))
        JSONWriter.appendInteger(c.location.line, to: &out)
        out += "`\n\n".utf8
        for flag in scored.flags {
            out += "- **".utf8
            out += flag.rule.rawValue.utf8
            out += "** (".utf8
            out += flag.severity.rawValue.utf8
            out += "): ".utf8
            appendText(flag.message, to: &out)
            out.append(0x0A)
            if flag.path.count > 1 {
                out += "  - Path: ".utf8
                for (k, node) in flag.path.enumerated() {
                    if k > 0 { out += " → ".utf8 }
                    let s = a.suppliers[node]
                    appendText(s.supplier.id, to: &out)
                    out += " (".utf8
                    out += (s.risk.country?.alpha2 ?? "??").utf8
                    out += ", r=".utf8
                    out += Formatting.fixed(s.risk.value, 2).utf8
                    out.append(UInt8(ascii: ")"))
                }
                out.append(0x0A)
            }
        }
        out.append(0x0A)
    }

    /// ``text(_:)`` appended to a UTF-8 buffer, in one pass over the bytes, when every scalar is
    /// a character of its own (no CR, which pairs with LF; every non-ASCII scalar in
    /// ``isAlone(_:)``): ASCII as in ``textASCII(_:)``, NEL, U+2028 and U+2029 as spaces,
    /// control and format scalars as U+FFFD.
    /// Other text goes through ``text(_:)``, which works on whole characters.
    static func appendText(_ value: String, to out: inout [UInt8]) {
        var value = value
        let mark = out.count
        let done = value.withUTF8 { bytes in
            var start = 0, i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte == 0x0D { return false }
                    if isSpecialASCII(byte) {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                        appendASCII(byte, to: &out)
                        start = i + 1
                    }
                    i += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
                guard isAlone(value) else { return false }
                let category = Unicode.Scalar(value)?.properties.generalCategory
                if value == 0x85 || value == 0x2028 || value == 0x2029 {  // line breaks, as LF
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    out.append(0x20)
                    start = i + length
                } else if category == .control || category == .format {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    out += [0xEF, 0xBF, 0xBD]
                    start = i + length
                }
                i += length
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return true
        }
        if !done {
            out.removeSubrange(mark...)
            out += characterText(value).utf8
        }
        escapeAutolinks(in: &out, from: mark)
    }

    /// Non-ASCII scalars that never join a neighbour in one character (grapheme cluster): no
    /// combining marks, joiners, spacing marks, prepend, Hangul or regional indicators. Latin-1
    /// and Latin extended, general punctuation except ZWNJ and ZWJ, arrows and math operators, CJK.
    @inline(__always)
    static func isAlone(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x80...0x2FF, 0x2190...0x22FF, 0x4E00...0x9FFF: true
        case 0x2000...0x206F: scalar != 0x200C && scalar != 0x200D
        default: false
        }
    }

    /// Whether ``textASCII(_:)`` changes this ASCII byte.
    @inline(__always)
    static func isSpecialASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "`"),
            UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "|"),
            UInt8(ascii: "!"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// Escapes what would make the text at `start`, the start of a line, a list item or a
    /// thematic break (`- x`, `+ x`, `---`, `1. x`, `1) x`); ``text(_:)`` already escapes `#`,
    /// `>`, `*`, `_`, `` ` `` and `~` wherever they are.
    static func escapeBlockStart(in out: inout [UInt8], at start: Int) {
        guard start < out.count else { return }
        switch out[start] {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
            out.insert(UInt8(ascii: "\\"), at: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var i = start
            while i < out.count, i - start < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(out[i]) { i += 1 }
            if i < out.count, out[i] == UInt8(ascii: ".") || out[i] == UInt8(ascii: ")") { out.insert(UInt8(ascii: "\\"), at: i) }
        default: break
        }
    }

    /// ``code(_:)`` appended to a UTF-8 buffer (ASCII byte by byte).
    static func appendCode(_ value: String, to out: inout [UInt8]) {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in value.utf8 { out.append(byte == UInt8(ascii: "`") ? UInt8(ascii: "'") : byte) }
        } else {
            out += code(value).utf8
        }
    }
}
