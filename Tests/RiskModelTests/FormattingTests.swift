import Testing
@testable import RiskModel

/// `Formatting` writes numbers into messages and reports byte for byte: the one-allocation
/// writer must give exactly what the straightforward string code gave.
@Suite("Number formatting")
struct FormattingTests {
    /// The straightforward versions (the code before the one-allocation writer).
    static func referenceFixed(_ value: Double, _ digits: Int) -> String {
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

    static func referenceMoney(_ value: Double) -> String {
        // Past the cents a double holds: whole units and ".00"; from 2^64 on, Swift's text.
        if value.isFinite && (abs(value) * 100).rounded() >= 9.0e15 {
            guard abs(value) < 1.8e19 else { return String(value) }
            let digits = Array(String(UInt64(abs(value).rounded())))
            var grouped = ""
            for (position, digit) in digits.enumerated() {
                if position > 0 && (digits.count - position) % 3 == 0 { grouped += "," }
                grouped.append(digit)
            }
            return (value < 0 ? "-" : "") + grouped + ".00"
        }
        let text = Array(referenceFixed(abs(value), 2).utf8)
        let point = text.firstIndex(of: UInt8(ascii: ".")) ?? text.count
        // A negative amount that rounds to zero has no sign (QA5).
        var out: [UInt8] = value < 0 && text.contains(where: { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: ".") }) ? [UInt8(ascii: "-")] : []
        for (position, byte) in text[..<point].enumerated() {
            if position > 0 && (point - position) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(byte)
        }
        out += text[point...]
        return String(decoding: out, as: UTF8.self)
    }

    @Test func knownValues() {
        #expect(Formatting.fixed(0.35, 2) == "0.35")
        #expect(Formatting.fixed(0.05, 2) == "0.05")
        #expect(Formatting.fixed(-0.004, 2) == "0.00")
        #expect(Formatting.fixed(-1.5, 0) == "-2")
        #expect(Formatting.fixed(12.0, 3) == "12.000")
        #expect(Formatting.money(1234567.5) == "1,234,567.50")
        #expect(Formatting.money(999.999) == "1,000.00")
        #expect(Formatting.money(-0.001) == "0.00", "was -0.00 (QA5)")
        #expect(Formatting.money(100) == "100.00")
        #expect(Formatting.money(1e20) == "1e+20")
        #expect(Formatting.money(2e16) == "20,000,000,000,000,000.00", "was 2e,+16: the exponent cut by grouping")
        #expect(Formatting.money(999_999_999_999_999) == "999,999,999,999,999.00", "was .0")
        #expect(Formatting.fixed(.nan, 2) == "nan" && Formatting.money(.infinity) == Self.referenceMoney(.infinity))
    }

    /// Random magnitudes from 1e-6 to 1e18, both signs, 0 to 6 decimals.
    @Test func matchesTheReferenceOnRandomValues() {
        var generator = SeededGenerator(seed: 20261129)
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -6...18, using: &generator)
            let value = (Bool.random(using: &generator) ? -1 : 1) * Double.random(in: 1..<10, using: &generator) * pow10(magnitude)
            let digits = Int.random(in: 0...6, using: &generator)
            #expect(Formatting.fixed(value, digits) == Self.referenceFixed(value, digits), "fixed(\(value), \(digits))")
            #expect(Formatting.money(value) == Self.referenceMoney(value), "money(\(value))")
        }
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(abs(exponent.rounded(.down))) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
