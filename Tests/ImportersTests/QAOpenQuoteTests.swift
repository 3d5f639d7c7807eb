import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// A quote left open in one row is usually found rows later, where the next quote closes the
/// runaway field and a letter follows it. The error then also names the line where the quoted
/// field began, where the mistake is. Before, only the later line was named.
@Suite("QA: malformed CSV names where a runaway quoted field began")
struct QAOpenQuoteTests {
    static let text = "supplier_id,name,country\nA,Acme,US\nB,\"Bad quote,US\nC,Plain,DE\nD,\"multi\nline\",CN\n"

    @Test func errorNamesTheOpeningLine() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("s.csv", Self.text)
        let error = #expect(throws: InputError.self) { try NativeCSVImporter.suppliers(path: path) }
        #expect(error?.code == "malformed-csv")
        #expect(error?.location.line == 5)
        #expect(error?.message.contains("the quoted field began at line 3") == true, "\(String(describing: error?.message))")
    }

    @Test func sameErrorInParallelChunks() throws {
        let scratch = TemporaryDirectory()
        var text = "supplier_id,name,country\n"
        for i in 0..<3000 { text += "S\(i),Name \(i),US\n" }
        text += "X,\"Bad quote,US\n"
        for i in 0..<3000 { text += i == 10 ? "M,\"multi\nline\",CN\n" : "T\(i),Other \(i),DE\n" }
        let path = scratch.file("s.csv", text)
        var sequential = ImportOptions()
        sequential.parallelThreshold = .max
        var parallel = ImportOptions(parallelThreshold: 0)
        parallel.parallelChunkBytes = 4096
        parallel.workers = 4
        let one = #expect(throws: InputError.self) { try NativeCSVImporter.suppliers(path: path, options: sequential) }
        let many = #expect(throws: InputError.self) { try NativeCSVImporter.suppliers(path: path, options: parallel) }
        #expect(one?.message.contains("the quoted field began at line 3002") == true, "\(String(describing: one?.message))")
        #expect(one?.description == many?.description)
    }

    @Test func oneLineFieldKeepsTheShortMessage() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("s.csv", "supplier_id,name\nA,\"x\"y\n")
        let error = #expect(throws: InputError.self) { try NativeCSVImporter.suppliers(path: path) }
        #expect(error?.message.contains("began at line") == false)
    }
}
