import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// An Atom `<entry>` inside another one (a hand-merged or broken feed) restarted the entry:
/// the inner one's end finished it with the inner award, and the outer award's own fields,
/// read before and after the inner entry, were silently lost (one row read, where two awards
/// were written). Atom entries do not nest: the outer entry, with all it holds, is now one
/// row rejected as `invalid-value` at its line, and the entries after it read as before.
@Suite("QA15: an FPDS entry inside another is rejected, not silently merged")
struct QA15FPDSNestedEntryTests {
    static func entry(_ piid: String, inner: String = "") -> String {
        """
        <entry>
        \(inner)<content><f:award>
        <f:awardID><f:awardContractID><f:PIID>\(piid)</f:PIID><f:modNumber>0</f:modNumber></f:awardContractID></f:awardID>
        <f:dollarValues><f:obligatedAmount>100.00</f:obligatedAmount></f:dollarValues>
        <f:vendor><f:vendorHeader><f:vendorName>Acme \(piid)</f:vendorName></f:vendorHeader></f:vendor>
        </f:award></content></entry>

        """
    }

    static let head = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:f=\"https://www.fpds.gov/FPDS\">\n"

    @Test func theOuterEntryIsRejectedAndTheNextOneRead() throws {
        let scratch = TemporaryDirectory()
        let text = Self.head + Self.entry("OUTER", inner: Self.entry("INNER")) + Self.entry("NEXT") + "</feed>\n"
        let result = try FPDSFeed.contracts(path: scratch.file("feed.xml", text))
        #expect(result.records.map(\.id) == ["NEXT"])
        #expect(result.summary.read == 2 && result.summary.rejected == 1, "\(result.findings)")
        // The inner entry's PIID is no repeat of the outer one's: no extra-fields warning.
        #expect(result.findings.count == 1, "\(result.findings)")
        let errors = result.findings.filter { $0.code == "invalid-value" }
        #expect(errors.map { $0.location?.line } == [2])
        #expect(errors.first?.message == "row rejected: the <entry> holds another <entry>; an Atom entry holds one award, and entries do not nest", "\(errors)")
    }

    @Test func anEntryTwiceNestedIsOneRejectedRow() throws {
        let scratch = TemporaryDirectory()
        let text = Self.head + Self.entry("A", inner: Self.entry("B", inner: Self.entry("C"))) + "</feed>\n"
        let result = try FPDSFeed.contracts(path: scratch.file("feed.xml", text))
        #expect(result.records.isEmpty)
        #expect(result.summary.read == 1 && result.summary.rejectedByReason == ["invalid-value": 1], "\(result.findings)")
    }

    /// Read in parallel chunks, the same file gives the same rows and findings.
    @Test func parallelReadingAgrees() throws {
        let scratch = TemporaryDirectory()
        var text = Self.head
        for k in 0..<400 { text += k % 37 == 5 ? Self.entry("O\(k)", inner: Self.entry("I\(k)")) : Self.entry("P\(k)") }
        text += "</feed>\n"
        let path = scratch.file("feed.xml", text)
        let sequential = try FPDSFeed.contracts(paths: [path], limits: .default, parallel: FPDSParallelism(threshold: .max))
        let parallel = try FPDSFeed.contracts(paths: [path], limits: .default, parallel: FPDSParallelism(threshold: 0, chunkBytes: 4096, workers: 3))
        #expect(sequential.summary.rejectedByReason == ["invalid-value": 11])
        #expect(parallel.records.map(\.id) == sequential.records.map(\.id))
        #expect(parallel.findings.map(\.description) == sequential.findings.map(\.description))
    }
}
