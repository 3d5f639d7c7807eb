import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Fifth QA pass: real-world files as analysts download them.
@Suite("QA5: facility lists as Open Supply Hub downloads them")
struct QA5FacilityListTests {
    let dir = TemporaryDirectory()

    /// An Open Supply Hub download (the header of its "Download" button: `os_id`, `name`,
    /// `address`, `country_code`, `country_name`, `lat`, `lng`, …, `sector`, `product_type`)
    /// was refused whole: `country_code` and `country_name` were both aliases of `country`
    /// (and `sector`, `product_type` both of `goods`), so the header was a fatal
    /// `duplicate-column`. Each is a column of its own now: the country is the first non-empty
    /// of `country`, `country_code`, `country_name`; the goods are those of all three columns.
    @Test func anOpenSupplyHubDownloadReads() throws {
        let path = dir.file("osh_download.csv", """
            os_id,contribution_date,name,address,country_code,country_name,lat,lng,sector,contributor (list),number_of_workers,parent_company,processing_type_facility_type_raw,facility_type,processing_type,product_type,is_closed
            BD2019085DKY6VE,2021-01-02,Supreme Embellishment Ltd.,"140/1,East Bagbari,Kashimpur",BD,Bangladesh,23.95,90.31,Apparel,Brand A (List),1001-5000,,Printing,Printing,Printing,T-shirts|Apparel,False
            CN2020123ABCDEF,2022-03-04,Aksu Cotton Mill,"1 Mill Road, Aksu",,China,41.1,80.2,Textiles,Brand B (List),,,,,,,False

            """)
        #expect(try InputSniffer.supplierFormat(of: path) == .facilityList)
        let result = try Inputs.suppliers(path: path)
        #expect(result.summary.accepted == 2 && result.summary.rejected == 0)
        #expect(result.records.map(\.id) == ["BD2019085DKY6VE", "CN2020123ABCDEF"])
        #expect(result.records.map(\.country) == ["BD", "China"])
        #expect(result.records[0].goods == ["Apparel", "T-shirts"])
        #expect(result.records[1].goods == ["Textiles"])
    }

    /// Open Apparel Registry downloads (`oar_id, name, address, country_code, country_name,
    /// lat, lng, contributors`) read their id too, and a row without an id still gets the
    /// generated one of its country code.
    @Test func anOpenApparelRegistryDownloadReads() throws {
        let path = dir.file("oar.csv", """
            oar_id,name,address,country_code,country_name,lat,lng,contributors
            BD2019303P8N4QF,Knit Mill Ltd,"Plot 5, Gazipur",BD,Bangladesh,23.9,90.3,Brand (List)
            ,Dye House,"Road 2, Narayanganj",BD,Bangladesh,23.6,90.5,Brand (List)

            """)
        let result = try Inputs.suppliers(path: path)
        #expect(result.summary.accepted == 2)
        #expect(result.records[0].id == "BD2019303P8N4QF")
        #expect(result.records[1].id == FacilityList.generatedID(country: "BD", name: "Dye House", address: "Road 2, Narayanganj"))
    }

    /// The same column twice is still a duplicate.
    @Test func theSameColumnTwiceIsStillADuplicate() throws {
        let path = dir.file("dup.csv", "name,address,country_code,Country Code\nA,B,CN,VN\n")
        let error = #expect(throws: InputError.self) { try Inputs.suppliers(path: path) }
        #expect(error?.code == "duplicate-column")
    }
}

@Suite("QA5: missing columns in wide exports")
struct QA5WideHeaderTests {
    let dir = TemporaryDirectory()

    /// A USAspending *assistance* download (grants: `assistance_award_unique_key`,
    /// `award_id_fain`, … 280 more) given as contracts is missing `contract_id`; the message
    /// quoted every one of its ~286 header cells, one line of 9.5 KB. It names the first 12
    /// and counts the rest, as the unknown-column note does.
    @Test func aMissingColumnInAWideHeaderNamesTheFirstCellsAndACount() throws {
        let header = try String(contentsOfFile: "/work/shared/samples/usaspending_contracts_prime_award_summaries_header.csv", encoding: .utf8)
            .replacingOccurrences(of: "contract_award_unique_key", with: "assistance_award_unique_key")
            .replacingOccurrences(of: "award_id_piid", with: "award_id_fain")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let cells = header.split(separator: ",").count
        let path = dir.file("assistance.csv", header + "\n" + String(repeating: "x,", count: cells - 1) + "x\n")
        let error = #expect(throws: InputError.self) { try Inputs.contracts(paths: [path]) }
        #expect(error?.code == "missing-column")
        let message = error?.message ?? ""
        #expect(message.hasPrefix("missing required column 'contract_id'; found 'assistance_award_unique_key', 'award_id_fain', "), "\(message)")
        #expect(message.contains(" and \(cells - 12) more; expected columns: contract_id, "), "\(message)")
        #expect(message.utf8.count < 1_000, "\(message.utf8.count) bytes")
    }
}

