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
    private let delimiter: UInt8

    /// - Parameter firstLine: the physical line of the first byte fed (1 for a whole file; the
    ///   line a chunk starts on when a file is parsed in parallel chunks).
    ///   - limits: the field size and column caps (checked here); the record cap is the reader's.
    ///   - capacity: expected bytes of field content (buffers grow past it as needed).
    ///
    /// Fields are always collected as bytes (``takeRaw()``); ``takeReady()`` and ``drain(_:)``
    /// decode them to `String`s, noting fields that were not UTF-8 (``transcoded``).
    init(delimiter: UInt8, path: String, firstLine: Int = 1, limits: ImportLimits = .default, capacity: Int = 1 << 16) throws {
        self.path = path
        self.limits = limits
        self.delimiter = delimiter
        parser = .allocate(capacity: 1)
        // Each parser's state gets cache lines of its own: states of parallel workers packed
        // side by side halve the speed (false sharing).
        let stride = (MemoryLayout<ParseState>.stride + 127) & ~127
        state = UnsafeMutableRawPointer.allocate(byteCount: stride, alignment: 128).bindMemory(to: ParseState.self, capacity: 1)
        state.initialize(to: ParseState(line: firstLine, limits: limits, capacity: capacity))
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)
        guard csv_init(parser, options) == 0 else {
            state.pointee.deallocateBuffers()
            state.deinitialize(count: 1)
            UnsafeMutableRawPointer(state).deallocate()
            parser.deallocate()
            throw InputError(code: "out-of-memory", "cannot initialise the CSV parser", at: SourceLocation(file: path, line: 0))
        }
        csv_set_delim(parser, delimiter)
    }

    /// Makes the parser ready for new input from `firstLine`, keeping its buffers.
    func reset(firstLine: Int) throws {
        csv_free(parser)
        guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else {
            throw InputError(code: "out-of-memory", "cannot initialise the CSV parser", at: SourceLocation(file: path, line: 0))
        }
        csv_set_delim(parser, delimiter)
        state.pointee.reset(line: firstLine)
        columnCarried = 0
        transcoded = nil
    }

    func free() {
        csv_free(parser)
        parser.deallocate()
        state.pointee.deallocateBuffers()
        state.deinitialize(count: 1)
        UnsafeMutableRawPointer(state).deallocate()
    }

    /// Feeds bytes to libcsv; completed records wait in the state until taken.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        state.pointee.compact()
        var processed = csv_parse(parser, base, bytes.count, fieldCallback, recordCallback, state)
        if let violation = state.pointee.violation { throw violation(path, limits) }
        while processed < bytes.count {
            guard dropMarkBeforeQuote(bytes[processed]) else { throw parseError(in: bytes, at: processed) }
            processed += csv_parse(parser, base + processed, bytes.count - processed, fieldCallback, recordCallback, state)
            if let violation = state.pointee.violation { throw violation(path, limits) }
        }
        // libcsv grows its field buffer without bound; stop once the field being read is over
        // the cap (at most one chunk past it).
        if Int(parser.pointee.entry_pos) > limits.maxFieldBytes {
            let start = state.pointee.fieldsInRecord == 0 ? state.pointee.line : state.pointee.recordLine
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
        state.pointee.compact()
        let failed = csv_fini(parser, fieldCallback, recordCallback, state) != 0
        if let violation = state.pointee.violation { throw violation(path, limits) }
        if failed {
            let start = state.pointee.fieldsInRecord == 0 ? state.pointee.line : state.pointee.recordLine
            throw InputError(
                code: "unterminated-quote",
                "a quoted field is never closed (the record starts at line \(start)); the file may be truncated",
                at: SourceLocation(file: path, line: start))
        }
    }

    /// The physical line the parser is on: after ``finish()``, the first line plus the line
    /// ends of all the bytes fed.
    var line: Int { state.pointee.line }

    /// The first line holding a field that was not UTF-8 (read as Windows-1252), and how many
    /// such fields there were, among the records decoded so far.
    private(set) var transcoded: (firstLine: Int, fields: Int)?

    /// Moves the records completed so far out of the parser, decoded, in order.
    func takeReady() -> [CSVRecord] {
        takeRaw().decoded(noting: &transcoded)
    }

    /// The records completed so far, as bytes, in order: a view of the parser's buffers, valid
    /// until the parser is next fed, finished, reset or freed.
    func takeRaw() -> RawRecords {
        state.pointee.take()
    }

    /// Hands the records completed so far to `body`, in order.
    func drain(_ body: (CSVRecord) throws -> Void) throws {
        for record in takeReady() { try body(record) }
    }

    /// Where libcsv stopped at `byte`, a quote: when the field before it is a record's first and
    /// holds only a UTF-8 byte-order mark (a second file with a quoted header joined with `cat`:
    /// `\u{FEFF}"id","name"`), forgets the mark and makes the quote open the field, so that the
    /// row is read (and rejected as `repeated-header` when it is one) instead of stopping the
    /// file as malformed. False (nothing changed) for any other stop.
    /// - Complexity: O(1); only reached when libcsv stops early, never on well-formed input.
    private func dropMarkBeforeQuote(_ byte: UInt8) -> Bool {
        let fieldBegun: Int32 = 2, rowNotBegun: Int32 = 0  // libcsv's FIELD_BEGUN and ROW_NOT_BEGUN
        let p = parser.pointee
        guard byte == UInt8(ascii: "\""), p.pstate == fieldBegun, p.quoted == 0, p.entry_pos == 3, state.pointee.fieldsInRecord == 0,
            let buffer = p.entry_buf, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF
        else { return false }
        parser.pointee.entry_pos = 0
        parser.pointee.spaces = 0
        parser.pointee.pstate = rowNotBegun
        parser.pointee.status = 0
        return true
    }

    private func parseError(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> InputError {
        let code = csv_error(parser)
        if code == CSV_ENOMEM || code == CSV_ETOOBIG {
            return InputError(code: "field-too-large", "a field is too large to hold in memory", at: SourceLocation(file: path, line: state.pointee.line))
        }
        // The offending byte is the first one libcsv did not take. Its line is the current line
        // plus the line ends inside the field being read.
        let pending = parser.pointee.entry_buf.map { UnsafeRawBufferPointer(start: $0, count: parser.pointee.entry_pos) }
        let endsInField = pending.map(lineEnds(in:)) ?? 0
        let line = state.pointee.line + endsInField
        let prefix = UnsafeBufferPointer(rebasing: bytes[..<offset])
        let column: Int
        if let lastEnd = prefix.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            column = offset - lastEnd
        } else {
            column = columnCarried + offset + 1
        }
        // UTF-16 text has a NUL beside every ASCII character: a quote there is not misplaced,
        // the file is in another encoding (as for a NUL inside a field).
        if bytes[max(0, offset - 1)...min(bytes.count - 1, offset + 1)].contains(0) {
            return LimitViolation.nulByte(line: line)(path, limits)
        }
        let value = bytes[offset]
        let byte = value >= 0x20 && value < 0x7F ? "'\(Character(UnicodeScalar(value)))'" : "byte 0x" + String(value, radix: 16, uppercase: true)
        return InputError(
            code: "malformed-csv",
            "unexpected \(byte) after a closing quote or inside an unquoted field; expected a delimiter or a line end (quotes inside a field must be doubled and the field quoted)"
                // A quoted field over several lines: most often a quote left open where it began.
                + (endsInField > 0 ? "; the quoted field began at line \(state.pointee.line): a quote opened there may never be closed" : ""),
            at: SourceLocation(file: path, line: line, column: column))
    }
}

