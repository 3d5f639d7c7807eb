import Dispatch
import SupplyChainModel

#if canImport(Glibc)
import Glibc
#endif

/// How ``FPDSFeed`` reads large files in parallel.
struct FPDSParallelism {
    /// Files smaller than this are read sequentially.
    var threshold = 16 << 20
    /// Bytes per chunk.
    var chunkBytes = 2 << 20
    /// Workers; a window holds four chunks per worker, so one worker that the system holds
    /// back delays only its chunk while the others take the next ones.
    var workers = ParallelCSV.defaultWorkers
}

/// Reads one FPDS feed file in chunks parsed on Dispatch workers, giving exactly what reading
/// it sequentially gives: the same contracts in the same order, the same findings and lines,
/// the same fatal error.
///
/// The file is read in windows of `4 × workers × chunkBytes` bytes, cut into chunks just after
/// entry end tags (`</…entry>`) that end an ASCII line. Each chunk is parsed by its own
/// libxml2 parser as the content of the root element, reopened by a prefix (the file's bytes
/// up to the end of the root's start tag, so the same namespace declarations are in scope),
/// after which the parser's line and column are set to those of the chunk's first byte (so
/// its messages, which name the lines of open elements, are the sequential ones), and closed
/// by the root's end tag; its entries are judged apart (``FPDSEntryReader/Outcome``),
/// then committed in file order on this thread, where duplicate ids are found and line
/// numbers shifted by the line ends the chunks before counted.
///
/// The cuts are found by looking at a few bytes only, so a cut may fall in a comment, a CDATA
/// section, an attribute value or a deeper element. A chunk is kept only when it parses
/// without any error and the root ends exactly at the appended end tag: since it starts at a
/// point where only the root is open, outside markup, it then ends at such a point too, with
/// the same callbacks as sequential parsing. Anything else — a failing chunk, a chunk holding
/// the end of a document, a window without a cut, the element cap reached — hands the rest
/// of the file to sequential parsing (``XMLStream/run(from:)``) from the start of that chunk,
/// the last known-good point, so errors are always the sequential ones. A file that does not
/// start with `<` (after a byte-order mark), declares an encoding other than UTF-8 or has
/// anything but its XML declaration before the root is read sequentially.
struct ParallelFPDS {
    let path: String
    let limits: ImportLimits
    let parallelism: FPDSParallelism

