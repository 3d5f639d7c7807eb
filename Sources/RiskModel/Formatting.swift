/// Deterministic number formatting shared by messages and reports (no locale, no Foundation).
public enum Formatting {
    /// `value` rounded to `digits` decimals (half away from zero), e.g. `fixed(0.35, 2)` = "0.35";
    /// a negative value that rounds to zero has no sign (`fixed(-0.004, 2)` = "0.00").
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return String(value) }
        return format(UInt64(scaled), digits: digits, negative: value < 0 && scaled != 0, grouped: false)
    }

    /// `value` with at least `digits` decimals, and as many more (up to 15) as it takes to
    /// write it exactly as the decimal it was given as: a threshold of 0.355 is "0.355", not
    /// the "0.36" that made a report say an exposure of 0.358 was ≥ it.
    public static func exact(_ value: Double, atLeast digits: Int) -> String { fixed(value, decimals(value, atLeast: digits)) }

    /// A value and the threshold it was compared with, for a message that says `value ≥
    /// threshold`: the threshold written exactly (``exact(_:atLeast:)``), the value with at
    /// least `digits` decimals and at least as many as the threshold, so that the rounding of
    /// either never makes the statement read false ("0.358 ≥ 0.36").
    public static func compared(_ value: Double, _ digits: Int, _ threshold: Double) -> (value: String, threshold: String) {
        let places = decimals(threshold, atLeast: 2)
        return (fixed(value, max(digits, places)), fixed(threshold, places))
    }

    /// The fewest decimals, at least `digits` and at most 15, that write `value` exactly.
    /// - Complexity: O(1), no allocation.
    static func decimals(_ value: Double, atLeast digits: Int) -> Int {
        guard value.isFinite else { return digits }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        var places = digits
        while places < 15 && (value * scale).rounded() / scale != value {
            scale *= 10
            places += 1
        }
        return places
    }

    /// A money amount with thousands separators: `1234567.5` -> "1,234,567.50". Cents round
    /// half away from zero, so a negative amount is its positive with a minus sign; one that
    /// rounds to zero (`-0.004`, `-0.0`) is "0.00", without a sign, as in ``fixed(_:_:)``.
    public static func money(_ value: Double) -> String {
        let scaled = (abs(value) * 100).rounded()
        if value.isFinite && scaled < 9.0e15 {
            return format(UInt64(scaled), digits: 2, negative: value < 0 && scaled != 0, grouped: true)
        }
        // Past 9e13 a double no longer holds cents: whole units, grouped, with ".00" (the
        // fallback of `fixed` is Swift's "1e+20", which grouping would cut into "1e,+20").
        guard value.isFinite else { return fixed(value, 2) }
        guard abs(value) < 1.8e19 else { return String(value) }
        return format(UInt64(abs(value).rounded()), digits: 0, negative: value < 0, grouped: true) + ".00"
    }

    /// `scaled` (the value times 10^digits, rounded) written with `digits` decimals, at least one
    /// integer digit, and, when `grouped`, a comma every three integer digits; one allocation.
    private static func format(_ scaled: UInt64, digits: Int, negative: Bool, grouped: Bool) -> String {
        let capacity = 32 + digits
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var position = capacity
            var rest = scaled
            var written = 0  // digits written so far
            repeat {
                if grouped && written > digits && (written - digits) % 3 == 0 {
                    position -= 1
                    buffer[position] = UInt8(ascii: ",")
                }
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                written += 1
                if written == digits {
                    position -= 1
                    buffer[position] = UInt8(ascii: ".")
                }
            } while rest > 0 || written <= digits
            if negative {
                position -= 1
                buffer[position] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[position...]), as: UTF8.self)
        }
    }
}
