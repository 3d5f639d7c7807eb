import SupplyChainModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the supplier positions of many ids at once: `keys` holds the ids' UTF-8 bytes back to
/// back, `ends` the end offset of each; the answer has one position per id, −1 when no
/// supplier has it. (A batch, so that the look-ups' cache misses can overlap.)
public typealias SupplierLookup = @Sendable (_ keys: UnsafeRawBufferPointer, _ ends: UnsafeBufferPointer<Int>) -> [Int32]

extension NativeCSVImporter {
    /// Reads a native links file straight into a ``LinkTable``, resolving each end with
    /// `supplier`: the fast path for large graphs. Records stay bytes from libcsv to the table
    /// (no `String` per field); large files are converted in chunks on Dispatch workers.
    ///
    /// Rows get exactly the checks, messages and counts of ``links(path:options:)``; a row
    /// whose buyer or supplier names no supplier is rejected here as `unknown-supplier`. Rows
    /// with bytes outside ASCII take the `String` path of the other importers.
    /// - Throws: ``InputError`` as ``links(path:options:)``.
    public static func linkTable(path: String, options: ImportOptions = ImportOptions(), supplier: @escaping SupplierLookup) throws -> LinkTableImport {
        guard let headerRecord = try TableImport.header(path: path) else {
            throw InputError(
                code: "empty-file", "the file is empty; expected a header row naming the columns \(linkColumns.map(\.name).joined(separator: ", "))",
                at: SourceLocation(file: path, line: 0))
        }
        let header = try HeaderMap(header: headerRecord, file: path, columns: linkColumns, required: linkRequired, renames: options.columnMap)
        var reader = CSVReader(path: path)
        reader.parallelThreshold = options.parallelThreshold
        reader.parallelChunkBytes = options.parallelChunkBytes
        reader.workers = options.workers
        reader.limits = options.limits
        var merged = LinkTableMerge(path: path, limits: options.limits)
        merged.fileBytes = InputStreams.size(of: path)
        let layout = LinkRowLayout(header: header, headerLine: headerRecord.line, path: path, lookup: supplier, keepRecords: options.keepRecords)
        try reader.readRaw(makeSink: { LinkRowSink(layout: layout) }, collect: { try merged.add($0) })
        return merged.finish(headerFindings: header.findings)
    }
}

/// Where the link columns are, and how to resolve ids: shared by every chunk's sink.
struct LinkRowLayout: Sendable {
    let header: HeaderMap
    let headerLine: Int
    let path: String
    let lookup: SupplierLookup
    let buyer: Int, supplier: Int
    let share: Int?, good: Int?
    /// See ``ImportOptions/keepRecords``.
    let keepRecords: Bool
    /// The header's cells as bytes (see ``HeaderMap/cells``), to tell a repeated header.
    let headings: [[UInt8]]?

    init(header: HeaderMap, headerLine: Int, path: String, lookup: @escaping SupplierLookup, keepRecords: Bool = true) {
        self.keepRecords = keepRecords
        self.header = header
        self.headerLine = headerLine
        self.path = path
        self.lookup = lookup
        headings = header.cells.map { $0.map { Array($0.utf8) } }
        buyer = header.index(of: "buyer_id")!
        supplier = header.index(of: "supplier_id")!
        share = header.index(of: "share")
        good = header.index(of: "good")
    }
}

/// One chunk's rows converted: links, findings, counts and rejected rows, in file order.
struct LinkRowSink: RawRecordSink {
    let layout: LinkRowLayout
    var table: LinkTable
    var summary: ImportSummary
    /// Findings in row order; `wide` marks an `extra-fields` warning (only the first three of
    /// the file are kept, which the merge decides).
    var findings: [(finding: Finding, wide: Bool)] = []
    var rejected: [RejectedRow] = []
    /// The line of every record, the header included, for the record cap.
    var recordLines: [Int32] = []
    var transcoded: (firstLine: Int, fields: Int)?
    /// Good names → numbers, by `String` (the authority: canonically equivalent spellings are
    /// one good), and by bytes for the ASCII names of ASCII rows (no `String` per row).
    private var goodIndex: [String: Int32] = [:]
    private var goodBytes = BytesIndex()
    /// Per record of the batch being converted: whether it is wider than the header.
    private var wide: [Bool] = []
    /// Bytes of the records consumed (fields plus one delimiter or line end each), to size
    /// the merged table from the first chunk.
    private(set) var byteCount = 0

