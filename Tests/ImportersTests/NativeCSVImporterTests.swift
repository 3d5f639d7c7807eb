import Testing
@testable import Importers
import SupplyChainModel

@Suite("Native CSV importers")
struct NativeCSVImporterTests {
    let dir = TemporaryDirectory()

    @Test func suppliersAreReadWithHeaderVariants() throws {
        let path = dir.file("s.csv", "Supplier ID, NAME ,Country,goods,Risk,risk-note,notes\nS1,Acme,CN,cotton; yarn ,0.9,audit\nS2,Beta,,,,,x\n")
        let result = try NativeCSVImporter.suppliers(path: path)
        #expect(result.records.count == 2)
        #expect(result.records[0] == Supplier(id: "S1", name: "Acme", country: "CN", goods: ["cotton", "yarn"], riskOverride: 0.9, riskNote: "audit", location: SourceLocation(file: path, line: 2)))
        #expect(result.records[1].country == nil && result.records[1].riskOverride == nil)
        // The unknown column is ignored with a note.
        #expect(result.findings.contains { $0.code == "unknown-column" && $0.severity == .note && $0.message.contains("'notes'") })
    }

    @Test func missingRequiredColumnNamesFileColumnsAndClosestMatch() throws {
        let path = dir.file("s.csv", "suplier_id,name,country\nS1,A,CN\n")
        let error = #expect(throws: InputError.self) { try NativeCSVImporter.suppliers(path: path) }
        #expect(error?.code == "missing-column")
        #expect(error?.location == SourceLocation(file: path, line: 1))
        #expect(error?.message.contains("missing required column 'supplier_id'") == true)
        #expect(error?.message.contains("found 'suplier_id', 'name', 'country'") == true)
        #expect(error?.message.contains("did you mean 'suplier_id'") == true)
    }

    @Test func badRowsAreRejectedCountedAndNamed() throws {
        let path = dir.file("s.csv", "supplier_id,name,risk\nS1,A,0.5\nS1,B,\n,C,\nS3,,\nS4,D,1.5\nS5,E,abc\n,,\nS6,F,1\n")
        let result = try NativeCSVImporter.suppliers(path: path)
        #expect(result.records.map(\.id) == ["S1", "S6"])
        let s = result.summary
        #expect(s.read == 8 && s.accepted == 2 && s.rejected == 5 && s.blank == 1)
        #expect(s.read == s.accepted + s.rejected + s.blank)
        #expect(s.rejectedByReason == ["duplicate-id": 1, "missing-value": 2, "invalid-number": 2])
        let duplicate = result.findings.first { $0.code == "duplicate-id" }
        #expect(duplicate?.location?.line == 3)
        #expect(duplicate?.message.contains("already used at line 2") == true)
        #expect(result.findings.first { $0.code == "invalid-number" }?.description == "\(path):6:3: error: [invalid-number] row rejected: 'risk' is '1.5'; expected a number from 0 to 1")
    }

    @Test func linksAcceptPercentSharesAndRejectOutOfRange() throws {
        let path = dir.file("l.csv", "buyer_id,supplier_id,share,good\nA,B,0.25,cotton\nA,C,,\nA,D,40%,\nA,E,0,\nA,F,1.2,\nA,G,-0.1,\n,H,,\nA,I,NaN,\n")
        let result = try NativeCSVImporter.links(path: path)
        #expect(result.records.map(\.supplierID) == ["B", "C", "D"])
        #expect(result.records.map(\.share) == [0.25, nil, 0.4])
        #expect(result.summary.rejected == 5)
    }

    @Test func contractsNeedOneVendorReference() throws {
        let noVendorColumn = dir.file("c1.csv", "contract_id,amount\nC1,5\n")
        let error = #expect(throws: InputError.self) { try NativeCSVImporter.contracts(path: noVendorColumn) }
        #expect(error?.message.contains("one of the columns 'vendor_id', 'vendor_uei', 'vendor_duns', 'vendor_name'") == true)

        let path = dir.file("c2.csv", "contract_id,vendor_id,vendor_name,amount,award_date,currency\nC1,V1,,\"$1,234.50\",2025-10-01,\nC2,,Acme,(2000),10/02/2025,eur\nC3,,,5,,\nC4,V1,,1.2.3,,\nC5,V1,,,2025-02-30,\n")
        let result = try NativeCSVImporter.contracts(path: path)
        #expect(result.records.map(\.id) == ["C1", "C2"])
        #expect(result.records[0].amount == 1234.5 && result.records[0].currency == "USD" && result.records[0].awardDate == "2025-10-01")
        #expect(result.records[1].amount == -2000 && result.records[1].currency == "EUR" && result.records[1].awardDate == "2025-10-02")
        #expect(result.summary.rejectedByReason == ["missing-value": 1, "invalid-number": 1, "invalid-date": 1])
    }

