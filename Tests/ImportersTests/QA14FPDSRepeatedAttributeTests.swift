import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// An FPDS entry that repeats an element whose attribute flrisk reads (a second
/// `<contractingOfficeAgencyID departmentName=…>`, `<fundingRequestingAgencyID name=…>`,
/// `<productOrServiceCode productOrServiceType=…>`) took the last element's value silently,
/// while a repeated element's text keeps the first (QA13). Attributes now do the same: the
/// first value is kept, with one `extra-fields` warning at the line of the repeat naming the
/// attribute and both values.
@Suite("QA14: a repeated FPDS attribute keeps the first value, with a warning")
struct QA14FPDSRepeatedAttributeTests {
    static func entry(_ piid: String, extra: String) -> String {
        """
        <entry><content><f:award>
        <f:awardID><f:awardContractID><f:PIID>\(piid)</f:PIID><f:modNumber>0</f:modNumber></f:awardContractID></f:awardID>
        <f:relevantContractDates><f:signedDate>2024-03-01 00:00:00</f:signedDate></f:relevantContractDates>
        <f:dollarValues><f:obligatedAmount>100.00</f:obligatedAmount></f:dollarValues>
        \(extra)
        <f:vendor><f:vendorHeader><f:vendorName>Acme</f:vendorName></f:vendorHeader></f:vendor>
        </f:award></content></entry>

        """
    }

    static func feed(_ entries: String) -> String {
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:f=\"https://www.fpds.gov/FPDS\">\n" + entries + "</feed>\n"
    }

    static func read(_ extra: String) throws -> ImportResult<Contract> {
        let scratch = TemporaryDirectory()
        return try FPDSFeed.contracts(path: scratch.file("feed.xml", feed(entry("P1", extra: extra))))
    }

    @Test func aRepeatedDepartmentNameKeepsTheFirstAndWarns() throws {
        let result = try Self.read("""
            <f:purchaserInformation><f:contractingOfficeAgencyID departmentName="AGRICULTURE, DEPARTMENT OF">1205</f:contractingOfficeAgencyID>
            <f:contractingOfficeAgencyID departmentName="DEPT OF DEFENSE">9700</f:contractingOfficeAgencyID></f:purchaserInformation>
            """)
        #expect(result.records.first?.agency == "AGRICULTURE, DEPARTMENT OF")
        let warnings = result.findings.filter { $0.code == "extra-fields" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location?.line == 7)
        #expect(warnings.first?.message == "<contractingOfficeAgencyID> is repeated in its <entry> with another @departmentName ('DEPT OF DEFENSE' after 'AGRICULTURE, DEPARTMENT OF'); the first is kept")
    }

    @Test func aRepeatedFundingAgencyNameAndPSCTypeKeepTheFirst() throws {
        let funding = try Self.read("""
            <f:fundingRequestingAgencyID name="FOREST SERVICE">12C2</f:fundingRequestingAgencyID><f:fundingRequestingAgencyID name="ARMY">2100</f:fundingRequestingAgencyID>
            """)
        #expect(funding.records.first?.fundingAgency == "FOREST SERVICE")
        #expect(funding.findings.contains { $0.code == "extra-fields" && $0.message.contains("<fundingRequestingAgencyID> is repeated in its <entry> with another @name ('ARMY' after 'FOREST SERVICE')") }, "\(funding.findings)")

        let type = try Self.read("""
            <f:productOrServiceCode productOrServiceType="PRODUCT">8405</f:productOrServiceCode><f:productOrServiceCode productOrServiceType="SERVICE">8405</f:productOrServiceCode>
            """)
        #expect(type.records.first?.productOrServiceType == "PRODUCT")
        #expect(type.findings.contains { $0.code == "extra-fields" && $0.message.contains("another @productOrServiceType ('SERVICE' after 'PRODUCT')") }, "\(type.findings)")
    }

    @Test func aRepeatWithoutTheAttributeDoesNotEraseIt() throws {
        let result = try Self.read("""
            <f:contractingOfficeAgencyID departmentName="AGRICULTURE">1205</f:contractingOfficeAgencyID><f:contractingOfficeAgencyID>1205</f:contractingOfficeAgencyID>
            """)
        #expect(result.records.first?.agency == "AGRICULTURE")
        #expect(result.findings.contains { $0.code == "extra-fields" && $0.message.contains("another @departmentName ('' after 'AGRICULTURE')") }, "\(result.findings)")
    }

    /// An element without the attribute is no value, as an empty element is: the attribute of
    /// a later one is read, quietly.
    @Test func aFirstElementWithoutTheAttributeGivesWay() throws {
        let result = try Self.read("""
            <f:contractingOfficeAgencyID>1205</f:contractingOfficeAgencyID><f:contractingOfficeAgencyID departmentName="AGRICULTURE">1205</f:contractingOfficeAgencyID>
            """)
        #expect(result.records.first?.agency == "AGRICULTURE")
        #expect(!result.findings.contains { $0.code == "extra-fields" }, "\(result.findings)")
    }

    @Test func aRepeatWithTheSameValueIsQuiet() throws {
        let result = try Self.read("""
            <f:contractingOfficeAgencyID departmentName="AGRICULTURE">1205</f:contractingOfficeAgencyID><f:contractingOfficeAgencyID departmentName=" AGRICULTURE ">1205</f:contractingOfficeAgencyID>
            """)
        #expect(result.records.first?.agency == "AGRICULTURE")
        #expect(!result.findings.contains { $0.code == "extra-fields" }, "\(result.findings)")
    }

    @Test func theWarningIsTheSameWhenTheFeedIsReadInParallelChunks() throws {
        let scratch = TemporaryDirectory()
        var entries = ""
        for i in 0..<40 {
            let second = i % 5 == 2 ? "<f:contractingOfficeAgencyID departmentName=\"B\(i)\">2</f:contractingOfficeAgencyID>" : ""
            entries += Self.entry("P\(i)", extra: "<f:contractingOfficeAgencyID departmentName=\"A\">1</f:contractingOfficeAgencyID>" + second)
        }
        let path = scratch.file("feed.xml", Self.feed(entries))
        let sequential = try FPDSFeed.contracts(paths: [path], limits: .default, parallel: FPDSParallelism(threshold: .max))
        #expect(sequential.findings.filter { $0.code == "extra-fields" }.count == 8)
        #expect(sequential.records.allSatisfy { $0.agency == "A" })
        for bytes in [300, 2000] {
            let parallel = try FPDSFeed.contracts(paths: [path], limits: .default, parallel: FPDSParallelism(threshold: 0, chunkBytes: bytes, workers: 2))
            #expect(parallel.findings == sequential.findings, "chunkBytes \(bytes)")
            #expect(parallel.records == sequential.records, "chunkBytes \(bytes)")
        }
    }
}
