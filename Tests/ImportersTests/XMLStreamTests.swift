import Testing
@testable import Importers
import SupplyChainModel

/// The interned-name fast path of ``XMLStream``: names by id across pieces and documents,
/// namespaces, text collection, and the limits on elements whose text is not read.
@Suite("XML stream: interned names, text collection, limits")
struct XMLStreamTests {
    let dir = TemporaryDirectory()

    static func entry(_ a: String, _ f: String, piid: String, vendor: String = "V") -> String {
        "<\(a)entry><\(a)content><\(f)award><\(f)awardID><\(f)awardContractID><\(f)PIID>\(piid)</\(f)PIID></\(f)awardContractID></\(f)awardID>"
            + "<\(f)vendor><\(f)vendorHeader><\(f)vendorName>\(vendor)</\(f)vendorName></\(f)vendorHeader></\(f)vendor></\(f)award></\(a)content></\(a)entry>"
    }

    static func feed(_ entries: [String], atomPrefix: String = "a:", fpdsPrefix: String = "f:") -> String {
        let a = atomPrefix.isEmpty ? "xmlns" : "xmlns:" + atomPrefix.dropLast()
        let f = fpdsPrefix.isEmpty ? "xmlns" : "xmlns:" + fpdsPrefix.dropLast()
        return "<\(atomPrefix)feed \(a)=\"\(FPDSFeed.atomNamespace)\" \(f)=\"\(FPDSFeed.fpdsNamespace)\">\n"
            + entries.map { $0 + "\n" }.joined() + "</\(atomPrefix)feed>"
    }

    @Test func namesStayTheSameAcrossPiecesAndDocuments() throws {
        // Over two pieces of entries, then a page with other prefixes (and a default namespace).
        let count = 2 * XMLStream.pieceSize / 200
        let first = Self.feed((0..<count).map { Self.entry("a:", "f:", piid: "P\($0)") })
        let second = Self.feed((0..<10).map { Self.entry("", "g:", piid: "Q\($0)") }, atomPrefix: "", fpdsPrefix: "g:")
        let path = dir.file("pages.xml", first + "\n" + second)
        let result = try FPDSFeed.contracts(path: path)
        #expect(result.records.count == count + 10 && result.summary.rejected == 0)
        #expect(result.records[count - 1].id == "P\(count - 1)" && result.records[count - 1].location.line == count + 1)
        #expect(result.records[count].id == "Q0" && result.records[count].location.line == count + 4)
        #expect(result.records.allSatisfy { $0.vendorName == "V" })
    }

    @Test func elementsOfOtherNamespacesAreNotFields() throws {
        let entry = "<a:entry><a:content><f:award><f:awardID><f:awardContractID><f:PIID>P1</f:PIID><o:PIID xmlns:o=\"urn:other\">X</o:PIID>"
            + "</f:awardContractID></f:awardID><f:vendor><f:vendorHeader><f:vendorName>V</f:vendorName><vendorName>W</vendorName></f:vendorHeader></f:vendor></f:award></a:content></a:entry>"
        let result = try FPDSFeed.contracts(path: dir.file("ns.xml", Self.feed([entry])))
        #expect(result.records.map(\.id) == ["P1"] && result.records.first?.vendorName == "V")
    }

    @Test func cdataAndEntitiesInText() throws {
        let entry = Self.entry("a:", "f:", piid: "P&amp;1&#x41;", vendor: "<![CDATA[A & B <co>]]> &lt;x&gt;")
        let result = try FPDSFeed.contracts(path: dir.file("text.xml", Self.feed([entry])))
        #expect(result.records.first?.id == "P&1A" && result.records.first?.vendorName == "A & B <co> <x>")
    }

    /// The stream's text is what follows the last child ('P<f:x>ignored</f:x> Q ' reads 'Q');
    /// the FPDS reader therefore rejects an element it reads that holds an element, instead of
    /// taking that fragment as the PIID (QA3FPDSMixedContentTests).
    @Test func anElementInsideATextElementRejectsTheEntry() throws {
        let entry = Self.entry("a:", "f:", piid: "P<f:x>ignored</f:x> Q ")
        let result = try FPDSFeed.contracts(path: dir.file("mixed.xml", Self.feed([entry])))
        #expect(result.records.isEmpty && result.summary.rejectedByReason == ["invalid-value": 1])
        #expect(result.findings.contains { $0.code == "invalid-value" && $0.message.contains("<PIID> holds an element <x>") })
    }

