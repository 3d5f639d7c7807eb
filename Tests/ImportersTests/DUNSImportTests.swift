import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// The vendor's DUNS number is read from every contracts format that has it: awards before
/// April 2022 name vendors by it, often without a UEI.
@Suite("Vendor DUNS numbers in contract files")
struct DUNSImportTests {
    let dir = TemporaryDirectory()

    /// A USAspending row with only `recipient_duns` was rejected as having no recipient.
    @Test func usaspendingRecipientDUNS() throws {
        let path = dir.file("awards.csv", """
            contract_award_unique_key,award_id_piid,recipient_uei,recipient_duns,recipient_name,total_obligated_amount
            CONT_AWD_1,P1,,012345678,,100.00
            CONT_AWD_2,P2,ZQGGHJH74DW7,987654321,ACME,200.00
            CONT_AWD_3,P3,,,,300.00

            """)
        let result = try USAspendingContracts.contracts(path: path)
        #expect(result.records.map(\.vendorDUNS) == ["012345678", "987654321"] && result.records[1].vendorUEI == "ZQGGHJH74DW7")
        let rejected = result.findings.first { $0.code == "missing-value" }
        #expect(rejected?.location?.line == 4 && rejected?.message.contains("'recipient_duns'") == true)
        // Only a DUNS column is a recipient column too.
        let onlyDUNS = dir.file("only.csv", "contract_award_unique_key,recipient_duns\nCONT_AWD_1,012345678\n")
        #expect(try USAspendingContracts.contracts(path: onlyDUNS).records.first?.vendorDUNS == "012345678")
    }

    /// Native contracts: `vendor_duns` is one of the vendor columns, in CSV and XML.
    @Test func nativeVendorDUNS() throws {
        let csv = dir.file("c.csv", "contract_id,vendor_duns,amount\nC1,012345678,5\nC2,,6\n")
        let result = try NativeCSVImporter.contracts(path: csv)
        #expect(result.records.map(\.vendorDUNS) == ["012345678"] && result.summary.rejectedByReason == ["missing-value": 1])
        #expect(result.findings.contains { $0.message.contains("'vendor_duns'") })
        let xml = dir.file("c.xml", """
            <flrisk xmlns="urn:flrisk:native:1"><contracts><contract><contract_id>C1</contract_id><vendor_duns>98-765-4321</vendor_duns></contract></contracts></flrisk>
            """)
        #expect(try Inputs.contracts(paths: [xml]).records.first?.vendorDUNS == "98-765-4321")
    }

    /// FPDS-NG: `vendorSiteDetails/vendorDUNSInformation/DUNSNumber`, enough to name the vendor.
    @Test func fpdsDUNSNumber() throws {
        let path = dir.file("feed.xml", """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:ns1="https://www.fpds.gov/FPDS">
            <entry><content type="application/xml"><ns1:award>
            <ns1:awardID><ns1:awardContractID><ns1:agencyID>9700</ns1:agencyID><ns1:PIID>SPE1C119C0001</ns1:PIID><ns1:modNumber>0</ns1:modNumber></ns1:awardContractID></ns1:awardID>
            <ns1:dollarValues><ns1:obligatedAmount>100.00</ns1:obligatedAmount></ns1:dollarValues>
            <ns1:vendor><ns1:vendorSiteDetails><ns1:vendorDUNSInformation><ns1:DUNSNumber>012345678</ns1:DUNSNumber></ns1:vendorDUNSInformation></ns1:vendorSiteDetails></ns1:vendor>
            </ns1:award></content></entry>
            </feed>

            """)
        let result = try Inputs.contracts(paths: [path])
        #expect(result.records.count == 1 && result.records.first?.vendorDUNS == "012345678" && result.records.first?.vendorName == nil)
    }

    /// Without a suppliers file, a vendor named only by DUNS number becomes a supplier with it.
    @Test func derivedVendorsKeepTheirDUNS() {
        let suppliers = Inputs.vendorSuppliers(of: [
            Contract(id: "C1", vendorDUNS: "012345678", location: SourceLocation(file: "c.csv", line: 2)),
            Contract(id: "C2", vendorUEI: "zqgghjh74dw7", vendorName: "ACME", location: SourceLocation(file: "c.csv", line: 3)),
            Contract(id: "C3", vendorUEI: "ZQGGHJH74DW7", vendorDUNS: "987654321", location: SourceLocation(file: "c.csv", line: 4)),
        ])
        #expect(suppliers.map(\.id) == ["012345678", "ZQGGHJH74DW7"] && suppliers.map(\.duns) == ["012345678", "987654321"])
    }
}
