import Testing
@testable import Reporting

/// Fifth QA pass: the terminal summary's amounts near zero.
@Suite("QA5: summary amounts")
struct QA5AmountTests {
    /// `-0.001` US dollars printed "-$0.00": the sign came from the value, not from what was
    /// printed. An amount that rounds to zero now has no sign, in dollars and other currencies.
    @Test(arguments: [-0.001, -0.004, -0.0, -1e-300])
    func aNegativeAmountThatRoundsToZeroHasNoSign(value: Double) {
        #expect(TextSummary.amount(value, currency: "USD") == "$0.00")
        #expect(TextSummary.amount(value, currency: "EUR") == "0.00 EUR")
    }

    @Test func aNegativeAmountKeepsItsSign() {
        #expect(TextSummary.amount(-0.005, currency: "USD") == "-$0.01")
        #expect(TextSummary.amount(-1234.5, currency: "USD") == "-$1,234.50")
        #expect(TextSummary.amount(-1234.5, currency: "EUR") == "-1,234.50 EUR")
    }
}