@Suite("QA5: downloads joined with cat")
struct QA5RepeatedHeaderTests {
    let dir = TemporaryDirectory()

    /// Two downloads joined with `cat` (each with its header, Excel's byte-order mark
    /// included) have the header again mid-file. Read as data it became a supplier
    /// `supplier_id` named `name` (silently), a watchlist entry named `name`, and in a
    /// USAspending file a row rejected for "'total_obligated_amount' is
    /// 'total_obligated_amount'". It is rejected as `repeated-header`, naming its line, on the
    /// byte path, the `String` path and in parallel chunks alike.
    @Test(arguments: [false, true])
    func aSecondHeaderInASuppliersFileIsNoSupplier(parallel: Bool) throws {
        let part = "\u{FEFF}supplier_id,name,country\r\nS1,Acme,US\r\nS2,Café Mill,FR\r\n"
        let path = dir.file("suppliers.csv", part + part.replacingOccurrences(of: "S1", with: "S3").replacingOccurrences(of: "S2", with: "S4"))
        var options = ImportOptions()
        if parallel {
            options.parallelThreshold = 0
            options.parallelChunkBytes = 16
        }
        let result = try Inputs.suppliers(path: path, options: options)
        #expect(result.records.map(\.id) == ["S1", "S2", "S3", "S4"])
        #expect(result.summary.read == 5 && result.summary.rejectedByReason == ["repeated-header": 1])
        let finding = try #require(result.findings.first { $0.code == "repeated-header" })
        #expect(finding.location == SourceLocation(file: path, line: 4))
        #expect(finding.message.contains("the row repeats the header (files joined with `cat`?)"))
    }

    @Test func aSecondHeaderInAUSAspendingFileIsNamed() throws {
        let part = "contract_award_unique_key,award_id_piid,recipient_uei,recipient_name,total_obligated_amount\nCONT_AWD_1,P1,ABCDEFGH1234,ACME,100.00\n"
        let path = dir.file("awards.csv", part + part.replacingOccurrences(of: "CONT_AWD_1", with: "CONT_AWD_2"))
        let result = try Inputs.contracts(paths: [path])
        #expect(result.records.map(\.id) == ["CONT_AWD_1", "CONT_AWD_2"])
        #expect(result.summary.rejectedByReason == ["repeated-header": 1])
        #expect(result.findings.first { $0.severity == .error }?.location?.line == 3)
    }

    @Test func aSecondHeaderInAWatchlistIsNoEntry() throws {
        let path = dir.file("list.csv", "name,aliases,country\nFoo Ltd,Foo,CN\nname,aliases,country\nBar Ltd,,CN\n")
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.name) == ["Foo Ltd", "Bar Ltd"])
        #expect(result.summary.rejectedByReason == ["repeated-header": 1])
    }

    /// A record that merely shares a cell with the header is data.
    @Test func aRowSharingACellWithTheHeaderIsData() throws {
        let path = dir.file("list.csv", "name,aliases,country\nname,aliases,CN\n")
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.name) == ["name"])
    }
}

@Suite("QA5: FPDS feeds among other contract files")
struct QA5MixedContractFilesTests {
    let dir = TemporaryDirectory()

    static func feed(agency: String, idv: String, vendor: String) -> String {
        """
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:ns1="https://www.fpds.gov/FPDS">
        <entry><content type="application/xml"><ns1:award>
        <ns1:awardID><ns1:awardContractID><ns1:agencyID>\(agency)</ns1:agencyID><ns1:PIID>0001</ns1:PIID><ns1:modNumber>0</ns1:modNumber><ns1:transactionNumber>0</ns1:transactionNumber></ns1:awardContractID>
        <ns1:referencedIDVID><ns1:agencyID>\(agency)</ns1:agencyID><ns1:PIID>\(idv)</ns1:PIID></ns1:referencedIDVID></ns1:awardID>
        <ns1:dollarValues><ns1:obligatedAmount>100.00</ns1:obligatedAmount></ns1:dollarValues>
        <ns1:vendor><ns1:vendorHeader><ns1:vendorName>\(vendor)</ns1:vendorName></ns1:vendorHeader></ns1:vendor>
        </ns1:award></content></entry>
        </feed>

        """
    }

