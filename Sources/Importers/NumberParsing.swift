/// Parsers for the numbers analysts write in spreadsheets.
public enum NumberParsing {
    /// A finite decimal number (`0.45`, `-3`, `1e-3`); nil for anything else, including NaN and
    /// infinities.
    public static func decimal(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty,
            trimmed.utf8.allSatisfy({ ("0"..."9").contains(Character(UnicodeScalar($0))) || "+-.eE".utf8.contains($0) }),
            let value = Double(trimmed), value.isFinite
        else { return nil }
        return value == 0 ? 0 : value  // no negative zero
    }

    /// A fraction written as `0.45` or `45%`.
    public static func fraction(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasSuffix("%") {
            return decimal(String(trimmed.dropLast())).map { $0 / 100 }
        }
        return decimal(trimmed)
    }

    /// A money amount: `1234.5`, `$1,234.50`, `USD 1,234.50`, `(1,234.50)` (negative, as
    /// accountants write it), `-1,234.50`. Thousands separators must be commas in groups of three.
    public static func amount(_ text: String) -> Double? {
        var body = Substring(text.trimmingWhitespace())
        var negative = false
        if body.hasPrefix("("), body.hasSuffix(")") {
            negative = true
            body = body.dropFirst().dropLast()
        }
        body = Substring(String(body).trimmingWhitespace())
        if body.hasPrefix("-") {
            negative.toggle()
            body = body.dropFirst()
        }
        for prefix in ["USD", "US$", "$"] where body.uppercased().hasPrefix(prefix) {
            body = body.dropFirst(prefix.count)
            break
        }
        body = Substring(String(body).trimmingWhitespace())
        if body.hasPrefix("-") && !negative {
            negative = true
            body = body.dropFirst()
        }
        // Thousands separators: "1,234,567.89" only.
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined() + (parts.count > 1 ? "." + parts[1] : "")
        guard !digits.isEmpty, !digits.contains("e"), !digits.contains("E"), let value = decimal(digits) else { return nil }
        guard value >= 0 else { return nil }
        return negative && value != 0 ? -value : value
    }
}