    init(layout: LinkRowLayout) {
        self.layout = layout
        table = LinkTable(file: layout.path)
        summary = ImportSummary(file: layout.path)
    }

    /// Converts a batch in three passes: check each row and collect the ids of the good ones,
    /// resolve all ids in one batch look-up, then add or reject the rows in order.
    mutating func consume(_ records: RawRecords) {
        byteCount += records.bytes.count + records.fieldEnds.count
        if recordLines.isEmpty {
            // A chunk is consumed in one batch: its columns are sized once.
            recordLines.reserveCapacity(records.count)
            table.reserveCapacity(records.count)
        }
        var outcomes: [RowOutcome] = []
        outcomes.reserveCapacity(records.count)
        wide.removeAll(keepingCapacity: true)
        // The buyers' ids and the suppliers' ids, each in a batch of their own: a file lists a
        // buyer's links together, and the look-up reuses the index of a key equal to the one
        // before it (interleaved, a buyer followed its previous row's supplier, never itself).
        var keys = LinkKeys(capacity: records.count, bytes: records.bytes.count / 2)
        records.forEach { _, record in
            recordLines.append(Int32(clamping: record.line))
            if record.line == layout.headerLine && summary.read == 0 && recordLines.count == 1 {
                // The header's own Windows-1252 bytes are noted too, as the other readers do.
                if !record.isASCII { _ = record.decodedFields(noting: &transcoded) }
                outcomes.append(.skip)
                wide.append(false)
                return
            }
            outcomes.append(check(record, keys: &keys))
        }
        let (buyers, suppliers) = keys.positions(layout.lookup)
        records.forEach { r, record in
            if wide[r] { noteWide(record) }
            switch outcomes[r] {
            case .skip: break
            case .rejected(let rejection): reject(record, rejection)
            case .decoded(let link): consumeDecoded(record, link)
            case .link(let key, let share, let good):
                let buyer = buyers[key], supplier = suppliers[key]
                add(record, buyer: buyer < 0 ? nil : buyer, supplier: supplier < 0 ? nil : supplier, share: share, good: good) {
                    (keys.buyers.text(key), keys.suppliers.text(key))
                }
            }
        }
    }

    /// What the first pass found about a row. The rare cases are boxed, so that the common
    /// one (`link`) sets the size of each row's entry (24 bytes instead of a `SupplyLink`'s).
    enum RowOutcome {
        case skip
        indirect case rejected(RowRejection)
        /// A row with bytes outside ASCII, converted by the `String` path.
        indirect case decoded(SupplyLink)
        /// A good row: its ids are key `key` of the batch's buyers and suppliers.
        case link(key: Int, share: Double?, good: Int32)
    }

