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
        ReportPieces.string { forEachPiece(context, pieceSize: defaultPieceSize, $0) }
    }

    /// Streams the report into `file`: the queue is rendered a piece of contracts at a time on
    /// Dispatch workers and the pieces are written in order while the workers render the next
    /// ones, so memory holds a few pieces of rows, not the whole report. Same bytes as
    /// ``render(_:)``.
    /// - Parameter pieceSize: contracts rendered per piece (tests use small pieces).
    public static func write(_ context: ReportContext, to file: inout AtomicFile.Writer, pieceSize: Int = defaultPieceSize) throws(OutputError) {
        try ReportPieces.write({ forEachPiece(context, pieceSize: pieceSize, $0) }, to: &file)
    }

    /// Contracts rendered per piece: large enough that taking a piece costs nothing, small
    /// enough that a piece of rows (about 1-2 MB at typical message lengths) is still in the
    /// cache when it is written (the kernel's copy into the page cache read 32 MB batches back
    /// from memory: about a fifth of the writing's CPU time at 10^7 links).
    public static let defaultPieceSize = 1 << 11

    /// The header, then the rows in queue order, in pieces (written while the next ones are
    /// rendered).
    private static func forEachPiece(_ context: ReportContext, pieceSize: Int, _ body: ([UInt8]) -> Void) {
        let a = context.assessment
        body(Array((columns.joined(separator: ",") + "\r\n").utf8))
        let ids = SupplierIDBytes(a.suppliers)
        Concurrently.pipeline(
            count: a.flaggedCount, pieceSize: pieceSize, workers: a.parameters.workers, render: { rows(context, ids: ids, ranks: $0) },
            emit: body)
    }

    /// The rows of the flagged contracts at queue positions `ranks`. The cells a contract's
    /// rows share (rank to contract severity, and the source) are escaped once per contract.
    static func rows(_ context: ReportContext, ids: SupplierIDBytes, ranks: Range<Int>) -> [UInt8] {
        let a = context.assessment
        // Elements are read in place, stored field by stored field, and supplier ids come from
        // `ids`: a copy of a contract or a flag would retain every one of its strings.
        return ids.withView { ids in
        a.supplierRecords.withUnsafeBufferPointer { suppliers in
        a.contractRecords.withUnsafeBufferPointer { records in
        a.contracts.withUnsafeBufferPointer { contracts in
            // The buffers are the closure's own: captured from outside, every append from one
            // into another retained and released the first.
            var out: [UInt8] = []
            // About a kilobyte per flagged contract (two flags of ~500 bytes): one allocation for
            // most slices instead of a dozen doublings, each copying the rows so far.
            out.reserveCapacity(max(1 << 16, ranks.count << 10))
            var head: [UInt8] = [], source: [UInt8] = [], scratch: [UInt8] = []
            var files = SharedCells<String>(slots: 4)
            let prefetch = QueuePrefetch(contracts: contracts, suppliers: suppliers, records: records, ids: ids)
            for rank in ranks {
                prefetch.ahead(of: rank)
                guard contracts[rank].severity != nil else { continue }
                let scored = contracts.baseAddress! + rank
                let vendor = scored.pointee.vendor
                let contract = records.baseAddress! + scored.pointee.offset
                head.removeAll(keepingCapacity: true)
                head += String(rank + 1).utf8
                head.append(UInt8(ascii: ","))
                appendText(contract.pointee.id, to: &head)
                head.append(UInt8(ascii: ","))
                if let vendor { appendText(bytes: ids[vendor], to: &head) } else { appendText("", to: &head) }
                head.append(UInt8(ascii: ","))
                if let vendor {
                    appendText(suppliers[vendor].name, to: &head)
                } else {
                    appendText(contract.pointee.vendorName ?? "", to: &head)
                }
                head.append(UInt8(ascii: ","))
                if let amount = contract.pointee.amount { head += Formatting.fixed(amount, 2).utf8 }
                head.append(UInt8(ascii: ","))
                appendText(contract.pointee.currency, to: &head)
                head.append(UInt8(ascii: ","))
                appendText(contract.pointee.awardDate ?? "", to: &head)
                head.append(UInt8(ascii: ","))
                head += (scored.pointee.severity?.rawValue ?? "").utf8
                head.append(UInt8(ascii: ","))
                // "file:line", its file escaped once per slice: the opening quote and the
                // file (text cells escape scalar by scalar, and ':' and digits stay as they are).
                source.removeAll(keepingCapacity: true)
                files.append(storedAt: UnsafeRawPointer(contract) + Self.fileOffset, value: { contract.pointee.location.file }, to: &source) { file, cell in
                    appendText(file, to: &cell)
                    cell.removeLast()
                }
                source.append(UInt8(ascii: ":"))
                source += String(contract.pointee.location.line).utf8
                source.append(UInt8(ascii: "\""))
                scored.pointee.flags.withUnsafeBufferPointer { flags in
                    for flag in flags.indices {
                        out += head
                        out += flags[flag].rule.rawValue.utf8
                        out.append(UInt8(ascii: ","))
                        out += flags[flag].severity.rawValue.utf8
                        out.append(UInt8(ascii: ","))
                        appendText(flags[flag].message, to: &out)
                        out.append(UInt8(ascii: ","))
                        scratch.removeAll(keepingCapacity: true)
                        flags[flag].fields.withUnsafeBufferPointer { fields in
                            for k in fields.indices {
                                if k > 0 { scratch.append(UInt8(ascii: ";")) }
                                scratch += fields[k].utf8
                            }
                        }
                        appendText(scratch: scratch, to: &out)
                        out.append(UInt8(ascii: ","))
                        scratch.removeAll(keepingCapacity: true)
                        flags[flag].path.withUnsafeBufferPointer { path in
                            for k in path.indices {
                                if k > 0 { scratch += " > ".utf8 }
                                scratch.append(contentsOf: ids[path[k]])
                            }
                        }
                        appendText(scratch: scratch, to: &out)
                        out.append(UInt8(ascii: ","))
                        out += source
                        out += "\r\n".utf8
                    }
                }
            }
            return out
        }
        }
        }
        }
    }

    /// Where a contract record stores its input file's name.
    static let fileOffset = MemoryLayout<Contract>.offset(of: \Contract.location.file)!

    /// A text cell: quoted, quotes doubled, line ends and other controls made visible as one line,
    /// and a leading `=`, `+`, `-`, `@`, tab or CR prefixed with `'` so that spreadsheets show the
    /// text instead of running it as a formula.
    public static func text(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 3)
        appendText(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``text(_:)`` appended to a UTF-8 buffer, in one pass over the text's bytes: runs of
    /// printable bytes are copied at once; C0 controls, DEL and quotes go through
    /// ``appendASCII(_:to:)``; a non-ASCII scalar is kept unless it is hidden in reports
    /// (``Unicode/Scalar/isHiddenInReports``: then U+FFFD). The same text as
    /// ``unicodeText(_:)``, which goes scalar by scalar.
    static func appendText(_ value: String, to out: inout [UInt8]) {
        // Read in place (no copy of the string, so no retain of its storage).
        if value.utf8.withContiguousStorageIfAvailable({ appendText(utf8: $0, to: &out) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { appendText(utf8: $0, to: &out) }
        }
    }

    /// ``appendText(_:to:)`` for valid UTF-8 bytes.
    static func appendText(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        do {
            let count = bytes.count
            guard let base = bytes.baseAddress else {
                out += [0x22, 0x22]
                return
            }
            let raw = UnsafeRawPointer(base)
            // One pass: quotes are doubled byte by byte, which is scalar by scalar (a quote
            // followed by a combining mark is doubled too).
            out.append(UInt8(ascii: "\""))
            if let first = bytes.first, Self.isFormulaStart(first) { out.append(UInt8(ascii: "'")) }
            var start = 0
            var i = 0
            while i < count {
                // Runs of printable ASCII other than the quote are skipped a word at a time.
                if i + 8 <= count, !ByteWord.needsCSVAttention(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = bytes[i]
                if byte >= 0x20 && byte != 0x22 && byte < 0x7F {
                    i += 1
                    continue
                }
                if byte >= 0x80 {
                    // A scalar of 2 to 4 bytes (the string's storage is valid UTF-8).
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    let scalar = Unicode.Scalar(utf8: bytes, at: i, length: length)
                    if !scalar.isHiddenInReports {
                        i += length
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    out += [0xEF, 0xBF, 0xBD]
                    i += length
                    start = i
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                appendASCII(byte, to: &out)
                i += 1
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
            out.append(UInt8(ascii: "\""))
        }
    }

    /// A text cell made of the bytes in `scratch` (built by the caller without a `String`).
    static func appendText(scratch: [UInt8], to out: inout [UInt8]) {
        scratch.withUnsafeBufferPointer { appendText(bytes: $0, to: &out) }
    }

    /// A text cell made of UTF-8 `bytes` (e.g. a supplier id from ``SupplierIDBytes``).
    static func appendText(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        appendText(utf8: bytes, to: &out)
    }

    /// First bytes a spreadsheet reads as the start of a formula: `=`, `+`, `-`, `@`, tab, CR.
    static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    /// One ASCII byte of a text cell: line ends and tabs as spaces, quotes doubled, the other
    /// controls (C0 and DEL, the only ASCII ones) as U+FFFD.
    @inline(__always)
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
            case "\"": cleaned.unicodeScalars.append(contentsOf: ["\"", "\""])
            default:
                cleaned.unicodeScalars.append(scalar.isHiddenInReports ? "\u{FFFD}" : scalar)
            }
        }
        // Every formula start is ASCII, so the first byte decides as the first scalar would.
        if let first = value.utf8.first, isFormulaStart(first) { cleaned = "'" + cleaned }
        // Quotes are doubled scalar by scalar: Foundation's replacement matches whole
        // Characters and left a quote with a combining mark ("\u{301}) single, which ended
        // the cell early.
        return "\"" + cleaned + "\""
    }
}
