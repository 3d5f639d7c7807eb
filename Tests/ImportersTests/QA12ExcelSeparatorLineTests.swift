import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Excel in locales with a comma decimal separator saves CSV with a first line `sep=;` naming
/// the delimiter. It was read as the header (a one-column header `sep=;`, then
/// `missing-column`). Every CSV importer now takes the delimiter it names, skips it, and
/// keeps physical line numbers (the header is line 2).
@Suite("QA12: Excel's sep= line names the delimiter")
struct QA12ExcelSeparatorLineTests {
    /// The delimiters a `sep=` line may name, as written on the line and as used in the rows.
    static let delimiters: [(hint: String, delimiter: String)] = [(",", ","), (";", ";"), ("\t", "\t"), ("|", "|"), ("\\t", "\t")]

    /// `rows` joined with `delimiter`, after a byte order mark and `sep=hint`, with CRLF.
    static func file(hint: String, delimiter: String, _ rows: [[String]]) -> String {
        "\u{FEFF}sep=\(hint)\r\n" + rows.map { $0.joined(separator: delimiter) + "\r\n" }.joined()
    }

    @Test(arguments: delimiters)
    func nativeFilesTakeTheNamedDelimiter(hint: String, delimiter: String) throws {
        let scratch = TemporaryDirectory()
        // Names holding the other delimiters, quoted where they hold the one named.
        let name = delimiter == "," ? "\"Acme, Inc; Ltd|x\"" : delimiter == ";" ? "\"Acme, Inc; Ltd\"" : "Acme, Inc; Ltd"
        let suppliers = scratch.file("s.csv", Self.file(hint: hint, delimiter: delimiter, [["supplier_id", "name", "country"], ["V1", name, "US"], ["V2", "Beta", "CN"]]))
        let read = try Inputs.suppliers(path: suppliers)
        #expect(read.records.map(\.id) == ["V1", "V2"])
        #expect(read.records.first?.name.hasPrefix("Acme, Inc; Ltd") == true)
        #expect(read.records.map(\.location.line) == [3, 4])

        let links = scratch.file("l.csv", Self.file(hint: hint, delimiter: delimiter, [["buyer_id", "supplier_id", "share"], ["V1", "V2", "0.5"]]))
        let linked = try Inputs.links(path: links)
        #expect(linked.links.records.map(\.supplierID) == ["V2"])
        #expect(linked.links.records.first?.location.line == 3)

        let contracts = scratch.file("c.csv", Self.file(hint: hint, delimiter: delimiter, [["contract_id", "vendor_id", "amount"], ["C1", "V1", "10"], ["C2", "V2", "x"]]))
        let awarded = try Inputs.contracts(paths: [contracts])
        #expect(awarded.records.map(\.id) == ["C1"])
        #expect(awarded.findings.contains { $0.code == "invalid-number" && $0.location?.line == 4 })
    }

    @Test(arguments: delimiters)
    func realWorldFilesTakeTheNamedDelimiter(hint: String, delimiter: String) throws {
        let scratch = TemporaryDirectory()
        let usaspending = scratch.file("awards.csv", Self.file(hint: hint, delimiter: delimiter, [
            ["contract_award_unique_key", "recipient_uei", "recipient_name", "total_obligated_amount"],
            ["CONT_AWD_1", "ABCDEFGHJK12", "Acme", "12.50"],
        ]))
        #expect(try InputSniffer.contractFormat(of: usaspending) == .usaspending)
        let awards = try Inputs.contracts(paths: [usaspending])
        #expect(awards.records.map(\.id) == ["CONT_AWD_1"])
        #expect(awards.records.first?.location.line == 3)

        let watchlist = scratch.file("w.csv", Self.file(hint: hint, delimiter: delimiter, [["name", "country", "list"], ["Acme", "CN", "UFLPA"]]))
        #expect(try Inputs.watchlist(path: watchlist).records.map(\.name) == ["Acme"])

        let facilities = scratch.file("f.csv", Self.file(hint: hint, delimiter: delimiter, [["country", "name", "address"], ["CN", "Mill", "Road 1"]]))
        #expect(try InputSniffer.supplierFormat(of: facilities) == .facilityList)
        #expect(try Inputs.suppliers(path: facilities).records.map(\.name) == ["Mill"])
    }

    /// The parallel reader gives the sequential one's records and lines after a `sep=` line,
    /// and an error on the physical line of the file.
    @Test func parallelReadingKeepsPhysicalLines() throws {
        let scratch = TemporaryDirectory()
        var rows = [["supplier_id", "name", "country"]]
        for k in 0..<400 { rows.append(["V\(k)", "Name \(k)", "US"]) }
        let path = scratch.file("s.csv", Self.file(hint: ";", delimiter: ";", rows))
        var parallel = ImportOptions(parallelThreshold: 0)
        parallel.parallelChunkBytes = 256
        parallel.workers = 4
        let sequential = try Inputs.suppliers(path: path, options: ImportOptions(parallelThreshold: .max))
        let chunked = try Inputs.suppliers(path: path, options: parallel)
        #expect(sequential.records.count == 400)
        #expect(sequential.records.map(\.location.line) == Array(3...402))
        #expect(chunked.records.map(\.location.line) == sequential.records.map(\.location.line))
        #expect(chunked.records.map(\.name) == sequential.records.map(\.name))

        var reader = CSVReader(path: path)
        reader.parallelThreshold = 0
        reader.parallelChunkBytes = 256
        reader.workers = 4
        var lines: [Int] = []
        let report = try reader.forEachRecord { lines.append($0.line) }
        #expect(report.parallel && report.delimiter == UInt8(ascii: ";"))
        #expect(lines == Array(2...402))

        let broken = scratch.file("b.csv", Self.file(hint: ";", delimiter: ";", rows + [["V9\"x", "n", "US"]]))
        for threshold in [0, Int.max] {
            var options = ImportOptions(parallelThreshold: threshold)
            options.parallelChunkBytes = 256
            #expect {
                try Inputs.suppliers(path: broken, options: options)
            } throws: { ($0 as? InputError)?.location.line == 403 }
        }
    }

    @Test(arguments: ["sep=ab\nid,name\n", "\u{FEFF}sep=\r\nid,name\n", "SEP=::\nid,name\n"])
    func anUnknownDelimiterIsAnErrorOnLineOne(text: String) throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("s.csv", text)
        #expect {
            try Inputs.suppliers(path: path)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.code == "unknown-delimiter" && error.location.file == path && error.location.line == 1
                && error.message.contains("sep=")
        }
    }

    /// A header that merely starts with other text is no hint.
    @Test func aHeaderIsNotTakenForAHint() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("s.csv", "supplier_id;name;separator\nV1;Acme;x\n")
        let read = try Inputs.suppliers(path: path)
        #expect(read.records.map(\.id) == ["V1"])
        #expect(read.records.first?.location.line == 2)
    }
}
