import SupplyChainModel
import Testing
@testable import RiskModel

/// Entries whose names are only legal forms or joining words were skipped by the matcher
/// without a word (the importers warn only about names without a letter or digit).
@Suite("Watchlist entries no name can match")
struct WordlessWatchlistEntryTests {
    static func entry(_ id: String, _ name: String, aliases: [String] = [], identifiers: [String] = []) -> WatchlistEntry {
        WatchlistEntry(
            id: id, name: name, aliases: aliases, list: "My list", identifiers: identifiers,
            location: SupplyChainModel.SourceLocation(file: "w.csv", line: 2))
    }

    @Test func namesOfLegalFormsOnlyAreCountedAndTheFirstNamed() {
        let m = matcher(
            [Self.entry("E1", "Co., Ltd."), Self.entry("E2", "The Company Limited"), Self.entry("E3", "Ltd", aliases: ["Acme Textile"]),
             Self.entry("E4", "有限公司", identifiers: ["uei:ABCDEFGHJKLM"]), Self.entry("E5", "---")], embedded: false)
        let warnings = m.findings.filter { $0.code == "unmatchable-entry" }
        #expect(warnings.count == 1, "\(m.findings)")
        #expect(warnings.first?.message.hasPrefix("2 watchlist entries have names made only of legal forms and joining words and no identifier (the first: entry 'E1', 'Co., Ltd.')") == true, "\(warnings)")
        #expect(matcher([Self.entry("E3", "Acme Textile")], embedded: false).findings.isEmpty)
    }

    @Test func theEmbeddedListHasNone() {
        #expect(!matcher().findings.contains { $0.code == "unmatchable-entry" })
    }
}
