internal import CLibCSV
import SupplyChainModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record of a CSV file: its fields, decoded as text, and the physical line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based physical line of the record's first byte.
    public var line: Int
    /// The fields in file order, untrimmed.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// True when every field is empty (a blank row, or a row of delimiters only), or holds
    /// only ``isBlankByte(_:)`` bytes.
    public var isBlank: Bool { fields.allSatisfy { $0.utf8.allSatisfy(Self.isBlankByte) } }

    /// Whether the record is Excel's delimiter line (`sep=;`) of a second file joined with
    /// `cat`, which is not data (rejected as `repeated-header`).
    public var isDelimiterLine: Bool { DelimiterHint.isRepeatedLine(fields) }

    /// The bytes a blank cell may hold: ASCII white space that libcsv does not trim (line and
    /// form feeds, vertical tab, carriage return; space and tab it trims), and the DOS
    /// end-of-file mark 0x1A (Ctrl-Z) that files of old tools end with. A last line holding
    /// only that mark was a record: a watchlist entry named U+001A, or a row rejected (fatal
    /// with `--strict`) for an empty name.
    @inline(__always)
    static func isBlankByte(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0x1A }
}

/// What a read noticed about the file as a whole (so far: its encoding).
public struct CSVReadReport: Sendable {
    /// File-level warnings, e.g. `non-utf8` once per file.
    public var findings: [Finding] = []
    /// The delimiter used (detected or given).
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// Whether the file was parsed in parallel chunks.
    public var parallel = false
}

/// A streaming CSV reader on top of libcsv.
///
/// Reads the file in fixed-size chunks, so memory stays flat whatever the file size. Handles a
/// UTF-8 byte order mark, Windows-1252 fields (transcoded, with one warning per file), CRLF /
/// LF / CR line ends, quoted fields with embedded delimiters, quotes and newlines, and detects
/// `,`, `;` or tab as the delimiter from the header line, unless a first line `sep=;` (Excel's
/// delimiter hint, see ``DelimiterHint``) names it. Line numbers are physical lines,
/// counting newlines inside quoted fields. Files of at least ``parallelThreshold`` bytes are
/// tokenised in parallel chunks (see ``ParallelCSV``) with exactly the same records, lines and
/// errors as the sequential path.
public struct CSVReader: Sendable {
    /// The file path as the user named it (used in messages).
    public let path: String
    /// The field delimiter; `nil` detects it from the first line.
    public var delimiter: UInt8?
    /// Bytes read per `read(2)` call.
    public var chunkSize = 1 << 20
    /// The first read is at least this large, to see the byte order mark and the header line.
    var firstReadMinimum = 1 << 16
    /// Files this large or larger are parsed in parallel chunks; `Int.max` turns that off.
    public var parallelThreshold = 16 << 20
    /// Parallel chunk parsing: bytes per worker per window, and the number of workers.
    public var parallelChunkBytes = 4 << 20
    public var workers = ParallelCSV.defaultWorkers
    /// Caps on field size, columns per record and records per file (see ``ImportLimits``).
    public var limits = ImportLimits.default

    public init(path: String, delimiter: UInt8? = nil) {
        self.path = path
        self.delimiter = delimiter
    }

    /// Calls `body` for every record in file order, the header included.
    ///
    /// - Returns: file-level findings (a `non-utf8` warning) and the delimiter used.
    /// - Throws: ``InputError`` when the file cannot be opened or read, is not valid CSV
    ///   (a character after a closing quote, a quote never closed), or breaks one of the
    ///   ``limits``; rethrows `body`'s errors.
    /// - Complexity: O(n) in the file size; memory O(chunk size + largest record), or
    ///   O(workers × ``parallelChunkBytes``) records in flight when parsing in parallel.
    @discardableResult
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws -> CSVReadReport {
        var records = 0
        let limits = self.limits, path = self.path
        return try forEachRecordUnlimited { record in
            records += 1
            if records > limits.maxRecords { throw limits.tooManyRecords(at: SourceLocation(file: path, line: record.line)) }
            try body(record)
        }
    }

