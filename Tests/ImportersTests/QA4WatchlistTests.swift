import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Fourth QA pass: watchlist dates and ids.
@Suite("QA4: watchlist dates and duplicate ids")
struct QA4WatchlistTests {
    let dir = TemporaryDirectory()

    static let openSanctionsHeader = "id,schema,name,countries,program_ids,dataset,first_seen\n"

    /// An OpenSanctions `first_seen` that is no date was dropped without a word (the entry had
    /// no date added), while the native watchlist rejects a bad `date_added`. It now rejects the
    /// row as `invalid-date` with its file, line, column and value.
    @Test func anInvalidFirstSeenInOpenSanctionsCSVRejectsTheRow() throws {
        let path = dir.file("targets.simple.csv", Self.openSanctionsHeader + """
            NK-1,Company,Aksu Textile Co,cn,US-UFLPA,UFLPA,2022-06-21T10:00:00
            NK-2,Company,Hotan Mill,cn,US-UFLPA,UFLPA,2022-13-45
            NK-3,Company,Kashgar Yarn,cn,US-UFLPA,UFLPA,

            """)
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.id) == ["NK-1", "NK-3"])
        #expect(result.records.map(\.dateAdded) == ["2022-06-21", nil])
        #expect(result.summary.rejectedByReason == ["invalid-date": 1])
        let finding = try #require(result.findings.first { $0.code == "invalid-date" })
        #expect(finding.severity == .error && finding.location == SourceLocation(file: path, line: 3, column: 7), "\(finding)")
        #expect(finding.message.contains("first_seen") && finding.message.contains("2022-13-45"), "\(finding)")
    }

    /// The same for a FollowTheMoney entity's `first_seen`.
    @Test func anInvalidFirstSeenInFollowTheMoneyRejectsTheLine() throws {
        let lines = [
            #"{"id":"NK-1","schema":"Company","caption":"Aksu Textile Co","first_seen":"2023-04-20T18:00:25"}"#,
            #"{"id":"NK-2","schema":"Company","caption":"Hotan Mill","first_seen":"yesterday"}"#,
            #"{"id":"NK-3","schema":"Company","caption":"Kashgar Yarn","first_seen":20230420}"#,
            #"{"id":"NK-4","schema":"Company","caption":"Urumqi Cotton"}"#,
        ]
        let path = dir.file("entities.ftm.json", lines.joined(separator: "\n") + "\n")
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.id) == ["NK-1", "NK-4"])
        #expect(result.summary.rejectedByReason == ["invalid-date": 2])
        let findings = result.findings.filter { $0.code == "invalid-date" }
        #expect(findings.map { $0.location?.line } == [2, 3])
        #expect(findings.first?.message.contains("'yesterday'") == true && findings.last?.message.contains("20230420") == true, "\(findings)")
    }

    /// FollowTheMoney entities with the same id were all accepted (two entries, two matches).
    /// As for supplier and contract ids, a repeat is now rejected as `duplicate-id`, naming
    /// the first line.
    @Test func aRepeatedFollowTheMoneyIDIsRejected() throws {
        let lines = [
            #"{"id":"NK-1","schema":"Company","caption":"Aksu Textile Co"}"#,
            #"{"id":"NK-2","schema":"Company","caption":"Hotan Mill"}"#,
            #"{"id":"NK-1","schema":"Company","caption":"Aksu Textile Company"}"#,
        ]
        let path = dir.file("entities.ftm.json", lines.joined(separator: "\n") + "\n")
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.name) == ["Aksu Textile Co", "Hotan Mill"])
        #expect(result.summary.rejectedByReason == ["duplicate-id": 1])
        let finding = try #require(result.findings.first { $0.code == "duplicate-id" })
        #expect(finding.location?.line == 3 && finding.message.contains("'NK-1'") && finding.message.contains("line 1"), "\(finding)")
    }

    /// The native watchlist and the OpenSanctions CSV reject a repeated id the same way.
    @Test func aRepeatedCSVWatchlistIDIsRejected() throws {
        let native = dir.file("native.csv", "id,name,country\nW1,Aksu Textile Co,CN\nW2,Hotan Mill,CN\nW1,Aksu Again,CN\n")
        let openSanctions = dir.file("targets.simple.csv", Self.openSanctionsHeader + "NK-1,Company,Aksu,cn,,D,\nNK-1,Company,Aksu Again,cn,,D,\n")
        for (path, column) in [(native, 1), (openSanctions, 1)] {
            let result = try Inputs.watchlist(path: path)
            #expect(result.summary.rejectedByReason == ["duplicate-id": 1], "\(path)")
            let finding = try #require(result.findings.first { $0.code == "duplicate-id" })
            #expect(finding.location?.column == column && finding.message.contains("line 2"), "\(finding)")
        }
    }
}
