import SupplyChainModel

/// A converter of rows keyed by a unique id (suppliers, contracts): its checks split into the
/// part that needs only the row (``check(_:_:keep:)``, run on any thread) and the part that
/// needs the rows before it (a repeated id, ``IDRegistry/admit(_:rejection:column:at:findings:)``).
protocol KeyedRows {
    associatedtype Record: Sendable
    associatedtype Columns: KeyedColumns
    init()
    /// Converts a row of a file read from start to end (CSV rows of the `String` path, XML).
    mutating func convert(_ row: Row, findings: inout [Finding]) throws(RowRejection) -> Record
    /// The checks after the id's, and the record when `keep` (``check(_:_:keep:)`` reads the
    /// id first).
    static func rest<R: RowFields>(_ row: R, _ columns: Columns, id: String, keep: Bool) throws(RowRejection) -> Record?
    /// The row's id, and which key column it came from (see ``KeyedColumns/keyColumn(_:)``).
    static func key<R: RowFields>(_ row: R, _ columns: Columns) throws(RowRejection) -> (id: String, key: Int)
}

extension KeyedRows {
    /// The required ``KeyedColumns/id`` column (key 0): most tables have one id column.
    static func key<R: RowFields>(_ row: R, _ columns: Columns) throws(RowRejection) -> (id: String, key: Int) {
        (try row.required(columns.id), 0)
    }

    /// A row of the `String` path checked and admitted in one go (``check(_:_:keep:take:)``
    /// then ``IDRegistry/admit(_:columns:at:findings:)``): the record, or the row's rejection.
    /// A row rejected as a repeated id has its dates taken back (see ``DateReading/Tally``).
    static func admitted(_ row: Row, _ columns: Columns, ids: inout IDRegistry, findings: inout [Finding]) throws(RowRejection) -> Record {
        _ = row.dates?.takeRowTally()
        var record: Record?
        let outcome = check(row, columns, keep: true) { record = $0 }
        let tally = row.dates?.takeRowTally()
        do {
            try ids.admit(outcome, columns: columns, at: row.location, findings: &findings)
        } catch {
            if error.code == IDRegistry.duplicateCode, let tally { row.dates?.withdraw(tally) }
            throw error
        }
        return record!
    }

    /// The row's checks but the repeated id's; the record, when `keep` and the checks pass, goes
    /// to `take` (straight into the caller's storage: returned inside the outcome, it was copied
    /// on the way out, retaining and releasing each of its strings).
    @inline(__always)
    static func check<R: RowFields>(_ row: R, _ columns: Columns, keep: Bool, take: (consuming Record) -> Void) -> PendingRow.Outcome {
        let id: String, key: Int
        do { (id, key) = try Self.key(row, columns) } catch { return .rejected(error) }
        // An id cell that is its own column's header cell is a repeated header line (checked
        // here, not cell by cell, so that the byte path and the `String` path agree). The id
        // is the cell itself for key 0, and may be more than the cell for another key.
        let keyColumn = key == 0 ? columns.id : columns.keyColumn(key)
        let cell = key == 0 ? id : row[keyColumn] ?? id
        if let heading = keyColumn.heading, cell == heading || (cell.unicodeScalars.first == "\u{FEFF}" && HeaderMap.withoutMark(cell) == heading) {
            return .rejected(.repeatedHeader)
        }
        do throws(RowRejection) {
            if let record = try rest(row, columns, id: id, keep: keep) { take(record) }
            return .keyed(id: id, rejection: nil, key: key)
        } catch {
            return .keyed(id: id, rejection: error, key: key)
        }
    }
}

/// The columns of a keyed table, resolved against a header.
protocol KeyedColumns: Sendable {
    init(_ header: HeaderMap)
    var id: Column { get }
    /// The column key `k` of ``KeyedRows/key(_:_:)`` names, for messages: ``id`` unless a
    /// table takes its id from the first non-empty of several columns.
    func keyColumn(_ k: Int) -> Column
}

extension KeyedColumns {
    func keyColumn(_ k: Int) -> Column { id }
}

extension SupplierRows.Columns: KeyedColumns {}
extension ContractRows.Columns: KeyedColumns {}