    /// Counts the row and checks everything but the ids; a good row's ids go to `keys`.
    private mutating func check(_ record: RawRecord, keys: inout LinkKeys) -> RowOutcome {
        summary.read += 1
        guard record.isASCII else { return decode(record) }
        if record.isBlank {
            summary.blank += 1
            wide.append(false)
            return .skip
        }
        wide.append(isWide(record))
        // Excel's delimiter line of a second file joined with `cat` (rare: four bytes compared).
        if DelimiterHint.isRepeatedLine(record) { return .rejected(DelimiterHint.repeatedLine) }
        let buyer = record.trimmedField(layout.buyer)
        guard !buyer.isEmpty else { return .rejected(RowRejection("missing-value", "'buyer_id' is empty", column: layout.buyer + 1)) }
        // A repeated header (files joined with `cat`), cell by cell as ``HeaderMap/repeatsHeader(_:)``
        // tells it; one comparison of the buyer cell for other rows.
        if let headings = layout.headings, buyer.elementsEqual(headings[layout.buyer]), record.count == headings.count,
            (0..<record.count).allSatisfy({ record.trimmedField($0).elementsEqual(headings[$0]) })
        {
            return .rejected(.repeatedHeader)
        }
        let supplier = record.trimmedField(layout.supplier)
        guard !supplier.isEmpty else { return .rejected(RowRejection("missing-value", "'supplier_id' is empty", column: layout.supplier + 1)) }
        var share: Double?
        if let column = layout.share {
            let text = record.trimmedField(column)
            if !text.isEmpty {
                guard let value = NumberParsing.fraction(bytes: text), value > 0, value <= 1 else {
                    return .rejected(RowRejection(
                        "invalid-number", "'share' is '\(String(decoding: text, as: UTF8.self))'; expected \(LinkRows.shareExpected)",
                        column: column + 1))
                }
                share = value
            }
        }
        var good: Int32 = -1
        if let column = layout.good {
            let text = record.trimmedField(column)
            if !text.isEmpty { good = goodNumber(text) }
        }
        return .link(key: keys.append(buyer: buyer, supplier: supplier), share: share, good: good)
    }

    /// The first pass of the `String` path, for records with bytes outside ASCII (UTF-8 or
    /// Windows-1252 text).
    private mutating func decode(_ raw: RawRecord) -> RowOutcome {
        let record = decoded(raw)
        if record.isBlank {
            summary.blank += 1
            wide.append(false)
            return .skip
        }
        wide.append(isWide(raw))
        if layout.header.repeatsHeader(record.fields) { return .rejected(.repeatedHeader) }
        if DelimiterHint.isRepeatedLine(record.fields) { return .rejected(DelimiterHint.repeatedLine) }
        do {
            return .decoded(try LinkRows.convert(Row(record: record, map: layout.header, file: layout.path)))
        } catch {
            return .rejected(error)
        }
    }

    /// The second pass of the `String` path: resolves the ids one by one.
    private mutating func consumeDecoded(_ record: RawRecord, _ link: SupplyLink) {
        var good: Int32 = -1
        if let name = link.good { good = goodNumber(name) }
        var ids = link.buyerID + link.supplierID
        let split = link.buyerID.utf8.count
        let positions = ids.withUTF8 { bytes in [split, bytes.count].withUnsafeBufferPointer { layout.lookup(UnsafeRawBufferPointer(bytes), $0) } }
        add(record, buyer: positions[0] < 0 ? nil : positions[0], supplier: positions[1] < 0 ? nil : positions[1], share: link.share, good: good) {
            (link.buyerID, link.supplierID)
        }
    }

    /// Adds the link, or rejects the row when an end names no supplier (`ids` gives the ids
    /// as text for the message).
    private mutating func add(_ record: RawRecord, buyer: Int32?, supplier: Int32?, share: Double?, good: Int32, ids: () -> (buyer: String, supplier: String)) {
        guard let buyer, let supplier else {
            let (buyerID, supplierID) = ids()
            return reject(record, RowRejection(
                UnknownSupplier.code, UnknownSupplier.reason(buyerID: buyer == nil ? buyerID : nil, supplierID: supplier == nil ? supplierID : nil)))
        }
        if layout.keepRecords { table.append(buyer: buyer, supplier: supplier, share: share, good: good, line: record.line) }
        summary.accepted += 1
    }

    /// The number of a good given as ASCII bytes: from the byte table, else numbered by name
    /// (a good first met in a non-ASCII row keeps its number) and added to the byte table.
    private mutating func goodNumber(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        if let number = goodBytes.number(of: bytes) { return number }
        let number = goodNumber(String(decoding: bytes, as: UTF8.self))
        goodBytes.insert(bytes, number: number)
        return number
    }

    private mutating func goodNumber(_ name: String) -> Int32 {
        if let number = goodIndex[name] { return number }
        let number = Int32(table.goodNames.count)
        table.goodNames.append(name)
        goodIndex[name] = number
        return number
    }

    /// Whether the record has non-empty fields past the header's width (`extra-fields`).
    private func isWide(_ record: RawRecord) -> Bool {
        let width = layout.header.width
        return record.count > width && (width..<record.count).contains(where: { record.field($0).count > 0 })
    }

