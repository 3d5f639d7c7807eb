import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Dates with slashes are read in one order (US month first unless `--date-order dmy`). A
/// file that holds a date valid only in the other order (rejected) writes its dates that way,
/// so its ambiguous dates (`03/04/2024`) were misread: one `ambiguous-dates` warning per file
/// says how many, where the first is and how to fix it, on every reader of slash dates.
@Suite("Ambiguous dates in a file that writes dates in the other order")
struct AmbiguousDateTests {
    /// Lines 3 and 7 are ambiguous (line 3 is not ASCII: the `String` path of the byte
    /// reader), line 4 is day first only, line 6 month first only; 05/05 and ISO are neither.
    static let contracts = """
        contract_id,vendor_id,amount,award_date,vendor_name
        C1,V1,10,2024-01-05,Acme
        C2,V1,10,03/04/2024,Café
        C3,V1,10,31/12/2024,Acme
        C4,V1,10,05/05/2024,Acme
        C5,V1,10,12/31/2024,Acme
        C6,V1,10,11/10/2024 09:30,Acme

        """

    @Test(arguments: [
        ("03/04/2024", DateOrder.mdy, DateParsing.Reading.date("2024-03-04", ambiguous: true)),
        ("03/04/2024", .dmy, .date("2024-04-03", ambiguous: true)),
        ("31/12/2024", .mdy, .otherOrder), ("31/12/2024", .dmy, .date("2024-12-31", ambiguous: false)),
        ("12/31/2024", .mdy, .date("2024-12-31", ambiguous: false)), ("12/31/2024", .dmy, .otherOrder),
        ("05/05/2024", .dmy, .date("2024-05-05", ambiguous: false)), ("13/13/2024", .dmy, .invalid),
        ("29/02/2023", .dmy, .invalid), ("29/02/2024 10:00", .dmy, .date("2024-02-29", ambiguous: false)),
        ("2024-03-04", .dmy, .date("2024-03-04", ambiguous: false)), ("2024-03-04T10:00", .dmy, .date("2024-03-04", ambiguous: false)),
    ])
    func readsInTheOrderGiven(text: String, order: DateOrder, reading: DateParsing.Reading) {
        #expect(DateParsing.read(text, order: order) == reading)
    }

    func read(_ text: String, order: DateOrder = .mdy, parallelThreshold: Int = .max, workers: Int = 1) throws -> ImportResult<Contract> {
        let scratch = TemporaryDirectory()
        return try read(path: scratch.file("eu.csv", text), order: order, parallelThreshold: parallelThreshold, workers: workers)
    }

    func read(path: String, order: DateOrder = .mdy, parallelThreshold: Int = .max, workers: Int = 1) throws -> ImportResult<Contract> {
        var options = ImportOptions(parallelThreshold: parallelThreshold)
        options.parallelChunkBytes = 32
        options.workers = workers
        options.dateOrder = order
        return try Inputs.contracts(paths: [path], options: options)
    }

    @Test(arguments: [(Int.max, 1), (0, 1), (0, 2)])
    func nativeContractsWarnOnceNamingTheFirst(parallelThreshold: Int, workers: Int) throws {
        let read = try read(Self.contracts, parallelThreshold: parallelThreshold, workers: workers)
        #expect(read.records.map(\.awardDate) == ["2024-01-05", "2024-03-04", "2024-05-05", "2024-12-31", "2024-11-10"])
        let warnings = read.findings.filter { $0.code == "ambiguous-dates" }
        try #require(warnings.count == 1)
        #expect(warnings[0].severity == .warning)
        #expect(warnings[0].location?.file.hasSuffix("eu.csv") == true)
        #expect(warnings[0].location?.line == 3 && warnings[0].location?.column == 4)
        let message = warnings[0].message
        #expect(message.hasPrefix("2 dates that could be read either way (the first '03/04/2024' in 'award_date' at line 3, column 4) were read as MM/DD/YYYY"), "\(message)")
        #expect(message.contains("this file writes dates day first"), "\(message)")
        #expect(message.contains("YYYY-MM-DD"))
    }

    /// The chunks' counts and first positions are merged in file order: the findings are the
    /// same whatever the number of workers (and the same as a sequential read).
    @Test func theWarningDoesNotDependOnTheWorkers() throws {
        let rows = (0..<200).map { i in i % 7 == 3 ? "C\(i),V1,10,\(i % 9 + 13)/06/2024" : "C\(i),V1,10,\(i % 12 + 1)/\(i % 11 + 1)/2024" }
        let text = "contract_id,vendor_id,amount,award_date\n" + rows.joined(separator: "\n") + "\n"
        let scratch = TemporaryDirectory()
        let path = scratch.file("eu.csv", text)
        let sequential = try read(path: path).findings
        let one = try read(path: path, parallelThreshold: 0, workers: 1).findings
        let two = try read(path: path, parallelThreshold: 0, workers: 2).findings
        #expect(one.filter { $0.code == "ambiguous-dates" }.count == 1)
        #expect(one == two)
        #expect(one.last?.message.hasPrefix("152 dates that could be read either way (the first '12/1/2024' in 'award_date' at line 13, column 4)") == true)
        #expect(one == sequential)
    }

