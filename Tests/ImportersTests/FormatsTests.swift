import Foundation
import Testing
@testable import Importers
import SupplyChainModel

@Suite("Native XML, watchlists and facility lists")
struct FormatsTests {
    let dir = TemporaryDirectory()

    static let nativeXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <fl:flrisk xmlns:fl="urn:flrisk:native:1">
          <fl:suppliers>
            <fl:supplier><fl:supplier_id>V1</fl:supplier_id><fl:name>Vendor &amp; Co</fl:name><fl:country>US</fl:country></fl:supplier>
            <fl:supplier><fl:supplier_id>S1</fl:supplier_id><fl:name>Mill</fl:name><fl:goods>cotton</fl:goods><fl:goods>yarn</fl:goods><fl:risk>0.9</fl:risk></fl:supplier>
            <fl:supplier><fl:supplier_id>S1</fl:supplier_id><fl:name>Again</fl:name></fl:supplier>
            <fl:supplier><fl:supplier_id>S2</fl:supplier_id><fl:name>Odd</fl:name><fl:colour>red</fl:colour></fl:supplier>
          </fl:suppliers>
          <fl:links>
            <fl:link><fl:buyer_id>V1</fl:buyer_id><fl:supplier_id>S1</fl:supplier_id><fl:share>40%</fl:share></fl:link>
            <fl:link><fl:buyer_id>V1</fl:buyer_id><fl:supplier_id>S2</fl:supplier_id><fl:share>2</fl:share></fl:link>
          </fl:links>
          <fl:contracts>
            <fl:contract><fl:contract_id>C1</fl:contract_id><fl:vendor_id>V1</fl:vendor_id><fl:amount>$1,000.00</fl:amount><fl:award_date>2025-01-31</fl:award_date></fl:contract>
          </fl:contracts>
        </fl:flrisk>
        """

    @Test func nativeXMLUsesTheCSVRules() throws {
        let path = dir.file("all.xml", Self.nativeXML)
        #expect(try InputSniffer.contractFormat(of: path) == .nativeXML)
        let read = try NativeXML.read(path: path)
        #expect(read.suppliers.records.map(\.id) == ["V1", "S1", "S2"])
        #expect(read.suppliers.records[0].name == "Vendor & Co" && read.suppliers.records[1].goods == ["cotton", "yarn"])
        #expect(read.suppliers.records[1].location == SourceLocation(file: path, line: 5))
        #expect(read.suppliers.summary.rejectedByReason == ["duplicate-id": 1])
        #expect(read.suppliers.findings.contains { $0.code == "duplicate-id" && $0.location?.line == 6 && $0.message.contains("line 5") })
        #expect(read.suppliers.findings.contains { $0.code == "unknown-column" && $0.message.contains("<colour>") })
        #expect(read.links.records.map(\.share) == [0.4])
        #expect(read.links.findings.first { $0.code == "invalid-number" }?.location?.line == 11)
        #expect(read.contracts.records.first?.amount == 1000 && read.contracts.records.first?.awardDate == "2025-01-31")
    }

    @Test func nativeXMLInAnotherNamespaceIsRefused() throws {
        let error = #expect(throws: InputError.self) { try NativeXML.read(path: dir.file("x.xml", "<flrisk xmlns=\"urn:other\"/>")) }
        #expect(error?.code == "unknown-format")
    }

    @Test func nativeWatchlist() throws {
        let path = dir.file("w.csv", "name,aliases,country,list,date_added,source\nXinjiang Cotton Mill Co.,XCM; Aksu Mill,CN,UFLPA Entity List,06/21/2022,https://www.dhs.gov/uflpa-entity-list\n,,,,,\nNo Date Co,,CN,My list,2022-02-30,\n")
        #expect(try InputSniffer.watchlistFormat(of: path) == .native)
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.count == 1)
        let e = result.records[0]
        #expect(e.name == "Xinjiang Cotton Mill Co." && e.aliases == ["XCM", "Aksu Mill"] && e.country == "CN" && e.list == "UFLPA Entity List")
        #expect(e.dateAdded == "2022-06-21" && e.id == "UFLPA Entity List:2" && e.isHardFlag)
        #expect(result.summary.rejectedByReason == ["invalid-date": 1] && result.summary.blank == 1)
    }

    @Test func openSanctionsSimpleCSV() throws {
        let header = "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change\n"
        let row = "\"NK-abc\",\"Company\",\"Aksu Textile Co\",\"Aksu Tex;\"\"A;B\"\"\"\" Ltd\"\"\",\"\",\"cn\",\"\",\"91650000\",\"\",\"\",\"\",\"US-UFLPA\",\"US UFLPA Entity List\",\"2022-06-21T10:00:00\",\"2024-01-01T00:00:00\",\"2024-01-01T00:00:00\"\n"
        let other = "\"NK-def\",\"Person\",\"John Doe\",\"\",\"1975\",\"us;ru\",\"\",\"\",\"\",\"\",\"\",\"ZZ-TEST1;ZZ-TEST2\",\"OpenSanctions Validation Dataset\",\"2024-01-01T00:00:00\",\"\",\"\"\n"
        let path = dir.file("targets.simple.csv", header + row + other)
        #expect(try InputSniffer.watchlistFormat(of: path) == .opensanctionsCSV)
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.id) == ["NK-abc", "NK-def"])
        #expect(result.records[0].aliases == ["Aksu Tex", "A;B\" Ltd"] && result.records[0].isHardFlag && result.records[0].identifiers == ["id:91650000"])
        #expect(result.records[0].list == "US UFLPA Entity List" && result.records[0].dateAdded == "2022-06-21")
        #expect(!result.records[1].isHardFlag && result.records[1].country == "us;ru")
    }

    @Test func followTheMoneyJSONLines() throws {
        let lines = [
            #"{"id":"NK-1","caption":"Inter Tobacco","schema":"Organization","properties":{"name":["LLC Inter Tobacco","Inter Tobacco"],"country":["by"],"registrationNumber":["808000714"]},"datasets":["eu_fsf"],"first_seen":"2023-04-20T18:00:25","target":true}"#,
            #"{"id":"san-1","schema":"Sanction","properties":{"entity":["NK-1"],"programId":["US-UFLPA"]},"target":false}"#,
            "not json",
            "",
            #"{"id":"NK-2","schema":"Person","properties":{"name":["Vitaly KUZMENKO"]}}"#,
        ]
        let path = dir.file("entities.ftm.json", lines.joined(separator: "\n") + "\n")
        #expect(try InputSniffer.watchlistFormat(of: path) == .ftmJSON)
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.id) == ["NK-1", "NK-2"])
        let e = result.records[0]
        #expect(e.name == "Inter Tobacco" && e.aliases == ["LLC Inter Tobacco"] && e.country == "by" && e.identifiers == ["registration:808000714"])
        #expect(e.isHardFlag && e.list == "eu_fsf" && e.dateAdded == "2023-04-20" && e.location?.line == 1)
        #expect(result.records[1].name == "Vitaly KUZMENKO" && result.records[1].location?.line == 5)
        let s = result.summary
        #expect(s.read == 5 && s.accepted == 3 && s.rejected == 1 && s.blank == 1)
        #expect(result.findings.contains { $0.code == "invalid-json" && $0.location?.line == 3 })
    }

    @Test func theYenteFixtureReads() throws {
        let path = "/work/shared/reference/opensanctions_entities_ftm_sample_yente_fixture.jsonl"
        guard FileManager.default.fileExists(atPath: path) else { return }
        let result = try FollowTheMoney.entries(path: path)
        #expect(result.summary.rejected == 0 && !result.records.isEmpty)
        #expect(result.records.allSatisfy { !$0.name.isEmpty })
    }

    @Test func openSupplyHubFacilityList() throws {
        let path = dir.file("osh.csv", """
            country,name,address,sector,lat,lng
            Bangladesh,Supreme Embellishment Ltd.,"140/1,East Bagbari,Kashimpur. Gazipur,Dhaka. Bangladesh",Apparel,23.9563066,90.3113278
            CN,"Jiangsu Feilong Plastic Co., Ltd ","NO.158 HUBIN SOUTH ROAD, ChangZhou",Apparel|Plastics,31.731975,119.900272
            BANGLADESH,supreme embellishment ltd,"140/1 East Bagbari, Kashimpur Gazipur Dhaka Bangladesh",Apparel,,
            PK,Bad Coordinates,Sialkot,Apparel,132.5,74.4

