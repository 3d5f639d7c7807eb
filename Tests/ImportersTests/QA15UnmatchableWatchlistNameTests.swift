import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A watchlist entry whose name is only punctuation (`---`, `"..."`, as a broken export or a
/// placeholder row writes it), with no usable alias and no identifier, was accepted and
/// counted without a word, then never matched anything: the name matcher indexes words of
/// letters and digits and skipped it. A listed entity silently counted for nothing, a hard
/// flag (`US-UFLPA`) included. Every watchlist format now warns (`unmatchable-entry`) at its
/// line (and the name's column); the entry is kept, since a `--decisions` file may confirm
/// it. An alias with a letter or digit, or an identifier, needs no warning.
@Suite("QA15: a watchlist entry no name or identifier can match gets a warning")
struct QA15UnmatchableWatchlistNameTests {
    @Test func nativeWatchlist() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("list.csv", """
            aliases,identifiers,country,name
            ,,CN,---
            ; -- ;,,CN,"..."
            Aksu Mill,,CN,-
            ,uei:ZQGGHJH74DW7,CN,*
            ,,CN,新疆棉业
            ,,CN,Acme

            """)
        let result = try WatchlistCSV.native(path: path)
        #expect(result.records.map(\.name) == ["---", "...", "-", "*", "新疆棉业", "Acme"])
        #expect(result.summary.rejected == 0)
        let warnings = result.findings.filter { $0.code == "unmatchable-entry" }
        #expect(warnings.map { $0.location?.line } == [2, 3])
        #expect(warnings.map { $0.location?.column } == [4, 4])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.message == "entry 'list.csv:2' is named '---': no name or alias of it has a letter or digit, and it has no identifier, so no supplier can match it (only a --decisions confirmation)", "\(warnings)")
    }

    @Test func openSanctionsCSV() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("targets.simple.csv", """
            id,schema,name,aliases,countries,identifiers,program_ids,dataset,first_seen
            X1,Company,-,,cn,,US-UFLPA,us_dhs_uflpa,2023-01-01
            X2,Company,-,,cn,529900T8BM49AURSDO55,US-UFLPA,us_dhs_uflpa,2023-01-01

            """)
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.id) == ["X1", "X2"])
        let warnings = result.findings.filter { $0.code == "unmatchable-entry" }
        #expect(warnings.map { $0.location?.line } == [2], "\(result.findings)")
        #expect(warnings.first?.message.hasPrefix("entry 'X1' is named '-':") == true)
    }

    @Test func followTheMoney() throws {
        let scratch = TemporaryDirectory()
        let text = [
            #"{"id":"A","schema":"Company","caption":"!!!","properties":{"name":["!!!", "..."]}}"#,
            #"{"id":"B","schema":"Company","caption":"!!!","properties":{"name":["!!!"],"alias":["Beta Co"]}}"#,
        ].joined(separator: "\n") + "\n"
        let result = try FollowTheMoney.entries(path: scratch.file("entities.ftm.json", text))
        #expect(result.records.map(\.id) == ["A", "B"])
        let warnings = result.findings.filter { $0.code == "unmatchable-entry" }
        #expect(warnings.map { $0.location?.line } == [1])
        #expect(warnings.first?.message.hasPrefix("entry 'A' is named '!!!':") == true, "\(warnings)")
    }
}
