import Foundation
import Testing
@testable import Importers
import SupplyChainModel

@Suite("Messy CSV as analysts have it")
struct MessyCSVTests {
    let dir = TemporaryDirectory()

    @Test func windows1252IsTranscodedWithOneWarning() throws {
        // "Hôtel Côte" and "Société € Ltd" in Windows-1252, semicolon-separated, CRLF.
        var bytes = Array("supplier_id;name;country\r\n".utf8)
        bytes += Array("S1;H".utf8) + [0xF4] + Array("tel C".utf8) + [0xF4] + Array("te;FR\r\n".utf8)
        bytes += Array("S2;Soci".utf8) + [0xE9, 0x74, 0xE9, 0x20, 0x80] + Array(" Ltd;CIV\r\n".utf8)
        let result = try NativeCSVImporter.suppliers(path: dir.file("s.csv", bytes: bytes))
        #expect(result.records.map(\.name) == ["Hôtel Côte", "Société € Ltd"])
        let warnings = result.findings.filter { $0.code == "non-utf8" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location?.line == 2)
        #expect(warnings.first?.message.contains("2 fields") == true)
    }

    @Test func utf8FilesGetNoEncodingWarning() throws {
        let result = try NativeCSVImporter.suppliers(path: dir.file("s.csv", "\u{FEFF}supplier_id,name\nS1,Hôtel Côte\n"))
        #expect(result.records.first?.name == "Hôtel Côte")
        #expect(!result.findings.contains { $0.code == "non-utf8" })
    }

    @Test func windows1252TableCoversTheTypographicRange() {
        let bytes: [UInt8] = [0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9F, 0x81, 0xA0, 0xFF]
        let text = bytes.withUnsafeBytes { TextDecoding.decode($0) }
        #expect(text.transcoded)
        #expect(text.text == "€…‘’“”–—Ÿ\u{81}\u{A0}ÿ")
    }

    @Test func trailingEmptyColumnsFromSpreadsheetsAreIgnored() throws {
        let path = dir.file("s.csv", "supplier_id,name,country,,,\nS1,Acme,China,,,\nS2,Beta,VNM,,\nS3,Gamma,cn,,,,,\n,,,,,\n")
        let result = try NativeCSVImporter.suppliers(path: path)
        #expect(result.records.map(\.id) == ["S1", "S2", "S3"])
        // Country stays as written; the risk model resolves names, alpha-2 and alpha-3.
        #expect(result.records.map(\.country) == ["China", "VNM", "cn"])
        #expect(!result.findings.contains { $0.code == "extra-fields" })
        #expect(result.summary.blank == 1 && result.summary.read == 4)
    }

    @Test func tabSeparatedWithQuotedTabsAndNewlines() throws {
        let path = dir.file("l.tsv", "buyer_id\tsupplier_id\tshare\tgood\nA\tB\t25%\t\"cotton\tyarn\"\nA\tC\t0.5\t\"two\nlines\"\nA\tD\tx\t\n")
        let result = try NativeCSVImporter.links(path: path)
        #expect(result.records.map(\.good) == ["cotton\tyarn", "two\nlines"])
        #expect(result.findings.first { $0.code == "invalid-number" }?.location == SourceLocation(file: path, line: 5, column: 3))
    }

    @Test func countsAddUpPerReason() throws {
        let path = dir.file("c.csv", "contract_id,vendor_id,amount,award_date\nC1,V,\"$1,234.50\",\nC1,V,1,\nC2,,1,\nC3,V,abc,\nC4,V,(12.00),02/30/2024\n,,,\nC5,V,\"USD 1,000\",2024-02-29\n")
        let result = try NativeCSVImporter.contracts(path: path)
        let s = result.summary
        #expect(s.read == s.accepted + s.rejected + s.blank)
        #expect(s.rejected == s.rejectedByReason.values.reduce(0, +))
        #expect(s.rejectedByReason == ["duplicate-id": 1, "missing-value": 1, "invalid-number": 1, "invalid-date": 1])
        #expect(result.records.map(\.amount) == [1234.5, 1000])
        #expect(result.rejectedRows.count == s.rejected)
        #expect(result.rejectedRows.map(\.location.line) == [3, 4, 5, 6])
        #expect(result.rejectedRows[0].fields == ["C1", "V", "1", ""])
    }

