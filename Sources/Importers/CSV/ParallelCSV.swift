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
/// outside any quoted field. Quote parity from there is exact (every `"` toggles it; a doubled
/// `""` toggles twice, so parity is exact for well-formed strict CSV): ``RecordBoundaries``
/// counts quotes up to each target offset and picks the first line end outside quotes after
/// it. Those are record boundaries, so each chunk can be parsed by its own libcsv parser. A
/// line end inside a quoted field is never a split point; a CR at the end of the window is
/// not either (its LF may follow in the next read). The window ends at its last boundary and
/// the rest is carried into the next window.
///
/// Chunks are parsed counting lines from 1; a chunk's real first line is the window's first
/// line plus the line ends the parsers of the chunks before it counted (the count sequential
/// parsing makes over the same bytes), added to the records once every chunk is parsed.
///
/// Why the result equals sequential parsing: if the bytes before a split point are valid
/// strict CSV, the parity there is exact and the split is a real record boundary; if they are
/// not, an earlier chunk fails first. The first failing chunk is parsed again from its real
/// first line, on the calling thread, so its error has the parser's own line, column and
/// message; only the earliest failure is reported, which is the one sequential parsing would
/// report. A window without any boundary (one record larger than a window, or a quote never
/// closed) is parsed sequentially from there on, so memory stays bounded.
public struct ParallelCSV {
    /// Worker count: the active processors, at most 8.
    public static var defaultWorkers: Int { max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) }

    let path: String
    let delimiter: UInt8
    let workers: Int
    let chunkBytes: Int
    var limits = ImportLimits.default
    /// The physical line of the first byte handed to ``run(file:firstBytes:body:)`` (2 after
    /// a `sep=` line).
    var firstLine = 1

    /// Reads the rest of `file`, after `firstBytes` (already read, BOM removed), calling `body`
    /// for each record in order. Returns where fields were transcoded from Windows-1252.
    mutating func run(file: InputFile, firstBytes: [UInt8], body: (CSVRecord) throws -> Void) throws -> (firstLine: Int, fields: Int)? {
        var transcoded: (firstLine: Int, fields: Int)?
        func note(_ t: (firstLine: Int, fields: Int)?) {
            guard let t else { return }
            transcoded = transcoded.map { ($0.firstLine, $0.fields + t.fields) } ?? t
        }
        let path = self.path
        try forEachWindow(file: file, firstBytes: firstBytes) { _ in
        } prepare: { parsed, starts, _ in
            // Decoded on the workers, delivered in order on this thread.
            Self.onWorkers(parsed.count) { k -> ([CSVRecord], (firstLine: Int, fields: Int)?) in
                let records = parsed[k].records
                records.shiftLines(by: starts[k] - 1)
                var t: (firstLine: Int, fields: Int)?
                return (records.decoded(noting: &t), t)
            }
        } deliver: { decoded in
            for (records, t) in decoded {
                note(t)
                for record in records { try body(record) }
            }
        } again: { bytes, line in
            let parser = try LibCSVParser(delimiter: delimiter, path: path, firstLine: line, limits: limits)
            defer { parser.free() }
            try parser.parse(bytes)
            try parser.finish()
            let records = parser.takeReady()
            note(parser.transcoded)
            for record in records { try body(record) }
            return parser.line
        } rest: { buffer, line in
            note(try sequentialRest(file: file, buffer: buffer, line: line, body: body))
        }
        return transcoded
    }

    /// Reads the rest of `file`, after `firstBytes`, keeping fields as bytes: each chunk's
    /// records go into a sink of its own made by `makeSink` and filled on a Dispatch worker;
    /// the filled sinks are handed to `collect` in file order, each the only copy (`collect`
    /// may move its contents out). A chunk that fails stops the read after the sinks before it
    /// were collected (its error is the one sequential parsing would report).
    mutating func runRaw<Sink: RawRecordSink>(file: InputFile, firstBytes: [UInt8], makeSink: () -> Sink, collect: (inout Sink) throws -> Void) throws {
        let path = self.path, delimiter = self.delimiter, limits = self.limits, chunkBytes = self.chunkBytes
        try forEachWindow(file: file, firstBytes: firstBytes) { chunks in
            (0..<chunks).map { _ in makeSink() }
        } prepare: { parsed, starts, sinks in
            Self.onWorkers(parsed.count) { k -> Sink in
                let records = parsed[k].records
                records.shiftLines(by: starts[k] - 1)
                var sink = sinks[k]
                sink.consume(records)
                return sink
            }
        } deliver: { filled in
            for k in filled.indices { try collect(&filled[k]) }
        } again: { bytes, line in
            var sink = makeSink()
            var end = line
            try Self.parseRaw(path: path, delimiter: delimiter, limits: limits, firstLine: line, into: &sink) { parser, _ in
                try parser.parse(bytes)
                try parser.finish()
                end = parser.line
            }
            try collect(&sink)
            return end
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
            try collect(&sink)
        }
    }

    /// Runs one parser from `firstLine`: `feed` gives it bytes (and may drain it into `sink`);
    /// what is left after the end of input goes to `sink` too.
    static func parseRaw<Sink: RawRecordSink>(
        path: String, delimiter: UInt8, limits: ImportLimits, firstLine: Int, into sink: inout Sink, feed: (LibCSVParser, inout Sink) throws -> Void
    ) throws {
        let parser = try LibCSVParser(delimiter: delimiter, path: path, firstLine: firstLine, limits: limits)
        defer { parser.free() }
        try feed(parser, &sink)
        try parser.finish()
        sink.consume(parser.takeRaw())
    }

    /// One chunk parsed counting lines from 1: its records (a view of its parser's buffers),
    /// and the line ends in it (nil when the chunk failed).
    struct ParsedChunk: Sendable {
        var records = RawRecords()
        var lineEnds: Int?
    }

    /// The window loop shared by both modes: reads `workers × chunkBytes` bytes at a time and
    /// splits each window at record boundaries. For each window, `setup` runs on this thread
    /// with the chunk count; then, off this thread, the chunks are parsed on the workers and
    /// `prepare` gets those before the first failing one, with their real first lines, while
    /// this thread hands the previous window's result, its only copy, to `deliver` (so
    /// converting one window overlaps parsing the next). A failing chunk and those after it go one by one to `again`
    /// (which parses a chunk from its line, throws its error or returns the line after it),
    /// after the chunks before it were delivered. A window without any boundary goes to `rest`,
    /// which reads the rest of the file itself.
    private func forEachWindow<Setup, Prepared>(
        file: InputFile, firstBytes: [UInt8],
        setup: (Int) -> Setup,
        prepare: ([ParsedChunk], [Int], Setup) -> Prepared,
        deliver: (inout Prepared) throws -> Void,
        again: (UnsafeBufferPointer<UInt8>, Int) throws -> Int,
        rest: ([UInt8], Int) throws -> Void
    ) throws {
        var buffer = firstBytes
        var line = firstLine
        var eof = false
        let window = workers * chunkBytes
        // One parser per chunk, kept from window to window with its buffers.
        var parsers: [LibCSVParser] = []
        defer { for parser in parsers { parser.free() } }
        // The previous window's result, not yet delivered.
        var pending: Prepared?
        func deliverPending() throws {
            if var result = pending.take() { try deliver(&result) }
        }
        try withoutActuallyEscaping(prepare) { prepare in
            let prepareShared = UnsafeSendable(prepare)
            while true {
                do {
                    while buffer.count < window && !eof {
                        let old = buffer.count
                        buffer.append(contentsOf: repeatElement(0, count: window - old))
                        let n = try file.read(into: &buffer, from: old)
                        buffer.removeLast(window - old - n)
                        if n == 0 { eof = true }
                    }
                } catch {
                    try deliverPending()
                    throw error
                }
                if buffer.isEmpty { break }
                let targets = (1..<workers).map { $0 * chunkBytes }
                let scan = buffer.withUnsafeBufferPointer { RecordBoundaries.scan($0, targets: targets, atEndOfFile: eof) }
                let end = eof ? buffer.count : scan.last
                if end == 0 {
                    // No record boundary in a whole window: parse sequentially from here.
                    try deliverPending()
                    try rest(buffer, line)
                    return
                }
                var starts = [0]
                for split in scan.splits where split > starts[starts.count - 1] && split < end { starts.append(split) }
                let bounds = (0..<starts.count).map { k in starts[k]..<(k + 1 < starts.count ? starts[k + 1] : end) }
                while parsers.count < bounds.count {
                    parsers.append(try LibCSVParser(delimiter: delimiter, path: path, limits: limits, capacity: chunkBytes + chunkBytes / 4))
                }
                let setupValue = setup(bounds.count)
                let (result, lines, good) = try buffer.withUnsafeBufferPointer { whole in
                    let slot = UnsafeMutablePointer<(Prepared, [Int], Int)>.allocate(capacity: 1)
                    defer { slot.deallocate() }
                    let group = DispatchGroup()
                    let shared = UnsafeSendable((whole, parsers, prepareShared.value, slot, setupValue, line, bounds))
                    DispatchQueue.global().async(group: group) {
                        let (whole, parsers, prepare, slot, setupValue, line, bounds) = shared.value
                        let parsed = Self.parseChunks(whole, bounds: bounds, parsers: parsers)
                        var lines = [line]
                        var good = 0
                        while good < parsed.count, let count = parsed[good].lineEnds {
                            lines.append(lines[good] + count)
                            good += 1
                        }
                        slot.initialize(to: (prepare(Array(parsed[..<good]), lines, setupValue), lines, good))
                    }
                    do {
                        try deliverPending()
                    } catch {
                        group.wait()
                        slot.deinitialize(count: 1)
                        throw error
                    }
                    group.wait()
                    return slot.move()
                }
                var prepared = consume result
                line = lines[good]
                if good < bounds.count {
                    try deliver(&prepared)
                    try buffer.withUnsafeBufferPointer { bytes in
                        for k in good..<bounds.count { line = try again(UnsafeBufferPointer(rebasing: bytes[bounds[k]]), line) }
                    }
                } else {
                    pending = prepared
                }
                buffer.removeFirst(end)
                if eof && buffer.isEmpty { break }
            }
            try deliverPending()
        }
    }

    /// Parses each range of `bytes` with its own parser, counting lines from 1.
    private static func parseChunks(_ whole: UnsafeBufferPointer<UInt8>, bounds: [Range<Int>], parsers: [LibCSVParser]) -> [ParsedChunk] {
        let shared = UnsafeSendable((whole, parsers))
        return Self.onWorkers(bounds.count) { k in
            let (bytes, parsers) = shared.value
            let parser = parsers[k]
            var chunk = ParsedChunk()
            do {
                try parser.reset(firstLine: 1)
                try parser.parse(UnsafeBufferPointer(rebasing: bytes[bounds[k]]))
                try parser.finish()
                chunk.records = parser.takeRaw()
                chunk.lineEnds = parser.line - 1
            } catch {}
            return chunk
        }
    }

    /// Runs `work` for `0..<count` on Dispatch workers (inline for one), results in order.
    static func onWorkers<T>(_ count: Int, _ work: (Int) -> T) -> [T] {
        if count == 1 { return [work(0)] }
        let slots = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { slots.deallocate() }
        withoutActuallyEscaping(work) { work in
            let shared = UnsafeSendable((work, slots))
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let (work, slots) = shared.value
                (slots.baseAddress! + k).initialize(to: work(k))
            }
        }
        let results = Array(slots)
        _ = slots.baseAddress!.deinitialize(count: count)
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
    /// - Complexity: O(n); bytes away from the targets and the end are only counted for
    ///   quotes (word-at-a-time), not walked one by one.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, targets: [Int], atEndOfFile: Bool) -> (splits: [Int], last: Int) {
        let n = bytes.count
        var splits: [Int] = []
        // Parity is known at `position`: `quoted` there.
        var position = 0
        var quoted = false
        for target in targets {
            if let previous = splits.last, target <= previous {
                splits.append(previous)
                continue
            }
            // A line end reaching `target` starts at `target - 2` at the earliest (CRLF).
            let from = max(position, target - 2)
            guard from < n else { break }
            var fromQuoted = quoted
            if quotes(bytes, position..<from) & 1 == 1 { fromQuoted.toggle() }
            guard let end = walk(bytes, from: from, quoted: fromQuoted, atEndOfFile: atEndOfFile, until: target).end else {
                // No boundary from this target on: the last one is before it, if any.
                let last = walk(bytes, from: position, quoted: quoted, atEndOfFile: atEndOfFile, until: nil).last
                return (splits, last ?? splits.last ?? 0)
            }
            splits.append(end)
            position = end
            quoted = false
        }
        // The last boundary: walk only the tail when it holds one.
        let tail = max(position, n - 65536)
        var tailQuoted = quoted
        if quotes(bytes, position..<tail) & 1 == 1 { tailQuoted.toggle() }
        if let last = walk(bytes, from: tail, quoted: tailQuoted, atEndOfFile: atEndOfFile, until: nil).last {
            return (splits, last)
        }
        let last = walk(bytes, from: position, quoted: quoted, atEndOfFile: atEndOfFile, until: nil).last
        return (splits, last ?? splits.last ?? 0)
    }

    /// Walks from `from` (where the parity is `quoted`) over line ends outside quotes: stops at
    /// the first one ending at or after `until` (`end`), or goes to the end of the bytes
    /// noting the `last` one; a CR ending the bytes before the end of file ends the walk.
    private static func walk(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, quoted: Bool, atEndOfFile: Bool, until target: Int?
    ) -> (end: Int?, last: Int?) {
        let n = bytes.count
        var quoted = quoted
        var last: Int?
        var i = from
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
                        return (nil, last)  // a CR at the window's end: its LF may follow
                    }
                }
                if let target, end >= target { return (end, end) }
                last = end
                i = end
                continue
            }
            i += 1
        }
        return (nil, last)
    }

    /// The number of `"` bytes in `range`, 16 bytes at a time.
    static func quotes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress, !range.isEmpty else { return 0 }
        let raw = UnsafeRawPointer(base)
        let quote = SIMD16<UInt8>(repeating: 0x22), one = SIMD16<UInt8>(repeating: 1), zero = SIMD16<UInt8>()
        var total = 0
        var i = range.lowerBound
        while range.upperBound - i >= 16 {
            // Byte lanes count at most 255 before they are added up.
            let blockEnd = min(i + 255 * 16, range.upperBound - (range.upperBound - i) % 16)
            var lanes = SIMD16<UInt8>()
            while i < blockEnd {
                let chunk = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                lanes &+= zero.replacing(with: one, where: chunk .== quote)
                i += 16
            }
            total += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while i < range.upperBound {
            if base[i] == 0x22 { total += 1 }
            i += 1
        }
        return total
    }
}

/// A consumer of raw-mode records (``RawRecords``): one per chunk, filled on a worker.
protocol RawRecordSink: Sendable {
    mutating func consume(_ records: RawRecords)
}

/// Carries values that are not `Sendable` (raw buffers, parsers and closures lent for one
/// window) to Dispatch workers. Safe here because the lender waits for the workers before the
/// values die or change: every worker reads the shared input and writes only its own slot
/// (its chunk's parser, its result), and the work running while the calling thread delivers
/// the previous window shares no mutable state with that delivery.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