    /// The `extra-fields` warning for a wide record.
    private mutating func noteWide(_ record: RawRecord) {
        let width = layout.header.width
        findings.append((Finding(
            .warning, code: "extra-fields",
            "the row has \(record.count) fields but the header names \(width); the extra fields are ignored",
            at: SourceLocation(file: layout.path, line: record.line)), true))
    }

    private mutating func reject(_ record: RawRecord, _ error: RowRejection) {
        summary.reject(reason: error.code)
        let location = SourceLocation(file: layout.path, line: record.line, column: error.column)
        findings.append((Finding(.error, code: error.code, "row rejected: \(error.message)", at: location), false))
        if layout.keepRecords {
            rejected.append(RejectedRow(location: location, code: error.code, reason: error.message, fields: record.strings().map(\.text)))
        }
    }

    /// The record as text, noting fields that were not UTF-8.
    private mutating func decoded(_ record: RawRecord) -> CSVRecord {
        CSVRecord(line: record.line, fields: record.decodedFields(noting: &transcoded))
    }
}

/// The ids of a batch's good rows, buyers and suppliers apart, resolved in one look-up each.
struct LinkKeys {
    /// Ids back to back, with the end offset of each.
    struct Column {
        var bytes: [UInt8] = []
        var ends: [Int] = []

        mutating func append(_ id: UnsafeRawBufferPointer) {
            bytes.append(contentsOf: id)
            ends.append(bytes.count)
        }

        /// Id `key` as text (for a message).
        func text(_ key: Int) -> String {
            bytes.withUnsafeBytes { String(decoding: $0[(key == 0 ? 0 : ends[key - 1])..<ends[key]], as: UTF8.self) }
        }
    }

    var buyers = Column(), suppliers = Column()

    init(capacity: Int, bytes: Int) {
        buyers.bytes.reserveCapacity(bytes / 2)
        suppliers.bytes.reserveCapacity(bytes / 2)
        buyers.ends.reserveCapacity(capacity)
        suppliers.ends.reserveCapacity(capacity)
    }

    /// Adds a row's ids; returns their key.
    mutating func append(buyer: UnsafeRawBufferPointer, supplier: UnsafeRawBufferPointer) -> Int {
        buyers.append(buyer)
        suppliers.append(supplier)
        return buyers.ends.count - 1
    }

    /// The supplier positions of every buyer and every supplier, −1 for an unknown id.
    func positions(_ lookup: SupplierLookup) -> (buyers: [Int32], suppliers: [Int32]) {
        func resolve(_ column: Column) -> [Int32] {
            column.bytes.withUnsafeBytes { k in column.ends.withUnsafeBufferPointer { lookup(k, $0) } }
        }
        return (resolve(buyers), resolve(suppliers))
    }
}

extension RawRecords {
    /// Calls `body` with each record's position and a view of it, in order.
    func forEach(_ body: (Int, RawRecord) -> Void) {
        var firstField = 0
        for r in 0..<count {
            let lastField = recordEnds[r]
            body(r, RawRecord(bytes: bytes, ends: fieldEnds, first: firstField, count: lastField - firstField, line: lines[r], isASCII: ascii[r]))
            firstField = lastField
        }
    }
}

/// One record of a ``RawRecords`` batch, viewed in place.
struct RawRecord {
    let bytes: UnsafeRawBufferPointer
    let ends: UnsafeBufferPointer<Int>
    /// Index of the record's first field in `ends`.
    let first: Int
    /// Number of fields.
    let count: Int
    let line: Int

    /// Field `i`'s bytes (empty when the record has fewer fields).
    @inline(__always)
    func field(_ i: Int) -> UnsafeRawBufferPointer {
        guard i < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let k = first + i
        let start = k == 0 ? 0 : ends[k - 1]
        return UnsafeRawBufferPointer(rebasing: bytes[start..<ends[k]])
    }

