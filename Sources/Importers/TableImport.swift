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
}

/// The loop every CSV table importer shares: header mapping, blank rows, counting, and turning
/// a row's rejection into a finding.
enum TableImport {
    /// Reads `path`, maps its header to `columns`, and converts each data row with `convert`.
    ///
    /// - Parameters:
    ///   - required: groups of columns; each group needs at least one of its columns present.
    ///   - convert: builds a record from a row, or throws ``RowRejection``; may append warnings.
    /// - Throws: ``InputError`` for a missing file, an empty file, a missing column or bad CSV.
    static func read<Record: Sendable>(
        path: String, columns: [ColumnSpec], required: [[String]],
        convert: (Row, inout [Finding]) throws(RowRejection) -> Record
    ) throws -> ImportResult<Record> {
        var map: HeaderMap?
        var records: [Record] = []
        var findings: [Finding] = []
        var summary = ImportSummary(file: path)
        var wideRows = 0
        try CSVReader(path: path).forEachRecord { record in
            guard let header = map else {
                let header = try HeaderMap(header: record, file: path, columns: columns, required: required)
                findings += header.findings
                map = header
                return
            }
            summary.read += 1
            if record.isBlank {
                summary.blank += 1
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
            let row = Row(record: record, map: header, file: path)
            do {
                records.append(try convert(row, &findings))
                summary.accepted += 1
            } catch let error as RowRejection {
                summary.reject(reason: error.code)
                findings.append(Finding(
                    .error, code: error.code, "row rejected: \(error.message)",
                    at: SourceLocation(file: path, line: record.line, column: error.column)))
            }
        }
        if map == nil {
            throw InputError(code: "empty-file", "the file is empty; expected a header row naming the columns \(columns.map(\.name).joined(separator: ", "))", at: SourceLocation(file: path, line: 0))
        }
        if wideRows > 3 {
            findings.append(Finding(.warning, code: "extra-fields", "\(wideRows) rows in all have more fields than the header", at: SourceLocation(file: path, line: 0)))
        }
        return ImportResult(records: records, findings: findings, summary: summary)
    }
}

extension Row {
    /// The value of a required column, or a rejection naming it.
    func required(_ column: String) throws(RowRejection) -> String {
        guard let value = self[column] else {
            throw RowRejection("missing-value", "'\(column)' is empty", column: self.column(of: column))
        }
        return value
    }

    /// An optional fraction; `range` checks it.
    func fraction(_ column: String, in range: ClosedRange<Double>, allowZero: Bool, expected: String) throws(RowRejection) -> Double? {
        guard let text = self[column] else { return nil }
        guard let value = NumberParsing.fraction(text), range.contains(value), allowZero || value > 0 else {
            throw RowRejection("invalid-number", "'\(column)' is '\(text)'; expected \(expected)", column: self.column(of: column))
        }
        return value
    }
}
