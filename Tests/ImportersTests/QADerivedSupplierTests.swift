import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A party named by several records (a contract vendor given by UEI alone, then the same UEI
/// as a subaward's prime awardee with its name) is one derived supplier, with the name and
/// country any of its records give.
@Suite("QA: derived suppliers keep the names their records give")
struct QADerivedSupplierTests {
    static let header = "prime_award_unique_key,prime_award_amount,prime_awardee_uei,prime_awardee_name,prime_awardee_country_code,subaward_amount,subawardee_uei,subawardee_name,subawardee_country_code\n"

    @Test func laterSubawardRowFillsTheName() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("sub.csv", Self.header + """
            A1,1000,ZQGGHJH74DW7,,,100,SUB111111111,,
            A1,1000,ZQGGHJH74DW7,ACME TEXTILE SUPPLY INC,USA,100,SUB111111111,Xinjiang Cotton Mill Co.,CHN

            """)
        let read = try USAspendingSubawards.read(path: path)
        #expect(read.suppliers.map(\.id) == ["ZQGGHJH74DW7", "SUB111111111"])
        #expect(read.suppliers.map(\.name) == ["ACME TEXTILE SUPPLY INC", "Xinjiang Cotton Mill Co."])
        #expect(read.suppliers.map(\.country) == ["USA", "CHN"])
    }

    @Test func contractVendorByUEIGetsTheSubawardName() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("sub.csv", Self.header + "A1,1000,ZQGGHJH74DW7,ACME TEXTILE SUPPLY INC,USA,100,SUB111111111,Mill,CHN\n")
        let sub = try USAspendingSubawards.read(path: path)
        let contract = Contract(id: "C1", vendorUEI: "zqgghjh74dw7", location: SourceLocation(file: "c.csv", line: 2))
        var suppliers = ImportResult<Supplier>(records: [], findings: [], summary: ImportSummary(file: "(derived)"))
        var links = sub.links
        Inputs.attach(Inputs.vendorSuppliers(of: [contract]) + sub.suppliers, to: &suppliers, links: &links)
        #expect(suppliers.records.map(\.id) == ["ZQGGHJH74DW7", "SUB111111111"])
        #expect(suppliers.records.first?.name == "ACME TEXTILE SUPPLY INC")
        #expect(suppliers.records.first?.country == "USA")
        #expect(suppliers.summary.read == 2 && suppliers.summary.accepted == 2)
    }

    @Test func laterContractFillsTheVendorName() {
        let at = SourceLocation(file: "c.csv", line: 2)
        let vendors = Inputs.vendorSuppliers(of: [
            Contract(id: "C1", vendorUEI: "ZQGGHJH74DW7", location: at),
            Contract(id: "C2", vendorUEI: "ZQGGHJH74DW7", vendorName: "Acme Uniforms Inc", vendorCountry: "US", location: at),
        ])
        #expect(vendors.map(\.name) == ["Acme Uniforms Inc"])
        #expect(vendors.first?.country == "US")
    }

    @Test func suppliersFromTheFileAreNotChanged() throws {
        let at = SourceLocation(file: "s.csv", line: 2)
        var suppliers = ImportResult(records: [Supplier(id: "V1", name: "V1", uei: "ZQGGHJH74DW7", location: at)], findings: [], summary: ImportSummary(file: "s.csv"))
        var links = ImportResult<SupplyLink>(records: [], findings: [], summary: ImportSummary(file: "l.csv"))
        Inputs.attach([Supplier(id: "ZQGGHJH74DW7", name: "Other Name", country: "CN", uei: "ZQGGHJH74DW7", location: at)], to: &suppliers, links: &links)
        #expect(suppliers.records.map(\.name) == ["V1"])
        #expect(suppliers.records.first?.country == nil)
    }
}