    @Test(arguments: [Int.max, 0])
    func noWarningWithoutBoth(parallelThreshold: Int) throws {
        let ambiguousOnly = "contract_id,vendor_id,amount,award_date\nC1,V1,10,03/04/2024\nC2,V1,10,12/31/2024\n"
        #expect(try read(ambiguousOnly, parallelThreshold: parallelThreshold).findings.isEmpty)
        let dayFirstOnly = "contract_id,vendor_id,amount,award_date\nC1,V1,10,31/12/2024\nC2,V1,10,05/05/2024\n"
        #expect(try read(dayFirstOnly, parallelThreshold: parallelThreshold).findings.map(\.code) == ["invalid-date"])
    }

    @Test(arguments: [Int.max, 0])
    func dayFirstOrderReadsTheSameFileTheOtherWay(parallelThreshold: Int) throws {
        let read = try read(Self.contracts, order: .dmy, parallelThreshold: parallelThreshold, workers: 2)
        #expect(read.records.map(\.id) == ["C1", "C2", "C3", "C4", "C6"])
        #expect(read.records.map(\.awardDate) == ["2024-01-05", "2024-04-03", "2024-12-31", "2024-05-05", "2024-10-11"])
        let rejected = read.findings.filter { $0.code == "invalid-date" }
        #expect(rejected.map(\.location?.line) == [6])
        #expect(rejected.first?.message.contains("'award_date' is '12/31/2024', a date written month first (MM/DD/YYYY)") == true, "\(rejected)")
        #expect(rejected.first?.message.contains("dmy") == true, "\(rejected)")
        let warning = try #require(read.findings.first { $0.code == "ambiguous-dates" })
        #expect(warning.message.contains("were read as DD/MM/YYYY (day first)"), "\(warning.message)")
        #expect(warning.message.contains("this file writes dates month first"), "\(warning.message)")
    }

    @Test func nativeXMLWarnsWithoutAColumn() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("eu.xml", """
            <flrisk xmlns="urn:flrisk:native:1"><contracts>
            <contract><contract_id>C1</contract_id><vendor_id>V1</vendor_id><award_date>31/12/2024</award_date></contract>
            <contract><contract_id>C2</contract_id><vendor_id>V1</vendor_id><award_date>03/04/2024</award_date></contract>
            </contracts></flrisk>
            """)
        let read = try Inputs.contracts(paths: [path])
        let warning = try #require(read.findings.first { $0.code == "ambiguous-dates" })
        #expect(warning.location?.line == 3 && warning.location?.column == nil)
        #expect(warning.message.hasPrefix("1 date that could be read either way (the first '03/04/2024' in 'award_date' at line 3) was read as MM/DD/YYYY"), "\(warning.message)")
        var options = ImportOptions()
        options.dateOrder = .dmy
        let dmy = try Inputs.contracts(paths: [path], options: options)
        #expect(dmy.records.map(\.awardDate) == ["2024-12-31", "2024-04-03"])
    }

    @Test func usaspendingAndWatchlistsWarnToo() throws {
        let scratch = TemporaryDirectory()
        let awards = scratch.file("a.csv", "contract_award_unique_key,recipient_name,total_obligated_amount,action_date\nK1,Acme,5,25/06/2024\nK2,Acme,5,06/05/2024\n")
        let read = try Inputs.contracts(paths: [awards])
        #expect(read.findings.filter { $0.code == "ambiguous-dates" }.map(\.location?.line) == [3])
        let watchlist = scratch.file("w.csv", "name,country,list,date_added\nAcme,CN,X,31/12/2024\nBeta,CN,X,01/02/2024\n")
        let entries = try Inputs.watchlist(path: watchlist)
        #expect(entries.findings.filter { $0.code == "ambiguous-dates" }.map(\.location?.column) == [4])
        let ftm = scratch.file("e.json", """
            {"id":"a","schema":"Company","target":true,"properties":{"name":["Acme"]},"first_seen":"31/12/2024"}
            {"id":"b","schema":"Company","target":true,"properties":{"name":["Beta"]},"first_seen":"01/02/2024"}

            """)
        let ftmEntries = try Inputs.watchlist(path: ftm)
        #expect(ftmEntries.findings.filter { $0.code == "ambiguous-dates" }.map(\.location?.line) == [2], "\(ftmEntries.findings)")
        var options = ImportOptions()
        options.dateOrder = .dmy
        #expect(try Inputs.watchlist(path: watchlist, options: options).records.map(\.dateAdded) == ["2024-12-31", "2024-02-01"])
        #expect(try Inputs.watchlist(path: ftm, options: options).records.map(\.dateAdded) == ["2024-12-31", "2024-02-01"])
        #expect(try Inputs.contracts(paths: [awards], options: options).records.map(\.awardDate) == ["2024-06-25", "2024-05-06"])
    }
}