    @Test func emptyFileIsAnError() throws {
        let error = #expect(throws: InputError.self) { try NativeCSVImporter.links(path: dir.file("e.csv", "")) }
        #expect(error?.code == "empty-file")
    }

    @Test func headerOnlyGivesNoRecords() throws {
        let result = try NativeCSVImporter.links(path: dir.file("h.csv", "buyer_id,supplier_id\n"))
        #expect(result.records.isEmpty && result.summary.read == 0)
    }

    @Test func semicolonFilesFromEuropeanSpreadsheets() throws {
        let result = try NativeCSVImporter.links(path: dir.file("l.csv", "buyer_id;supplier_id;share\r\nA;B;0,5\r\nA;C;0.5\r\n"))
        // "0,5" is not a number in our formats: rejected with its line, not misread.
        #expect(result.records.map(\.supplierID) == ["C"])
        #expect(result.findings.contains { $0.code == "invalid-number" && $0.location?.line == 2 })
    }
}

@Suite("Number parsing")
struct NumberParsingTests {
    @Test(arguments: [
        ("1234.5", 1234.5), ("$1,234.50", 1234.5), ("(1,234.50)", -1234.5), ("-1,234.50", -1234.5),
        ("USD 12", 12), ("0", 0), ("-0", 0), ("1,234,567", 1_234_567),
    ])
    func amounts(text: String, value: Double) {
        #expect(NumberParsing.amount(text) == value)
    }

