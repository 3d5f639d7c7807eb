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
        let text = Array(fixed(abs(value), 2).utf8)
        let point = text.firstIndex(of: UInt8(ascii: ".")) ?? text.count
        var out: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(text.count + text.count / 3 + 1)
        for (position, byte) in text[..<point].enumerated() {
            if position > 0 && (point - position) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(byte)
        }
        out += text[point...]
        return String(decoding: out, as: UTF8.self)
    }
}
