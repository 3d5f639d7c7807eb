internal import CLibCSV
import SupplyChainModel

#if canImport(Glibc)
import Glibc
#endif

/// The only place that calls libcsv. Owns one `csv_parser`, collects the records its callbacks
/// produce and tracks physical line numbers.
///
/// libcsv runs with `CSV_STRICT` (malformed quoting is an error, not a guess),
/// `CSV_STRICT_FINI` (a quote still open at end of file is an error) and `CSV_REPALL_NL`
/// (every line end is reported, so blank lines keep the line count exact).
final class LibCSVParser {
    private let parser: UnsafeMutablePointer<csv_parser>
    private let state: UnsafeMutablePointer<ParseState>
    private let path: String
    private let limits: ImportLimits

    /// - Parameter firstLine: the physical line of the first byte fed (1 for a whole file; the
    ///   line a chunk starts on when a file is parsed in parallel chunks).
    ///   - limits: the field size and column caps (checked here); the record cap is the reader's.
    ///   - raw: keep fields as bytes (``RawRecords``, taken with ``takeRaw()``) instead of
    ///     decoding each to a `String`; the reader of the bytes decodes what it needs.
    init(delimiter: UInt8, path: String, firstLine: Int = 1, limits: ImportLimits = .default, raw: Bool = false) throws {
        self.path = path
        self.limits = limits
        parser = .allocate(capacity: 1)
        state = .allocate(capacity: 1)
        state.initialize(to: ParseState(line: firstLine, recordLine: firstLine, maxFieldBytes: limits.maxFieldBytes, maxColumns: limits.maxColumns, rawMode: raw))
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)
        guard csv_init(parser, options) == 0 else {
            state.deinitialize(count: 1)
            state.deallocate()
            parser.deallocate()
            throw InputError(code: "out-of-memory", "cannot initialise the CSV parser", at: SourceLocation(file: path, line: 0))
        }
        csv_set_delim(parser, delimiter)
    }

    func free() {
        csv_free(parser)
        parser.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Feeds bytes to libcsv; completed records wait in the state until ``drain(_:)``.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let processed = csv_parse(parser, base, bytes.count, fieldCallback, recordCallback, state)
        if let violation = state.pointee.violation { throw violation(path, limits) }
        if processed < bytes.count {
            throw parseError(in: bytes, at: processed)
        }
        // libcsv grows its field buffer without bound; stop once the field being read is over
        // the cap (at most one chunk past it).
        if Int(parser.pointee.entry_pos) > limits.maxFieldBytes {
            let start = state.pointee.openFields == 0 ? state.pointee.line : state.pointee.recordLine
            throw limits.fieldTooLarge(at: SourceLocation(file: path, line: start))
        }
        if let lastEnd = bytes.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            columnCarried = bytes.count - lastEnd - 1
        } else {
            columnCarried += bytes.count
        }
    }

    /// Bytes since the last line end at the end of the previous chunk (for error columns).
    private var columnCarried = 0

    /// Tells libcsv the input has ended; fails when a quoted field is still open.
    func finish() throws {
        let failed = csv_fini(parser, fieldCallback, recordCallback, state) != 0
        if let violation = state.pointee.violation { throw violation(path, limits) }
        if failed {
            let start = state.pointee.openFields == 0 ? state.pointee.line : state.pointee.recordLine
            throw InputError(
                code: "unterminated-quote",
                "a quoted field is never closed (the record starts at line \(start)); the file may be truncated",
                at: SourceLocation(file: path, line: start))
        }
    }

    /// The first line holding a field that was not UTF-8 (read as Windows-1252), and how many
    /// such fields there were.
    var transcoded: (firstLine: Int, fields: Int)? {
        state.pointee.firstTranscodedLine.map { ($0, state.pointee.transcodedFields) }
    }

    /// Moves the records completed so far out of the parser, in order.
    func takeReady() -> [CSVRecord] {
        let ready = state.pointee.ready
        state.pointee.ready = []
        return ready
    }

    /// Moves the records completed so far (raw mode) out of the parser, in order.
    func takeRaw() -> RawRecords {
        var taken = RawRecords()
        swap(&taken, &state.pointee.raw)
        state.pointee.raw.keepOpenRecord(of: &taken)
        return taken
    }

    /// Hands the records completed so far to `body`, in order.
    func drain(_ body: (CSVRecord) throws -> Void) throws {
        let ready = state.pointee.ready
        state.pointee.ready.removeAll(keepingCapacity: true)
        for record in ready { try body(record) }
    }

    private func parseError(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> InputError {
        let code = csv_error(parser)
        if code == CSV_ENOMEM || code == CSV_ETOOBIG {
            return InputError(code: "field-too-large", "a field is too large to hold in memory", at: SourceLocation(file: path, line: state.pointee.line))
        }
        // The offending byte is the first one libcsv did not take. Its line is the current line
        // plus the line ends inside the field being read.
        let pending = parser.pointee.entry_buf.map { UnsafeRawBufferPointer(start: $0, count: parser.pointee.entry_pos) }
        let line = state.pointee.line + (pending.map(lineEnds(in:)) ?? 0)
        let prefix = UnsafeBufferPointer(rebasing: bytes[..<offset])
        let column: Int
        if let lastEnd = prefix.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            column = offset - lastEnd
        } else {
            column = columnCarried + offset + 1
        }
        let value = bytes[offset]
        let byte = value >= 0x20 && value < 0x7F ? "'\(Character(UnicodeScalar(value)))'" : "byte 0x" + String(value, radix: 16, uppercase: true)
        return InputError(
            code: "malformed-csv",
            "unexpected \(byte) after a closing quote or inside an unquoted field; expected a delimiter or a line end (quotes inside a field must be doubled and the field quoted)",
            at: SourceLocation(file: path, line: line, column: column))
    }
}