extension IDRegistry {
    /// The checks of a keyed row that depend on the rows before it: a repeated id is rejected
    /// (`duplicate-id`, naming `column`), then the row's own `rejection` is thrown; an accepted
    /// row's id is registered, and a `lookalike-id` warning goes to `findings`.
    mutating func admit(_ id: String, rejection: RowRejection?, column: Column, at location: SourceLocation, findings: inout [Finding]) throws(RowRejection) {
        if rejection == nil {
            switch firstUse(id, line: location.line) {
            case .new: return
            case .repeated(let line): throw Self.repeated(id, column: column.name, number: column.number, line: line)
            case .undecided: break
            }
        }
        try rejectRepeat(id, column: column.name, number: column.number)
        if let rejection { throw rejection }
        if let warning = register(id, what: column.name, at: location) { findings.append(warning) }
    }

    /// ``admit(_:rejection:column:at:findings:)`` for a checked row (``KeyedRows/check(_:_:keep:take:)``),
    /// naming the key column it came from.
    mutating func admit(_ outcome: PendingRow.Outcome, columns: some KeyedColumns, at location: SourceLocation, findings: inout [Finding]) throws(RowRejection) {
        switch outcome {
        case .rejected(let rejection): throw rejection
        case .keyed(let id, let rejection, let key):
            try admit(id, rejection: rejection, column: columns.keyColumn(key), at: location, findings: &findings)
        }
    }
}

/// Reads native suppliers and contracts files: records stay bytes from libcsv to the checks
/// (a `String` only for the cells a record keeps, none per row or per dropped cell), large
/// files are checked in chunks on Dispatch workers, and the chunks are merged in file order
/// (repeated ids, the first three `extra-fields` warnings, the record cap, `non-utf8`), as
/// ``NativeCSVImporter/linkTable(path:options:supplier:)`` reads links.
///
/// Rows get exactly the checks, messages, counts and findings of ``TableImport/read`` with the
/// same converter; rows with bytes outside ASCII take its `String` path. A file whose header
/// cannot be read or mapped is read by ``TableImport/read`` itself, for its exact error.
enum KeyedTableReader<Rows: KeyedRows> {
    static func read(path: String, columns: [ColumnSpec], required: [[String]], options: ImportOptions) throws -> ImportResult<Rows.Record> {
        let headerRecord: CSVRecord, header: HeaderMap
        do {
            // The first read as large as the reader's below, so that the same delimiter is found.
            guard let record = try TableImport.header(path: path, chunkSize: CSVReader(path: path).chunkSize) else {
                return try stringPath(path: path, columns: columns, required: required, options: options)
            }
            header = try HeaderMap(header: record, file: path, columns: columns, required: required, renames: options.columnMap)
            headerRecord = record
        } catch {
            return try stringPath(path: path, columns: columns, required: required, options: options)
        }
        var reader = CSVReader(path: path)
        reader.parallelThreshold = options.parallelThreshold
        reader.parallelChunkBytes = options.parallelChunkBytes
        reader.workers = options.workers
        reader.limits = options.limits
        let layout = KeyedRowLayout<Rows>(
            header: header, headerLine: headerRecord.line, path: path, keepRecords: options.keepRecords, dateOrder: options.dateOrder)
        var merged = KeyedRowMerge<Rows>(layout: layout, limits: options.limits)
        merged.fileBytes = InputStreams.size(of: path)
        try reader.readRaw(makeSink: { KeyedRowSink(layout: layout) }, collect: { try merged.add(&$0) })
        return merged.finish(headerFindings: header.findings)
    }

    /// The `String` path: ``TableImport/read`` with a converter of `Rows`.
    static func stringPath(path: String, columns: [ColumnSpec], required: [[String]], options: ImportOptions) throws -> ImportResult<Rows.Record> {
        var converter = Rows()
        return try TableImport.read(path: path, columns: columns, required: required, options: options) {
            row, findings throws(RowRejection) in try converter.convert(row, findings: &findings)
        }
    }
}

