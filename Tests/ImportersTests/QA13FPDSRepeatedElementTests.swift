import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// An FPDS entry that repeats an element flrisk reads (`<obligatedAmount>` twice, a second
/// empty `<signedDate>`, a second `<PIID>`) was read silently with the last value: the amount
/// became the second one, an empty repeat erased the award date, a second PIID renamed the
/// contract. Now the first value is kept, as native XML keeps the first of a repeated column,
/// with one `extra-fields` warning at the line of the repeat naming both values.
@Suite("QA13: a repeated FPDS element keeps the first value, with a warning")
struct QA13FPDSRepeatedElementTests {
    static func entry(_ piid: String, extra: String = "", dates: String = "<f:signedDate>2024-03-01 00:00:00</f:signedDate>") -> String {
        """
        <entry><content><f:award>
        <f:awardID><f:awardContractID><f:PIID>\(piid)</f:PIID><f:modNumber>0</f:modNumber></f:awardContractID></f:awardID>
        <f:relevantContractDates>\(dates)</f:relevantContractDates>
        <f:dollarValues><f:obligatedAmount>100.00</f:obligatedAmount>\(extra)</f:dollarValues>
        <f:vendor><f:vendorHeader><f:vendorName>Acme</f:vendorName></f:vendorHeader></f:vendor>
        </f:award></content></entry>

        """
    }

    static func feed(_ entries: String) -> String {
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:f=\"https://www.fpds.gov/FPDS\">\n" + entries + "</feed>\n"
    }

    @Test func aRepeatedAmountKeepsTheFirstAndWarns() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("feed.xml", Self.feed(Self.entry("P1", extra: "\n<f:obligatedAmount>99</f:obligatedAmount>")))
        let result = try FPDSFeed.contracts(path: path)
        #expect(result.records.count == 1)
        #expect(result.records.first?.amount == 100)
        let warning = result.findings.first { $0.code == "extra-fields" }
        #expect(warning?.severity == .warning)
        #expect(warning?.location?.line == 6)
        #expect(warning?.message == "<obligatedAmount> is repeated in its <entry> with another value ('99' after '100.00'); the first is kept")
    }

    /// An empty repeat does not erase the date (with a warning); an empty first element is no
    /// value, so the date after it is read (quietly: keeping the empty one lost the date, which
    /// the last-wins reading had kept).
    @Test(arguments: [
        ("<f:signedDate>2024-03-01 00:00:00</f:signedDate><f:signedDate></f:signedDate>", true),
        ("<f:signedDate/><f:signedDate>2024-03-01 00:00:00</f:signedDate>", false),
    ])
    func anEmptySignedDateNeverWins(dates: String, warns: Bool) throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("feed.xml", Self.feed(Self.entry("P1", dates: dates)))
        let result = try FPDSFeed.contracts(path: path)
        #expect(result.records.first?.awardDate == "2024-03-01")
        #expect(result.findings.contains { $0.code == "extra-fields" && $0.message.contains("<signedDate>") } == warns, "\(result.findings)")
    }

    @Test func aRepeatWithTheSameValueIsQuiet() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("feed.xml", Self.feed(Self.entry("P1", extra: "<f:obligatedAmount> 100.00 </f:obligatedAmount>")))
        let result = try FPDSFeed.contracts(path: path)
        #expect(result.records.first?.amount == 100)
        #expect(!result.findings.contains { $0.code == "extra-fields" })
    }

    @Test func theWarningIsTheSameWhenTheFeedIsReadInParallelChunks() throws {
        let scratch = TemporaryDirectory()
        var entries = ""
        for i in 0..<60 { entries += Self.entry("P\(i)", extra: i % 7 == 3 ? "<f:obligatedAmount>\(i)</f:obligatedAmount>" : "") }
        let path = scratch.file("feed.xml", Self.feed(entries))
        let sequential = try FPDSFeed.contracts(paths: [path], limits: .default, parallel: FPDSParallelism(threshold: .max))
        let warnings = sequential.findings.filter { $0.code == "extra-fields" }
        #expect(warnings.count == 9)
        #expect(warnings.first?.location?.line == 23)
        #expect(sequential.records.allSatisfy { $0.amount == 100 })
        for bytes in [300, 1000, 4000] {
            let parallel = try FPDSFeed.contracts(paths: [path], limits: .default, parallel: FPDSParallelism(threshold: 0, chunkBytes: bytes, workers: 2))
            #expect(parallel.findings == sequential.findings, "chunkBytes \(bytes)")
            #expect(parallel.records == sequential.records, "chunkBytes \(bytes)")
        }
    }
}
