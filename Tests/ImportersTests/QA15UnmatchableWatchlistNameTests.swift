import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A watchlist entry whose name is only punctuation (`---`, `"..."`, as a broken export or a
/// placeholder row writes it), with no usable alias and no identifier, was accepted and
/// counted, then never matched anything: the name matcher indexes words of letters and digits
/// and skipped it without a word. A listed entity silently counted for nothing, a hard flag
/// (`US-UFLPA`) included. Every watchlist format now rejects such a row as `invalid-value`
/// with its line (and column). An alias with a letter or digit, or an identifier, keeps the
/// entry, which can still be matched through them.
@Suite("QA15: a watchlist entry no name or identifier could match is rejected")
struct QA15UnmatchableWatchlistNameTests {
    @Test func nativeWatchlist() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("list.csv", """
            name,aliases,identifiers,country
            ---,,,CN
            "...",; -- ;,,CN
            -,Aksu Mill,,CN
            *,,uei:ZQGGHJH74DW7,CN
            新疆棉业,,,CN
            Acme,,,CN

            """)
        let result = try WatchlistCSV.native(path: path)
        #expect(result.records.map(\.name) == ["-", "*", "新疆棉业", "Acme"])
        #expect(result.summary.rejectedByReason == ["invalid-value": 2], "\(result.findings)")
        let errors = result.findings.filter { $0.code == "invalid-value" }
        #expect(errors.map { $0.location?.line } == [2, 3])
        #expect(errors.map { $0.location?.column } == [1, 1])
        #expect(errors.first?.message == "row rejected: 'name' is '---': no name or alias of the entry has a letter or digit, and it has no identifier, so it could never match a supplier", "\(errors)")
    }

    @Test func openSanctionsCSV() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("targets.simple.csv", """
            id,schema,name,aliases,countries,identifiers,program_ids,dataset,first_seen
            X1,Company,-,,cn,,US-UFLPA,us_dhs_uflpa,2023-01-01
            X2,Company,-,,cn,529900T8BM49AURSDO55,US-UFLPA,us_dhs_uflpa,2023-01-01

            """)
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.id) == ["X2"])
        #expect(result.findings.filter { $0.code == "invalid-value" }.map { $0.location?.line } == [2], "\(result.findings)")
    }

    @Test func followTheMoney() throws {
        let scratch = TemporaryDirectory()
        let text = [
            #"{"id":"A","schema":"Company","caption":"!!!","properties":{"name":["!!!", "..."]}}"#,
            #"{"id":"B","schema":"Company","caption":"!!!","properties":{"name":["!!!"],"alias":["Beta Co"]}}"#,
        ].joined(separator: "\n") + "\n"
        let result = try FollowTheMoney.entries(path: scratch.file("entities.ftm.json", text))
        #expect(result.records.map(\.id) == ["B"])
        let errors = result.findings.filter { $0.code == "invalid-value" }
        #expect(errors.map { $0.location?.line } == [1])
        #expect(errors.first?.message == "row rejected: entity 'A': its name is '!!!': no name or alias of the entry has a letter or digit, and it has no identifier, so it could never match a supplier", "\(errors)")
    }
}