/// Mutable parse state reached from libcsv's C callbacks through the `void *` context: plain
/// counters and buffers it owns (no arrays, so no uniqueness checks or reference counting in
/// the callbacks). Fields go back to back into `bytes`, as ``RawRecords`` lays them out.
struct ParseState {
    /// Current physical line (1-based).
    var line: Int
    /// Line on which the record being collected started.
    var recordLine: Int
    /// Fields of the record being collected.
    var fieldsInRecord = 0
    /// The last line end reported was a CR with nothing after it yet (so an LF completes CRLF).
    var afterCR = false
    /// Caps checked in the callbacks (which cannot throw): the first one hit is kept and
    /// thrown by ``LibCSVParser/parse(_:)`` once libcsv returns.
    let maxFieldBytes: Int
    let maxColumns: Int
    var violation: LimitViolation?

    var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0, byteCapacity: Int
    /// End offset in `bytes` of each field.
    var fieldEnds: UnsafeMutablePointer<Int>
    var fieldCount = 0, fieldCapacity: Int
    /// End index in `fieldEnds` and first line of each completed record.
    var recordEnds: UnsafeMutablePointer<Int>
    var recordLines: UnsafeMutablePointer<Int>
    /// Whether each completed record is all ASCII, and the bytes of the open record's fields
    /// OR-ed together (bit 7 set when one is not ASCII).
    var recordASCII: UnsafeMutablePointer<Bool>
    var openBits: UInt8 = 0
    var recordCount = 0, recordCapacity: Int
    /// The completed records were handed out (``take()``); they leave at the next ``compact()``.
    var taken = false

