import Dispatch
import SupplyChainModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tokenises a large CSV file in parallel chunks on Dispatch workers, giving exactly the
/// records, line numbers and errors of the sequential reader.
///
/// The file is read in windows of `workers × chunkBytes` bytes. Each window starts at a record
/// boundary (the file start, or the end of the previous window), which is a *known-safe point*:
/// outside any quoted field. From there one quick pass tracks quote parity (every `"` toggles
/// it; a doubled `""` toggles twice, so parity is exact for well-formed strict CSV) and picks,
/// after each target offset, the first line end outside quotes. Those are record boundaries, so
/// each chunk can be parsed by its own libcsv parser, started at the chunk's physical line. A
/// line end inside a quoted field is never a split point; a CR at the end of the window is
/// not either (its LF may follow in the next read). The window ends at its last boundary and
/// the rest is carried into the next window.
///
/// Why the result equals sequential parsing: if the bytes before a split point are valid
/// strict CSV, the parity there is exact and the split is a real record boundary; if they are
/// not, an earlier chunk fails first, with the parser's own line and column, and only the
/// earliest failure is reported, which is the one sequential parsing would report. A window
/// without any boundary (one record larger than a window, or a quote never closed) is parsed
/// sequentially from there on, so memory stays bounded.
public struct ParallelCSV {
    /// Worker count: the active processors, at most 8.
    public static var defaultWorkers: Int { max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) }

    let path: String
    let delimiter: UInt8
    let workers: Int
    let chunkBytes: Int
    var limits = ImportLimits.default

    /// Reads the rest of `file`, after `firstBytes` (already read, BOM removed), calling `body`
    /// for each record in order. Returns where fields were transcoded from Windows-1252.
    mutating func run(file: InputFile, firstBytes: [UInt8], body: (CSVRecord) throws -> Void) throws -> (firstLine: Int, fields: Int)? {
        var transcoded: (firstLine: Int, fields: Int)?
        func note(_ t: (firstLine: Int, fields: Int)?) {
            guard let t else { return }
            transcoded = transcoded.map { ($0.firstLine, $0.fields + t.fields) } ?? t
        }
        try forEachWindow(file: file, firstBytes: firstBytes) { buffer, bounds, lines in
            for result in parseChunks(buffer, bounds: bounds, lines: lines) {
                let chunk = try result.get()
                note(chunk.transcoded)
                for record in chunk.records { try body(record) }
            }
        } rest: { buffer, line in
            note(try sequentialRest(file: file, buffer: buffer, line: line, body: body))
        }
        return transcoded
    }

    /// Reads the rest of `file`, after `firstBytes`, with libcsv in raw mode: each chunk's
    /// records go, as bytes, into a sink of its own made by `makeSink` and filled on a Dispatch
    /// worker; the filled sinks are handed to `collect` in file order. A chunk that fails
    /// stops the read after the sinks before it were collected (its error is the one
    /// sequential parsing would report).
    mutating func runRaw<Sink: RawRecordSink>(file: InputFile, firstBytes: [UInt8], makeSink: () -> Sink, collect: (Sink) throws -> Void) throws {
        try forEachWindow(file: file, firstBytes: firstBytes) { buffer, bounds, lines in
            for result in parseRawChunks(buffer, bounds: bounds, lines: lines, sinks: bounds.map { _ in makeSink() }) {
                try collect(try result.get())
            }
        } rest: { buffer, line in
            var sink = makeSink()
            try Self.parseRaw(path: path, delimiter: delimiter, limits: limits, firstLine: line, into: &sink) { parser, sink in
                var chunk = buffer
                var count = buffer.count
                while count > 0 {
                    try chunk.withUnsafeBufferPointer { try parser.parse(UnsafeBufferPointer(rebasing: $0[0..<count])) }
                    sink.consume(parser.takeRaw())
                    if chunk.count < chunkBytes { chunk = [UInt8](repeating: 0, count: chunkBytes) }
                    count = try file.read(into: &chunk)
                }
            }
            try collect(sink)
        }
    }

    /// Runs one raw-mode parser from `firstLine`: `feed` gives it bytes (and may drain it into
    /// `sink`); what is left after the end of input goes to `sink` too.
    static func parseRaw<Sink: RawRecordSink>(
        path: String, delimiter: UInt8, limits: ImportLimits, firstLine: Int, into sink: inout Sink, feed: (LibCSVParser, inout Sink) throws -> Void
    ) throws {
        let parser = try LibCSVParser(delimiter: delimiter, path: path, firstLine: firstLine, limits: limits, raw: true)
        defer { parser.free() }
        try feed(parser, &sink)
        try parser.finish()
        sink.consume(parser.takeRaw())
    }

    /// The window loop shared by both modes: reads `workers × chunkBytes` bytes at a time, splits
    /// each window at record boundaries and calls `chunks` with the window, the chunk ranges and
    /// the physical line each chunk starts on; a window without any boundary goes to `rest`,
    /// which reads the rest of the file itself.
    private func forEachWindow(
        file: InputFile, firstBytes: [UInt8], chunks: ([UInt8], [Range<Int>], [Int]) throws -> Void, rest: ([UInt8], Int) throws -> Void
    ) throws {
        var buffer = firstBytes
        var line = 1
        var eof = false
        let window = workers * chunkBytes
        while true {
            while buffer.count < window && !eof {
                let old = buffer.count
                buffer.append(contentsOf: repeatElement(0, count: window - old))
                let n = try file.read(into: &buffer, from: old)
                buffer.removeLast(window - old - n)
                if n == 0 { eof = true }
            }
            if buffer.isEmpty { break }
            let targets = (1..<workers).map { $0 * chunkBytes }
            let scan = buffer.withUnsafeBufferPointer { RecordBoundaries.scan($0, targets: targets, atEndOfFile: eof) }
            let end = eof ? buffer.count : scan.last
            if end == 0 {
                // No record boundary in a whole window: parse sequentially from here.
                try rest(buffer, line)
                return
            }
            var starts = [0] + scan.splits.filter { $0 > 0 && $0 < end }
            starts = starts.enumerated().filter { $0.offset == 0 || $0.element != starts[$0.offset - 1] }.map(\.element)
            var lines = [line]
            buffer.withUnsafeBytes { raw in
                for k in 1..<max(1, starts.count) {
                    lines.append(lines[k - 1] + lineEnds(in: UnsafeRawBufferPointer(rebasing: raw[starts[k - 1]..<starts[k]])))
                }
                line = lines[lines.count - 1] + lineEnds(in: UnsafeRawBufferPointer(rebasing: raw[starts[starts.count - 1]..<end]))
            }
            let bounds = (0..<starts.count).map { k in starts[k]..<(k + 1 < starts.count ? starts[k + 1] : end) }
            try chunks(buffer, bounds, lines)
            buffer.removeFirst(end)
            if eof && buffer.isEmpty { break }
        }
    }

    /// Parses each range of `buffer` in raw mode into its own sink, on Dispatch workers.
    private func parseRawChunks<Sink: RawRecordSink>(_ buffer: [UInt8], bounds: [Range<Int>], lines: [Int], sinks: [Sink]) -> [Result<Sink, InputError>] {
        var sinks = sinks
        var errors = [InputError?](repeating: nil, count: bounds.count)
        let path = self.path, delimiter = self.delimiter, limits = self.limits
        buffer.withUnsafeBufferPointer { bytes in
            sinks.withUnsafeMutableBufferPointer { sinkSlots in
                errors.withUnsafeMutableBufferPointer { errorSlots in
                    let shared = UnsafeSendable((bytes, sinkSlots, errorSlots))
                    DispatchQueue.concurrentPerform(iterations: bounds.count) { k in
                        let (bytes, sinkSlots, errorSlots) = shared.value
                        do {
                            try Self.parseRaw(path: path, delimiter: delimiter, limits: limits, firstLine: lines[k], into: &sinkSlots[k]) { parser, _ in
                                try parser.parse(UnsafeBufferPointer(rebasing: bytes[bounds[k]]))
                            }
                        } catch let error as InputError {
                            errorSlots[k] = error
                        } catch {
                            errorSlots[k] = InputError(code: "file-unreadable", "\(error)", at: SourceLocation(file: path, line: lines[k]))
                        }
                    }
                }
            }
        }
        return zip(sinks, errors).map { sink, error in error.map { .failure($0) } ?? .success(sink) }
    }

    struct ChunkResult: Sendable {
        var records: [CSVRecord]
        var transcoded: (firstLine: Int, fields: Int)?
    }

    /// Parses each range of `buffer` with its own libcsv parser on a Dispatch worker.
    private func parseChunks(_ buffer: [UInt8], bounds: [Range<Int>], lines: [Int]) -> [Result<ChunkResult, InputError>] {
        let slots = UnsafeMutableBufferPointer<Result<ChunkResult, InputError>>.allocate(capacity: bounds.count)
        defer { slots.deallocate() }
        let path = self.path, delimiter = self.delimiter, limits = self.limits
        buffer.withUnsafeBufferPointer { bytes in
            let shared = UnsafeSendable((bytes, slots))
            DispatchQueue.concurrentPerform(iterations: bounds.count) { k in
                let (bytes, slots) = shared.value
                let result: Result<ChunkResult, InputError>
                do {
                    let parser = try LibCSVParser(delimiter: delimiter, path: path, firstLine: lines[k], limits: limits)
                    defer { parser.free() }
                    try parser.parse(UnsafeBufferPointer(rebasing: bytes[bounds[k]]))
                    try parser.finish()
                    result = .success(ChunkResult(records: parser.takeReady(), transcoded: parser.transcoded))
                } catch let error as InputError {
                    result = .failure(error)
                } catch {
                    result = .failure(InputError(code: "file-unreadable", "\(error)", at: SourceLocation(file: path, line: lines[k])))
                }
                (slots.baseAddress! + k).initialize(to: result)
            }
        }
        let results = Array(slots)
        _ = slots.baseAddress!.deinitialize(count: bounds.count)
        return results
    }

    /// The sequential path for the rest of the file, starting with `buffer` at `line`.
    private func sequentialRest(file: InputFile, buffer: [UInt8], line: Int, body: (CSVRecord) throws -> Void) throws -> (firstLine: Int, fields: Int)? {
        let parser = try LibCSVParser(delimiter: delimiter, path: path, firstLine: line, limits: limits)
        defer { parser.free() }
        var chunk = buffer
        var count = buffer.count
        while count > 0 {
            try chunk.withUnsafeBufferPointer { try parser.parse(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            try parser.drain(body)
            if chunk.count < chunkBytes { chunk = [UInt8](repeating: 0, count: chunkBytes) }
            count = try file.read(into: &chunk)
        }
        try parser.finish()
        try parser.drain(body)
        return parser.transcoded
    }
}

/// Quote-aware search for record boundaries in CSV bytes that start outside quotes.
enum RecordBoundaries {
    /// - Returns: for each target offset, the offset just after the first line end outside
    ///   quotes at or after it (targets with none are left out), and `last`, the offset just
    ///   after the last such line end (0 when there is none).
    /// - Complexity: O(n), one pass.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, targets: [Int], atEndOfFile: Bool) -> (splits: [Int], last: Int) {
        var splits: [Int] = []
        var next = 0
        var quoted = false
        var last = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted && (byte == 0x0A || byte == 0x0D) {
                var end = i + 1
                if byte == 0x0D {
                    if end < n {
                        if bytes[end] == 0x0A { end += 1 }
                    } else if !atEndOfFile {
                        break  // a CR at the window's end: its LF may follow
                    }
                }
                last = end
                while next < targets.count && targets[next] <= end {
                    splits.append(end)
                    next += 1
                }
                i = end
                continue
            }
            i += 1
        }
        return (splits, last)
    }
}

/// A consumer of raw-mode records (``RawRecords``): one per chunk, filled on a worker.
protocol RawRecordSink: Sendable {
    mutating func consume(_ records: RawRecords)
}

/// Carries values that are not `Sendable` (raw buffers lent for the duration of one
/// `concurrentPerform`) into its closure. Safe here because every worker reads the shared
/// input and writes only its own result slot, and the buffers outlive the call.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