    private func forEachRecordUnlimited(_ body: (CSVRecord) throws -> Void) throws -> CSVReadReport {
        var opened = try open()
        defer { opened.file.close() }
        var report = CSVReadReport(delimiter: opened.delimiter)
        if var parallel = parallelReader(for: opened) {
            report.parallel = true
            let transcoded = try parallel.run(file: opened.file, firstBytes: opened.firstBytes, body: body)
            report.findings += Self.encodingFindings(transcoded, path: path)
            return report
        }
        let parser = try LibCSVParser(delimiter: opened.delimiter, path: path, firstLine: opened.firstLine, limits: limits)
        defer { parser.free() }
        try opened.feed(chunkSize: chunkSize) { bytes in
            try parser.parse(bytes)
            try parser.drain(body)
        }
        try parser.finish()
        try parser.drain(body)
        report.findings += Self.encodingFindings(parser.transcoded, path: path)
        return report
    }

    /// Reads the whole file, the header included, with libcsv in raw mode (fields as bytes, no
    /// `String` per field): records go to sinks made by `makeSink`, one per chunk (filled on
    /// Dispatch workers when the file is large) or one for a small file, and the filled sinks
    /// are handed to `collect` in file order, each the only copy (`collect` may move its
    /// contents out).
    ///
    /// The caller checks ``limits`` `maxRecords` and decodes text (the sinks see raw bytes, so
    /// the returned report has no `non-utf8` finding).
    /// - Throws: as ``forEachRecord(_:)``.
    @discardableResult
    func readRaw<Sink: RawRecordSink>(makeSink: () -> Sink, collect: (inout Sink) throws -> Void) throws -> CSVReadReport {
        var opened = try open()
        defer { opened.file.close() }
        var report = CSVReadReport(delimiter: opened.delimiter)
        if var parallel = parallelReader(for: opened) {
            report.parallel = true
            try parallel.runRaw(file: opened.file, firstBytes: opened.firstBytes, makeSink: makeSink, collect: collect)
            return report
        }
        var sink = makeSink()
        try ParallelCSV.parseRaw(path: path, delimiter: opened.delimiter, limits: limits, firstLine: opened.firstLine, into: &sink) { parser, sink in
            try opened.feed(chunkSize: chunkSize) { bytes in
                try parser.parse(bytes)
                sink.consume(parser.takeRaw())
            }
        }
        try collect(&sink)
        return report
    }

    /// Opens the file, reads its first bytes (skipping a UTF-8 byte order mark and a `sep=`
    /// line) and picks the delimiter: the one given, else the one the `sep=` line names, else
    /// the one detected from the header.
    private func open() throws -> OpenedCSV {
        let file = try InputFile(path: path)
        var chunk = [UInt8](repeating: 0, count: max(chunkSize, firstReadMinimum, 3))
        let count: Int
        do {
            count = try file.read(into: &chunk)
        } catch {
            file.close()
            throw error
        }
        var start = count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF ? 3 : 0
        let hint: DelimiterHint?
        do {
            hint = try DelimiterHint(chunk[start..<count], path: path)
        } catch {
            file.close()
            throw error
        }
        if let hint { start += hint.length }
        let delimiter = self.delimiter ?? hint?.delimiter ?? Self.detectDelimiter(chunk[start..<count])
        return OpenedCSV(file: file, delimiter: delimiter, chunk: chunk, count: count, start: start, firstLine: hint == nil ? 1 : 2)
    }

    /// The parallel reader, when the file is large enough to be parsed in parallel chunks.
    private func parallelReader(for opened: OpenedCSV) -> ParallelCSV? {
        guard workers > 1, opened.file.size >= parallelThreshold else { return nil }
        return ParallelCSV(path: path, delimiter: opened.delimiter, workers: workers, chunkBytes: parallelChunkBytes, limits: limits, firstLine: opened.firstLine)
    }

    /// The once-per-file warning for fields that were not UTF-8.
    static func encodingFindings(_ transcoded: (firstLine: Int, fields: Int)?, path: String) -> [Finding] {
        guard let (line, fields) = transcoded else { return [] }
        return [Finding(
            .warning, code: "non-utf8",
            "the file is not UTF-8 (first at this line; \(fields) field\(fields == 1 ? "" : "s") in all); read as Windows-1252/Latin-1. Save it as UTF-8 to silence this warning",
            at: SourceLocation(file: path, line: line))]
    }

