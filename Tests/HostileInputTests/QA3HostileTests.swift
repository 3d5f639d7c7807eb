import Foundation
import Importers
import SupplyChainModel
import Testing

/// Third QA pass: hostile encodings.
@Suite("QA3: hostile encodings")
struct QA3HostileTests {
    /// `text` in UTF-16 little-endian, after `prefix` (a byte order mark or nothing).
    static func utf16LE(_ text: String, prefix: [UInt8]) -> [UInt8] {
        prefix + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// A UTF-16 CSV with quoted cells (as PowerShell's `Export-Csv -Encoding Unicode` writes
    /// it) was reported as `malformed-csv` ("unexpected '\"' after a closing quote …; quotes
    /// inside a field must be doubled"), which sends the user after quotes that are fine;
    /// FORMATS.md promises `binary-content` for a NUL byte ("binary or UTF-16"). Only unquoted
    /// UTF-16 files got it.
    @Test(arguments: [[], [0xFF, 0xFE]] as [[UInt8]])
    func quotedUTF16IsBinaryContentNotMalformedCSV(bom: [UInt8]) throws {
        let scratch = Scratch()
        let text = "\"contract_id\",\"vendor_name\"\r\n\"C1\",\"Acme\"\r\n"
        let path = scratch.file("c16.csv", bytes: Self.utf16LE(text, prefix: bom))
        let error = try #require(inputError { _ = try Inputs.contracts(paths: [path]) })
        #expect(error.code == "binary-content" && error.location.line == 1, "\(error)")
        #expect(error.message.contains("UTF-16"))
        let suppliers = scratch.file("s16.csv", bytes: Self.utf16LE("\"supplier_id\",\"name\"\n\"S1\",\"x\"\n", prefix: bom))
        #expect(inputError { _ = try Inputs.suppliers(path: suppliers) }?.code == "binary-content")
    }

    /// A quote in the wrong place in a UTF-8 file is still malformed CSV, with its column.
    @Test func aStrayQuoteInUTF8IsStillMalformedCSV() throws {
        let scratch = Scratch()
        let path = scratch.file("c.csv", "contract_id,vendor_name\nC1,\"Acme\"x\n")
        let error = try #require(inputError { _ = try Inputs.contracts(paths: [path]) })
        #expect(error.code == "malformed-csv" && error.location.line == 2 && error.location.column == 10, "\(error)")
    }

    /// libxml2's message for bytes that are not UTF-8 holds line ends ("indicate encoding !\nBytes:
    /// 0xC9 …\n"); the message went out with them, and the terminal showed U+FFFD in the middle
    /// of the sentence. Line ends in a parser message are now spaces.
    @Test func anXMLParserMessageIsOneLine() throws {
        let scratch = Scratch()
        let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><title>CAF\u{00C9}</title></entry>\n</feed>\n"
        let bytes = Array(xml.unicodeScalars.map { UInt8($0.value) })  // Latin-1, no encoding declared
        let path = scratch.file("latin1.xml", bytes: bytes)
        let error = try #require(inputError { _ = try Inputs.contracts(paths: [path]) })
        #expect(error.code == "malformed-xml" && error.location.line == 2, "\(error)")
        #expect(error.message.contains("Bytes: 0xC9"), "\(error)")
        #expect(!error.message.contains(where: { $0.isNewline }), "\(error.message.debugDescription)")
    }
}

/// Third QA pass: FollowTheMoney entities with empty ids or names.
@Suite("QA3: FollowTheMoney empty values")
struct QA3FollowTheMoneyTests {
    /// `"id": ""` was accepted (an entry '' in every report, sourced at
    /// `https://www.opensanctions.org/entities//`), and `"caption": ""` with no other name was
    /// accepted as an entry with an empty name, while the native watchlist rejects an empty
    /// name (missing-value). An empty id is now not an entity (invalid-json), a blank caption
    /// gives way to the first non-blank name, and an entity with none is missing-value.
    @Test func emptyIdsAndNamesAreRejected() throws {
        let scratch = Scratch()
        let path = scratch.file("w.jsonl", """
            {"id":"","schema":"Company","caption":"Empty Id Co","properties":{}}
            {"id":"e1","schema":"Company","caption":"","properties":{"name":[""]}}
            {"id":"e2","schema":"Company","caption":"   ","properties":{}}
            {"id":"e3","schema":"Company","caption":"","properties":{"name":["", "Real Name Co"]}}
            {"id":"e4","schema":"Company","caption":"Good Co","properties":{}}

            """)
        let read = try Inputs.watchlist(path: path)
        #expect(read.records.map(\.id) == ["e3", "e4"])
        #expect(read.records.map(\.name) == ["Real Name Co", "Good Co"])
        #expect(read.summary.rejectedByReason == ["invalid-json": 1, "missing-value": 2], "\(read.findings)")
        #expect(read.findings.filter { $0.severity == .error }.map { $0.location?.line } == [1, 2, 3])
    }
}