/// What every chunk's sink of one file shares.
struct KeyedRowLayout<Rows: KeyedRows>: Sendable {
    let header: HeaderMap
    let headerLine: Int
    let path: String
    let columns: Rows.Columns
    /// See ``ImportOptions/keepRecords``.
    let keepRecords: Bool
    /// See ``ImportOptions/dateOrder``.
    let dateOrder: DateOrder

    init(header: HeaderMap, headerLine: Int, path: String, keepRecords: Bool, dateOrder: DateOrder = .mdy) {
        self.header = header
        self.headerLine = headerLine
        self.path = path
        self.keepRecords = keepRecords
        self.dateOrder = dateOrder
        columns = Rows.Columns(header)
    }
}

/// A data row checked in a chunk, waiting for the merge to decide on its id.
struct PendingRow {
    enum Outcome {
        case rejected(RowRejection)
        /// The rejection, if any, applies only when the id is not a repeat; an accepted row's
        /// record is the sink's next one (when records are kept). `key` says which key column
        /// the id came from (``KeyedColumns/keyColumn(_:)``).
        case keyed(id: String, rejection: RowRejection?, key: Int)
    }

    let line: Int
    /// The field count of a row with non-empty fields past the header's width, else 0.
    let wideFields: Int
    /// The row's fields in the sink's copy (when records are kept).
    let fields: Range<Int>
    let outcome: Outcome
    /// The fields as text, for a row already rejected here (when records are kept).
    let text: [String]?
}

/// One chunk's rows checked: pending rows and their records, in file order.
struct KeyedRowSink<Rows: KeyedRows>: RawRecordSink, @unchecked Sendable {
    let layout: KeyedRowLayout<Rows>
    var rows: [PendingRow] = []
    /// The accepted rows' records, each taken (left nil) by the merge: moved, not copied (a
    /// copy would retain each of its strings, and freeing the sink would release them again).
    var records: [Rows.Record?] = []
    var blank = 0
    /// The line of every record, the header included, for the record cap.
    var recordLines: [Int32] = []
    var transcoded: (firstLine: Int, fields: Int)?
    /// When records are kept: a copy of the chunk's fields (as ``RawRecords`` lays them out),
    /// for the text of rows the merge rejects.
    var bytes: [UInt8] = []
    var fieldEnds: [Int] = []
    /// Bytes of the records consumed (fields plus one delimiter or line end each).
    var byteCount = 0
    /// The dates each row counted, by its index in ``rows`` (rows without any left out): the
    /// merge adds those of the rows it does not reject as repeated ids.
    var dateTallies: [Int: DateReading.Tally] = [:]
    /// Repeated values of this chunk, made once (see ``RawRow/repeated(_:)``).
    private let texts = RepeatedText(), lists = RepeatedText()
    /// This chunk's dates: the order they are read in, and the ambiguous ones met.
    let dates: DateReading

    /// The file's name for this chunk's records, a copy of its own: every record's location
    /// holds it, and holding the one `String` of all chunks made each record an atomic
    /// increment of one count contended by every worker.
    private let path: String

    init(layout: KeyedRowLayout<Rows>) {
        self.layout = layout
        dates = DateReading(order: layout.dateOrder)
        path = String(decoding: Array(layout.path.utf8), as: UTF8.self)
    }

