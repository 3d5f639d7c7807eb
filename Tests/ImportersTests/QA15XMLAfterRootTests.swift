import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// What follows the root element of an XML file. A comment or processing instruction there
/// is well-formed XML (the document's closing "Misc"), but since a file may hold several
/// documents one after another, it was parsed as the start of a next document and the
/// well-formed file was refused with libxml2's "Extra content at the end of the document".
/// Text there was refused as "Document is empty", which says nothing of where the problem
/// is. Now trailing comments and processing instructions are read as nothing; text is refused
/// saying it follows the root; a next document's XML declaration with nothing after it is a
/// truncated file.
@Suite("QA15: comments, processing instructions and text after an XML root element")
struct QA15XMLAfterRootTests {
    static let feed = """
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:f="https://www.fpds.gov/FPDS">
        <entry><content><f:award>
        <f:awardID><f:awardContractID><f:PIID>P1</f:PIID></f:awardContractID></f:awardID>
        <f:vendor><f:vendorHeader><f:vendorName>Acme</f:vendorName></f:vendorHeader></f:vendor>
        </f:award></content></entry>
        </feed>
        """

    @Test(arguments: ["<!-- saved by a browser -->\n", "\n<!-- a -->\n<?page 2?>\n\n", "<?pi?>"])
    func commentsAndProcessingInstructionsAfterTheRootAreRead(_ tail: String) throws {
        let scratch = TemporaryDirectory()
        let result = try FPDSFeed.contracts(path: scratch.file("feed.xml", Self.feed + tail))
        #expect(result.records.map(\.id) == ["P1"])
        #expect(result.findings.isEmpty, "\(result.findings)")
        let native = try NativeXML.read(path: scratch.file("doc.xml", "<flrisk xmlns=\"urn:flrisk:native:1\"><suppliers><supplier><supplier_id>A</supplier_id><name>A Co</name></supplier></suppliers></flrisk>\n" + tail))
        #expect(native.suppliers.records.map(\.id) == ["A"])
    }

    /// Read in parallel chunks (the last one holding the end of the root), the same.
    @Test func parallelReadingAgrees() throws {
        let scratch = TemporaryDirectory()
        var text = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:f=\"https://www.fpds.gov/FPDS\">\n"
        for k in 0..<300 {
            text += "<entry><content><f:award><f:awardID><f:awardContractID><f:PIID>P\(k)</f:PIID></f:awardContractID></f:awardID>"
            text += "<f:vendor><f:vendorHeader><f:vendorName>Acme</f:vendorName></f:vendorHeader></f:vendor></f:award></content></entry>\n"
        }
        for tail in ["</feed>\n<!-- end -->\n", "</feed>\n<?xml version=\"1.0\"?>\n"] {
            let path = scratch.file("feed.xml", text + tail)
            let read = { (parallel: FPDSParallelism) in Result { try FPDSFeed.contracts(paths: [path], limits: .default, parallel: parallel) } }
            let sequential = read(FPDSParallelism(threshold: .max))
            let parallel = read(FPDSParallelism(threshold: 0, chunkBytes: 4096, workers: 3))
            switch (sequential, parallel) {
            case (.success(let one), .success(let other)):
                #expect(one.records.count == 300 && tail.contains("end"))
                #expect(one.records.map(\.id) == other.records.map(\.id))
            case (.failure(let one as InputError), .failure(let other as InputError)):
                #expect(tail.contains("<?xml") && one.description == other.description, "\(one) \(other)")
            default:
                Issue.record("sequential \(sequential) and parallel \(parallel) differ")
            }
        }
    }

    @Test func aCommentBetweenTwoFeedPagesStillReadsBoth() throws {
        let scratch = TemporaryDirectory()
        let second = Self.feed.replacingOccurrences(of: "P1", with: "P2")
        let result = try FPDSFeed.contracts(path: scratch.file("feed.xml", Self.feed + "\n<!-- page 2 -->\n" + second + "\n<!-- end -->\n"))
        #expect(result.records.map(\.id) == ["P1", "P2"])
        #expect(result.records.map(\.location.line) == [2, 9])
    }

    @Test(arguments: [("\nnot xml\n", 7, 1), ("<!-- c -->x", 6, 18)])
    func textAfterTheRootIsRefusedSayingSo(_ tail: String, line: Int, column: Int) throws {
        let scratch = TemporaryDirectory()
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: scratch.file("feed.xml", Self.feed + tail)) }
        #expect(error?.code == "malformed-xml")
        #expect(error?.location.line == line && error?.location.column == column, "\(String(describing: error))")
        #expect(error?.message == "the XML is not well-formed: there is content after the end of the root element <feed> that is not another XML document (only comments, processing instructions, or further documents such as feed pages, each with its own <?xml …?>, may follow it)")
    }

    @Test(arguments: ["\n<?xml version=\"1.0\"?>", "\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- page 2 -->\n"])
    func aNextDocumentCutAfterItsDeclarationIsTruncated(_ tail: String) throws {
        let scratch = TemporaryDirectory()
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: scratch.file("feed.xml", Self.feed + tail)) }
        #expect(error?.code == "malformed-xml")
        #expect(error?.message == "the XML is not well-formed: the file ends before the root element of the document that starts after <feed> ends; it is truncated")
    }

    @Test func anUnterminatedCommentAfterTheRootIsMalformed() throws {
        let scratch = TemporaryDirectory()
        let error = #expect(throws: InputError.self) { try FPDSFeed.contracts(path: scratch.file("feed.xml", Self.feed + "\n<!-- c")) }
        #expect(error?.code == "malformed-xml")
        #expect(error?.message.contains("Comment not terminated") == true, "\(String(describing: error))")
    }
}
