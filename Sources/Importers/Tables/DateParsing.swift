/// Dates as found in procurement exports.
public enum DateParsing {
    /// `YYYY-MM-DD` (a time part after a space or `T` is ignored) or US `MM/DD/YYYY`, as `YYYY-MM-DD`.
    public static func isoDate(_ text: String) -> String? {
        if let iso = plainISODate(text) { return iso }
        let trimmed = text.trimmingWhitespace()
        let datePart = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? ""
        var year = 0, month = 0, day = 0
        let dash = datePart.split(separator: "-", omittingEmptySubsequences: false)
        let slash = datePart.split(separator: "/", omittingEmptySubsequences: false)
        if dash.count == 3, dash[0].count == 4, let y = Int(dash[0]), let m = Int(dash[1]), let d = Int(dash[2]) {
            (year, month, day) = (y, m, d)
        } else if slash.count == 3, slash[2].count == 4, let m = Int(slash[0]), let d = Int(slash[1]), let y = Int(slash[2]) {
            (year, month, day) = (y, m, d)
        } else {
            return nil
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1000...9999).contains(year), (1...12).contains(month), (1...days[month - 1]).contains(day) else { return nil }
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
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
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1000...9999).contains(year), (1...12).contains(month), (1...days[month - 1]).contains(day) else { return nil }
        return text
    }
}