    /// Order number `0001` of two agencies' IDVs, one in each of two feed pages, is two awards:
    /// given as the only `--contracts` files the second is read under its transaction key (a
    /// `qualified-id` note). With a CSV file given as well the feeds were read one by one, and
    /// the second award was rejected as a `duplicate-id` of the first. The feeds share one
    /// reader whatever else is given.
    @Test func twoFeedsAndACSVFileKeepBothAwards() throws {
        let first = dir.file("page1.xml", Self.feed(agency: "4732", idv: "GS07F1111Y", vendor: "Acme"))
        let csv = dir.file("more.csv", "contract_id,vendor_name,amount\nC1,Other,5\n")
        let second = dir.file("page2.xml", Self.feed(agency: "9700", idv: "SPE1C118D0001", vendor: "Bolt"))
        let alone = try Inputs.contracts(paths: [first, second])
        let mixed = try Inputs.contracts(paths: [first, csv, second])
        #expect(alone.records.map(\.id) == ["0001", "9700_9700_0001_0_SPE1C118D0001_0"])
        #expect(mixed.records.map(\.id) == ["0001", "9700_9700_0001_0_SPE1C118D0001_0", "C1"])
        #expect(mixed.summary.rejected == 0 && mixed.summary.accepted == 3)
        #expect(mixed.findings.contains { $0.code == "qualified-id" })
    }
}

@Suite("QA5: USAspending transactions without their transaction key")
struct QA5TransactionKeyTests {
    let dir = TemporaryDirectory()

    /// A prime transactions file whose `contract_transaction_unique_key` column was dropped
    /// (kept: the award key, `modification_number`, `federal_action_obligation`) had every
    /// modification after the base rejected as a `duplicate-id` of the award ("is already used
    /// at line 2"), its obligation lost. A modification is its own action, `KEY/MOD` as FPDS
    /// ids are; a true repeat (same award and modification) is still a duplicate.
    @Test func modificationsAreActionsOfTheirOwn() throws {
        let path = dir.file("transactions.csv", """
            contract_award_unique_key,award_id_piid,modification_number,federal_action_obligation,action_date,recipient_uei,recipient_name
            CONT_AWD_1,P1,0,1000,2023-01-01,ABCDEFGH1234,ACME
            CONT_AWD_1,P1,P00001,500,2023-02-01,ABCDEFGH1234,ACME
            CONT_AWD_1,P1,P00001,500,2023-02-01,ABCDEFGH1234,ACME

            """)
        let result = try Inputs.contracts(paths: [path])
        #expect(result.records.map(\.id) == ["CONT_AWD_1", "CONT_AWD_1/P00001"])
        #expect(result.records.map(\.amount) == [1000, 500])
        #expect(result.summary.rejectedByReason == ["duplicate-id": 1])
        #expect(result.findings.contains { $0.code == "duplicate-id" && $0.location?.line == 4 && $0.message.contains("'CONT_AWD_1/P00001' is already used at line 3") })
    }

    /// The real transactions header (with the key) and the summaries header (no modification
    /// column) keep their ids.
    @Test func filesWithTheKeyOrWithoutModificationsKeepTheirIDs() throws {
        let withKey = dir.file("t.csv", "contract_transaction_unique_key,contract_award_unique_key,modification_number,recipient_name\n9700_-NONE-_P1_P00001_-NONE-_0,CONT_AWD_1,P00001,ACME\n")
        #expect(try Inputs.contracts(paths: [withKey]).records.map(\.id) == ["9700_-NONE-_P1_P00001_-NONE-_0"])
        let summaries = dir.file("s.csv", "contract_award_unique_key,award_id_piid,recipient_name\nCONT_AWD_1,P1,ACME\n")
        #expect(try Inputs.contracts(paths: [summaries]).records.map(\.id) == ["CONT_AWD_1"])
    }
}

@Suite("QA5: links files joined with cat")
struct QA5RepeatedLinkHeaderTests {
    let dir = TemporaryDirectory()

    /// A links file joined from two (each with its header) read as a table against the
    /// suppliers had its second header rejected as `unknown-supplier` ("'buyer_id' is not a
    /// supplier"); it is a `repeated-header` as in the other readers, on the byte path (ASCII)
    /// and the `String` path (a second byte-order mark), sequential or in parallel chunks.
    @Test(arguments: [false, true])
    func aSecondHeaderInALinksTableIsNamed(parallel: Bool) throws {
        let part = "\u{FEFF}buyer_id,supplier_id,share\r\nA,B,0.5\r\n"
        let path = dir.file("links.csv", part + part + "buyer_id,supplier_id,share\r\nB,C,0.2\r\n")
        var options = ImportOptions()
        if parallel {
            options.parallelThreshold = 0
            options.parallelChunkBytes = 16
        }
        let ids = ["A": Int32(0), "B": 1, "C": 2]
        let table = try NativeCSVImporter.linkTable(path: path, options: options) { keys, ends in
            ends.indices.map { k in
                let start = k == 0 ? 0 : ends[k - 1]
                return ids[String(decoding: keys[start..<ends[k]], as: UTF8.self)] ?? -1
            }
        }
        #expect(table.summary.accepted == 3)
        #expect(table.summary.rejectedByReason == ["repeated-header": 2])
        #expect(table.findings.filter { $0.code == "repeated-header" }.map { $0.location?.line } == [3, 5])
    }
}