    @Test func rejectsFileHoldsFieldsLineAndReasonAndIsReadableCSV() throws {
        let path = dir.file("l.csv", "buyer_id,supplier_id,share\nA,B,0.5\nA,\"C, \"\"Ltd\"\"\",2\nA,,0.1\n")
        let result = try NativeCSVImporter.links(path: path)
        let out = dir.url.appendingPathComponent("rejects.csv").path
        try RejectsFile.write(result.rejectedRows, to: out)
        var rows: [[String]] = []
        try CSVReader(path: out).forEachRecord { rows.append($0.fields) }
        #expect(rows[0] == ["file", "line", "column", "code", "reason", "field_1", "field_2", "field_3"])
        #expect(rows[1] == [path, "3", "3", "invalid-number", "'share' is '2'; expected a fraction in (0, 1] such as 0.25 or 25%", "A", "C, \"Ltd\"", "2"])
        #expect(rows[2][0...4] == [path, "4", "2", "missing-value", "'supplier_id' is empty"])
        // No temporary file is left next to it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    /// A missing folder is made (as for reports); one that cannot be made, because a file has
    /// its name, is `rejects-unwritable`, and nothing is written.
    @Test func rejectsFileInAFolderThatCannotBeMadeIsAnError() throws {
        let plain = dir.file("plain.txt", "x")
        let error = #expect(throws: InputError.self) { try RejectsFile.write([], to: plain + "/sub/rejects.csv") }
        #expect(error?.code == "rejects-unwritable")
        #expect(error?.message.contains("cannot create its folder") == true)
        let made = dir.url.appendingPathComponent("new/deeper/rejects.csv").path
        try RejectsFile.write([], to: made)
        #expect(FileManager.default.fileExists(atPath: made))
    }

    @Test func columnMapRenamesHeaders() throws {
        let path = dir.file("s.csv", "Vendor Number,Company,Land\nV1,Acme,DE\n")
        let map = try ImportOptions.columnMap(from: ["Vendor Number=supplier_id", "company = name", "Land=country"])
        let result = try NativeCSVImporter.suppliers(path: path, options: ImportOptions(columnMap: map))
        #expect(result.records.first.map { [$0.id, $0.name, $0.country] } == ["V1", "Acme", "DE"])
        #expect(throws: InputError.self) { try ImportOptions.columnMap(from: ["nonsense"]) }
        #expect(!result.findings.contains { $0.code == "unknown-mapping" })
    }

    /// A mapping to a field the file does not have (a typo) is a warning with a suggestion,
    /// not only the unknown-column note; a mapping for another file's columns says nothing.
    @Test func columnMapToAnUnknownFieldIsAWarning() throws {
        let path = dir.file("s.csv", "supplier_id,name,Land\nV1,Acme,DE\n")
        let map = try ImportOptions.columnMap(from: ["Land=cuntry", "Buyer=buyer_id"])
        let result = try NativeCSVImporter.suppliers(path: path, options: ImportOptions(columnMap: map))
        let warnings = result.findings.filter { $0.code == "unknown-mapping" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning && warnings.first?.location == SourceLocation(file: path, line: 1))
        #expect(warnings.first?.message.hasPrefix("--map renames column 'Land' to 'cuntry', which is not a field of this file") == true)
        #expect(warnings.first?.message.hasSuffix("did you mean 'country'?") == true)
        #expect(result.records.first?.country == nil)
    }

    @Test func wideExportsNoteUnknownColumnsBriefly() throws {
        let header = ["supplier_id", "name"] + (1...30).map { "extra_\($0)" }
        let path = dir.file("s.csv", header.joined(separator: ",") + "\nS1,A\n")
        let note = try NativeCSVImporter.suppliers(path: path).findings.first { $0.code == "unknown-column" }
        #expect(note?.message.contains("'extra_12' and 18 more") == true)
        #expect(note?.message.contains("extra_13") == false)
    }
}

@Suite("Fast number parsing")
struct FastNumberTests {
    @Test(arguments: ["0.25", "1", "0.000123", "123456.789", "-42.5", "+3", "1.", ".5", "  7.25 ", "999999999999999", "0.1", "0.3", "1e-3", "1E5", "1234567890123456789"])
    func agreesWithTheStandardLibrary(text: String) {
        #expect(NumberParsing.decimal(text) == Double(text.trimmingCharacters(in: .whitespaces)))
    }

    @Test(arguments: ["", ".", "-", "1..2", "1,5", "0x10", "1 2", "nan"])
    func rejectsNonNumbers(text: String) {
        #expect(NumberParsing.decimal(text) == nil)
    }

    @Test func randomDecimalsRoundTripExactly() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let digits = Int(rng.next() % 15) + 1
            let scale = Int(rng.next() % UInt64(digits + 3))
            var text = String(rng.next() % 1_000_000_000_000_000)
            text = String(text.prefix(digits))
            if scale > 0 {
                let padded = String(repeating: "0", count: max(0, scale - text.count + 1)) + text
                text = String(padded.dropLast(scale)) + "." + String(padded.suffix(scale))
            }
            #expect(NumberParsing.decimal(text) == Double(text), "\(text)")
        }
    }
}
