import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Third QA pass on native XML: a field holding an element.
@Suite("QA3: native XML fields hold text only")
struct QA3NativeXMLTests {
    /// `<name>Nested <b>bold</b> name</name>` kept only the text after the last child element:
    /// the supplier was accepted as 'name', silently (and `<supplier_id>S<x/>9</supplier_id>`
    /// as '9'). A field that holds an element is now rejected (invalid-value) at the record's
    /// line, naming the field; the records around it are read as before, and an element that
    /// is not a column is still ignored whole (with its unknown-column note).
    @Test func aFieldHoldingAnElementRejectsItsRecord() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("doc.xml", """
            <flrisk xmlns="urn:flrisk:native:1">
              <suppliers>
                <supplier><supplier_id>S1</supplier_id><name>Mill</name></supplier>
                <supplier><supplier_id>S2</supplier_id><name>Nested <b>bold</b> name</name></supplier>
                <supplier><supplier_id>S<x/>9</supplier_id><name>Other</name></supplier>
                <supplier><supplier_id>S3</supplier_id><name>Plain</name><extra>not a column <b>x</b></extra></supplier>
              </suppliers>
              <contracts><contract><contract_id>C1</contract_id><vendor_id>S1</vendor_id><description>a <i>b</i></description></contract></contracts>
            </flrisk>

            """)
        let read = try NativeXML.read(path: path)
        #expect(read.suppliers.records.map(\.id) == ["S1", "S3"])
        #expect(read.suppliers.summary.read == 4 && read.suppliers.summary.rejectedByReason == ["invalid-value": 2])
        let errors = read.suppliers.findings.filter { $0.severity == .error }
        #expect(errors.map { $0.location?.line } == [4, 5])
        #expect(errors.first?.message.contains("<name>") == true && errors.first?.message.contains("<b>") == true, "\(errors.map(\.message))")
        #expect(read.suppliers.findings.contains { $0.code == "unknown-column" && $0.message.contains("<extra>") })
        #expect(read.contracts.records.isEmpty && read.contracts.summary.rejectedByReason == ["invalid-value": 1])
    }
}

/// The same in FPDS feeds.
@Suite("QA3: FPDS elements read for their text hold text only")
struct QA3FPDSMixedContentTests {
    /// `<vendorName>ACME <b>BIG</b> CORP</vendorName>` made the vendor 'CORP' (a supplier of
    /// that name was derived and the contract scored on it), silently. The entry is now
    /// rejected (invalid-value) at its line, naming the element; elements whose text is not
    /// read may hold anything, as before.
    @Test func anElementInsideAReadElementRejectsTheEntry() throws {
        let scratch = TemporaryDirectory()
        func entry(_ piid: String, vendor: String) -> String {
            """
            <entry><content><f:award><f:awardID><f:awardContractID><f:PIID>\(piid)</f:PIID></f:awardContractID></f:awardID>
            <f:vendor><f:vendorHeader><f:vendorName>\(vendor)</f:vendorName></f:vendorHeader></f:vendor>
            <f:contractData><f:other>free <f:b>text</f:b></f:other></f:contractData></f:award></content></entry>

            """
        }
        let path = scratch.file("feed.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:f=\"https://www.fpds.gov/FPDS\">\n"
            + entry("P1", vendor: "ACME CORP") + entry("P2", vendor: "ACME <f:b>BIG</f:b> CORP") + entry("P3", vendor: "<x xmlns=\"urn:x\"/>ZED") + "</feed>\n")
        let read = try Inputs.contracts(paths: [path])
        #expect(read.records.map(\.id) == ["P1"] && read.records.first?.vendorName == "ACME CORP")
        #expect(read.summary.rejectedByReason == ["invalid-value": 2], "\(read.findings)")
        let errors = read.findings.filter { $0.severity == .error }
        #expect(errors.map { $0.location?.line } == [5, 8])
        #expect(errors.first?.message.contains("<vendorName> holds an element <b>") == true, "\(errors.map(\.message))")
    }
}