    init(line: Int, limits: ImportLimits, capacity: Int) {
        self.line = line
        recordLine = line
        maxFieldBytes = limits.maxFieldBytes
        maxColumns = limits.maxColumns
        byteCapacity = max(capacity, 1024)
        fieldCapacity = max(byteCapacity / 8, 256)
        recordCapacity = max(byteCapacity / 32, 64)
        bytes = .allocate(capacity: byteCapacity)
        fieldEnds = .allocate(capacity: fieldCapacity)
        recordEnds = .allocate(capacity: recordCapacity)
        recordLines = .allocate(capacity: recordCapacity)
        recordASCII = .allocate(capacity: recordCapacity)
    }

    func deallocateBuffers() {
        bytes.deallocate()
        fieldEnds.deallocate()
        recordEnds.deallocate()
        recordLines.deallocate()
        recordASCII.deallocate()
    }

    /// Appends one field (the callbacks' hot path).
    @inline(__always)
    mutating func appendField(_ data: UnsafeMutableRawPointer?, _ length: Int) {
        if length > 0, let data {
            if byteCount + length > byteCapacity { grow(&bytes, &byteCapacity, byteCount, to: byteCount + length) }
            let source = data.assumingMemoryBound(to: UInt8.self)
            let target = bytes + byteCount
            // Copy and find the smallest byte at once (NUL, LF and CR are all below 0x0E), and
            // whether a byte is not ASCII.
            var low: UInt8 = 0xFF, bits: UInt8 = 0
            for i in 0..<length {
                let byte = source[i]
                target[i] = byte
                low = min(low, byte)
                bits |= byte
            }
            openBits |= bits
            if low <= 0x0D {
                let field = UnsafeRawBufferPointer(start: data, count: length)
                if let nul = field.firstIndex(of: 0) {
                    violation = .nulByte(line: line + lineEnds(in: UnsafeRawBufferPointer(rebasing: field[..<nul])))
                    return
                }
                // Only a quoted field holds line ends.
                line += lineEnds(in: field)
            }
            byteCount += length
        }
        if fieldCount == fieldCapacity { grow(&fieldEnds, &fieldCapacity, fieldCount, to: fieldCount + 1) }
        fieldEnds[fieldCount] = byteCount
        fieldCount += 1
        fieldsInRecord += 1
    }

    @inline(__always)
    mutating func closeRecord() {
        if recordCount == recordCapacity {
            var capacity = recordCapacity
            grow(&recordEnds, &capacity, recordCount, to: recordCount + 1)
            capacity = recordCapacity
            grow(&recordASCII, &capacity, recordCount, to: recordCount + 1)
            grow(&recordLines, &recordCapacity, recordCount, to: recordCount + 1)
        }
        recordEnds[recordCount] = fieldCount
        recordLines[recordCount] = recordLine
        recordASCII[recordCount] = openBits < 0x80
        recordCount += 1
        fieldsInRecord = 0
        openBits = 0
    }

    /// Views the completed records; they stay until the next ``compact()``.
    mutating func take() -> RawRecords {
        compact()
        taken = true
        let doneFields = recordCount == 0 ? 0 : recordEnds[recordCount - 1]
        let doneBytes = doneFields == 0 ? 0 : fieldEnds[doneFields - 1]
        return RawRecords(
            bytes: UnsafeRawBufferPointer(start: bytes, count: doneBytes), fieldEnds: UnsafeBufferPointer(start: fieldEnds, count: doneFields),
            recordEnds: UnsafeBufferPointer(start: recordEnds, count: recordCount), lines: UnsafeMutableBufferPointer(start: recordLines, count: recordCount),
            ascii: UnsafeBufferPointer(start: recordASCII, count: recordCount))
    }

    /// Drops the records handed out; the open record's fields move to the buffers' front.
    mutating func compact() {
        guard taken else { return }
        taken = false
        let doneFields = recordCount == 0 ? 0 : recordEnds[recordCount - 1]
        let doneBytes = doneFields == 0 ? 0 : fieldEnds[doneFields - 1]
        let openBytes = byteCount - doneBytes
        if openBytes > 0 && doneBytes > 0 { UnsafeMutableRawPointer(bytes).copyMemory(from: bytes + doneBytes, byteCount: openBytes) }
        for i in 0..<(fieldCount - doneFields) { fieldEnds[i] = fieldEnds[doneFields + i] - doneBytes }
        byteCount = openBytes
        fieldCount -= doneFields
        recordCount = 0
    }