    /// Picks the delimiter that occurs most often, outside quotes, on the first line that is not
    /// empty (the header: libcsv skips empty lines before it); `,` on ties.
    static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes.drop(while: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        let comma = UInt8(ascii: ",")
        var best = comma
        for candidate in [UInt8(ascii: ";"), UInt8(ascii: "\t")] where counts[candidate]! > counts[best]! {
            best = candidate
        }
        return best
    }
}

/// A CSV file opened by ``CSVReader``: its first bytes read, its delimiter chosen.
struct OpenedCSV {
    let file: InputFile
    let delimiter: UInt8
    var chunk: [UInt8]
    var count: Int
    /// Where the content starts in the first bytes (after a byte order mark and a `sep=` line).
    var start: Int
    /// The physical line the content starts on: 2 after a `sep=` line, else 1.
    var firstLine = 1

    /// The first bytes read, without the byte order mark.
    var firstBytes: [UInt8] { Array(chunk[start..<count]) }

    /// Hands the content to `parse`, from the first bytes to the end of the file, in chunks of
    /// `chunkSize` bytes.
    mutating func feed(chunkSize: Int, _ parse: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        while count > 0 {
            try chunk.withUnsafeBufferPointer { try parse(UnsafeBufferPointer(rebasing: $0[start..<count])) }
            start = 0
            if chunk.count != chunkSize { chunk = [UInt8](repeating: 0, count: chunkSize) }
            count = try file.read(into: &chunk)
        }
    }
}

/// A file opened for reading with POSIX calls, with errors that name the file.
struct InputFile {
    let path: String
    let descriptor: Int32

    /// Opens `path` with ``InputStreams/open(_:)``: a FIFO or process substitution is read
    /// once into a temporary copy that every open reads; a directory or device is refused.
    init(path: String) throws {
        self.path = path
        descriptor = try InputStreams.open(path)
        var info = stat()
        size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The file size in bytes when opened (the copy's for a stream; 0 when unknown).
    let size: Int

    /// Fills `buffer` as far as possible; returns the byte count, 0 at end of file.
    func read(into buffer: inout [UInt8]) throws -> Int { try read(into: &buffer, from: 0) }

    /// Fills `buffer[offset...]` as far as possible; returns the byte count, 0 at end of file.
    func read(into buffer: inout [UInt8], from offset: Int) throws -> Int {
        var filled = offset
        while filled < buffer.count {
            let n = buffer.withUnsafeMutableBytes { raw in
                Glibc.read(descriptor, raw.baseAddress! + filled, raw.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw InputError(code: "file-unreadable", "read failed: \(reason)", at: SourceLocation(file: path, line: 0))
            }
            if n == 0 { break }
            filled += n
        }
        return filled - offset
    }

    func close() { _ = Glibc.close(descriptor) }
}

extension CSVReader {
    /// Parses CSV held in memory (e.g. tables compiled into the tool). Leading lines that
    /// start with `#` are comments and skipped; line numbers still count them.
    ///
    /// - Parameter name: the name used in error messages.
    /// - Throws: ``InputError`` when the text is not valid CSV.
    public static func records(inText text: String, name: String) throws -> [CSVRecord] {
        var bytes = Array(text.utf8)
        var skippedLines = 0
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: "#") {
            guard let end = bytes[start...].firstIndex(of: 0x0A) else { start = bytes.count; break }
            start = end + 1
            skippedLines += 1
        }
        bytes.removeFirst(start)
        let parser = try LibCSVParser(delimiter: UInt8(ascii: ","), path: name)
        defer { parser.free() }
        var records: [CSVRecord] = []
        try bytes.withUnsafeBufferPointer { try parser.parse($0) }
        try parser.finish()
        try parser.drain { record in
            records.append(CSVRecord(line: record.line + skippedLines, fields: record.fields))
        }
        return records
    }
}
