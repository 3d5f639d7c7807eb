import Foundation
import Importers
import SupplyChainModel
import Testing

/// Fourth QA pass: XML saved as UTF-16 (Windows tools write it with a byte-order mark).
@Suite("QA4: UTF-16 XML")
struct QA4UTF16XMLTests {
    static let fpds = """
        <?xml version="1.0" encoding="UTF-16"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:ns1="https://www.fpds.gov/FPDS">
        <entry><content><ns1:award><ns1:awardID><ns1:awardContractID><ns1:PIID>P1</ns1:PIID></ns1:awardContractID></ns1:awardID></ns1:award></content></entry>
        </feed>

        """
    static let native = """
        <flrisk xmlns="urn:flrisk:native:1">
        <suppliers><supplier><supplier_id>S1</supplier_id><name>Acme</name></supplier></suppliers>
        </flrisk>

        """

    /// `text` in UTF-16, after a byte-order mark when `bom`.
    static func utf16(_ text: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        let units = (bom ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static func expectUTF16Refusal(_ error: InputError?, path: String, _ comment: Comment? = nil) {
        #expect(error?.code == "unsupported-encoding", "\(String(describing: error))")
        #expect(error?.location.file == path)
        #expect(error?.message.contains("UTF-16") == true && error?.message.contains("save it as UTF-8") == true, "\(String(describing: error))")
    }

    /// A UTF-16 FPDS feed was sniffed as CSV and refused as `binary-content` ("save as UTF-8
    /// CSV"); named with `--contracts-format fpds`, libxml2 said "Extra content at the end of
    /// the document". Both now say the file is XML in UTF-16 and must be saved as UTF-8.
    @Test(arguments: [(true, true), (false, true), (true, false), (false, false)])
    func aUTF16FeedIsRefusedAsUTF16XML(littleEndian: Bool, bom: Bool) throws {
        let scratch = Scratch()
        let path = scratch.file("feed16.xml", bytes: Self.utf16(Self.fpds, littleEndian: littleEndian, bom: bom))
        for format in [ContractFormat.auto, .fpds, .nativeXML] {
            Self.expectUTF16Refusal(inputError { _ = try Inputs.contracts(paths: [path], format: format) }, path: path)
        }
    }

    /// The same for the suppliers and links roles (native XML) and a watchlist.
    @Test func aUTF16NativeDocumentIsRefusedInEveryRole() throws {
        let scratch = Scratch()
        let path = scratch.file("doc16.xml", bytes: Self.utf16(Self.native, littleEndian: true, bom: true))
        Self.expectUTF16Refusal(inputError { _ = try Inputs.suppliers(path: path) }, path: path)
        Self.expectUTF16Refusal(inputError { _ = try Inputs.suppliers(path: path, format: .nativeXML) }, path: path)
        Self.expectUTF16Refusal(inputError { _ = try Inputs.links(path: path) }, path: path)
        Self.expectUTF16Refusal(inputError { _ = try Inputs.watchlist(path: path) }, path: path)
    }

    /// A UTF-16 CSV is still `binary-content`, and the same document in UTF-8 is read.
    @Test func aUTF16CSVAndAUTF8DocumentAreUnchanged() throws {
        let scratch = Scratch()
        let csv = scratch.file("s16.csv", bytes: Self.utf16("supplier_id,name\nS1,Acme\n", littleEndian: true, bom: true))
        #expect(inputError { _ = try Inputs.suppliers(path: csv) }?.code == "binary-content")
        let xml = scratch.file("doc8.xml", bytes: [0xEF, 0xBB, 0xBF] + Array(Self.native.utf8))
        #expect(try Inputs.suppliers(path: xml).records.map(\.id) == ["S1"])
    }
}

/// XML saved as UTF-32 was not recognised either (libxml2 or the CSV sniffer answered); it is
/// refused as `unsupported-encoding` like UTF-16, naming UTF-32 and its byte order.
@Suite("UTF-32 XML")
struct UTF32XMLTests {
    /// `text` in UTF-32, after a byte-order mark when `bom`.
    static func utf32(_ text: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        let scalars = (bom ? [0xFEFF] : []) + text.unicodeScalars.map { Int($0.value) }
        return scalars.flatMap { value in
            let bytes = (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }
            return littleEndian ? bytes : bytes.reversed()
        }
    }

    @Test(arguments: [(true, true), (false, true), (true, false), (false, false)])
    func aUTF32FeedIsRefusedAsUTF32XML(littleEndian: Bool, bom: Bool) throws {
        let scratch = Scratch()
        let path = scratch.file("feed32.xml", bytes: Self.utf32(QA4UTF16XMLTests.fpds, littleEndian: littleEndian, bom: bom))
        for format in [ContractFormat.auto, .fpds, .nativeXML] {
            let error = inputError { _ = try Inputs.contracts(paths: [path], format: format) }
            #expect(error?.code == "unsupported-encoding" && error?.location.file == path, "\(String(describing: error))")
            #expect(error?.message.contains("UTF-32 (\(littleEndian ? "little" : "big")-endian)") == true, "\(String(describing: error))")
            #expect(error?.message.contains("iconv -f UTF-32 -t UTF-8") == true, "\(String(describing: error))")
        }
        let suppliers = scratch.file("doc32.xml", bytes: Self.utf32(QA4UTF16XMLTests.native, littleEndian: littleEndian, bom: bom))
        #expect(inputError { _ = try Inputs.suppliers(path: suppliers) }?.code == "unsupported-encoding")
    }

    /// UTF-16 is still named UTF-16 (its little-endian mark is the start of UTF-32's).
    @Test func aUTF16FeedIsStillUTF16() throws {
        let scratch = Scratch()
        let path = scratch.file("feed16.xml", bytes: QA4UTF16XMLTests.utf16(QA4UTF16XMLTests.fpds, littleEndian: true, bom: true))
        let error = inputError { _ = try Inputs.contracts(paths: [path]) }
        #expect(error?.message.contains("UTF-16 (little-endian)") == true, "\(String(describing: error))")
    }
}

