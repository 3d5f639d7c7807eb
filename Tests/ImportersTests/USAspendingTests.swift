import Testing
@testable import Importers
import SupplyChainModel

@Suite("USAspending downloads")
struct USAspendingTests {
    @Test func primeAwardSummariesOnTheRealHeader() throws {
        let path = Fixture.path("usaspending_prime_award_summaries.csv")
        #expect(try InputSniffer.contractFormat(of: path) == .usaspending)
        let result = try USAspendingContracts.contracts(path: path)
        #expect(result.records.count == 2)
        let acme = result.records[0]
        #expect(acme.id == "CONT_AWD_47QSWA18D008F_4732_-NONE-_-NONE-")
        #expect(acme.vendorUEI == "ZQGGHJH74DW7" && acme.vendorName == "ACME TEXTILE SUPPLY INC" && acme.vendorParentUEI == "ZQGGHJH74DW7")
        #expect(acme.vendorCountry == "USA" && acme.placeOfPerformance == "USA" && acme.countryOfOrigin == "CHN" && acme.placeOfManufacture == "D")
        #expect(acme.amount == 1_250_000 && acme.potentialValue == 5_000_000)
        #expect(acme.agency == "General Services Administration" && acme.fundingAgency == "Department of Defense")
        #expect(acme.psc == "8415" && acme.naics == "315220" && acme.awardDate == "2018-06-01")
        #expect(acme.description == "COTTON T-SHIRTS, GENERAL ISSUE")
        #expect(acme.location == SourceLocation(file: path, line: 2))
        let hotel = result.records[1]
        #expect(hotel.vendorUEI == nil && hotel.vendorName == "Hôtel Supply, S.A." && hotel.amount == -2500.5 && hotel.potentialValue == nil)
        #expect(hotel.description == "LINENS; \"HOSPITALITY\" GRADE, 2 LINES\nSECOND LINE")
        // The third data row starts on line 5 (the description above spans two lines).
        #expect(result.summary.read == 4 && result.summary.accepted == 2 && result.summary.rejectedByReason == ["missing-value": 1, "invalid-number": 1])
        #expect(result.findings.first { $0.code == "missing-value" }?.location?.line == 5)
        let bad = result.findings.first { $0.code == "invalid-number" }
        #expect(bad?.location == SourceLocation(file: path, line: 6, column: 11))
        // ~270 unused columns: one short note.
        let note = result.findings.filter { $0.code == "unknown-column" }
        #expect(note.count == 1 && note[0].message.contains("more"))
    }

    @Test func primeTransactionsUseTheActionObligation() throws {
        let path = Fixture.path("usaspending_prime_transactions.csv")
        #expect(try InputSniffer.contractFormat(of: path) == .usaspending)
        let result = try USAspendingContracts.contracts(path: path)
        #expect(result.records.count == 1)
        let c = result.records[0]
        #expect(c.id == "9700_-NONE-_SPE1C118C0042_P00001_-NONE-_0")
        #expect(c.amount == 125_000 && c.potentialValue == 300_000 && c.awardDate == "2019-03-02")
        #expect(c.description == "MOD: ADD QUANTITY" && c.vendorParentUEI == "PARENT00UEI1" && c.vendorCountry == "CHN")
        #expect(result.summary.rejectedByReason == ["invalid-date": 1, "duplicate-id": 1])
        #expect(result.findings.first { $0.code == "duplicate-id" }?.message.contains("already used at line 2") == true)
    }

    @Test func subawardsBecomeLinksWithDerivedShares() throws {
        let path = Fixture.path("usaspending_subawards.csv")
        #expect(try InputSniffer.linkFormat(of: path) == .usaspendingSubawards)
        let result = try USAspendingSubawards.read(path: path)
        let links = result.links.records
        #expect(links.map { "\($0.buyerID)>\($0.supplierID)" } == ["ZQGGHJH74DW7>SUBAAA111111", "ZQGGHJH74DW7>SUBBBB222222", "K8MPQ3ABC123>SUBCCC333333"])
        // ACME had two prime awards of 1,000,000 each: (250,000 + 50,000) / 2,000,000 and 100,000 / 2,000,000.
        #expect(links.map(\.share) == [0.15, 0.05, 1])
        #expect(links[0].location.line == 2 && links[0].good == "cotton fabric")
        #expect(result.links.findings.contains { $0.code == "share-capped" && $0.location?.line == 5 })
        // Amounts in the message with two decimals, not as raw doubles ("40000.0").
        #expect(result.links.findings.contains { $0.code == "share-capped" && $0.message.contains("(40000.00) exceed the prime award amounts (10000.00)") })
        #expect(USAspendingSubawards.amountText(1234.5) == "1234.50" && USAspendingSubawards.amountText(0.05) == "0.05")
        let s = result.links.summary
        #expect(s.read == 6 && s.accepted == 4 && s.rejectedByReason == ["invalid-number": 1, "missing-value": 1])
        #expect(result.suppliers.map(\.id) == ["ZQGGHJH74DW7", "SUBAAA111111", "SUBBBB222222", "K8MPQ3ABC123", "SUBCCC333333"])
        #expect(result.suppliers[1].name == "Xinjiang Cotton Mill Co." && result.suppliers[1].country == "CHN" && result.suppliers[1].uei == "SUBAAA111111")
        #expect(result.suppliers[1].address == "1 Mill Road, Aksu")
    }

    @Test func nativeFilesAreNotMistakenForUSAspending() throws {
        let dir = TemporaryDirectory()
        #expect(try InputSniffer.contractFormat(of: dir.file("c.csv", "contract_id,vendor_id\nC,V\n")) == .native)
        #expect(try InputSniffer.linkFormat(of: dir.file("l.csv", "buyer_id,supplier_id\nA,B\n")) == .native)
    }

    @Test func missingRecipientColumnsAreNamed() throws {
        let dir = TemporaryDirectory()
        let error = #expect(throws: InputError.self) { try USAspendingContracts.contracts(path: dir.file("c.csv", "award_id_piid,recipient_nmae\nX,Y\n")) }
        #expect(error?.code == "missing-column")
        #expect(error?.message.contains("did you mean 'recipient_nmae'") == true)
    }
}
