import Testing
@testable import Importers
import SupplyChainModel

@Suite("CSV reader (libcsv)")
struct CSVReaderTests {
    func records(_ text: String, chunkSize: Int = 1 << 20) throws -> [CSVRecord] {
        try records(bytes: Array(text.utf8), chunkSize: chunkSize)
    }

    func records(bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> [CSVRecord] {
        let dir = TemporaryDirectory()
        var reader = CSVReader(path: dir.file("t.csv", bytes: bytes))
        reader.chunkSize = chunkSize
        reader.firstReadMinimum = 3
        var out: [CSVRecord] = []
        try reader.forEachRecord { out.append($0) }
        return out
    }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let text = "id,name\n1,\"Acme, Inc.\"\n2,\"She said \"\"hi\"\"\"\n3,\"two\nlines\"\n4,last\n"
        let rows = try records(text)
        #expect(rows.map(\.fields) == [["id", "name"], ["1", "Acme, Inc."], ["2", "She said \"hi\""], ["3", "two\nlines"], ["4", "last"]])
        // Line numbers are physical: record 4 starts after the two-line field.
        #expect(rows.map(\.line) == [1, 2, 3, 4, 6])
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func chunkBoundariesDoNotMatter(chunkSize: Int) throws {
        let text = "\u{FEFF}a,b\r\n\"x,\r\ny\",2\r\n\r\n3,\"\"\"q\"\"\"\r\n"
        let rows = try records(text, chunkSize: chunkSize)
        #expect(rows.map(\.fields) == [["a", "b"], ["x,\r\ny", "2"], ["3", "\"q\""]])
        #expect(rows.map(\.line) == [1, 2, 5])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let rows = try records(bytes: [0xEF, 0xBB, 0xBF] + Array("supplier_id,name\nS1,A\n".utf8))
        #expect(rows[0].fields == ["supplier_id", "name"])
    }

    @Test func crlfAndLoneCRLineEnds() throws {
        #expect(try records("a,b\r\n1,2\r\n").map(\.fields) == [["a", "b"], ["1", "2"]])
        let mixed = try records("a\r1\n2\r\n3")
        #expect(mixed.map(\.fields) == [["a"], ["1"], ["2"], ["3"]])
        #expect(mixed.map(\.line) == [1, 2, 3, 4])
    }

    @Test func blankLinesKeepLineNumbersExact() throws {
        let rows = try records("h\n\n\nx\n\r\n\r\ny\n")
        #expect(rows.map(\.line) == [1, 4, 7])
    }

    @Test(arguments: [(",", "a,b;c\n1,2;3\n"), (";", "a;b;c,d\n1;2;3,5\n"), ("\t", "a\tb\n1\t2,5\n")])
    func delimiterIsDetected(delimiter: String, text: String) throws {
        let rows = try records(text)
        #expect(CSVReader.detectDelimiter(ArraySlice(text.utf8)) == UInt8(ascii: Unicode.Scalar(delimiter)!))
        #expect(rows[0].fields.count == (delimiter == ";" ? 3 : 2))
    }

    @Test func unterminatedQuoteAtEndOfFileIsAnErrorWithItsLine() throws {
        let error = #expect(throws: InputError.self) { try records("a,b\n1,2\n3,\"never closed\n4,5\n") }
        #expect(error?.code == "unterminated-quote")
        #expect(error?.location.line == 3)
    }

    @Test func textAfterAClosingQuoteIsAnErrorWithLineAndColumn() throws {
        let error = #expect(throws: InputError.self) { try records("a,b\n1,\"x\"y\n") }
        #expect(error?.code == "malformed-csv")
        #expect(error?.location.line == 2)
        #expect(error?.location.column == 6)
        #expect(error?.description.hasSuffix("t.csv:2:6: error: [malformed-csv] unexpected 'y' after a closing quote or inside an unquoted field; expected a delimiter or a line end (quotes inside a field must be doubled and the field quoted)") == true)
    }

    @Test func missingFileNamesTheFile() {
        let error = #expect(throws: InputError.self) { try CSVReader(path: "/nonexistent/x.csv").forEachRecord { _ in } }
        #expect(error?.code == "file-not-found")
        #expect(error?.description.contains("/nonexistent/x.csv") == true)
    }

    @Test func invalidUTF8IsReadAsWindows1252NotDropped() throws {
        let rows = try records(bytes: Array("a\n".utf8) + [0x41, 0xFF, 0x42, 0x0A])
        #expect(rows[1].fields == ["A\u{FF}B"])
    }

    @Test func recordsInTextSkipLeadingComments() throws {
        let rows = try CSVReader.records(inText: "# source\n# edition\nx,y\n1,2\n", name: "t")
        #expect(rows.map(\.fields) == [["x", "y"], ["1", "2"]])
        #expect(rows.map(\.line) == [3, 4])
    }
}
