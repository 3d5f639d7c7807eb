/// The order of the day and the month in a date written with slashes (`A/B/YYYY`).
public enum DateOrder: String, Sendable, CaseIterable {
    /// US `MM/DD/YYYY`: `03/04/2024` is March 4 (the default).
    case mdy
    /// `DD/MM/YYYY`, as European exports write it: `03/04/2024` is 3 April.
    case dmy
}

/// Dates as found in procurement exports.
public enum DateParsing {
    /// What a date cell reads as.
    public enum Reading: Equatable, Sendable {
        /// The date as `YYYY-MM-DD`; `ambiguous` when it was written with slashes and would
        /// be another valid date in the other order (`03/04/2024`, not `03/03/2024`).
        case date(String, ambiguous: Bool)
        /// Written with slashes, valid only in the other order (`31/12/2024` read month first).
        case otherOrder
        /// No date.
        case invalid
    }

    /// `YYYY-MM-DD` (a time part after a space or `T` is ignored) or US `MM/DD/YYYY`, as `YYYY-MM-DD`.
    public static func isoDate(_ text: String) -> String? {
        guard case .date(let iso, _) = read(text, order: .mdy) else { return nil }
        return iso
    }

    /// `text` read as `YYYY-MM-DD` (a time part after a space or `T` is ignored) or, with
    /// slashes, as `order` says.
    /// - Complexity: O(n) in the length of `text`; a plain `YYYY-MM-DD` allocates nothing.
    public static func read(_ text: String, order: DateOrder) -> Reading {
        if let iso = plainISODate(text) { return .date(iso, ambiguous: false) }
        let datePart = self.datePart(text)
        var year = 0, month = 0, day = 0, ambiguous = false
        let dash = datePart.split(separator: "-", omittingEmptySubsequences: false)
        if dash.count == 3, dash[0].count == 4, let y = Int(dash[0]), let m = Int(dash[1]), let d = Int(dash[2]) {
            (year, month, day) = (y, m, d)
        } else if let (a, b, y) = slashed(datePart) {
            (year, month, day) = order == .mdy ? (y, a, b) : (y, b, a)
            guard isValid(year: year, month: month, day: day) else {
                return isValid(year: year, month: day, day: month) ? .otherOrder : .invalid
            }
            ambiguous = a != b && a <= 12 && b <= 12
        } else {
            return .invalid
        }
        guard isValid(year: year, month: month, day: day) else { return .invalid }
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return .date("\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))", ambiguous: ambiguous)
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
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = switch month {
        case 2: leap ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
        return day <= days
    }

    /// `text` itself when it is exactly a valid `YYYY-MM-DD` (what ``isoDate(_:)`` would
    /// return for it), else nil to take the general path. Reads the bytes in place: one call
    /// per date cell of a million-row file.
    static func plainISODate(_ text: String) -> String? {
        var text = text
        let valid = text.withUTF8 { bytes -> Bool in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    let digit = bytes[i] &- 0x30
                    guard digit <= 9 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return false }
            return isValid(year: year, month: month, day: day)
        }
        return valid ? text : nil
    }
}