    /// The fast paths (plain digits, and plain digits after a minus) read every text as the
    /// written-amount steps read it, bit for bit (no negative zero), nil where they give nil.
    @Test func fastPathsAgreeWithTheWrittenAmountSteps() {
        let pieces = ["-", "0", "1", "9", ".", ",", "$", "(", ")", " ", "e", "USD", "00", "250", "-0", ".5"]
        var rng = SplitMix64(seed: 20_261_130)
        var texts = ["-1250.00", "-0", "-0.0", "-", "--5", "-.5", "-1.2.3", "-.", "-007", "-1,250.00"]
        for _ in 0..<20_000 {
            texts.append((0..<Int(1 + rng.next() % 6)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            let fast = NumberParsing.amount(text), steps = NumberParsing.writtenAmount(text)
            #expect(fast?.bitPattern == steps?.bitPattern, "'\(text)': \(String(describing: fast)) and \(String(describing: steps))")
        }
        #expect(NumberParsing.amount("-1250.00") == -1250)
        #expect(NumberParsing.amount("-0")?.sign == .plus)
    }

    @Test(arguments: ["", "abc", "1,23", "12,34,567", "1e309", "NaN", "inf", "1.2.3", "$", "()", "(-5)", "( -$5.00)", "(USD -5)", "--5", "-", "-1.2.3"])
    func rejectedAmounts(text: String) {
        #expect(NumberParsing.amount(text) == nil)
    }

    @Test func fractionsAndNonFinite() {
        #expect(NumberParsing.fraction("25%") == 0.25)
        #expect(NumberParsing.fraction("1e309") == nil)
        #expect(NumberParsing.decimal("nan") == nil)
        #expect(NumberParsing.decimal("-0")?.sign == .plus)
    }
}

@Suite("Native contracts: origin and funding columns")
struct NativeContractColumnsTests {
    let dir = TemporaryDirectory()

    @Test func originVendorCountryFundingAndValueAreRead() throws {
        let path = dir.file("c.csv", """
            contract_id,vendor_id,amount,potential_value,country_of_origin,place_of_manufacture,vendor_country,vendor_parent_uei,funding_agency,product_or_service_type
            C1,V1,100,"$1,500.00",CHN,D,MY,PARENT000001,Department of the Army,product

            """)
        let contract = try #require(try NativeCSVImporter.contracts(path: path).records.first)
        #expect(contract.countryOfOrigin == "CHN" && contract.placeOfManufacture == "D" && contract.vendorCountry == "MY")
        #expect(contract.vendorParentUEI == "PARENT000001" && contract.fundingAgency == "Department of the Army")
        #expect(contract.potentialValue == 1500 && contract.productOrServiceType == "PRODUCT")
    }

    @Test func badPotentialValueRejectsTheRow() throws {
        let path = dir.file("c.csv", "contract_id,vendor_id,potential_value\nC1,V1,lots\n")
        let result = try NativeCSVImporter.contracts(path: path)
        #expect(result.records.isEmpty && result.summary.rejectedByReason["invalid-number"] == 1)
    }
}

/// The supplier and contract converters resolve their columns once per file: every column
/// must land in its own field whatever the order, spelling or `--map` rename of the header,
/// and messages must name the column's position in that file.
@Suite("Native columns resolved per file")
struct NativeResolvedColumnsTests {
    let dir = TemporaryDirectory()

    @Test func everyContractColumnLandsInItsField() throws {
        // Reversed order, aliases (piid, origin_country) and one column renamed with --map.
        let path = dir.file("c.csv", """
            product_or_service_type,potential_value,funding_agency,vendor_parent_uei,vendor_country,place_of_manufacture,origin_country,award_date,description,naics,psc,place_of_performance,currency,amount,Awarding Office,vendor_name,vendor_uei,vendor_id,piid
            service,200,FA,PU,VC,PM,CO,01/02/2024,Desc,NA,PS,PP,eur,100,AG,VN,VU,VI,C1
            ,,,,,,,,,,,,,oops,,,,V2,C2

            """)
        var options = ImportOptions()
        options.columnMap = try ImportOptions.columnMap(from: ["Awarding Office=agency"])
        let result = try NativeCSVImporter.contracts(path: path, options: options)
        let c = try #require(result.records.first)
        #expect(c.id == "C1" && c.vendorID == "VI" && c.vendorUEI == "VU" && c.vendorName == "VN" && c.agency == "AG")
        #expect(c.amount == 100 && c.currency == "EUR" && c.placeOfPerformance == "PP" && c.psc == "PS" && c.naics == "NA")
        #expect(c.description == "Desc" && c.awardDate == "2024-01-02" && c.countryOfOrigin == "CO" && c.placeOfManufacture == "PM")
        #expect(c.vendorCountry == "VC" && c.vendorParentUEI == "PU" && c.fundingAgency == "FA" && c.potentialValue == 200)
        #expect(c.productOrServiceType == "SERVICE")
        let rejection = try #require(result.findings.first { $0.code == "invalid-number" })
        #expect(rejection.location == SourceLocation(file: path, line: 3, column: 14))
        #expect(rejection.message.contains("'amount' is 'oops'"))
    }

    @Test func everySupplierColumnLandsInItsField() throws {
        let path = dir.file("s.csv", """
            address,risk_note,risk,duns,lei,uei,goods,region,country,supplier_name,id
            Addr,Note,0.5,DU,LE,UE,cotton,XJ,CN,Name,S1
            ,,2,,,,,,,Other,S2
            ,,,,,,,,,Third,S1

            """)
        let result = try NativeCSVImporter.suppliers(path: path)
        let s = try #require(result.records.first)
        #expect(s.id == "S1" && s.name == "Name" && s.country == "CN" && s.region == "XJ" && s.goods == ["cotton"])
        #expect(s.uei == "UE" && s.lei == "LE" && s.duns == "DU" && s.riskOverride == 0.5 && s.riskNote == "Note" && s.address == "Addr")
        let badRisk = try #require(result.findings.first { $0.code == "invalid-number" })
        #expect(badRisk.location == SourceLocation(file: path, line: 3, column: 3))
        let duplicate = try #require(result.findings.first { $0.code == "duplicate-id" })
        #expect(duplicate.location == SourceLocation(file: path, line: 4, column: 11))
    }
}
