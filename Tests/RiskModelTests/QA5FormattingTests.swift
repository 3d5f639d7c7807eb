import Testing
@testable import RiskModel

/// Fifth QA pass: negative amounts that round to zero.
@Suite("QA5: negative zero in formatting")
struct QA5FormattingTests {
    /// `money(-0.001)` printed "-0.00": the sign came from the value, not from what was
    /// printed. A value that rounds to zero now prints without a sign, as `fixed` already did.
    @Test(arguments: [-0.001, -0.004, -0.0049, -0.0, -1e-300, -Double.leastNonzeroMagnitude])
    func aNegativeValueThatRoundsToZeroHasNoSign(value: Double) {
        #expect(Formatting.money(value) == "0.00")
        #expect(Formatting.fixed(value, 2) == "0.00")
        #expect(Formatting.fixed(value, 0) == "0")
    }

    /// A negative amount rounds like its positive (half away from zero), with a minus sign.
    @Test(arguments: [0.005, 0.0051, 0.015, 0.5, 1.005, 1234.565, 0.006, 1e15])
    func aNegativeValueRoundsLikeItsPositive(value: Double) {
        #expect(Formatting.money(-value) == "-" + Formatting.money(value))
        #expect(Formatting.fixed(-value, 2) == "-" + Formatting.fixed(value, 2))
    }

    @Test func halfACentRoundsAwayFromZero() {
        #expect(Formatting.money(-0.005) == "-0.01" && Formatting.money(0.005) == "0.01")
        #expect(Formatting.money(-0.0051) == "-0.01")
    }
}