/// Mutable parse state reached from libcsv's C callbacks through the `void *` context.
struct ParseState {
    var fields: [String] = []
    /// Current physical line (1-based).
    var line = 1
    /// Line on which the record being collected started.
    var recordLine = 1
    /// The last line end reported was a CR with nothing after it yet (so an LF completes CRLF).
    var afterCR = false
    var ready: [CSVRecord] = []
    /// Line of the first field that was not UTF-8, and the count of such fields.
    var firstTranscodedLine: Int?
    var transcodedFields = 0
    /// Caps checked in the callbacks (which cannot throw): the first one hit is kept and
    /// thrown by ``LibCSVParser/parse(_:)`` once libcsv returns.
    var maxFieldBytes = Int.max
    var maxColumns = Int.max
    var violation: LimitViolation?
    /// Raw mode: fields go to ``raw`` as bytes.
    var rawMode = false
    var raw = RawRecords()

    /// Fields of the record being collected.
    var openFields: Int { rawMode ? raw.openFields : fields.count }
}

/// CSV records kept as bytes, back to back: what ``LibCSVParser`` collects in raw mode.
struct RawRecords: Sendable {
    var bytes: [UInt8] = []
    /// End offset in ``bytes`` of each field.
    var fieldEnds: [Int] = []
    /// End index in ``fieldEnds`` of each record.
    var recordEnds: [Int] = []
    /// The physical line each record starts on.
    var lines: [Int] = []

    /// Completed records.
    var count: Int { lines.count }

    /// Fields collected after the last completed record.
    var openFields: Int { fieldEnds.count - (recordEnds.last ?? 0) }

    mutating func appendField(_ field: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: field)
        fieldEnds.append(bytes.count)
    }

    mutating func closeRecord(line: Int) {
        recordEnds.append(fieldEnds.count)
        lines.append(line)
    }

    /// Moves the fields of `taken`'s unfinished record (if any) into this empty buffer.
    mutating func keepOpenRecord(of taken: inout RawRecords) {
        let open = taken.openFields
        guard open > 0 else { return }
        let firstField = taken.fieldEnds.count - open
        let start = firstField == 0 ? 0 : taken.fieldEnds[firstField - 1]
        bytes.append(contentsOf: taken.bytes[start...])
        for end in taken.fieldEnds[firstField...] { fieldEnds.append(end - start) }
        taken.bytes.removeLast(taken.bytes.count - start)
        taken.fieldEnds.removeLast(open)
    }
}