    /// Reads the file, committing its entries to `reader`.
    /// - Returns: how many chunks were parsed in parallel and kept.
    @discardableResult
    func run(into reader: FPDSEntryReader) throws -> Int {
        func sequential(_ resume: XMLStream.Resume? = nil) throws {
            try XMLStream(path: path, handler: reader, names: reader.names, limits: limits).run(from: resume)
        }
        let file = try InputFile(path: path)
        defer { file.close() }
        let workers = max(1, parallelism.workers), chunkBytes = max(1, parallelism.chunkBytes)
        var kept = 0
        guard file.size >= parallelism.threshold, file.size > 0 else {
            try sequential()
            return kept
        }
        XMLStream.preparedForThreads
        let perWindow = 4 * workers, window = perWindow * chunkBytes
        // `buffer[..<count]` holds the window; its first bytes are the rest of the previous one.
        // Bytes are never read before they are filled, so the buffer starts uninitialised.
        var buffer = [UInt8](unsafeUninitializedCapacity: window) { _, count in count = window }
        var count = 0
        var eof = false
        func fill() throws {
            guard !eof, count < window else { return }
            let n = try file.read(into: &buffer, from: count)
            if n < window - count { eof = true }
            count += n
        }
        try fill()
        guard let head = FeedHead(Array(buffer[..<count])) else {
            try sequential()
            return kept
        }
        // The known-good point: `start` in `buffer`, at `windowOffset + start` in the file, on
        // `line` at `column`.
        var windowOffset = 0
        var start = head.firstByte
        var line = 1, column = 1
        var elements = 0
        var atFileStart = true
        /// Commits a parsed window's chunks in order; false when a chunk handed the rest of the
        /// file to sequential parsing.
        func commit(_ parsed: consuming ParsedWindow) throws -> Bool {
            for k in parsed.chunks.indices {
                guard var result = parsed.chunks[k].take(), elements + result.elements <= limits.maxRecords else {
                    let resume = head.resume(at: parsed.offset + parsed.bounds[k].lowerBound, line: line, column: column, elements: elements)
                    try sequential(parsed.atFileStart && k == 0 ? nil : resume)
                    return false
                }
                // Each outcome is moved out (its slot left empty), so nothing is copied.
                result.outcomes.withUnsafeMutableBufferPointer { outcomes in
                    for i in outcomes.indices {
                        let slot = outcomes.baseAddress! + i
                        let outcome = slot.move()
                        slot.initialize(to: .empty)
                        reader.commit(outcome, lineShift: line - 1)
                    }
                }
                line += result.lineEnds
                column = parsed.cuts[k].column
                elements += result.elements
                kept += 1
            }
            return true
        }
        // The window parsed last, committed while the next one is parsed.
        var previous: ParsedWindow?
        while true {
            let parsed: ParsedWindow? = try buffer.withUnsafeBufferPointer { whole in
                let bytes = UnsafeBufferPointer(rebasing: whole[..<count])
                let cuts = Self.cuts(bytes, from: atFileStart ? head.rootEnd : start, chunkBytes: chunkBytes, chunks: perWindow)
                guard !cuts.isEmpty else { return nil }
                let bounds = zip([start] + cuts.dropLast().map(\.at), cuts.map(\.at)).map { $0..<$1 }
                let chunks = Self.parseLater(bytes, bounds: bounds, head: head, atFileStart: atFileStart, path: path, limits: limits)
                defer { _ = chunks() }
                if let previous, try !commit(previous) { return ParsedWindow(offset: 0, atFileStart: false, bounds: [], cuts: [], chunks: []) }
                return ParsedWindow(offset: windowOffset, atFileStart: atFileStart, bounds: bounds, cuts: cuts, chunks: chunks())
            }
            guard let parsed else {
                if let previous, try !commit(previous) { return kept }
                try sequential(atFileStart ? nil : head.resume(at: windowOffset + start, line: line, column: column, elements: elements))
                return kept
            }
            // An empty window: the previous one handed the rest to sequential parsing.
            guard let last = parsed.cuts.last else { return kept }
            previous = parsed
            atFileStart = false
            if eof {
                // The rest holds the root's end (and maybe more documents).
                guard try commit(parsed) else { return kept }
                try sequential(head.resume(at: windowOffset + last.at, line: line, column: column, elements: elements))
                return kept
            }
            buffer.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: $0.baseAddress! + last.at, count: count - last.at) }
            count -= last.at
            windowOffset += last.at
            start = 0
            try fill()
        }
    }

    /// A window's chunks, parsed.
    struct ParsedWindow {
        /// Where the window starts in the file, and whether that is the file's start.
        var offset: Int
        var atFileStart: Bool
        /// The chunks in the window, the cuts that end them, and what parsing them gave.
        var bounds: [Range<Int>]
        var cuts: [Cut]
        var chunks: [Chunk?]
    }

    /// Starts parsing the chunks `bounds` of `bytes` on Dispatch workers; the function returned
    /// waits for them and gives their results (it must be called before `bytes` goes away).
    static func parseLater(
        _ bytes: UnsafeBufferPointer<UInt8>, bounds: [Range<Int>], head: FeedHead, atFileStart: Bool, path: String, limits: ImportLimits
    ) -> () -> [Chunk?] {
        let slots = UnsafeMutableBufferPointer<Chunk?>.allocate(capacity: bounds.count)
        slots.initialize(repeating: nil)
        let group = DispatchGroup()
        let shared = UnsafeSendable((bytes, slots))
        for k in bounds.indices {
            DispatchQueue.global().async(group: group) {
                let (bytes, slots) = shared.value
                slots[k] = Self.parse(UnsafeBufferPointer(rebasing: bytes[bounds[k]]), head: head, atFileStart: atFileStart && k == 0, path: path, limits: limits)
            }
        }
        var results: [Chunk?]?
        return {
            if let results { return results }
            group.wait()
            let all = Array(shared.value.1)
            shared.value.1.deinitialize()
            shared.value.1.deallocate()
            results = all
            return all
        }
    }

    /// One chunk parsed with lines counted from 1: its entries, line ends and elements.
    struct Chunk: Sendable {
        var outcomes: [FPDSEntryReader.Outcome]
        var lineEnds: Int
        var elements: Int
    }

    /// Parses one chunk (the file's first when `atFileStart`), or nil when it must be parsed
    /// sequentially.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, head: FeedHead, atFileStart: Bool, path: String, limits: ImportLimits) -> Chunk? {
        let reader = FPDSEntryReader(file: path)
        reader.outcomes = []
        let stream = XMLStream(path: path, handler: reader, names: reader.names, limits: limits)
        guard let counts = stream.parseChunk(bytes, prefix: atFileStart ? [] : head.prefix, suffix: head.endTag) else { return nil }
        return Chunk(outcomes: reader.outcomes ?? [], lineEnds: counts.lineEnds, elements: counts.elements)
    }

    /// A place where a chunk may end: just after an entry's end tag, before the line end
    /// that follows it; `column` is the parser's column there.
    struct Cut {
        var at: Int
        var column: Int
    }

    /// The chunk ends in `bytes`: the first cut at or after each multiple of `chunkBytes`
    /// below `chunks × chunkBytes`, then the last cut; all after `from`, increasing. Empty when
    /// there is none.
    static func cuts(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, chunkBytes: Int, chunks: Int) -> [Cut] {
        guard let last = lastCut(bytes, after: from) else { return [] }
        var cuts: [Cut] = []
        for k in 1..<max(chunks, 1) {
            guard let cut = firstCut(bytes, from: max(from + 1, (cuts.last?.at ?? from) + 1, k * chunkBytes)), cut.at < last.at else { break }
            cuts.append(cut)
        }
        return cuts + [last]
    }

    /// The cut at the line end at `p` (`\n`, or the `\r` of `\r\n`), if any: it must follow
    /// an end tag whose local name is `entry`, on a line of ASCII bytes (so the parser's column
    /// is the byte count), after `floor`.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int, floor: Int) -> Cut? {
        guard p >= floor + 8, p < bytes.count, bytes[p] == 0x0A || (bytes[p] == 0x0D && p + 1 < bytes.count && bytes[p + 1] == 0x0A) else { return nil }
        let i = p - 1
        guard bytes[i] == UInt8(ascii: ">"), bytes[i - 5] == UInt8(ascii: "e"), bytes[i - 4] == UInt8(ascii: "n"),
            bytes[i - 3] == UInt8(ascii: "t"), bytes[i - 2] == UInt8(ascii: "r"), bytes[i - 1] == UInt8(ascii: "y")
        else { return nil }
        var j = i - 6
        if bytes[j] == UInt8(ascii: ":") {
            // A prefix: name characters back to `</`.
            j -= 1
            while j > floor + 1, !Self.endsName(bytes[j]) { j -= 1 }
        }
        guard j >= floor + 1, bytes[j] == UInt8(ascii: "/"), bytes[j - 1] == UInt8(ascii: "<") else { return nil }
        var start = j - 1
        while start > floor, bytes[start - 1] != 0x0A {
            start -= 1
            if bytes[start] >= 0x80 || bytes[start] == 0x0D { return nil }
        }
        // A line that does not start in `bytes` (after `floor`) has an unknown column.
        guard start > floor || (start == floor && floor == 0) else { return nil }
        return Cut(at: p, column: p - start + 1)
    }

    /// Whether `byte` cannot be part of a name (markup or white space).
    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte <= 0x20
    }

    /// The first cut at or after `from`.
    static func firstCut(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Cut? {
        var p = from
        while p < bytes.count {
            guard let found = memchr(bytes.baseAddress! + p, 0x0A, bytes.count - p) else { return nil }
            p = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if let cut = cut(bytes, at: p, floor: 0) ?? (p > from ? cut(bytes, at: p - 1, floor: 0) : nil) { return cut }
            p += 1
        }
        return nil
    }

    /// The last cut after `after`.
    static func lastCut(_ bytes: UnsafeBufferPointer<UInt8>, after: Int) -> Cut? {
        var p = bytes.count - 1
        while p > after {
            if bytes[p] == 0x0A, let cut = cut(bytes, at: p, floor: 0) ?? cut(bytes, at: p - 1, floor: 0), cut.at > after { return cut }
            p -= 1
        }
        return nil
    }
}

