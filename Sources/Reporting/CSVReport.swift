import Foundation
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

    /// The whole report as one string (see ``write(_:to:)`` for large queues).
    /// - Complexity: O(flags × path length), in slices of the queue on Dispatch workers.
    public static func render(_ context: ReportContext) -> String {
        var pieces: [[UInt8]] = []
        forEachPiece(context, batchSize: defaultBatchSize) { pieces.append($0) }
        // The pieces go straight into the string's storage (no joined copy of a large report).
        return String(unsafeUninitializedCapacity: pieces.reduce(0) { $0 + $1.count }) { buffer in
            var offset = 0
            for piece in pieces {
                _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + piece.count)]).initialize(from: piece)
                offset += piece.count
            }
            return offset
        }
    }

    /// Streams the report into `file`: the queue is rendered a batch of contracts at a time
    /// (each batch in slices on Dispatch workers) and each batch is written before the next is
    /// rendered, so memory holds one batch of rows, not the whole report. Same bytes as
    /// ``render(_:)``.
    /// - Parameter batchSize: contracts rendered per batch (tests use small batches).
    public static func write(_ context: ReportContext, to file: inout AtomicFile.Writer, batchSize: Int = defaultBatchSize) throws(OutputError) {
        var failure: OutputError?
        forEachPiece(context, batchSize: batchSize) { piece in
            guard failure == nil else { return }
            do throws(OutputError) { try file.write(piece) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Contracts rendered per batch: large enough to keep the workers busy, small enough that a
    /// batch of rows (about 15 MB at typical message lengths) stays small next to the model.
    public static let defaultBatchSize = 1 << 15

    /// The header, then the rows in queue order, in pieces.
    private static func forEachPiece(_ context: ReportContext, batchSize: Int, _ body: ([UInt8]) -> Void) {
        let batchSize = max(1, batchSize)
        let a = context.assessment
        body(Array((columns.joined(separator: ",") + "\r\n").utf8))
        var start = 0
        while start < a.contracts.count {
            let end = min(a.contracts.count, start + batchSize)
            let base = start
            for piece in Concurrently.map(slicing: end - start, into: a.parameters.workers, { rows(context, ranks: (base + $0.lowerBound)..<(base + $0.upperBound)) }) {
                body(piece)
            }
            start = end
        }
    }

    /// The rows of the flagged contracts at queue positions `ranks`.
    static func rows(_ context: ReportContext, ranks: Range<Int>) -> [UInt8] {
        let a = context.assessment
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        for rank in ranks where a.contracts[rank].isFlagged {
            let scored = a.contracts[rank]
            let c = scored.contract
            let vendorID = scored.vendor.map(context.id) ?? ""
            let vendorName = scored.vendor.map { a.suppliers[$0].supplier.name } ?? c.vendorName ?? ""
            let amount = c.amount.map { Formatting.fixed($0, 2) } ?? ""
            let severity = scored.severity?.rawValue ?? ""
            let source = "\(c.location.file):\(c.location.line)"
            for flag in scored.flags {
                out += String(rank + 1).utf8
                out.append(UInt8(ascii: ","))
                appendText(c.id, to: &out)
                out.append(UInt8(ascii: ","))
                appendText(vendorID, to: &out)
                out.append(UInt8(ascii: ","))
                appendText(vendorName, to: &out)
                out.append(UInt8(ascii: ","))
                out += amount.utf8
                out.append(UInt8(ascii: ","))
                appendText(c.currency, to: &out)
                out.append(UInt8(ascii: ","))
                appendText(c.awardDate ?? "", to: &out)
                out.append(UInt8(ascii: ","))
                out += severity.utf8
                out.append(UInt8(ascii: ","))
                out += flag.rule.rawValue.utf8
                out.append(UInt8(ascii: ","))
                out += flag.severity.rawValue.utf8
                out.append(UInt8(ascii: ","))
                appendText(flag.message, to: &out)
                out.append(UInt8(ascii: ","))
                appendText(flag.fields.joined(separator: ";"), to: &out)
                out.append(UInt8(ascii: ","))
                appendText(flag.path.map(context.id).joined(separator: " > "), to: &out)
                out.append(UInt8(ascii: ","))
                appendText(source, to: &out)
                out += "\r\n".utf8
            }
        }
        return out
    }

    /// A text cell: quoted, quotes doubled, line ends and other controls made visible as one line,
    /// and a leading `=`, `+`, `-`, `@`, tab or CR prefixed with `'` so that spreadsheets show the
    /// text instead of running it as a formula.
    public static func text(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 3)
        appendText(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``text(_:)`` appended to a UTF-8 buffer: ASCII text byte by byte, other text with the
    /// general categories of its scalars (and Foundation's quote replacement, as before).
    static func appendText(_ value: String, to out: inout [UInt8]) {
        var ascii = true, quote = false
        for byte in value.utf8 {
            if byte >= 0x80 { ascii = false } else if byte == 0x22 { quote = true }
        }
        // Quotes in non-ASCII text keep Foundation's replacement (it matches whole characters).
        if !ascii && quote {
            out += unicodeText(value).utf8
            return
        }
        out.append(UInt8(ascii: "\""))
        if let first = value.utf8.first, Self.formulaStarts.contains(first) { out.append(UInt8(ascii: "'")) }
        if ascii {
            // Runs of printable bytes are copied at once; the others go through appendASCII.
            let copied: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
                var start = 0
                for i in 0..<bytes.count {
                    let byte = bytes[i]
                    if byte >= 0x20 && byte != 0x22 && byte != 0x7F { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    appendASCII(byte, to: &out)
                    start = i + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            }
            if copied == nil {
                for byte in value.utf8 { appendASCII(byte, to: &out) }
            }
        } else {
            for scalar in value.unicodeScalars {
                if scalar.isASCII {
                    appendASCII(UInt8(scalar.value), to: &out)
                } else {
                    let category = scalar.properties.generalCategory
                    UTF8.encode(category == .control || category == .format ? "\u{FFFD}" : scalar) { out.append($0) }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// One ASCII byte of a text cell: line ends and tabs as spaces, quotes doubled, the other
    /// controls (C0 and DEL, the only ASCII ones) as U+FFFD.
    @inline(__always)
    /// First bytes a spreadsheet reads as the start of a formula.
    static let formulaStarts: Set<UInt8> = Set("=+-@\t\r".utf8)

    static func appendASCII(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0x0A, 0x0D, 0x09: out.append(0x20)
        case 0x22: out += [0x22, 0x22]
        case 0..<0x20, 0x7F: out += [0xEF, 0xBF, 0xBD]
        default: out.append(byte)
        }
    }

    /// ``text(_:)`` for any text, scalar by scalar.
    static func unicodeText(_ value: String) -> String {
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