    /// Empties the state for new input from `line`, keeping the buffers.
    mutating func reset(line: Int) {
        self.line = line
        recordLine = line
        fieldsInRecord = 0
        openBits = 0
        afterCR = false
        violation = nil
        byteCount = 0
        fieldCount = 0
        recordCount = 0
        taken = false
    }
}

/// Grows `buffer` (holding `count` elements) to at least `needed` elements, doubling.
private func grow<T>(_ buffer: inout UnsafeMutablePointer<T>, _ capacity: inout Int, _ count: Int, to needed: Int) {
    let newCapacity = max(needed, capacity * 2)
    let new = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
    new.moveInitialize(from: buffer, count: count)
    buffer.deallocate()
    buffer = new
    capacity = newCapacity
}

/// CSV records kept as bytes, back to back, as ``LibCSVParser`` collects them: a view of the
/// parser's buffers (see ``LibCSVParser/takeRaw()``).
///
/// `@unchecked Sendable`: a view travels to one Dispatch worker at a time, while the parser
/// that owns the buffers is idle and alive (``ParallelCSV`` parses, then converts).
struct RawRecords: @unchecked Sendable {
    var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    /// End offset in ``bytes`` of each field.
    var fieldEnds = UnsafeBufferPointer<Int>(start: nil, count: 0)
    /// End index in ``fieldEnds`` of each record.
    var recordEnds = UnsafeBufferPointer<Int>(start: nil, count: 0)
    /// The physical line each record starts on.
    var lines = UnsafeMutableBufferPointer<Int>(start: nil, count: 0)
    /// Whether each record is all ASCII.
    var ascii = UnsafeBufferPointer<Bool>(start: nil, count: 0)

    /// Completed records.
    var count: Int { lines.count }

    /// Adds `offset` to every line (a chunk parsed from line 1 placed in its file).
    func shiftLines(by offset: Int) {
        guard offset != 0 else { return }
        for i in lines.indices { lines[i] += offset }
    }

    /// The records decoded as text (see ``TextDecoding``); fields that were not UTF-8 are
    /// added to `transcoded`, with the physical line of the first one.
    func decoded(noting transcoded: inout (firstLine: Int, fields: Int)?) -> [CSVRecord] {
        var records: [CSVRecord] = []
        records.reserveCapacity(count)
        let ends = fieldEnds
        var field = 0
        var start = 0
        for r in 0..<lines.count {
            let last = recordEnds[r]
            var fields: [String] = []
            fields.reserveCapacity(last - field)
            let firstField = field
            while field < last {
                let end = ends[field]
                let (string, wasTranscoded) = TextDecoding.decode(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                if wasTranscoded {
                    if let (line, count) = transcoded {
                        transcoded = (line, count + 1)
                    } else {
                        // The field's own line: the record's plus the line ends of the
                        // fields before it (each counted alone, as the parser does).
                        var line = lines[r]
                        for k in firstField..<field {
                            line += lineEnds(in: UnsafeRawBufferPointer(rebasing: bytes[(k == 0 ? 0 : ends[k - 1])..<ends[k]]))
                        }
                        transcoded = (line, 1)
                    }
                }
                fields.append(string)
                start = end
                field += 1
            }
            records.append(CSVRecord(line: lines[r], fields: fields))
        }
        return records
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
    let state = context.unsafelyUnwrapped.assumingMemoryBound(to: ParseState.self)
    if state.pointee.fieldsInRecord == 0 { state.pointee.recordLine = state.pointee.line }
    state.pointee.afterCR = false
    if state.pointee.violation != nil { return }
    if length > state.pointee.maxFieldBytes {
        state.pointee.violation = .fieldTooLarge(line: state.pointee.recordLine)
        return
    }
    if state.pointee.fieldsInRecord >= state.pointee.maxColumns {
        state.pointee.violation = .tooManyColumns(line: state.pointee.recordLine)
        return
    }
    state.pointee.appendField(data, length)
}

private let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
    let state = context.unsafelyUnwrapped.assumingMemoryBound(to: ParseState.self)
    if state.pointee.violation != nil { return }
    if state.pointee.fieldsInRecord > 0 { state.pointee.closeRecord() }
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
