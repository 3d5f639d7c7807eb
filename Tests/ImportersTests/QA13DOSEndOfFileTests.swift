import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Files written by old DOS and Windows tools end with the end-of-file mark 0x1A (Ctrl-Z)
/// after the last line end. That last "line" was read as a record: a native watchlist took it
/// as an entry named U+001A (accepted), and the other tables rejected it (`'name' is empty`,
/// no vendor, no supplier), which `--strict` made fatal. A row whose cells hold only that mark
/// or white space libcsv does not trim (form feed, vertical tab) is now blank, as a row of
/// empty cells is.
@Suite("QA13: a DOS end-of-file mark (Ctrl-Z) is a blank row, not a record")
struct QA13DOSEndOfFileTests {
    @Test func aTrailingControlZIsBlankInEveryTable() throws {
        let scratch = TemporaryDirectory()
        let watchlist = try Inputs.watchlist(path: scratch.file("w.csv", "name,country\r\nEvil,CN\r\n\u{1A}"))
        #expect(watchlist.records.map(\.name) == ["Evil"])
        #expect(watchlist.summary.blank == 1 && watchlist.summary.rejected == 0)

        let suppliers = try Inputs.suppliers(path: scratch.file("s.csv", "supplier_id,name\nV1,A\n\u{1A}"))
        #expect(suppliers.records.map(\.id) == ["V1"])
        #expect(suppliers.summary.blank == 1 && suppliers.summary.rejected == 0, "\(suppliers.findings)")

        let contracts = try Inputs.contracts(paths: [scratch.file("c.csv", "contract_id,vendor_id,amount\nC1,V1,5\n\u{1A}")])
        #expect(contracts.records.map(\.id) == ["C1"])
        #expect(contracts.summary.blank == 1 && contracts.summary.rejected == 0, "\(contracts.findings)")

        let links = try Inputs.links(path: scratch.file("l.csv", "buyer_id,supplier_id\nV1,S1\n\u{1A}"))
        #expect(links.links.summary.blank == 1 && links.links.summary.rejected == 0, "\(links.links.findings)")
        // A record with text outside ASCII takes the links' other path.
        let wide = try Inputs.links(path: scratch.file("l2.csv", "buyer_id,supplier_id\nV1,S\u{E9}\n\u{1A}"))
        #expect(wide.links.summary.blank == 1 && wide.links.summary.rejected == 0, "\(wide.links.findings)")
    }

    @Test func aFormFeedLineIsBlankToo() throws {
        let scratch = TemporaryDirectory()
        let watchlist = try Inputs.watchlist(path: scratch.file("w.csv", "name,country\nEvil,CN\n\u{0C}\nBad,CN\n"))
        #expect(watchlist.records.map(\.name) == ["Evil", "Bad"])
        #expect(watchlist.summary.blank == 1 && watchlist.summary.rejected == 0)
    }

    @Test func aControlZInsideTextIsKept() throws {
        let scratch = TemporaryDirectory()
        let watchlist = try Inputs.watchlist(path: scratch.file("w.csv", "name,country\nEvil\u{1A},CN\n"))
        #expect(watchlist.records.map(\.name) == ["Evil\u{1A}"])
    }

    @Test func parallelReadingAgrees() throws {
        let scratch = TemporaryDirectory()
        var text = "supplier_id,name,country\n"
        for k in 0..<300 { text += "V\(k),Name \(k),US\n" }
        let path = scratch.file("s.csv", text + "\u{1A}")
        var parallel = ImportOptions(parallelThreshold: 0)
        parallel.parallelChunkBytes = 256
        parallel.workers = 3
        let sequential = try Inputs.suppliers(path: path, options: ImportOptions(parallelThreshold: .max))
        let chunked = try Inputs.suppliers(path: path, options: parallel)
        #expect(sequential.summary.blank == 1 && sequential.summary.accepted == 300)
        #expect(chunked.summary == sequential.summary)
    }
}
