import SupplyChainModel

/// Excel's delimiter hint: a first line `sep=;` (after a byte order mark, if any) naming the
/// delimiter of the lines after it. Excel in locales with a comma decimal separator writes and
/// reads it; the header is then line 2.
///
/// The named delimiter wins over detection. `,`, `;`, `|` and tab are accepted (tab also
/// written as the two characters `\t`); anything else is a fatal `unknown-delimiter`, since
/// guessing would read every row with the wrong one.
struct DelimiterHint: Equatable {
    /// The delimiter the line names.
    let delimiter: UInt8
    /// The bytes of the line, its line end included.
    let length: Int

    /// The delimiters a `sep=` line may name, with their spellings.
    static let accepted: [(spelling: [UInt8], delimiter: UInt8)] = [
        ([UInt8(ascii: ",")], UInt8(ascii: ",")), ([UInt8(ascii: ";")], UInt8(ascii: ";")),
        ([UInt8(ascii: "|")], UInt8(ascii: "|")), ([0x09], 0x09), (Array("\\t".utf8), 0x09),
    ]

    /// The hint at the start of `bytes` (the first bytes of a file, after its byte order mark),
    /// or nil when the first line does not start with `sep=` (in any case).
    /// - Throws: ``InputError`` `unknown-delimiter` at line 1 when the value is not one of
    ///   ``accepted``.
    init?(_ bytes: ArraySlice<UInt8>, path: String) throws {
        guard Self.startsWithSep(bytes) else { return nil }
        let valueStart = bytes.startIndex + Self.sep.count
        let lineEnd = bytes[valueStart...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.endIndex
        let value = Array(bytes[valueStart..<lineEnd])
        guard let match = Self.accepted.first(where: { $0.spelling == value }) else {
            throw InputError(
                code: "unknown-delimiter",
                "the first line '\(Self.shown(value))' names a delimiter flrisk does not read; a `sep=` line names one of , ; | or a tab (e.g. sep=;), or remove the line to have the delimiter detected",
                at: SourceLocation(file: path, line: 1, column: Self.sep.count + 1))
        }
        var end = lineEnd
        if end < bytes.endIndex {
            end += bytes[end] == 0x0D && end + 1 < bytes.endIndex && bytes[end + 1] == 0x0A ? 2 : 1
        }
        delimiter = match.delimiter
        length = end - bytes.startIndex
    }

    /// The line's start, `sep=`.
    private static let sep = Array("sep=".utf8)

    /// Whether `bytes` start with `sep=` (in any case).
    @inline(__always)
    private static func startsWithSep<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.count >= sep.count && zip(bytes, sep).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// Whether a data row whose first cell is `first` is Excel's delimiter line (`sep=;`) of a
    /// second file joined with `cat`: `first`, after a byte order mark and trimmed, is `sep=`
    /// (in any case) and one of the ``accepted`` spellings, or nothing when the delimiter split
    /// it off; `othersEmpty` says the row's other cells are empty. Read as data, it made a
    /// watchlist entry or a facility named `sep=`, and other rows a confusing rejection.
    /// The first cell is checked first: `othersEmpty` is worked out only for a row that may be
    /// such a line (every row of every table is asked).
    static func isRepeatedLine(first: String, othersEmpty: @autoclosure () -> Bool) -> Bool {
        // Fewer than 4 or more than 32 bytes (a mark, `sep=`, two bytes and some blanks): no.
        guard (4...32).contains(first.utf8.count), first.utf8.contains(UInt8(ascii: "=")) else { return false }
        let cell = Array(HeaderMap.withoutMark(first).trimmingWhitespace().utf8)
        guard cell.count <= sep.count + 2, startsWithSep(cell) else { return false }
        let value = Array(cell.dropFirst(sep.count))
        return (value.isEmpty || accepted.contains { $0.spelling == value }) && othersEmpty()
    }

    /// ``isRepeatedLine(first:othersEmpty:)`` of a record read as bytes (all ASCII, so no byte
    /// order mark): four bytes compared for any other record.
    static func isRepeatedLine(_ record: RawRecord) -> Bool {
        let first = record.trimmedField(0)
        guard startsWithSep(first) else { return false }
        return isRepeatedLine(first: String(decoding: first, as: UTF8.self), othersEmpty: (1..<record.count).allSatisfy { record.trimmedField($0).isEmpty })
    }

    /// ``isRepeatedLine(first:othersEmpty:)`` of a record read as text.
    static func isRepeatedLine(_ fields: [String]) -> Bool {
        guard let first = fields.first else { return false }
        return isRepeatedLine(first: first, othersEmpty: fields.dropFirst().allSatisfy { $0.trimmingWhitespace().isEmpty })
    }

    /// The rejection of a row that ``isRepeatedLine(first:othersEmpty:)``.
    static let repeatedLine = RowRejection("repeated-header", DelimiterLine.reason)

    /// The line as a message quotes it: `sep=` and at most 20 bytes of value, controls escaped.
    private static func shown(_ value: [UInt8]) -> String {
        let text = String(decoding: value.prefix(20), as: UTF8.self).unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0)
        }.joined()
        return "sep=" + text + (value.count > 20 ? "…" : "")
    }
}

/// What is said of Excel's delimiter line met as a data row (``CSVRecord/isDelimiterLine``).
public enum DelimiterLine {
    public static let reason =
        "the row is Excel's delimiter line (sep=…) of a file joined with `cat`: only a file's first line names its delimiter, and it is not data; give each file as it was downloaded"

    /// The row at `location`, a delimiter line, rejected as `repeated-header`: counted in
    /// `summary`, and the finding that says so (for tables read record by record).
    public static func reject(at location: SourceLocation, counting summary: inout ImportSummary) -> Finding {
        summary.reject(reason: "repeated-header")
        return Finding(.error, code: "repeated-header", "row rejected: \(reason)", at: location)
    }
}
