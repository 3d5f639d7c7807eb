import Testing
@testable import Importers
import SupplyChainModel

/// Open Supply Hub marks facilities that no longer operate (`is_closed`). They were read like
/// the others with no word; they still are (links and contracts of their time may name them),
/// with one warning that counts them and names the first.
@Suite("Closed facilities in a facility list")
struct FacilityClosedTests {
    let dir = TemporaryDirectory()

    @Test func closedFacilitiesAreCountedInOneWarning() throws {
        let path = dir.file("osh.csv", """
            os_id,name,address,country_code,sector,is_closed
            BD1,Supreme Embellishment Ltd.,Kashimpur,BD,Apparel,False
            CN2,Aksu Cotton Mill,Aksu,CN,Textiles,True
            CN3,Hotan Weaving,Hotan,CN,Textiles,
            VN4,Saigon Garments,HCMC,VN,Apparel,true

            """)
        let result = try FacilityList.suppliers(path: path)
        #expect(result.records.map(\.id) == ["BD1", "CN2", "CN3", "VN4"])
        let warnings = result.findings.filter { $0.code == "closed-facility" }
        #expect(warnings.count == 1 && warnings.first?.location == SourceLocation(file: path, line: 3))
        #expect(warnings.first?.message.hasPrefix("2 facilities are marked closed ('is_closed', the first at line 3)") == true)
        #expect(!result.findings.contains { $0.message.contains("is_closed") && $0.code == "unknown-column" })
    }

    /// `closed` counts as closed; a value that is neither a yes nor a no is read as open with
    /// one warning naming the first.
    @Test func unclearValuesAreReadAsOpenWithAWarning() throws {
        let path = dir.file("osh.csv", "os_id,name,country_code,is_closed\nBD1,A Ltd.,BD,Closed\nBD2,B Ltd.,BD,maybe\nBD3,C Ltd.,BD,open\nBD4,D Ltd.,BD,2\n")
        let result = try FacilityList.suppliers(path: path)
        #expect(result.records.count == 4)
        #expect(result.findings.first { $0.code == "closed-facility" }?.message.hasPrefix("1 facility is marked closed ('is_closed', the first at line 2)") == true)
        let unclear = result.findings.filter { $0.code == "invalid-value" }
        #expect(unclear.map(\.message) == ["2 rows have an 'is_closed' that is neither true nor false (the first, 'maybe', at line 3); they are read as open"])
        #expect(unclear.first?.location == SourceLocation(file: path, line: 3))
    }

    @Test func openFacilitiesGiveNoWarning() throws {
        let path = dir.file("osh.csv", "os_id,name,country_code,is_closed\nBD1,Supreme Embellishment Ltd.,BD,False\n")
        #expect(try FacilityList.suppliers(path: path).findings.allSatisfy { $0.code != "closed-facility" })
    }
}
