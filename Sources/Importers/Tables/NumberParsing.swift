/// Parsers for the numbers analysts write in spreadsheets.
public enum NumberParsing {
    /// Amounts at or above this (in absolute value) are rejected: no contract is worth a
    /// quadrillion, and beyond it a double no longer holds cents exactly.
    public static let largestAmount = 1e15

    /// ``amount(_:)``, and nil as well when the amount is ``largestAmount`` or more.
    public static func plausibleAmount(_ text: String) -> Double? {
        amount(text).flatMap { abs($0) < largestAmount ? $0 : nil }
    }

    /// A finite decimal number (`0.45`, `-3`, `1e-3`); nil for anything else, including NaN and
    /// infinities.
    ///
    /// - Complexity: O(n). Plain decimals of at most 15 significant digits and a small exponent
    ///   (the shares and amounts of real files) take a hand-written path that is exact (the
    ///   integer mantissa and the power of ten are both exact doubles, so one IEEE multiply or
    ///   divide rounds correctly); anything else goes through the standard library.
    public static func decimal(_ text: String) -> Double? {
        var copy = text
        switch copy.withUTF8(FastDecimal.parse) {
        case .value(let value): return value
        case .invalid: return nil
        case .slow: return slowDecimal(text)
        }
    }

    static func slowDecimal(_ text: String) -> Double? {
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

    /// ``fraction(_:)`` of trimmed UTF-8 bytes, without making a `String` on the fast path.
    static func fraction(bytes: UnsafeRawBufferPointer) -> Double? {
        if let last = bytes.last, last == UInt8(ascii: "%") {
            return decimal(bytes: UnsafeRawBufferPointer(rebasing: bytes.dropLast())).map { $0 / 100 }
        }
        return decimal(bytes: bytes)
    }

    /// ``decimal(_:)`` of UTF-8 bytes.
    static func decimal(bytes: UnsafeRawBufferPointer) -> Double? {
        switch FastDecimal.parse(bytes.assumingMemoryBound(to: UInt8.self)) {
        case .value(let value): return value
        case .invalid: return nil
        case .slow: return slowDecimal(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// A money amount: `1234.5`, `$1,234.50`, `USD 1,234.50`, `(1,234.50)` (negative, as
    /// accountants write it), `-1,234.50`. Thousands separators must be commas in groups of three.
    public static func amount(_ text: String) -> Double? {
        // Fast paths: digits and points only ("536752.28"), which the steps of `writtenAmount`
        // pass unchanged, and the same after a minus ("-1250.00": deobligations, common in
        // USAspending transactions), which they read as the negated digits.
        let isPlain = { (byte: UInt8) in (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") }
        if !text.isEmpty, text.utf8.allSatisfy(isPlain) { return decimal(text) }
        if text.utf8.count > 1, text.utf8.first == UInt8(ascii: "-"), text.utf8.dropFirst().allSatisfy(isPlain) {
            return decimal(String(text.dropFirst())).map { $0 == 0 ? 0 : -$0 }
        }
        return writtenAmount(text)
    }

    /// ``amount(_:)`` step by step: parentheses, signs, currency prefixes, thousands separators.
    static func writtenAmount(_ text: String) -> Double? {
        var body = Substring(text.trimmingWhitespace())
        var negative = false
        if body.hasPrefix("("), body.hasSuffix(")") {
            negative = true
            body = body.dropFirst().dropLast()
        }
        body = Substring(String(body).trimmingWhitespace())
        if body.hasPrefix("-") {
            // "(-5)" is a negative written two ways: a slip whose sign cannot be known.
            if negative { return nil }
            negative = true
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

/// The exact fast path of ``NumberParsing/decimal(_:)`` (Clinger's: mantissa below 2^53 and a
/// power of ten up to 10^22 are exact doubles, so one multiply or divide is correctly rounded).
enum FastDecimal {
    enum Parsed { case value(Double), invalid, slow }

    private static let powers: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        var i = 0, n = bytes.count
        while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        while n > i, bytes[n - 1] == 0x20 || bytes[n - 1] == 0x09 { n -= 1 }
        guard i < n else { return .invalid }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0, sawDigit = false, sawPoint = false
        while i < n {
            let byte = bytes[i]
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                if mantissa == 0 && byte == 0x30 {
                    if sawPoint { fractionDigits += 1 }
                } else {
                    digits += 1
                    if digits > 15 { return .slow }
                    mantissa = mantissa * 10 + UInt64(byte - 0x30)
                    if sawPoint { fractionDigits += 1 }
                }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte >= 0x80 {
                return .slow
            } else {
                return .invalid
            }
            i += 1
        }
        guard sawDigit else { return .invalid }
        guard fractionDigits <= 22 else { return .slow }
        var value = Double(mantissa)
        if fractionDigits > 0 { value /= powers[fractionDigits] }
        if value == 0 { return .value(0) }  // no negative zero
        return .value(negative ? -value : value)
    }
}
