import SupplyChainModel

/// Why a row was rejected: a finding code, a message, and the column at fault.
struct RowRejection: Error {
    var code: String
    var message: String
    var column: Int?

    init(_ code: String, _ message: String, column: Int? = nil) {
        self.code = code
        self.message = message
        self.column = column
    }

    /// A data row that repeats the header (`repeated-header`): two downloads joined with
    /// `cat`, each with its header line. It is no record: read as one, a suppliers file got a
    /// supplier `supplier_id` named `name`, a USAspending file a confusing `invalid-number`.
    static let repeatedHeader = RowRejection(
        "repeated-header", "the row repeats the header (files joined with `cat`?): a header line is not data; give each file as it was downloaded")
}

/// How to read a table: user column renames, and when to parse in parallel.
public struct ImportOptions: Sendable {
    /// Header renames from `--map column=field`: a header cell whose normalised name is a key
    /// is read as the column named by the value (a canonical column of the format).
    public var columnMap: [String: String]
    /// Files this large or larger are tokenised in parallel chunks (`Int.max`: never).
    public var parallelThreshold: Int
    /// Caps on field size, columns, records and XML depth (see ``ImportLimits``).
    public var limits: ImportLimits
    /// Bytes per worker per window when parsing in parallel (see ``CSVReader/parallelChunkBytes``).
    public var parallelChunkBytes = 4 << 20
    /// Parallel workers (see ``CSVReader/workers``).
    public var workers = ParallelCSV.defaultWorkers
    /// Whether accepted records and rejected rows are kept. `flrisk validate` turns it off, so
    /// that checking a file of any size needs memory only for the chunk being parsed and the
    /// findings (counts are kept either way; CSV tables and native links files).
    public var keepRecords = true
    /// How dates written with slashes are read (`--date-order`): US month first by default.
    public var dateOrder = DateOrder.mdy

    public init(columnMap: [String: String] = [:], parallelThreshold: Int = 16 << 20, limits: ImportLimits = .default) {
        self.columnMap = columnMap
        self.parallelThreshold = parallelThreshold
        self.limits = limits
    }

    /// Parses `column=field` pairs as given to `--map`.
    /// - Throws: ``InputError`` `bad-mapping` for a pair without `=` or with an empty side.
    public static func columnMap(from pairs: [String]) throws -> [String: String] {
        var map: [String: String] = [:]
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw InputError(code: "bad-mapping", "'--map \(pair)' is not of the form column=field (e.g. --map 'Facility Name=name')", at: SourceLocation(file: "--map", line: 0))
            }
            map[HeaderMap.normalise(parts[0])] = HeaderMap.normalise(parts[1])
        }
        return map
    }
}

/// The row loop every table importer shares: blank rows, counting, over-wide rows, and turning
/// a row's rejection into a finding and a kept rejected row. CSV and XML records go through
/// the same loop, so counts and messages agree across formats.
struct RowAccumulator<Record: Sendable> {
    var records: [Record] = []
    var findings: [Finding] = []
    var summary: ImportSummary
    var rejected: [RejectedRow] = []
    /// Whether accepted records and rejected rows are kept (see ``ImportOptions/keepRecords``).
    var keepRecords = true
    private var wideRows = 0
    var path: String
    /// How the rows' dates are read, and the ambiguous ones met (see ``DateReading``).
    let dates: DateReading
    /// Whether the `ambiguous-dates` warning names a column (not for XML records).
    var datesWithColumn = true

    init(path: String, dateOrder: DateOrder = .mdy) {
        self.path = path
        summary = ImportSummary(file: path)
        dates = DateReading(order: dateOrder)
    }

    /// Counts and converts one data record.
    mutating func consume(_ record: CSVRecord, header: HeaderMap, convert: (Row, inout [Finding]) throws(RowRejection) -> Record) {
        summary.read += 1
        if record.isBlank {
            summary.blank += 1
            return
        }
        if header.repeatsHeader(record.fields) {
            reject(record, .repeatedHeader)
            return
        }
        if DelimiterHint.isRepeatedLine(record.fields) {
            reject(record, DelimiterHint.repeatedLine)
            return
        }
        if record.fields.count > header.width, record.fields[header.width...].contains(where: { !$0.isEmpty }) {
            wideRows += 1
            if wideRows <= 3 {
                findings.append(Finding(
                    .warning, code: "extra-fields",
                    "the row has \(record.fields.count) fields but the header names \(header.width); the extra fields are ignored",
                    at: SourceLocation(file: path, line: record.line)))
            }
        }
        let row = Row(record: record, map: header, file: path, dates: dates)
        do {
            let record = try convert(row, &findings)
            if keepRecords { records.append(record) }
            summary.accepted += 1
        } catch {
            reject(record, error)
        }
    }

    /// Counts a record built outside ``consume(_:header:convert:)`` (XML, JSON lines).
    mutating func accept(_ record: Record) {
        summary.read += 1
        summary.accepted += 1
        if keepRecords { records.append(record) }
    }

    /// Counts and records a rejected record built outside ``consume(_:header:convert:)``.
    mutating func rejectRead(_ record: CSVRecord, _ error: RowRejection) {
        summary.read += 1
        reject(record, error)
    }

