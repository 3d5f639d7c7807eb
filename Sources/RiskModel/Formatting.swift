/// Deterministic number formatting shared by messages and reports (no locale, no Foundation).
public enum Formatting {
    /// `value` rounded to `digits` decimals, e.g. `fixed(0.35, 2)` = "0.35".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return String(value) }
        let integer = Int64(scaled)
        let divisor = Int64(scale)
        var text = String(integer / divisor)
        if digits > 0 {
            let fraction = String(integer % divisor)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return (value < 0 && integer != 0 ? "-" : "") + text
    }

    /// A money amount with thousands separators: `1234567.5` -> "1,234,567.50".
    public static func money(_ value: Double) -> String {
        let text = fixed(abs(value), 2)
        let parts = text.split(separator: ".")
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        return (value < 0 ? "-" : "") + integer + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}
