import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// libxml2 names the line of the open element in some messages ("Opening and ending tag
/// mismatch: PIID line 3 and vendorName"), counted from the start of its document. In the
/// second or a later page of a file of concatenated feed pages, the error's location was the
/// file's line but the line in the message was the page's, pointing the reader to the first
/// page. The message now gives the file's line too.
@Suite("QA15: lines named inside libxml2 messages are the file's on later pages")
struct QA15XMLSecondPageLineTests {
    static func page(_ piid: String, broken: Bool = false) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:f="https://www.fpds.gov/FPDS">
        <entry><content><f:award>
        <f:awardID><f:awardContractID><f:PIID>\(piid)\(broken ? "<x>" : "")</f:PIID></f:awardContractID></f:awardID>
        </f:award></content></entry>
        </feed>

        """
    }

    @Test func aTagMismatchOnTheSecondPageNamesTheFileLine() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("feed.xml", Self.page("P1") + Self.page("P2", broken: true))
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: path) }
        #expect(error?.code == "malformed-xml")
        #expect(error?.location.line == 10)
        #expect(error?.message == "the XML is not well-formed: Opening and ending tag mismatch: x line 10 and f:PIID", "\(String(describing: error))")
    }

    @Test func onTheFirstPageTheLineIsUnchanged() throws {
        let scratch = TemporaryDirectory()
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: scratch.file("feed.xml", Self.page("P1", broken: true))) }
        #expect(error?.message == "the XML is not well-formed: Opening and ending tag mismatch: x line 4 and f:PIID", "\(String(describing: error))")
    }
}