    @Test func attributesAreMatchedByLocalName() throws {
        let entry = "<a:entry><a:content><f:award><f:awardID><f:awardContractID><f:PIID>P1</f:PIID></f:awardContractID></f:awardID>"
            + "<f:purchaserInformation><f:contractingOfficeAgencyID o:name=\"X\" xmlns:o=\"urn:o\" departmentName=\" \" /></f:purchaserInformation>"
            + "<f:productOrServiceInformation><f:productOrServiceCode productOrServiceType=\"PRODUCT\">8405</f:productOrServiceCode></f:productOrServiceInformation>"
            + "<f:vendor><f:vendorHeader><f:vendorName>V</f:vendorName></f:vendorHeader></f:vendor></f:award></a:content></a:entry>"
        let contract = try #require(try FPDSFeed.contracts(path: dir.file("attr.xml", Self.feed([entry]))).records.first)
        #expect(contract.agency == "X" && contract.psc == "8405" && contract.productOrServiceType == "PRODUCT")
    }

    @Test func malformedXMLAfterTheFirstPieceHasItsLine() throws {
        let count = XMLStream.pieceSize / 200 + 100
        var entries = (0..<count).map { Self.entry("a:", "f:", piid: "P\($0)") }
        entries.append("<a:entry><f:bad></a:entry>")
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: dir.file("bad.xml", Self.feed(entries))) }
        #expect(error?.code == "malformed-xml" && error?.location.line == count + 2 && error?.location.column != nil)
    }

    @Test func depthLimitCountsEveryElement() throws {
        let path = dir.file("depth.xml", Self.feed([Self.entry("a:", "f:", piid: "P1")]))
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: path, limits: ImportLimits(maxXMLDepth: 5)) }
        #expect(error?.code == "xml-too-deep" && error?.location.line == 2)
        #expect(try FPDSFeed.contracts(path: path, limits: ImportLimits(maxXMLDepth: 8)).records.count == 1)
    }

    @Test func textOfElementsThatAreNotReadIsCappedToo() throws {
        let entry = "<a:entry><a:title>\(String(repeating: "t", count: 5000))</a:title></a:entry>"
        let error = #expect(throws: InputError.self) {
            try FPDSFeed.contracts(path: dir.file("title.xml", Self.feed([entry])), limits: ImportLimits(maxFieldBytes: 4096))
        }
        #expect(error?.code == "field-too-large")
    }

    @Test func nativeRecordsByInternedNames() throws {
        let text = """
            <flrisk xmlns="urn:flrisk:native:1">
            <other><supplier><supplier_id>Z</supplier_id></supplier></other>
            <suppliers><supplier><supplier_id>S1</supplier_id><name>A</name><name>B</name><goods>cotton</goods><goods>yarn</goods><colour>red</colour></supplier>
            <link/><x:supplier xmlns:x="urn:x"><supplier_id>S9</supplier_id></x:supplier></suppliers>
            <links><link><buyer_id>V1</buyer_id><supplier_id>S1</supplier_id><x:share xmlns:x="urn:x">0.5</x:share></link></links>
            </flrisk>
            """
        let read = try NativeXML.read(path: dir.file("n.xml", text))
        #expect(read.suppliers.records.map(\.id) == ["S1"])
        #expect(read.suppliers.records.first?.name == "A" && read.suppliers.records.first?.goods == ["cotton", "yarn"])
        let findings = read.suppliers.findings
        #expect(findings.contains { $0.code == "unknown-element" && $0.message.contains("<other>") && $0.location?.line == 2 })
        #expect(findings.contains { $0.code == "extra-fields" && $0.message.contains("<name>") && $0.location?.line == 3 })
        #expect(findings.contains { $0.code == "unknown-column" && $0.message.contains("<colour>") })
        #expect(findings.contains { $0.code == "unknown-element" && $0.message.contains("<link> in <suppliers>") && $0.location?.line == 4 })
        #expect(findings.contains { $0.code == "unknown-element" && $0.message.contains("<supplier> in <suppliers>") })
        #expect(findings.contains { $0.code == "unknown-column" && $0.message.contains("<share> in <link>") })
        #expect(read.links.records.count == 1 && read.links.records.first?.share == nil)
    }
}

@Suite("FPDS signed dates")
struct FPDSDateTests {
    @Test(arguments: [
        "2025-03-01 00:00:00", "2025-03-01T12:00:00", "2024-02-29 00:00:00", "2023-02-29 00:00:00", "2025-13-01 00:00:00",
        "0999-01-01 00:00:00", "2025-03-01", "2025-03-01x00", "03/01/2025 00:00:00", "2025-3-1 00:00:00", "2025-03-01  ",
        " 2025-03-01 00:00:00", "2025-03-01 ", "2025-03-0\u{e9} 00", "",
    ])
    func sameAsTheGeneralParser(text: String) {
        #expect(FPDSEntryReader.isoDate(text) == DateParsing.isoDate(text))
    }
}
