import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A truncated XML file is reported as truncated, naming the element it ends in. Before, the
/// message was libxml2's "Extra content at the end of the document", the opposite of what
/// happened to the file.
@Suite("QA: truncated XML says so")
struct QATruncatedXMLTests {
    @Test func truncatedFeedNamesTheOpenElement() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("feed.xml", """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:f="https://www.fpds.gov/FPDS">
            <entry><content><f:award><f:awardID><f:awardContractID><f:PIID>P1</f:PIID>
            """)
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: path) }
        #expect(error?.code == "malformed-xml")
        #expect(error?.location.line == 2)
        #expect(error?.message.contains("the file ends inside <awardContractID> (6 elements still open); it is truncated") == true, "\(String(describing: error?.message))")
        #expect(error?.message.contains("Extra content") == false)
    }

    @Test func truncatedNativeDocument() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("doc.xml", "<flrisk xmlns=\"urn:flrisk:native:1\">\n<suppliers>\n<supplier><supplier_id>A</supplier_id>\n")
        let error = #expect(throws: InputError.self) { try NativeXML.read(path: path) }
        #expect(error?.code == "malformed-xml")
        #expect(error?.message.contains("the file ends inside <supplier> (3 elements still open)") == true, "\(String(describing: error?.message))")
    }

    @Test func contentAfterTheRootIsStillAMalformedDocument() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("feed.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>\nnot xml\n")
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: path) }
        #expect(error?.code == "malformed-xml")
        #expect(error?.message.contains("truncated") == false)
    }
}
