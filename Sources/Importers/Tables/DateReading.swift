import SupplyChainModel

/// How one file's (or one chunk's) dates with slashes are read, and what was met on the way:
/// dates valid only in the other order, and ambiguous dates read in this order. A file that
/// holds both has had its ambiguous dates misread; ``finding(path:withColumn:)`` says so once.
///
/// One per chunk of a file, used by one thread (not `Sendable`); chunks are merged in file
/// order with ``add(_:)``, so the result does not depend on the number of workers.
/// - Complexity: a counter and a first position; nothing on a date that is not ambiguous.
final class DateReading {
    let order: DateOrder
    /// Dates valid only in the other order (rejected rows).
    private(set) var otherOrder = 0
    /// Ambiguous dates read in ``order``.
    private(set) var ambiguous = 0
    /// The first ambiguous date, where it is.
    private(set) var first: (text: String, column: String, line: Int, number: Int?)?

    /// What the dates of one row added: a keyed reader decides whether a row's id repeats an
    /// earlier one after reading its dates, and a row rejected as `duplicate-id` has its dates
    /// taken back, as if never read (the `String` path rejects it before reading them).
    struct Tally {
        var ambiguous = 0
        var otherOrder = 0
        var first: (text: String, column: String, line: Int, number: Int?)?
    }

    /// The dates read since the last ``takeRowTally()``.
    private var row = Tally()

    init(order: DateOrder) { self.order = order }

    /// What was counted since the last call, nil when nothing was (most rows); starts the next row.
    func takeRowTally() -> Tally? {
        guard row.ambiguous > 0 || row.otherOrder > 0 else { return nil }
        defer { row = Tally() }
        return row
    }

    /// Adds a row's tally (rows added in file order).
    func add(_ tally: Tally) {
        ambiguous += tally.ambiguous
        otherOrder += tally.otherOrder
        if first == nil { first = tally.first }
    }

    /// Takes back the tally of the row read last (``takeRowTally()`` right after it): exact
    /// for rows read in order, as the row set ``first`` only when no row before it had.
    func withdraw(_ tally: Tally) {
        ambiguous -= tally.ambiguous
        otherOrder -= tally.otherOrder
        if tally.first != nil { first = nil }
    }

    /// `text` read in ``order``, and counted when it is ambiguous (the first one's place kept:
    /// `column` named, `number` its 1-based column) or valid only in the other order.
    func read(_ text: String, column: String, line: Int, number: Int?) -> DateParsing.Reading {
        let reading = DateParsing.read(text, order: order)
        switch reading {
        case .date(_, ambiguous: true):
            ambiguous += 1
            row.ambiguous += 1
            if first == nil { first = (text, column, line, number) }
            if row.first == nil { row.first = (text, column, line, number) }
        case .otherOrder:
            otherOrder += 1
            row.otherOrder += 1
        case .date, .invalid:
            break
        }
        return reading
    }

    /// Adds the counts of `later`, a chunk after the ones added so far.
    func add(_ later: DateReading) {
        otherOrder += later.otherOrder
        ambiguous += later.ambiguous
        if first == nil { first = later.first }
    }

    /// One `ambiguous-dates` warning when the file holds both a date valid only in the other
    /// order and ambiguous dates read in this order, else nil. `withColumn` false leaves the
    /// column out (XML records, whose fields have no column on the line).
    func finding(path: String, withColumn: Bool = true) -> Finding? {
        guard otherOrder > 0, ambiguous > 0, let first else { return nil }
        let column = withColumn ? first.number : nil
        let place = "line \(first.line)" + (column.map { ", column \($0)" } ?? "")
        let dates = ambiguous == 1 ? "1 date" : "\(ambiguous) dates"
        let (read, written, example, other) = order == .mdy
            ? ("MM/DD/YYYY (month first)", "day first (DD/MM/YYYY)", "03/04/2024 as March 4", DateOrder.dmy)
            : ("DD/MM/YYYY (day first)", "month first (MM/DD/YYYY)", "03/04/2024 as 3 April", DateOrder.mdy)
        let rejected = otherOrder == 1 ? "1 date" : "\(otherOrder) dates"
        return Finding(
            .warning, code: "ambiguous-dates",
            "\(dates) that could be read either way (the first '\(first.text)' in '\(first.column)' at \(place)) \(ambiguous == 1 ? "was" : "were") read as \(read), \(example), but this file writes dates \(written): \(rejected) rejected as invalid-date can only be read so. Read the file with --date-order \(other.rawValue) (configuration key input.date_order), or write its dates as YYYY-MM-DD",
            at: SourceLocation(file: path, line: first.line, column: column))
    }
}