            """)
        #expect(try InputSniffer.supplierFormat(of: path) == .facilityList)
        let result = try Inputs.suppliers(path: path)
        #expect(result.records.map(\.name) == ["Supreme Embellishment Ltd.", "Jiangsu Feilong Plastic Co., Ltd"])
        let first = result.records[0]
        #expect(first.country == "Bangladesh" && first.goods == ["Apparel"] && first.address?.hasPrefix("140/1") == true)
        #expect(first.id == FacilityList.generatedID(country: "Bangladesh", name: "Supreme Embellishment Ltd.", address: first.address))
        #expect(first.id.hasPrefix("F-") && first.id.count == 14)
        #expect(result.records[1].goods == ["Apparel", "Plastics"])
        // The same facility written differently is the same id: a duplicate naming the first line.
        #expect(result.findings.contains { $0.code == "duplicate-id" && $0.location?.line == 4 && $0.message.contains("line 2") })
        #expect(result.summary.rejectedByReason == ["duplicate-id": 1, "invalid-number": 1])
    }

    @Test func theRealOpenSupplyHubFixturesRead() throws {
        for name in ["opensupplyhub_fixture_summer_2019_apparel_list.csv", "opensupplyhub_fixture_winter_2019_compliance_list_v2.csv"] {
            let path = "/work/shared/reference/" + name
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let result = try Inputs.suppliers(path: path)
            let s = result.summary
            #expect(s.read == s.accepted + s.rejected + s.blank)
            #expect(s.accepted > 10)
        }
    }

    @Test func generatedIDsAreStable() {
        #expect(FacilityList.generatedID(country: "CN", name: "Acme", address: nil) == FacilityList.generatedID(country: "cn", name: "ACME.", address: ""))
        #expect(FacilityList.generatedID(country: "CN", name: "Acme", address: nil) != FacilityList.generatedID(country: "VN", name: "Acme", address: nil))
        #expect(FacilityList.generatedID(country: "CN", name: "Acme", address: "1 Road") == "F-" + "\(FacilityList.generatedID(country: "CN", name: "Acme", address: "1 Road").dropFirst(2))")
    }

    @Test func derivedSuppliersJoinByUEI() throws {
        var suppliers = ImportResult(records: [Supplier(id: "ACME", name: "Acme", uei: "zqgghjh74dw7", location: SourceLocation(file: "s", line: 2))], findings: [], summary: ImportSummary(file: "s"))
        suppliers.summary.read = 1
        suppliers.summary.accepted = 1
        let sub = try USAspendingSubawards.read(path: Fixture.path("usaspending_subawards.csv"))
        var links = sub.links
        Inputs.attach(sub.suppliers, to: &suppliers, links: &links)
        #expect(suppliers.records.map(\.id) == ["ACME", "SUBAAA111111", "SUBBBB222222", "K8MPQ3ABC123", "SUBCCC333333"])
        #expect(links.records.first?.buyerID == "ACME")
        #expect(suppliers.summary.read == suppliers.summary.accepted + suppliers.summary.rejected + suppliers.summary.blank)
    }
}
