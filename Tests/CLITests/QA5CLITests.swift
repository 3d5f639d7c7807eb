import Foundation
import Testing

/// Fifth QA pass on the command line: real-world files given to `validate` and `score`.
@Suite("QA5: command line", .serialized)
struct QA5CLITests {
    /// `validate` told a file's role from a fixed list of column names, not the names the
    /// importers accept: a links file headed `buyer,supplier` (the documented aliases) or a
    /// contracts file headed `contract,vendor_id` was checked as suppliers and failed with
    /// `missing-column` (exit 2), and so did a native watchlist headed `name,alias` or
    /// `entity_name,effective_date`, and `Contract.ID` (a header the importer reads as
    /// `contract_id`). The header is read and compared as the importers do now.
    @Test(arguments: [
        ("buyer,supplier,share\nA,B,0.5\n", "links"),
        ("contract,vendor_id,amount\nC1,V1,5\n", "contracts"),
        ("Contract.ID,Vendor.Name\nC1,Acme\n", "contracts"),
        ("name,alias,country\nFoo Ltd,Foo,CN\n", "watchlist"),
        ("entity_name,effective_date\nFoo Ltd,2024-01-02\n", "watchlist"),
        ("\u{FEFF}\"Buyer\";\"Supplier\"\r\nA;B\r\n", "links"),
    ])
    func validateReadsTheRoleFromTheColumnsTheImportersAccept(text: String, role: String) throws {
        let scratch = Scratch()
        let path = scratch.write("file.csv", text)
        let run = try CLI.run(["validate", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("file.csv: \(role): 1 rows read, 1 accepted"), "\(run.stdout) \(run.stderr)")
    }

    /// A format named on the command line was taken at its word whatever the file held: an
    /// FPDS feed given as `--contracts-format usaspending` stopped with "[malformed-csv]
    /// unexpected '\"' after a closing quote", a USAspending CSV given as `fpds` with libxml2's
    /// "Document is empty", a CSV watchlist given as `ftm-json` had every line rejected as
    /// `invalid-json` and the run went on without it (exit 0). Each now stops (exit 2, no
    /// report) saying what the file is and what the format reads.
    @Test(arguments: [
        ("feed.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>\n", ["--contracts", "FILE", "--contracts-format", "usaspending"],
         "error: [unknown-format] the file is XML (its first character is '<'), and the contracts format 'usaspending' reads CSV"),
        ("awards.csv", "\u{FEFF}contract_award_unique_key,award_id_piid,recipient_name\nK,P,Acme\n", ["--contracts", "FILE", "--contracts-format", "fpds"],
         "error: [unknown-format] the file is not XML but CSV or other text (its first character is 'c'), and the contracts format 'fpds' reads XML"),
        ("list.csv", "name,aliases\nFoo Ltd,Foo\n", ["--contracts", "CONTRACTS", "--watchlist", "FILE", "--watchlist-format", "ftm-json"],
         "error: [unknown-format] the file is not JSON lines but CSV or other text (its first character is 'n'), and the watchlist format 'ftm-json' reads JSON lines"),
        ("links.xml", "<flrisk xmlns=\"urn:flrisk:native:1\"/>\n", ["--suppliers", "SUPPLIERS", "--links", "FILE", "--links-format", "native", "--contracts", "CONTRACTS"],
         "error: [unknown-format] the file is XML (its first character is '<'), and the links format 'native' reads CSV"),
    ])
    func aNamedFormatThatDoesNotFitTheFileIsRefused(name: String, text: String, arguments: [String], message: String) throws {
        let scratch = Scratch()
        let path = scratch.write(name, text)
        let contracts = scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,V1,5\n")
        let suppliers = scratch.write("s.csv", "supplier_id,name\nV1,Acme\n")
        let substituted = arguments.map { $0 == "FILE" ? path : $0 == "CONTRACTS" ? contracts : $0 == "SUPPLIERS" ? suppliers : $0 }
        let run = try CLI.run(["score"] + substituted + ["--format", "json"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(path): \(message)"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// A FollowTheMoney export saved as one JSON array (`[{…},{…}]`, not one entity per line)
    /// was read as a CSV watchlist: "[malformed-csv] unexpected '\"'". JSON lines given as
    /// suppliers or contracts were read as CSV too. Each is now named for what it is.
    @Test(arguments: [
        ("[{\"id\":\"NK-1\",\"schema\":\"Company\",\"caption\":\"Foo\"},\n{\"id\":\"NK-2\",\"schema\":\"Company\",\"caption\":\"Bar\"}]\n", "--watchlist",
         "error: [unknown-format] the file is a JSON array; flrisk reads JSON only as FollowTheMoney entities in JSON lines, one object per line"),
        ("{\"id\":\"NK-1\",\"schema\":\"Company\",\"caption\":\"Foo\"}\n", "--suppliers",
         "error: [unknown-format] the file is JSON (its first character is '{'); suppliers are read from CSV or XML"),
        ("{\"id\":\"NK-1\",\"schema\":\"Company\",\"caption\":\"Foo\"}\n", "--contracts",
         "error: [unknown-format] the file is JSON (its first character is '{'); contracts are read from CSV or XML"),
    ])
    func jsonWhereItIsNotReadIsNamed(text: String, flag: String, message: String) throws {
        let scratch = Scratch()
        let path = scratch.write("entities.json", text)
        let contracts = scratch.write("c.csv", "contract_id,vendor_name,amount\nC1,Foo,5\n")
        let run = try CLI.run(["score", flag, path] + (flag == "--contracts" ? [] : ["--contracts", contracts]))
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(path): \(message)"), "\(run.stderr)")
    }

    /// OpenSanctions and FollowTheMoney give an entity's countries as a list (`cn;hk` in
    /// `targets.simple.csv`; `country` and `jurisdiction` values, often the same, in
    /// `entities.ftm.json`), read as `CN;HK` or `cn;cn`. The matcher resolved that text as one
    /// country, found none, and skipped its country check: a supplier in the United States
    /// matching such an entry by name was a full match (a hard flag under `US-UFLPA`), where an
    /// entry listing only `cn` made it a possible match. Each listed country is resolved now;
    /// a supplier in none of them gets the possible match and the note, one in any of them the match.
    @Test func entriesListingSeveralCountriesAreCountryChecked() throws {
        let scratch = Scratch()
        let simple = scratch.write("targets.simple.csv", """
            id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change
            NK-1,Company,Aksu Huafu Textiles Trading Co Ltd,,,cn;hk,,,,,,US-UFLPA,UFLPA,2022-06-21T00:00:00,2024-01-01T00:00:00,2024-01-01T00:00:00

            """)
        let ftm = scratch.write("entities.ftm.json", """
            {"id":"NK-2","schema":"Company","caption":"Kashgar Zhongke Solar Glass Works","target":true,"properties":{"name":["Kashgar Zhongke Solar Glass Works"],"country":["cn"],"jurisdiction":["cn"]},"datasets":["us_dhs_uflpa"]}

            """)
        let contracts = scratch.write("contracts.csv", """
            contract_id,vendor_id,vendor_name,vendor_country,amount
            C1,V1,Aksu Huafu Textiles Trading Co Ltd,US,100
            C2,V2,Aksu Huafu Textiles Trading Co Ltd,HK,100
            C3,V3,Kashgar Zhongke Solar Glass Works,US,100

            """)
        let suppliers = scratch.write("suppliers.csv", """
            supplier_id,name,country
            V1,Aksu Huafu Textiles Trading Co Ltd,US
            V2,Aksu Huafu Textiles Trading Co Ltd,HK
            V3,Kashgar Zhongke Solar Glass Works,US

            """)
        let run = try CLI.run(["score", "--suppliers", suppliers, "--contracts", contracts, "--watchlist", simple, "--watchlist", ftm, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(report["suppliers"] as? [[String: Any]])
        func match(_ supplier: String, _ entry: String) -> [String: Any]? {
            let row = rows.first { $0["id"] as? String == supplier }
            return (row?["watchlist_matches"] as? [[String: Any]])?.first { $0["entry"] as? String == entry }
        }
        let abroad = try #require(match("V1", "NK-1"))
        #expect(abroad["strength"] as? String == "possible-match")
        #expect((abroad["notes"] as? [String])?.contains("country differs: entry CN;HK, supplier US") == true, "\(abroad)")
        #expect(match("V2", "NK-1")?["strength"] as? String == "match")
        let ftmAbroad = try #require(match("V3", "NK-2"))
        #expect(ftmAbroad["strength"] as? String == "possible-match")
        #expect((ftmAbroad["notes"] as? [String])?.contains("country differs: entry CN, supplier US") == true, "\(ftmAbroad)")
    }

    /// Several rows of one prime awardee and subawardee in a USAspending subawards download
    /// make one link, as documented ("`links` in the summary can be less than
    /// `rows_accepted`"), but the JSON summary and the terminal line counted the file's
    /// accepted rows as links: three rows, two links, "links": 3 and "Scored 3 suppliers,
    /// 3 links". They count the links scored now.
    @Test func theSummaryCountsSubawardLinksNotRows() throws {
        let scratch = Scratch()
        let subawards = scratch.write("subawards.csv", """
            prime_award_unique_key,prime_award_amount,prime_awardee_uei,prime_awardee_name,subaward_amount,subawardee_uei,subawardee_name,subawardee_country_code
            CONT_AWD_1,"1,000,000.00",ABCDEFGH1234,ACME,250000,SUB000000001,Mill,CHN
            CONT_AWD_1,"1,000,000.00",ABCDEFGH1234,ACME,50000,SUB000000001,Mill,CHN
            CONT_AWD_1,"1,000,000.00",ABCDEFGH1234,ACME,100,SUB000000002,Other,VNM

            """)
        let contracts = scratch.write("contracts.csv", "contract_id,vendor_uei,vendor_name,amount\nC1,ABCDEFGH1234,ACME,100\n")
        let json = try CLI.run(["score", "--links", subawards, "--contracts", contracts, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["links"] as? Int == 2, "\(summary)")
        let inputs = try #require(report["inputs"] as? [[String: Any]])
        #expect(inputs.first { $0["role"] as? String == "links" }?["rows_accepted"] as? Int == 3)
        let text = try CLI.run(["score", "--links", subawards, "--contracts", contracts])
        #expect(text.stdout.contains("Scored 3 suppliers, 2 links, 1 contract"), "\(text.stdout)")
    }
}
