import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Two CSV files whose headers are quoted (`"contract_id","vendor_name"`, as Excel, Power BI
/// and many exports write them), each saved with a UTF-8 byte-order mark, joined with `cat`:
/// the second header starts with the mark and then a quote, which libcsv (strict) took for a
/// quote inside an unquoted field, so the whole file was refused as `malformed-csv` at that
/// line. docs/FORMATS.md promises such a repeated header is a `repeated-header` row. The mark
/// before a record's opening quote is now dropped, so the row is read (and rejected as the
/// repeated header it is), in every CSV reader, sequential and parallel.
@Suite("QA15: a quoted header after a byte-order mark, from files joined with cat")
struct QA15JoinedQuotedHeaderTests {
    static let mark = "\u{FEFF}"

    static func joined(_ header: String, _ first: [String], _ second: [String]) -> String {
        let part = { (rows: [String]) in mark + header + "\r\n" + rows.map { $0 + "\r\n" }.joined() }
        return part(first) + part(second)
    }

    @Test func nativeContracts() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("c.csv", Self.joined(#""contract_id","vendor_name""#, [#""C1","Acme""#], [#""C2","Beta""#]))
        let result = try NativeCSVImporter.contracts(path: path)
        #expect(result.records.map(\.id) == ["C1", "C2"])
        #expect(result.summary.rejectedByReason == ["repeated-header": 1], "\(result.findings)")
        #expect(result.findings.first { $0.code == "repeated-header" }?.location?.line == 3)
    }

    @Test func nativeLinksAndUSAspending() throws {
        let scratch = TemporaryDirectory()
        let links = try NativeCSVImporter.links(path: scratch.file("l.csv", Self.joined(#""buyer_id","supplier_id""#, [#""A","B""#], [#""B","C""#])))
        #expect(links.records.map(\.supplierID) == ["B", "C"])
        #expect(links.summary.rejectedByReason == ["repeated-header": 1], "\(links.findings)")
        let header = #""contract_award_unique_key","recipient_name","total_obligated_amount""#
        let awards = try USAspendingContracts.contracts(path: scratch.file("u.csv", Self.joined(header, [#""K1","Acme","1,000.00""#], [#""K2","Beta","5""#])))
        #expect(awards.records.map(\.id) == ["K1", "K2"])
        #expect(awards.summary.rejectedByReason == ["repeated-header": 1], "\(awards.findings)")
    }

    @Test func parallelReadingAgrees() throws {
        let scratch = TemporaryDirectory()
        var text = ""
        for part in 0..<6 {
            text += Self.mark + #""supplier_id","name""# + "\n"
            for k in 0..<40 { text += "\"S\(part)-\(k)\",\"Name \(k)\"\n" }
        }
        let path = scratch.file("s.csv", text)
        let sequential = try NativeCSVImporter.suppliers(path: path)
        var options = ImportOptions(parallelThreshold: 0)
        options.workers = 3
        options.parallelChunkBytes = 256
        let parallel = try NativeCSVImporter.suppliers(path: path, options: options)
        #expect(sequential.records.count == 240)
        #expect(sequential.summary.rejectedByReason == ["repeated-header": 5])
        #expect(parallel.records.map(\.id) == sequential.records.map(\.id))
        #expect(parallel.findings.map(\.description) == sequential.findings.map(\.description))
    }

    /// A mark inside a record, or before a quote that is not a record's first field, is still
    /// malformed: only the joined-files case is read.
    @Test(arguments: ["\"C1\",x\u{FEFF}\"Acme\"\r\n", "x\u{FEFF}\"C1\",\"Acme\"\r\n"])
    func otherMisplacedQuotesStillStopTheFile(_ row: String) throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("c.csv", "contract_id,vendor_name\r\n" + row)
        let error = #expect(throws: InputError.self) { try NativeCSVImporter.contracts(path: path) }
        #expect(error?.code == "malformed-csv")
    }
}
