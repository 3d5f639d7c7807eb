/// Dates as found in procurement exports.
public enum DateParsing {
    /// `YYYY-MM-DD` (a time part after a space or `T` is ignored) or US `MM/DD/YYYY`, as `YYYY-MM-DD`.
    public static func isoDate(_ text: String) -> String? {
        if let iso = plainISODate(text) { return iso }
        let datePart = self.datePart(text)
        var year = 0, month = 0, day = 0
        let dash = datePart.split(separator: "-", omittingEmptySubsequences: false)
        if dash.count == 3, dash[0].count == 4, let y = Int(dash[0]), let m = Int(dash[1]), let d = Int(dash[2]) {
            (year, month, day) = (y, m, d)
        } else if let (m, d, y) = slashed(datePart) {
            (year, month, day) = (y, m, d)
        } else {
            return nil
        }
        guard isValid(year: year, month: month, day: day) else { return nil }
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Whether `text` is a date written day first, `DD/MM/YYYY`, that cannot be US
    /// `MM/DD/YYYY` (`31/12/2024`: the first number is above 12 and the second a month). Such
    /// a value is not read as a date: a file that holds one is likely day first throughout,
    /// and its ambiguous dates (`03/04/2024`) would be misread either way, so the row is
    /// rejected with a message saying why instead of guessed.
    public static func isDayFirst(_ text: String) -> Bool {
        guard let (first, second, year) = slashed(datePart(text)) else { return false }
        return first > 12 && isValid(year: year, month: second, day: first)
    }

    /// The date of `text` without a time part after a space or `T`.
    private static func datePart(_ text: String) -> Substring {
        text.trimmingWhitespace().split(whereSeparator: { $0 == " " || $0 == "T" }).first ?? ""
    }

    /// The three numbers of `A/B/YYYY`, in order.
    private static func slashed(_ datePart: Substring) -> (Int, Int, Int)? {
        let slash = datePart.split(separator: "/", omittingEmptySubsequences: false)
        guard slash.count == 3, slash[2].count == 4, let a = Int(slash[0]), let b = Int(slash[1]), let y = Int(slash[2]) else { return nil }
        return (a, b, y)
    }

    /// Whether the day exists in the Gregorian calendar (years 1000–9999).
    private static func isValid(year: Int, month: Int, day: Int) -> Bool {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1000...9999).contains(year) && (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }

    /// `text` itself when it is exactly a valid `YYYY-MM-DD` (what ``isoDate(_:)`` would
    /// return for it), else nil to take the general path.
    static func plainISODate(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var numbers: [Int] = []
        for range in [0..<4, 5..<7, 8..<10] {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            numbers.append(value)
        }
        return isValid(year: numbers[0], month: numbers[1], day: numbers[2]) ? text : nil
    }
}