    mutating func consume(_ batch: RawRecords) {
        byteCount += batch.bytes.count + batch.fieldEnds.count
        let fieldBase = fieldEnds.count
        if layout.keepRecords {
            let byteBase = bytes.count
            bytes.append(contentsOf: batch.bytes)
            fieldEnds.append(contentsOf: batch.fieldEnds.lazy.map { $0 + byteBase })
        }
        if rows.isEmpty {
            // (Only once: an exact reserve on every batch of a sequential read would copy each time.)
            recordLines.reserveCapacity(batch.count)
            rows.reserveCapacity(batch.count)
            if layout.keepRecords { records.reserveCapacity(batch.count) }
        }
        // Read once: through `self` (inout here) each row copied the columns, retaining and
        // releasing each of their names.
        let width = layout.header.width, headerLine = layout.headerLine, keep = layout.keepRecords
        let columns = layout.columns, path = path, texts = texts, lists = lists, dates = dates
        batch.forEach { _, record in
            recordLines.append(Int32(clamping: record.line))
            let ascii = record.isASCII
            if record.line == headerLine {
                if !ascii { _ = decode(record) }
                return
            }
            var outcome: PendingRow.Outcome
            var text: [String]?
            // An accepted row's record goes straight into `records` (a copy retained each of its strings).
            if ascii {
                if record.isBlank {
                    blank += 1
                    return
                }
                // Excel's delimiter line of a file joined with `cat`, whichever column is the id.
                outcome = DelimiterHint.isRepeatedLine(record) ? .rejected(DelimiterHint.repeatedLine)
                    : Rows.check(RawRow(record: record, file: path, texts: texts, lists: lists, dates: dates), columns, keep: keep) { records.append($0) }
            } else {
                let row = Row(record: CSVRecord(line: record.line, fields: decode(record)), map: layout.header, file: path, dates: dates)
                text = row.record.fields
                if row.record.isBlank {
                    blank += 1
                    return
                }
                outcome = DelimiterHint.isRepeatedLine(row.record.fields) ? .rejected(DelimiterHint.repeatedLine)
                    : Rows.check(row, columns, keep: keep) { records.append($0) }
            }
            let wide = record.count > width && (width..<record.count).contains(where: { record.field($0).count > 0 })
            // A row rejected here keeps its text, made on this worker (the merge decodes only
            // the rows it rejects itself: repeated ids).
            if case .keyed(_, nil, _) = outcome {
                text = nil
            } else if keep && text == nil {
                text = record.strings().map(\.text)
            }
            if let tally = dates.takeRowTally() { dateTallies[rows.count] = tally }
            let first = fieldBase + record.first
            rows.append(PendingRow(
                line: record.line, wideFields: wide ? record.count : 0, fields: first..<(first + record.count), outcome: outcome,
                text: keep ? text : nil))
        }
    }

    /// The record's fields as the `String` path decodes them, noting fields that were not
    /// UTF-8 at their own line.
    private mutating func decode(_ record: RawRecord) -> [String] { record.decodedFields(noting: &transcoded) }

    /// The text of the fields of `row` (kept records only).
    func fields(of row: PendingRow) -> [String] {
        bytes.withUnsafeBytes { bytes in
            row.fields.map { k in TextDecoding.decode(UnsafeRawBufferPointer(rebasing: bytes[(k == 0 ? 0 : fieldEnds[k - 1])..<fieldEnds[k]])).text }
        }
    }
}

/// Puts the chunks' sinks together in file order: repeated ids, the record cap, the first three
/// `extra-fields` warnings, counts, rejected rows and the `non-utf8` warning.
struct KeyedRowMerge<Rows: KeyedRows> {
    let layout: KeyedRowLayout<Rows>
    let limits: ImportLimits
    var ids = IDRegistry()
    var records: [Rows.Record] = []
    var summary: ImportSummary
    var findings: [Finding] = []
    var rejected: [RejectedRow] = []
    var recordCount = 0
    var wideRows = 0
    var transcoded: (firstLine: Int, fields: Int)?
    /// The dates of the chunks merged so far, in file order.
    let dates: DateReading
    /// The file's size (0 when unknown), to size ``records`` from the first chunk.
    var fileBytes = 0
    /// The rows and field bytes of the chunks merged so far, to size ``records`` again when
    /// the first chunk's estimate falls short.
    private var sampledRows = 0
    private var sampledBytes = 0

    init(layout: KeyedRowLayout<Rows>, limits: ImportLimits) {
        self.layout = layout
        self.limits = limits
        summary = ImportSummary(file: layout.path)
        dates = DateReading(order: layout.dateOrder)
    }