/// A cap hit inside a libcsv callback, turned into an ``InputError`` outside it.
enum LimitViolation {
    case fieldTooLarge(line: Int)
    case tooManyColumns(line: Int)
    case nulByte(line: Int)

    func callAsFunction(_ path: String, _ limits: ImportLimits) -> InputError {
        switch self {
        case .fieldTooLarge(let line): limits.fieldTooLarge(at: SourceLocation(file: path, line: line))
        case .tooManyColumns(let line): limits.tooManyColumns(at: SourceLocation(file: path, line: line))
        case .nulByte(let line):
            InputError(
                code: "binary-content",
                "the file holds a NUL byte; it is binary, or text in UTF-16/UTF-32, not a CSV file (save it as UTF-8 CSV)",
                at: SourceLocation(file: path, line: line))
        }
    }
}

/// Physical line ends in `bytes`: every LF, and every CR not followed by LF.
func lineEnds(in bytes: UnsafeRawBufferPointer) -> Int {
    var count = 0
    var previousCR = false
    for byte in bytes {
        if byte == 0x0A {
            if !previousCR { count += 1 }
            previousCR = false
        } else if byte == 0x0D {
            count += 1
            previousCR = true
        } else {
            previousCR = false
        }
    }
    return count
}

private let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
    let state = context!.assumingMemoryBound(to: ParseState.self)
    if state.pointee.openFields == 0 { state.pointee.recordLine = state.pointee.line }
    state.pointee.afterCR = false
    if state.pointee.violation != nil { return }
    if length > state.pointee.maxFieldBytes {
        state.pointee.violation = .fieldTooLarge(line: state.pointee.recordLine)
        return
    }
    if state.pointee.openFields >= state.pointee.maxColumns {
        state.pointee.violation = .tooManyColumns(line: state.pointee.recordLine)
        return
    }
    guard let data, length > 0 else {
        if state.pointee.rawMode {
            state.pointee.raw.appendField(UnsafeRawBufferPointer(start: nil, count: 0))
        } else {
            state.pointee.fields.append("")
        }
        return
    }
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    if memchr(data, 0, length) != nil {
        state.pointee.violation = .nulByte(line: state.pointee.line + lineEnds(in: UnsafeRawBufferPointer(rebasing: bytes[..<bytes.firstIndex(of: 0)!])))
        return
    }
    if state.pointee.rawMode {
        state.pointee.raw.appendField(bytes)
        state.pointee.line += lineEnds(in: bytes)
        return
    }
    let (text, transcoded) = TextDecoding.decode(bytes)
    if transcoded {
        if state.pointee.firstTranscodedLine == nil { state.pointee.firstTranscodedLine = state.pointee.line }
        state.pointee.transcodedFields += 1
    }
    state.pointee.fields.append(text)
    state.pointee.line += lineEnds(in: bytes)
}

private let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
    let state = context!.assumingMemoryBound(to: ParseState.self)
    if state.pointee.violation != nil { return }
    if state.pointee.rawMode {
        if state.pointee.raw.openFields > 0 { state.pointee.raw.closeRecord(line: state.pointee.recordLine) }
    } else if !state.pointee.fields.isEmpty {
        state.pointee.ready.append(CSVRecord(line: state.pointee.recordLine, fields: state.pointee.fields))
        state.pointee.fields.removeAll(keepingCapacity: true)
    }
    switch terminator {
    case 0x0D:
        state.pointee.line += 1
        state.pointee.afterCR = true
    case 0x0A:
        if !state.pointee.afterCR { state.pointee.line += 1 }
        state.pointee.afterCR = false
    default:
        state.pointee.afterCR = false
    }
}
