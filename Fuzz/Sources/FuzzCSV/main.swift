import FuzzSupport
import Foundation
import Importers

/// libFuzzer entry point: the CSV tables, read sequentially and in parallel chunks (which
/// must agree), with small limits so the caps are exercised too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = ScratchInput.write(data, size, name: "input.csv")
    let small = ImportOptions(limits: ImportLimits(maxFieldBytes: 512, maxColumns: 64, maxRecords: 200, maxXMLDepth: 16))
    ScratchInput.expectingInputErrors { _ = try NativeCSVImporter.suppliers(path: path) }
    ScratchInput.expectingInputErrors { _ = try NativeCSVImporter.links(path: path, options: small) }
    ScratchInput.expectingInputErrors { _ = try NativeCSVImporter.contracts(path: path) }
    ScratchInput.expectingInputErrors { _ = try Inputs.suppliers(path: path, format: .facilityList) }
    ScratchInput.expectingInputErrors { _ = try Inputs.contracts(paths: [path], format: .usaspending) }
    ScratchInput.expectingInputErrors { _ = try Inputs.links(path: path, format: .usaspendingSubawards) }
    ScratchInput.expectingInputErrors { _ = try Inputs.suppliers(path: path) }  // format sniffing

    // Sequential and parallel tokenising give the same records or the same error.
    var sequential = CSVReader(path: path)
    sequential.parallelThreshold = .max
    var parallel = CSVReader(path: path)
    parallel.parallelThreshold = 0
    parallel.parallelChunkBytes = 256
    parallel.workers = 2
    let a = collect(sequential), b = collect(parallel)
    if a != b { fatalError("sequential and parallel CSV parsing disagree:\n\(a.prefix(2000))\n---\n\(b.prefix(2000))") }
    return 0
}

private func collect(_ reader: CSVReader) -> String {
    var records: [CSVRecord] = []
    do {
        try reader.forEachRecord { records.append($0) }
        return "\(records)"
    } catch {
        // Records delivered before an error may differ (chunks are handed over whole); the
        // error itself may not.
        return "error: \(error)"
    }
}

exit(runLibFuzzer { data, size in fuzzCSV(data, size) })
