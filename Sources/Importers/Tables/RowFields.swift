import SupplyChainModel

/// A data row as converters read it: trimmed cells by resolved ``Column``, and where the row
/// is. ``Row`` (decoded text) and ``RawRow`` (ASCII bytes) conform, so one conversion serves
/// both paths with the same checks and messages.
protocol RowFields {
    /// The trimmed value of `column`, or nil when the file lacks it or the cell is empty.
    subscript(_ column: Column) -> String? { get }
    var location: SourceLocation { get }
    /// How dates with slashes are read and what was met (nil: US `MM/DD/YYYY`, not counted).
    var dates: DateReading? { get }
    /// Whether the trimmed value of `column` is not empty (`self[column] != nil`).
    func has(_ column: Column) -> Bool
    /// `self[column]` for a column whose values often repeat down a file (agency names,
    /// descriptions): may be the same `String` as an equal value of an earlier row.
    func repeated(_ column: Column) -> String?
    /// `self[column].map(split)`, for a list cell that often repeats (goods): may be the same
    /// array as for an equal cell of an earlier row.
    func repeatedList(_ column: Column, split: (String) -> [String]) -> [String]?
}

extension RowFields {
    func has(_ column: Column) -> Bool { self[column] != nil }
    func repeated(_ column: Column) -> String? { self[column] }
    func repeatedList(_ column: Column, split: (String) -> [String]) -> [String]? { self[column].map(split) }

    /// The value of a required column, or a rejection naming it.
    func required(_ column: Column) throws(RowRejection) -> String {
        guard let value = self[column] else {
            throw RowRejection("missing-value", "'\(column.name)' is empty", column: column.number)
        }
        return value
    }

    /// Rejects the row, as ``required(_:)-(Column)``, when `column` is empty.
    func require(_ column: Column) throws(RowRejection) {
        guard has(column) else { throw RowRejection("missing-value", "'\(column.name)' is empty", column: column.number) }
    }

    /// An optional fraction; `range` checks it.
    func fraction(_ column: Column, in range: ClosedRange<Double>, allowZero: Bool, expected: String) throws(RowRejection) -> Double? {
        guard let text = self[column] else { return nil }
        guard let value = NumberParsing.fraction(text), range.contains(value), allowZero || value > 0 else {
            throw RowRejection("invalid-number", "'\(column.name)' is '\(text)'; expected \(expected)", column: column.number)
        }
        return value
    }

    /// An optional money amount (`$1,234.50`, `(1,234.50)`).
    func amount(_ column: Column) throws(RowRejection) -> Double? {
        guard let text = self[column] else { return nil }
        guard let value = NumberParsing.amount(text) else {
            throw RowRejection("invalid-number", "'\(column.name)' is '\(text)'; expected an amount such as 1234.50 or $1,234.50", column: column.number)
        }
        guard abs(value) < NumberParsing.largestAmount else {
            throw RowRejection(
                "invalid-number", "'\(column.name)' is '\(text)'; no award is 10^15 or more (the value would also lose cents as a binary double)",
                column: column.number)
        }
        return value
    }

    /// An optional date, as ISO `YYYY-MM-DD`; with slashes, in the order of ``dates`` (US
    /// `MM/DD/YYYY` without it), which counts ambiguous dates and dates of the other order.
    func date(_ column: Column) throws(RowRejection) -> String? {
        guard let text = self[column] else { return nil }
        let order = dates?.order ?? .mdy
        switch dates?.read(text, column: column.name, line: location.line, number: column.number) ?? DateParsing.read(text, order: .mdy) {
        case .date(let iso, _):
            return iso
        case .otherOrder:
            throw RowRejection("invalid-date", Self.otherOrderMessage(column.name, text, order: order), column: column.number)
        case .invalid:
            let slashed = order == .mdy ? "MM/DD/YYYY" : "DD/MM/YYYY"
            throw RowRejection("invalid-date", "'\(column.name)' is '\(text)'; expected a date as YYYY-MM-DD or \(slashed)", column: column.number)
        }
    }

    /// Why a date valid only in the other order than `order` rejects its row.
    static func otherOrderMessage(_ column: String, _ text: String, order: DateOrder) -> String {
        switch order {
        case .mdy:
            "'\(column)' is '\(text)', a date written day first (DD/MM/YYYY); dates with slashes are read as US MM/DD/YYYY (03/04/2024 is March 4), so the row is rejected, not guessed: read the file with --date-order dmy, or write its dates as YYYY-MM-DD"
        case .dmy:
            "'\(column)' is '\(text)', a date written month first (MM/DD/YYYY), but the date order is set to dmy (--date-order, input.date_order): dates with slashes are read day first, DD/MM/YYYY (03/04/2024 is 3 April), so the row is rejected, not guessed: read the file with --date-order mdy, or write its dates as YYYY-MM-DD"
        }
    }
}

/// An ASCII record of a ``RawRecords`` batch read as a ``RowFields``: a cell becomes a
/// `String` only when a converter asks for it.
struct RawRow: RowFields {
    let record: RawRecord
    let file: String
    /// Where repeated values are shared (nil: each value is made anew).
    var texts: RepeatedText? = nil
    var lists: RepeatedText? = nil
    var dates: DateReading? = nil

    var location: SourceLocation { SourceLocation(file: file, line: record.line) }

    subscript(_ column: Column) -> String? {
        guard let index = column.index else { return nil }
        let bytes = record.trimmedField(index)
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    func has(_ column: Column) -> Bool {
        guard let index = column.index else { return false }
        return !record.trimmedField(index).isEmpty
    }

    func repeated(_ column: Column) -> String? {
        guard let texts else { return self[column] }
        guard let index = column.index else { return nil }
        let bytes = record.trimmedField(index)
        return bytes.isEmpty ? nil : texts.text(bytes.assumingMemoryBound(to: UInt8.self))
    }

    func repeatedList(_ column: Column, split: (String) -> [String]) -> [String]? {
        guard let lists else { return self[column].map(split) }
        guard let index = column.index else { return nil }
        let bytes = record.trimmedField(index)
        return bytes.isEmpty ? nil : lists.list(bytes.assumingMemoryBound(to: UInt8.self), split: split)
    }
}
