import FlriskTestSupport
import Testing
@testable import Importers
import SupplyChainModel

/// Orders that reuse a PIID under other IDVs (common before the 2016 PIID rules) are other
/// awards, read under their transaction key; a true repeat (same award, same IDV) is still a
/// duplicate. Sequential and parallel reading agree.
@Suite("FPDS awards that share a PIID")
struct FPDSQualifiedIDTests {
    /// An order `piid` under the IDV `idv` of agency `idvAgency`, awarded by agency `agency`.
    static func order(piid: String, mod: String = "0", agency: String = "9700", idv: String?, idvAgency: String = "4732", transaction: String? = nil, amount: String) -> String {
        let referenced = idv.map { "<f:referencedIDVID><f:agencyID name=\"GSA\">\(idvAgency)</f:agencyID><f:PIID>\($0)</f:PIID><f:modNumber>0</f:modNumber></f:referencedIDVID>" } ?? ""
        let number = transaction.map { "<f:transactionNumber>\($0)</f:transactionNumber>" } ?? ""
        return "<a:entry><a:content><f:award><f:awardID><f:awardContractID><f:agencyID name=\"DLA\">\(agency)</f:agencyID><f:PIID>\(piid)</f:PIID>"
            + "<f:modNumber>\(mod)</f:modNumber>\(number)</f:awardContractID>\(referenced)</f:awardID>"
            + "<f:dollarValues><f:obligatedAmount>\(amount)</f:obligatedAmount></f:dollarValues>"
            + "<f:vendor><f:vendorHeader><f:vendorName>Vendor \(amount)</f:vendorName></f:vendorHeader></f:vendor></f:award></a:content></a:entry>"
    }

    @Test func ordersUnderOtherIDVsAreOtherAwards() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("feed.xml", FPDSParallelTests.page([
            Self.order(piid: "0001", idv: "GS07F0000X", amount: "1.00"),  // line 2
            Self.order(piid: "0001", idv: "GS07F1111Y", amount: "2.00"),  // line 3: another IDV
            Self.order(piid: "0001", idv: "GS07F1111Y", amount: "2.00"),  // line 4: repeat of line 3
            Self.order(piid: "0001", idv: "GS07F0000X", amount: "1.00"),  // line 5: repeat of line 2
            Self.order(piid: "0001", agency: "2100", idv: "GS07F0000X", amount: "3.00"),  // line 6: another agency
            Self.order(piid: "0001", idv: "GS07F0000X", transaction: "1", amount: "4.00"),  // line 7: another transaction
            Self.order(piid: "0001", mod: "P00001", idv: "GS07F0000X", amount: "5.00"),  // line 8: a modification
            Self.order(piid: "W91-DEF", idv: nil, amount: "6.00"),  // line 9: a definitive contract
        ]))
        let result = try FPDSFeed.contracts(path: path)
        #expect(result.records.map(\.id) == [
            "0001", "9700_4732_0001_0_GS07F1111Y_0", "2100_4732_0001_0_GS07F0000X_0", "9700_4732_0001_0_GS07F0000X_1", "0001/P00001", "W91-DEF",
        ])
        #expect(result.records.map(\.amount) == [1, 2, 3, 4, 5, 6])
        #expect(result.summary.rejectedByReason == ["duplicate-id": 2])
        let duplicates = result.findings.filter { $0.code == "duplicate-id" }
        #expect(duplicates.map { $0.location?.line } == [4, 5])
        #expect(duplicates[0].message.contains("'9700_4732_0001_0_GS07F1111Y_0' is already used at line 3"))
        #expect(duplicates[1].message.contains("'0001' is already used at line 2"))
        let notes = result.findings.filter { $0.code == "qualified-id" }
        #expect(notes.map { $0.location?.line } == [3, 6, 7])
        #expect(notes.allSatisfy { $0.severity == .note })
        #expect(notes[0].message == "contract '0001' is another award than the one at line 2 (transaction keys '9700_4732_0001_0_GS07F0000X_0' and '9700_4732_0001_0_GS07F1111Y_0'); it is read as '9700_4732_0001_0_GS07F1111Y_0'")
        FPDSParallelTests.expectSame([path])
    }

    /// Past the first 20, qualified awards are counted in one note.
    @Test func manyQualifiedAwardsAreCountedOnce() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("feed.xml", FPDSParallelTests.page((0..<30).map { Self.order(piid: "0001", idv: "IDV\($0)", amount: "\($0 + 1).00") }))
        let result = try FPDSFeed.contracts(path: path)
        #expect(result.records.count == 30)
        let notes = result.findings.filter { $0.code == "qualified-id" }
        #expect(notes.count == 21)
        #expect(notes.last?.message.hasPrefix("29 awards in all share their PIID") == true)
    }
}