    /// Merges the next chunk's sink, taking its records.
    mutating func add(_ sink: inout KeyedRowSink<Rows>) throws {
        let path = layout.path
        if recordCount + sink.recordLines.count > limits.maxRecords {
            let line = Int(sink.recordLines[limits.maxRecords - recordCount])
            throw limits.tooManyRecords(at: SourceLocation(file: path, line: line))
        }
        recordCount += sink.recordLines.count
        sampledRows += sink.rows.count
        sampledBytes += sink.byteCount
        if fileBytes > 0, !sink.rows.isEmpty, summary.read == 0 || records.count + sink.records.count > records.capacity {
            // One allocation of the records and the id table instead of doublings, each of
            // which copied every record into fresh pages or placed every id again. The records
            // get 25% spare (pages never written cost address space, not memory: files sorted
            // by kind, such as tiers, have longer rows first); the id table, whose slots are
            // all written, 5%. Should the records still outgrow that, the estimate from every
            // chunk so far replaces it, at least an eighth more, so that few copies are made.
            let rows = limits.expectedRows(sampleRows: sampledRows, sampleBytes: sampledBytes, fileBytes: fileBytes, spare: 0.25)
            let growth = records.capacity + records.capacity / 8
            if layout.keepRecords { records.reserveCapacity(max(rows, growth, records.count + sink.records.count)) }
            if summary.read == 0 {
                ids.reserveCapacity(limits.expectedRows(sampleRows: sampledRows, sampleBytes: sampledBytes, fileBytes: fileBytes))
            }
        }
        if let t = sink.transcoded { transcoded = (transcoded?.firstLine ?? t.firstLine, (transcoded?.fields ?? 0) + t.fields) }
        summary.read += sink.blank
        summary.blank += sink.blank
        let idColumn = layout.columns.id
        var next = 0
        // Ids a few rows ahead: their table slots are loaded while these rows are admitted.
        let lookahead = 8
        let pending = sink.rows
        func prefetch(_ i: Int) {
            if i < pending.count, case .keyed(let id, _, _) = pending[i].outcome { ids.prefetch(id) }
        }
        for i in 0..<min(lookahead, pending.count) { prefetch(i) }
        for (i, row) in pending.enumerated() {
            prefetch(i + lookahead)
            summary.read += 1
            if row.wideFields > 0 {
                wideRows += 1
                if wideRows <= 3 {
                    findings.append(Finding(
                        .warning, code: "extra-fields",
                        "the row has \(row.wideFields) fields but the header names \(layout.header.width); the extra fields are ignored",
                        at: SourceLocation(file: path, line: row.line)))
                }
            }
            let tally = sink.dateTallies.isEmpty ? nil : sink.dateTallies[i]
            switch row.outcome {
            case .rejected(let rejection):
                if let tally { dates.add(tally) }
                reject(row, rejection, in: sink)
            case .keyed(let id, let rejection, let key):
                let kept = rejection == nil && layout.keepRecords
                do throws(RowRejection) {
                    try ids.admit(id, rejection: rejection, column: key == 0 ? idColumn : layout.columns.keyColumn(key), at: SourceLocation(file: path, line: row.line), findings: &findings)
                    if kept { records.append(sink.records[next].take()!) }
                    summary.accepted += 1
                    if let tally { dates.add(tally) }
                } catch {
                    // A repeated id rejects the row before its dates are read (`String` path).
                    if let tally, error.code != IDRegistry.duplicateCode { dates.add(tally) }
                    reject(row, error, in: sink)
                }
                if kept { next += 1 }
            }
        }
    }

    private mutating func reject(_ row: PendingRow, _ error: RowRejection, in sink: KeyedRowSink<Rows>) {
        summary.reject(reason: error.code)
        let location = SourceLocation(file: layout.path, line: row.line, column: error.column)
        findings.append(Finding(.error, code: error.code, "row rejected: \(error.message)", at: location))
        if layout.keepRecords {
            rejected.append(RejectedRow(location: location, code: error.code, reason: error.message, fields: row.text ?? sink.fields(of: row)))
        }
    }

    func finish(headerFindings: [Finding]) -> ImportResult<Rows.Record> {
        var all = CSVReader.encodingFindings(transcoded, path: layout.path) + headerFindings + findings
        if wideRows > 3 {
            all.append(Finding(.warning, code: "extra-fields", "\(wideRows) rows in all have more fields than the header", at: SourceLocation(file: layout.path, line: 0)))
        }
        if let warning = dates.finding(path: layout.path) { all.append(warning) }
        return ImportResult(records: records, findings: all, summary: summary, rejectedRows: rejected)
    }
}
