import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A FollowTheMoney line that could not be read was always rejected as "not a FollowTheMoney
/// entity (a JSON object with "id" and "schema")", also when it was one, written in Latin-1
/// (`"caption":"Café"` with the byte 0xE9) or cut short: the reason sent the analyst looking
/// for a missing key. The finding now says what is wrong: bytes that are not UTF-8 (with the
/// column of the first), text that is not JSON, or JSON that is no entity.
@Suite("QA9: FollowTheMoney lines rejected with their real reason")
struct QA9FollowTheMoneyLineTests {
    @Test func eachUnreadableLineSaysWhy() throws {
        let scratch = TemporaryDirectory()
        var bytes = Array(#"{"id":"A","schema":"Company","caption":"Alpha Co"}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"B","schema":"Company","caption":"Caf"#.utf8) + [0xE9] + Array(#""}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"C","schema":"Company","caption":"Cut"#.utf8) + [0x0A]
        bytes += Array(#"{"schema":"Company","caption":"No id"}"#.utf8) + [0x0A]
        let path = scratch.file("entities.ftm.json", bytes: bytes)
        let result = try FollowTheMoney.entries(path: path)
        #expect(result.records.map(\.id) == ["A"])
        #expect(result.summary.rejectedByReason == ["invalid-json": 3])
        let errors = result.findings.filter { $0.code == "invalid-json" }
        #expect(errors.map { $0.location?.line } == [2, 3, 4])
        #expect(errors[0].message.contains("UTF-8") && errors[0].message.contains("0xE9"), "\(errors[0])")
        #expect(errors[0].location?.column == 44, "\(errors[0])")
        #expect(errors[1].message.contains("not valid JSON"), "\(errors[1])")
        #expect(errors[2].message.contains("\"id\""), "\(errors[2])")
    }
}
