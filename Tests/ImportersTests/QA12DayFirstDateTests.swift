import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Dates with slashes are US `MM/DD/YYYY` (docs/FORMATS.md). A European `31/12/2024` cannot be
/// that: it was rejected as an "invalid-date" that expected MM/DD/YYYY, with nothing saying the
/// file is day first, whose ambiguous dates (03/04/2024) are then misread. It is still
/// rejected (never guessed row by row), with a message that says so; ambiguous dates keep the
/// documented US reading.
@Suite("QA12: day-first dates are rejected with a message that says so")
struct QA12DayFirstDateTests {
    @Test(arguments: [
        ("31/12/2024", true), ("13/01/2024 10:00", true), ("29/02/2024", true), ("29/02/2023", false), ("31/02/2024", false),
        ("12/31/2024", false), ("03/04/2024", false), ("13/13/2024", false), ("2024-12-31", false), ("31/12/24", false),
    ])
    func dayFirstIsRecognised(text: String, dayFirst: Bool) {
        #expect((DateParsing.read(text, order: .mdy) == .otherOrder) == dayFirst)
        if dayFirst { #expect(DateParsing.isoDate(text) == nil) }
    }

    @Test(arguments: [Int.max, 0])
    func nativeContractsRejectDayFirstDatesNamingTheColumn(parallelThreshold: Int) throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("c.csv", """
            contract_id,vendor_id,amount,award_date
            C1,V1,10,31/12/2024
            C2,V1,10,12/31/2024
            C3,V1,10,03/04/2024
            C4,V1,10,13/13/2024

            """)
        var options = ImportOptions(parallelThreshold: parallelThreshold)
        options.parallelChunkBytes = 32
        let read = try Inputs.contracts(paths: [path], options: options)
        #expect(read.records.map(\.id) == ["C2", "C3"])
        #expect(read.records.map(\.awardDate) == ["2024-12-31", "2024-03-04"])
        let rejected = read.findings.filter { $0.code == "invalid-date" }
        #expect(rejected.map(\.location?.line) == [2, 5])
        #expect(rejected.map(\.location?.column) == [4, 4])
        #expect(rejected[0].message.contains("'award_date' is '31/12/2024', a date written day first (DD/MM/YYYY)"), "\(rejected[0].message)")
        #expect(rejected[0].message.contains("YYYY-MM-DD"))
        #expect(!rejected[1].message.contains("day first"), "\(rejected[1].message)")
    }

    @Test func realWorldAndWatchlistDatesAlike() throws {
        let scratch = TemporaryDirectory()
        let awards = scratch.file("a.csv", "contract_award_unique_key,recipient_name,total_obligated_amount,action_date\nK1,Acme,5,25/06/2024\nK2,Acme,5,06/25/2024\n")
        let read = try Inputs.contracts(paths: [awards])
        #expect(read.records.map(\.id) == ["K2"])
        #expect(read.findings.contains { $0.code == "invalid-date" && $0.message.contains("'action_date' is '25/06/2024', a date written day first") })
        let watchlist = scratch.file("w.csv", "name,country,list,date_added\nAcme,CN,X,31/12/2024\n")
        let entries = try Inputs.watchlist(path: watchlist)
        #expect(entries.records.isEmpty)
        #expect(entries.findings.contains { $0.code == "invalid-date" && $0.message.contains("'date_added' is '31/12/2024', a date written day first") })
    }
}
