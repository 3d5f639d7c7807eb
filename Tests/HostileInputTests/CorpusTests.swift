import Foundation
import Testing
import Importers
import SupplyChainModel

/// Every committed hostile file and the outcome flrisk promises for it: a clear fatal error
/// with its code, or a read whose rejections and warnings are listed. Never a crash, a hang or
/// a silent acceptance. docs/SECURITY.md lists the same table.
@Suite("Hostile input corpus")
struct CorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let role: Role
        let expected: Outcome
        var testDescription: String { "\(file) as \(role)" }
    }

    enum Role: String, Sendable { case suppliers, links, contracts, watchlist }

    static let cases: [Case] = [
        Case(file: "empty.csv", role: .suppliers, expected: .error("empty-file")),
        Case(file: "header_only.csv", role: .suppliers, expected: .read(accepted: 0, rejected: [:], findings: [])),
        Case(file: "binary_garbage.bin", role: .suppliers, expected: .error("binary-content")),
        Case(file: "nul_bytes.csv", role: .suppliers, expected: .error("binary-content")),
        Case(file: "utf16le.csv", role: .suppliers, expected: .error("binary-content")),
        // gzip input is not supported: a compressed (here truncated) file is refused as binary.
        Case(file: "truncated.csv.gz", role: .suppliers, expected: .error("binary-content")),
        Case(file: "truncated.csv.gz", role: .links, expected: .error("binary-content")),
        Case(file: "invalid_utf8_mid.csv", role: .suppliers, expected: .read(accepted: 3, rejected: [:], findings: ["non-utf8"])),
        Case(file: "mixed_line_endings.csv", role: .suppliers, expected: .read(accepted: 4, rejected: [:], findings: [])),
        Case(file: "unterminated_quote.csv", role: .suppliers, expected: .error("unterminated-quote")),
        Case(file: "quote_after_close.csv", role: .suppliers, expected: .error("malformed-csv")),
        // 1e309, NaN, -0, -0.25, 1.5, inf and hex floats are rejected; only 0.5 is a share.
        Case(file: "shares.csv", role: .links, expected: .read(accepted: 1, rejected: ["invalid-number": 7], findings: [])),
        // -0 reads as 0; NaN, 1e309, 1.0000001 and -1 are not risks in [0, 1].
        Case(file: "risks.csv", role: .suppliers, expected: .read(accepted: 2, rejected: ["invalid-number": 4], findings: [])),
        // 1e309, NaN and the three amounts of 10^15 or more (one past Int64.max, one past
        // UInt64.max) are rejected; -0, $1,234.50, (12.00) and 999999999999999 are amounts.
        Case(file: "amounts.csv", role: .contracts, expected: .read(accepted: 4, rejected: ["invalid-number": 5], findings: [])),
        // NFC vs NFD and invisible characters: distinct ids, each with a lookalike warning;
        // the real repeat of S1 is a duplicate.
        Case(file: "lookalike_ids.csv", role: .suppliers, expected: .read(accepted: 5, rejected: ["duplicate-id": 1], findings: ["lookalike-id"])),
        // An FPDS obligated amount one past UInt64.max: the award is rejected, not wrapped.
        Case(file: "fpds_huge_amount.xml", role: .contracts, expected: .read(accepted: 0, rejected: ["invalid-number": 1], findings: [])),
        // Watchlist ids follow the same byte-for-byte rule (W1 and W<ZWSP>1).
        Case(file: "watchlist_lookalike_ids.csv", role: .watchlist, expected: .read(accepted: 2, rejected: ["duplicate-id": 1], findings: ["lookalike-id"])),
        Case(file: "xxe.xml", role: .suppliers, expected: .error("xml-dtd-refused")),
        Case(file: "xxe.xml", role: .contracts, expected: .error("xml-dtd-refused")),
        Case(file: "xxe_parameter.xml", role: .contracts, expected: .error("xml-dtd-refused")),
        Case(file: "billion_laughs.xml", role: .suppliers, expected: .error("xml-dtd-refused")),
        Case(file: "unknown_namespace.xml", role: .suppliers, expected: .error("unknown-format")),
        Case(file: "unknown_namespace.xml", role: .contracts, expected: .error("unknown-format")),
        Case(file: "unknown_root_native.xml", role: .suppliers, expected: .error("unknown-format")),
        Case(file: "truncated.xml", role: .suppliers, expected: .error("malformed-xml")),
        Case(file: "truncated_fpds.xml", role: .contracts, expected: .error("malformed-xml")),
        // Five lines are not FollowTheMoney objects; one entity has names that are not strings.
        Case(file: "ftm_hostile.json", role: .watchlist, expected: .read(accepted: 1, rejected: ["invalid-json": 5, "missing-value": 1], findings: [])),
        // The formula-looking name is data (escaping is the reporter's job); its impossible
        // date rejects it; the blank row is skipped.
        Case(file: "watchlist_hostile.csv", role: .watchlist, expected: .read(accepted: 1, rejected: ["invalid-date": 1], findings: [])),
    ]

    @Test(arguments: cases)
    func hostileFileHasItsDocumentedOutcome(_ c: Case) {
        let path = Corpus.path(c.file)
        let outcome: Outcome
        switch c.role {
        case .suppliers: outcome = Outcome { try Inputs.suppliers(path: path) }
        case .links: outcome = Outcome { try Inputs.links(path: path).links }
        case .contracts: outcome = Outcome { try Inputs.contracts(paths: [path]) }
        case .watchlist: outcome = Outcome { try Inputs.watchlist(path: path) }
        }
        #expect(outcome == c.expected, "\(c.file)")
    }

    @Test func errorsNameTheLineAndSaySomethingUseful() {
        let quote = inputError { _ = try Inputs.suppliers(path: Corpus.path("unterminated_quote.csv")) }
        #expect(quote?.location.line == 3)
        #expect(quote?.message.contains("never closed") == true)
        let nul = inputError { _ = try Inputs.suppliers(path: Corpus.path("nul_bytes.csv")) }
        #expect(nul?.location.line == 3)
        #expect(nul?.message.contains("UTF-16") == true)
        let dtd = inputError { _ = try Inputs.suppliers(path: Corpus.path("billion_laughs.xml")) }
        #expect(dtd?.location.line == 2)
        let truncated = inputError { _ = try Inputs.suppliers(path: Corpus.path("truncated.xml")) }
        #expect(truncated?.location.line == 4)
    }

    @Test func lookalikeIdsStayDistinctAndAreNamedInTheWarning() throws {
        let result = try Inputs.suppliers(path: Corpus.path("lookalike_ids.csv"))
        let ids = result.records.map { Array($0.id.utf8) }
        #expect(Set(ids).count == 5)
        let warnings = result.findings.filter { $0.code == "lookalike-id" }
        #expect(warnings.map { $0.location?.line } == [3, 5, 6])
        #expect(warnings[1].message.contains("\\u{200B}"))
        #expect(result.findings.contains { $0.code == "duplicate-id" && $0.location?.line == 7 })
    }

    @Test func mixedLineEndsKeepPhysicalLineNumbers() throws {
        let result = try Inputs.suppliers(path: Corpus.path("mixed_line_endings.csv"))
        #expect(result.records.map(\.location.line) == [2, 3, 5, 6])
        #expect(result.records[1].name == "Two\rlines")
    }
}