/// What a feed file starts with: its XML declaration and root start tag, from which a chunk
/// parser reopens the root. Nil when the file starts any other way (it is read sequentially).
struct FeedHead: Sendable {
    /// The first byte after a byte-order mark.
    var firstByte: Int
    /// Where the root's start tag ends.
    var rootEnd: Int
    /// The file from its first byte to the end of the root start tag (the XML declaration and
    /// that tag).
    var prefix: [UInt8]
    /// The root's end tag.
    var endTag: [UInt8]

    init?(_ bytes: [UInt8]) {
        let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        var p = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let start = p
        firstByte = p
        guard p < bytes.count, bytes[p] == UInt8(ascii: "<") else { return nil }
        if bytes[p...].starts(with: Array("<?xml".utf8)), p + 5 < bytes.count, space.contains(bytes[p + 5]) {
            guard let end = Self.find(Array("?>".utf8), in: bytes, from: p) else { return nil }
            let declaration = Array(bytes[p..<end + 2])
            if let e = Self.find(Array("encoding".utf8), in: declaration, from: 0) {
                let value = declaration[(e + 8)...].drop { space.contains($0) || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
                guard String(decoding: value.prefix(5), as: UTF8.self).lowercased() == "utf-8",
                    value.dropFirst(5).first.map({ $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) == true
                else { return nil }
            }
            p = end + 2
            while p < bytes.count, space.contains(bytes[p]) { p += 1 }
        }
        // The root start tag: a name, then attributes up to `>` outside quotes.
        guard p + 1 < bytes.count, bytes[p] == UInt8(ascii: "<"), ![UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "/")].contains(bytes[p + 1]) else { return nil }
        var q = p + 1
        while q < bytes.count, !space.contains(bytes[q]), bytes[q] != UInt8(ascii: ">"), bytes[q] != UInt8(ascii: "/") { q += 1 }
        let name = bytes[(p + 1)..<q]
        var quote: UInt8?
        while q < bytes.count {
            let byte = bytes[q]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            if byte == UInt8(ascii: "<") && q > p { return nil }
            q += 1
        }
        guard q < bytes.count, !name.isEmpty, bytes[q - 1] != UInt8(ascii: "/") else { return nil }
        rootEnd = q + 1
        // Kept as is, so the parser numbers the lines of the root start tag as in the file
        // (libxml2 names that line in some messages).
        prefix = Array(bytes[start...q])
        endTag = Array("</".utf8) + name + Array(">".utf8)
    }

    /// The resume point at `offset` (a known-good point, at `line` and `column`).
    func resume(at offset: Int, line: Int, column: Int, elements: Int) -> XMLStream.Resume {
        XMLStream.Resume(offset: offset, line: line, column: column, prefix: prefix, elements: elements)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
