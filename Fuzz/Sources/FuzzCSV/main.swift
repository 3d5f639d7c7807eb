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

    // The links table reader (the path `flrisk score` takes), sequential and in small parallel
    // chunks: the same counts, findings and links, or the same error. Ids of one or two bytes are
    // "known", so that rows are both accepted and rejected as unknown. Default limits, as for
    // the tokenising comparison below (with a small record cap, which error comes first may
    // depend on the chunking).
    var chunked = ImportOptions(parallelThreshold: 0)
    chunked.parallelChunkBytes = 256
    chunked.workers = 2
    let tables = [ImportOptions(parallelThreshold: .max), chunked].map { options -> String in
        do {
            let read = try NativeCSVImporter.linkTable(path: path, options: options, supplier: knownShortIDs)
            let s = read.summary
            let counts = "\(s.read) \(s.accepted) \(s.rejected) \(s.blank) \(s.rejectedByReason.sorted { $0.key < $1.key })"
            return "\(counts) \(read.findings) \(read.table.buyers) \(read.table.suppliers) \(read.table.shares) \(read.table.lines)"
        } catch {
            return "error: \(error)"
        }
    }
    if tables[0] != tables[1] { fatalError("sequential and parallel link tables disagree:\n\(tables[0].prefix(2000))\n---\n\(tables[1].prefix(2000))") }

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

/// Ids of one or two bytes are suppliers (their position is the bytes' value).
private let knownShortIDs: SupplierLookup = { keys, ends in
    ends.indices.map { i in
        let key = keys[(i == 0 ? 0 : ends[i - 1])..<ends[i]]
        return key.count <= 2 ? Int32(key.reduce(0) { $0 * 256 + Int($1) }) : -1
    }
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