    /// Records a rejection of `record`.
    mutating func reject(_ record: CSVRecord, _ error: RowRejection) {
        summary.reject(reason: error.code)
        let location = SourceLocation(file: path, line: record.line, column: error.column)
        findings.append(Finding(.error, code: error.code, "row rejected: \(error.message)", at: location))
        if keepRecords { rejected.append(RejectedRow(location: location, code: error.code, reason: error.message, fields: record.fields)) }
    }

    /// The result, with the summary line for over-wide rows beyond the first three and the
    /// `ambiguous-dates` warning.
    func finish() -> ImportResult<Record> {
        var findings = self.findings
        if wideRows > 3 {
            findings.append(Finding(.warning, code: "extra-fields", "\(wideRows) rows in all have more fields than the header", at: SourceLocation(file: path, line: 0)))
        }
        if let warning = dates.finding(path: path, withColumn: datesWithColumn) { findings.append(warning) }
        return ImportResult(records: records, findings: findings, summary: summary, rejectedRows: rejected)
    }
}

enum TableImport {
    /// Reads `path`, maps its header to `columns`, and converts each data row with `convert`.
    ///
    /// - Parameters:
    ///   - required: groups of columns; each group needs at least one of its columns present.
    ///   - convert: builds a record from a row, or throws ``RowRejection``; may append warnings.
    /// - Throws: ``InputError`` for a missing file, an empty file, a missing column or bad CSV.
    static func read<Record: Sendable>(
        path: String, columns: [ColumnSpec], required: [[String]], options: ImportOptions = ImportOptions(),
        convert: (Row, inout [Finding]) throws(RowRejection) -> Record
    ) throws -> ImportResult<Record> {
        var map: HeaderMap?
        var rows = RowAccumulator<Record>(path: path, dateOrder: options.dateOrder)
        rows.keepRecords = options.keepRecords
        var reader = CSVReader(path: path)
        reader.parallelThreshold = options.parallelThreshold
        reader.parallelChunkBytes = options.parallelChunkBytes
        reader.workers = options.workers
        reader.limits = options.limits
        let report = try reader.forEachRecord { record in
            guard let header = map else {
                let header = try HeaderMap(header: record, file: path, columns: columns, required: required, renames: options.columnMap)
                rows.findings += header.findings
                map = header
                return
            }
            rows.consume(record, header: header, convert: convert)
        }
        if map == nil {
            throw InputError(code: "empty-file", "the file is empty; expected a header row naming the columns \(columns.map(\.name).joined(separator: ", "))", at: SourceLocation(file: path, line: 0))
        }
        var result = rows.finish()
        result.findings.insert(contentsOf: report.findings, at: 0)
        return result
    }

    /// The first record of a CSV file (its header), or nil for an empty file; `chunkSize` is
    /// the size of the reads (the first one also picks the delimiter).
    static func header(path: String, chunkSize: Int = 1 << 16) throws -> CSVRecord? {
        struct Stop: Error {}
        var first: CSVRecord?
        var reader = CSVReader(path: path)
        reader.chunkSize = chunkSize
        reader.parallelThreshold = .max
        do {
            try reader.forEachRecord { record in
                first = record
                throw Stop()
            }
        } catch is Stop {}
        return first
    }
}

/// A column of one file, resolved once against its header: converters of large tables look
/// their columns up once per file with ``HeaderMap/column(_:)`` instead of by name on every row.
struct Column {
    /// The canonical name, for messages.
    let name: String
    /// The position in each record; nil when the file has no such column.
    let index: Int?
    /// The header cell of the column as written (see ``HeaderMap/cells``): a key cell holding
    /// it is a repeated header, not a record.
    var heading: String? = nil

    /// The 1-based column in the file, for messages.
    var number: Int? { index.map { $0 + 1 } }
}

extension HeaderMap {
    /// `name` resolved against this header.
    func column(_ name: String) -> Column {
        let index = index(of: name)
        return Column(name: name, index: index, heading: index.flatMap { cells?[$0] })
    }
}

extension Row: RowFields {
    /// The trimmed value of `column`, or nil when the file lacks it or the cell is empty.
    subscript(_ column: Column) -> String? {
        guard let index = column.index, index < record.fields.count else { return nil }
        let value = record.fields[index].trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    /// ``required(_:)-(Column)`` by column name.
    func required(_ column: String) throws(RowRejection) -> String { try required(map.column(column)) }

    /// ``fraction(_:in:allowZero:expected:)-(Column,_,_,_)`` by column name.
    func fraction(_ column: String, in range: ClosedRange<Double>, allowZero: Bool, expected: String) throws(RowRejection) -> Double? {
        try fraction(map.column(column), in: range, allowZero: allowZero, expected: expected)
    }

    /// ``amount(_:)-(Column)`` by column name.
    func amount(_ column: String) throws(RowRejection) -> Double? { try amount(map.column(column)) }

    /// ``date(_:)-(Column)`` by column name.
    func date(_ column: String) throws(RowRejection) -> String? { try date(map.column(column)) }
}
