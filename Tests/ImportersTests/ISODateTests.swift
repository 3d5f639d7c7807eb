import Testing
@testable import Importers

/// A plain `YYYY-MM-DD` cell is read in place (the fast path of every date column): only a
/// real calendar day passes it, anything else takes the general path or is no date.
@Suite("Plain ISO dates")
struct ISODateTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "2023-12-31", "2023-04-30", "1000-01-01", "9999-12-31"])
    func aRealDayIsReadAsItIs(_ text: String) {
        #expect(DateParsing.plainISODate(text) == text)
        #expect(DateParsing.isoDate(text) == text)
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31", "2024-01-32", "2024-00-10",
        "2024-13-01", "2024-01-00", "0999-12-31", "2024-1-01", "20a4-01-01", "2024/01/01", "2024-01-0١", "2024-01-+1",
    ])
    func anythingElseIsNotAPlainDate(_ text: String) {
        #expect(DateParsing.plainISODate(text) == nil)
    }

    @Test func aPlainDateWithATimeTakesTheGeneralPath() {
        #expect(DateParsing.plainISODate("2024-01-02T10:00") == nil)
        #expect(DateParsing.isoDate("2024-01-02T10:00") == "2024-01-02")
        #expect(DateParsing.isoDate("2024-02-30") == nil)
    }
}
