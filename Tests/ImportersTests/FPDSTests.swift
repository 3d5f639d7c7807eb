import Testing
@testable import Importers
import SupplyChainModel

@Suite("FPDS-NG ATOM feeds (libxml2 SAX2, streaming)")
struct FPDSTests {
    @Test func theRealRecordIsReadByNamespaceURI() throws {
        let path = Fixture.path("fpds_one_award.xml")
        #expect(try InputSniffer.contractFormat(of: path) == .fpds)
        let result = try FPDSFeed.contracts(path: path)
        #expect(result.records.count == 1 && result.summary.read == 1)
        let c = result.records[0]
        #expect(c.id == "1B3G02670/PA09")
        #expect(c.agency == "GENERAL SERVICES ADMINISTRATION" && c.fundingAgency == "GENERAL SERVICES ADMINISTRATION")
        #expect(c.amount == 8392.9 && c.potentialValue == 127_900.7)
        #expect(c.psc == "S114" && c.productOrServiceType == "SERVICE" && c.naics == "221310")
        #expect(c.countryOfOrigin == "USA" && c.vendorCountry == "USA" && c.placeOfPerformance == "USA")
        #expect(c.vendorName == "MC ALLEN CITY OF" && c.vendorUEI == "LNLJPLNR7GF5" && c.vendorParentUEI == "LNLJPLNR7GF5")
        #expect(c.description == "FY13 WATER UTILITIES." && c.awardDate == "2012-10-01")
        #expect(c.location.line == 8)
    }

    @Test func twoConcatenatedPagesWithDifferentPrefixes() throws {
        let path = Fixture.path("fpds_two_pages.xml")
        let result = try FPDSFeed.contracts(path: path)
        #expect(result.records.map(\.id) == ["1B3G02670/PA09", "70B01C19F00000123", "SPE1C119D0001/P00003"])
        #expect(result.records.map(\.location.line) == [9, 230, 252])
        let order = result.records[1]
        // The referenced IDV's PIID is not the award's.
        #expect(order.agency == "HOMELAND SECURITY, DEPARTMENT OF" && order.amount == 45_000 && order.potentialValue == 90_000)
        #expect(order.description == "UNIFORM SHIRTS & TROUSERS" && order.countryOfOrigin == "CHN" && order.placeOfManufacture == "D")
        #expect(order.vendorName == "GLOBAL APPAREL LTD" && order.vendorParentUEI == "PARENT00UEI1" && order.productOrServiceType == "PRODUCT")
        let idv = result.records[2]
        #expect(idv.vendorName == "ACME TEXTILE SUPPLY INC" && idv.amount == 1500 && idv.agency == "DEFENSE LOGISTICS AGENCY")
        // The entry without a PIID is rejected with its line, and the counts add up.
        #expect(result.summary.read == 4 && result.summary.accepted == 3 && result.summary.rejectedByReason == ["missing-value": 1])
        #expect(result.findings.first?.location?.line == 262)
    }

    @Test func severalFilesAreOneInput() throws {
        let result = try FPDSFeed.contracts(paths: [Fixture.path("fpds_one_award.xml"), Fixture.path("fpds_two_pages.xml")])
        // The real record repeats in the second file: a duplicate id naming the first line.
        #expect(result.summary.rejectedByReason["duplicate-id"] == 1)
        #expect(result.records.count == 3)
    }

    @Test func manyEntriesStreamAcrossPieceBoundaries() throws {
        let dir = TemporaryDirectory()
        var text = "<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\" xmlns:f=\"https://www.fpds.gov/FPDS\">\n"
        for i in 0..<3000 {
            text += "<a:entry><a:content><f:award><f:awardID><f:awardContractID><f:PIID>P\(i)</f:PIID></f:awardContractID></f:awardID>"
            text += "<f:dollarValues><f:obligatedAmount>\(i).50</f:obligatedAmount></f:dollarValues><f:vendor><f:vendorHeader><f:vendorName>V\(i % 7)</f:vendorName></f:vendorHeader></f:vendor></f:award></a:content></a:entry>\n"
        }
        text += "</a:feed>"
        let page = dir.file("big.xml", text + "\n" + text.replacingOccurrences(of: ">P", with: ">Q"))
        let result = try FPDSFeed.contracts(path: page)
        #expect(result.records.count == 6000)
        #expect(result.records[2999].id == "P2999" && result.records[2999].amount == 2999.5 && result.records[2999].location.line == 3001)
        #expect(result.records[3000].id == "Q0" && result.records[3000].location.line == 3004)
    }

    @Test func truncatedXMLGivesLineAndColumn() throws {
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: Fixture.path("fpds_truncated.xml")) }
        #expect(error?.code == "malformed-xml")
        #expect(error?.location.line == 71)  // the cut is on the 71st line (70 line ends before it)
        #expect(error?.location.column != nil)
    }

    @Test(arguments: [
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry></feed>", 1),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry>\n<x:y/>\n</entry></feed>", 3),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n</feed>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry a=1/></feed>", 4),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\">&undefined;</feed>", 1),
    ])
    func malformedXMLIsAnErrorWithItsLine(text: String, line: Int) throws {
        let dir = TemporaryDirectory()
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: dir.file("bad.xml", text)) }
        #expect(error?.code == "malformed-xml")
        #expect(error?.location.line == line)
    }

    @Test func externalEntitiesAreRefused() throws {
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: Fixture.path("xxe.xml")) }
        #expect(error?.code == "xml-dtd-refused")
        #expect(error?.location.line == 2)
        #expect(error?.description.contains("XXE") == true)
    }

    @Test func billionLaughsIsRefused() throws {
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: Fixture.path("billion_laughs.xml")) }
        #expect(error?.code == "xml-dtd-refused")
        #expect(error?.description.contains("billion laughs") == true)
        let native = #expect(throws: InputError.self) { try NativeXML.read(path: Fixture.path("billion_laughs.xml")) }
        #expect(native?.code == "xml-dtd-refused")
    }

    @Test func aDocumentThatIsNotAFeedIsNamed() throws {
        let dir = TemporaryDirectory()
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: dir.file("x.xml", "<html><body/></html>")) }
        #expect(error?.code == "unknown-format")
        #expect(throws: InputError.self) { try InputSniffer.contractFormat(of: dir.file("y.xml", "<html/>")) }
    }
}