    /// Field `i` without leading and trailing ASCII whitespace (the record is ASCII).
    @inline(__always)
    func trimmedField(_ i: Int) -> UnsafeRawBufferPointer {
        let field = self.field(i)
        var start = field.startIndex, end = field.endIndex
        while start < end, Self.isSpace(field[start]) { start += 1 }
        while end > start, Self.isSpace(field[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: field[start..<end])
    }

    /// ASCII white space as `Character.isWhitespace` sees it: tab, line feed, vertical tab,
    /// form feed, carriage return and space.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Whether every byte of the record is ASCII (noted by the parser as it copied the fields).
    let isASCII: Bool

    /// Whether every field is empty or blank (``CSVRecord/isBlank``).
    var isBlank: Bool { (0..<count).allSatisfy { field($0).allSatisfy(CSVRecord.isBlankByte) } }

    /// The fields decoded as the `String` path decodes them.
    func strings() -> [(text: String, transcoded: Bool)] {
        (0..<count).map { TextDecoding.decode(field($0)) }
    }

    /// The fields as text, noting in `transcoded` the fields that were not UTF-8, the first
    /// one at its own line (the record's, plus the line ends of the fields before it).
    func decodedFields(noting transcoded: inout (firstLine: Int, fields: Int)?) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(count)
        var line = self.line
        for i in 0..<count {
            let (text, wasTranscoded) = TextDecoding.decode(field(i))
            if wasTranscoded { transcoded = (transcoded?.firstLine ?? line, (transcoded?.fields ?? 0) + 1) }
            line += lineEnds(in: field(i))
            fields.append(text)
        }
        return fields
    }
}

/// Puts the chunks' sinks together in file order: the record cap, the first three
/// `extra-fields` warnings, counts and the `non-utf8` warning.
struct LinkTableMerge {
    let path: String
    let limits: ImportLimits
    var table: LinkTable
    var summary: ImportSummary
    var findings: [Finding] = []
    var rejected: [RejectedRow] = []
    var records = 0
    var wideRows = 0
    var transcoded: (firstLine: Int, fields: Int)?
    /// The file's size (0 when unknown), to size ``table`` from the first chunk.
    var fileBytes = 0

    init(path: String, limits: ImportLimits) {
        self.path = path
        self.limits = limits
        table = LinkTable(file: path)
        summary = ImportSummary(file: path)
    }

    mutating func add(_ sink: LinkRowSink) throws {
        if records + sink.recordLines.count > limits.maxRecords {
            let line = Int(sink.recordLines[limits.maxRecords - records])
            throw limits.tooManyRecords(at: SourceLocation(file: path, line: line))
        }
        records += sink.recordLines.count
        if table.count == 0 && table.goodNames.isEmpty {
            table = sink.table
            if fileBytes > 0 && sink.table.count > 0 {
                // One allocation per column instead of doublings, each of which copied the
                // column into fresh pages.
                table.reserveCapacity(limits.expectedRows(sampleRows: sink.table.count, sampleBytes: sink.byteCount, fileBytes: fileBytes))
            }
        } else {
            table.append(contentsOf: sink.table)
        }
        for (finding, wide) in sink.findings {
            if wide {
                wideRows += 1
                if wideRows > 3 { continue }
            }
            findings.append(finding)
        }
        rejected += sink.rejected
        summary.read += sink.summary.read
        summary.accepted += sink.summary.accepted
        summary.blank += sink.summary.blank
        summary.rejected += sink.summary.rejected
        summary.rejectedByReason.merge(sink.summary.rejectedByReason, uniquingKeysWith: +)
        if let t = sink.transcoded { transcoded = (transcoded?.firstLine ?? t.firstLine, (transcoded?.fields ?? 0) + t.fields) }
    }

    func finish(headerFindings: [Finding]) -> LinkTableImport {
        var all = CSVReader.encodingFindings(transcoded, path: path) + headerFindings + findings
        if wideRows > 3 {
            all.append(Finding(.warning, code: "extra-fields", "\(wideRows) rows in all have more fields than the header", at: SourceLocation(file: path, line: 0)))
        }
        return LinkTableImport(table: table, findings: all, summary: summary, rejectedRows: rejected)
    }
}
