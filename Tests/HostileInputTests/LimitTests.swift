import Foundation
import Testing
import Importers
import SupplyChainModel

/// Large hostile inputs, generated at run time, and the resource caps of ``ImportLimits``.
@Suite("Resource limits")
struct LimitTests {
    let dir = Scratch()

    @Test func tenMegabyteFieldIsRefusedWithTheCap() {
        let path = dir.stream("big_field.csv") { out in
            out.write(Data("supplier_id,name\nS1,".utf8))
            let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
            for _ in 0..<10 { out.write(block) }
            out.write(Data("\n".utf8))
        }
        let error = inputError { _ = try Inputs.suppliers(path: path) }
        #expect(error?.code == "field-too-large")
        #expect(error?.location.line == 2)
        #expect(error?.message.contains("1 MiB") == true)
    }

    @Test func tenMegabyteQuotedFieldIsRefusedToo() {
        let path = dir.stream("big_quoted.csv") { out in
            out.write(Data("supplier_id,name\nS1,\"".utf8))
            let block = Data(repeating: UInt8(ascii: "y"), count: 1 << 20)
            for _ in 0..<10 { out.write(block) }
            out.write(Data("\"\n".utf8))
        }
        #expect(inputError { _ = try Inputs.suppliers(path: path) }?.code == "field-too-large")
    }

    @Test func theFieldCapIsConfigurable() throws {
        let path = dir.file("s.csv", "supplier_id,name\nS1,\(String(repeating: "z", count: 2000))\n")
        #expect(inputError { _ = try Inputs.suppliers(path: path, options: ImportOptions(limits: ImportLimits(maxFieldBytes: 1000))) }?.code == "field-too-large")
        #expect(try Inputs.suppliers(path: path).records.count == 1)
    }

    /// A header of a million columns: refused at the 10 000-column cap, after reading only
    /// the first megabytes. (Reading it all is possible with the cap lifted, see below.)
    @Test func millionColumnRowIsRefusedAtTheColumnCap() {
        let path = dir.stream("wide.csv") { out in
            out.write(Data(("supplier_id,name" + String(repeating: ",c", count: 1_000_000) + "\nS1,Acme\n").utf8))
        }
        let error = inputError { _ = try Inputs.suppliers(path: path) }
        #expect(error?.code == "too-many-columns")
        #expect(error?.location.line == 1)
        #expect(error?.message.contains("10000") == true)
    }

    @Test func millionColumnRowReadsWhenTheCapIsLifted() throws {
        let path = dir.stream("wide.csv") { out in
            out.write(Data(("a" + String(repeating: ",b", count: 999_999) + "\n").utf8))
        }
        var reader = CSVReader(path: path)
        reader.limits.maxColumns = 2_000_000
        var widths: [Int] = []
        try reader.forEachRecord { widths.append($0.fields.count) }
        #expect(widths == [1_000_000])
    }

    @Test func recordCapStopsAFileWithTooManyRows() {
        let path = dir.file("s.csv", "supplier_id,name\n" + (1...50).map { "S\($0),N\n" }.joined())
        let error = inputError { _ = try Inputs.suppliers(path: path, options: ImportOptions(limits: ImportLimits(maxRecords: 20))) }
        #expect(error?.code == "too-many-records")
        #expect(error?.location.line == 21)
    }

    @Test func recordCapAppliesToParallelParsingToo() {
        let path = dir.file("s.csv", "supplier_id,name\n" + (1...5000).map { "S\($0),N\n" }.joined())
        var options = ImportOptions(parallelThreshold: 1024, limits: ImportLimits(maxRecords: 4000))
        options.parallelThreshold = 1024
        #expect(inputError { _ = try Inputs.suppliers(path: path, options: options) }?.code == "too-many-records")
    }

    @Test func deeplyNestedXMLStopsAtTheDepthCap() throws {
        let depth = 100_000
        let path = dir.stream("deep.xml") { out in
            out.write(Data("<flrisk xmlns=\"urn:flrisk:native:1\">".utf8))
            out.write(Data(String(repeating: "<a>", count: depth).utf8))
            out.write(Data(String(repeating: "</a>", count: depth).utf8))
            out.write(Data("</flrisk>".utf8))
        }
        #expect(inputError { _ = try Inputs.suppliers(path: path) }?.code == "xml-too-deep")
        // Without flrisk's cap the SAX stream still copes (no recursion, no tree): no records.
        let unlimited = try NativeXML.read(path: path, limits: .unlimited)
        #expect(unlimited.suppliers.records.isEmpty)
    }

    @Test func deeplyNestedFPDSStopsAtTheDepthCap() {
        let path = dir.file("deep.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\">" + String(repeating: "<entry>", count: 70) + String(repeating: "</entry>", count: 70) + "</feed>")
        #expect(inputError { _ = try Inputs.contracts(paths: [path]) }?.code == "xml-too-deep")
    }

    @Test func tenMegabyteXMLTextIsRefused() {
        let path = dir.stream("bigtext.xml") { out in
            out.write(Data("<flrisk xmlns=\"urn:flrisk:native:1\"><suppliers><supplier><supplier_id>S1</supplier_id><name>".utf8))
            let block = Data(repeating: UInt8(ascii: "n"), count: 1 << 20)
            for _ in 0..<10 { out.write(block) }
            out.write(Data("</name></supplier></suppliers></flrisk>".utf8))
        }
        #expect(inputError { _ = try Inputs.suppliers(path: path) }?.code == "field-too-large")
    }

    @Test func hugeAttributeIsRefused() {
        let path = dir.file("attr.xml", "<flrisk xmlns=\"urn:flrisk:native:1\" x=\"\(String(repeating: "q", count: 5000))\"/>")
        let limits = ImportLimits(maxFieldBytes: 4096)
        #expect(inputError { _ = try NativeXML.read(path: path, limits: limits) }?.code == "field-too-large")
    }

    @Test func tenMegabyteJSONLineIsRefused() {
        let path = dir.stream("big.json") { out in
            out.write(Data("{\"id\":\"e1\",\"schema\":\"Company\",\"caption\":\"".utf8))
            let block = Data(repeating: UInt8(ascii: "j"), count: 1 << 20)
            for _ in 0..<10 { out.write(block) }
            out.write(Data("\"}\n".utf8))
        }
        let error = inputError { _ = try Inputs.watchlist(path: path) }
        #expect(error?.code == "field-too-large")
        #expect(error?.location.line == 1)
    }

    @Test func deeplyNestedJSONLineIsRejectedNotACrash() throws {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let path = dir.file("deep.json", "{\"id\":\"e1\",\"schema\":\"Company\",\"caption\":\"A\"}\n{\"id\":\"e2\",\"schema\":\"Company\",\"x\":\(nested)}\n")
        let result = try Inputs.watchlist(path: path)
        #expect(result.summary.accepted == 1)
        #expect(result.summary.rejectedByReason == ["invalid-json": 1])
    }
}
