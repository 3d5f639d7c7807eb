// graph-bench: the Swift side of the side-by-side comparison (Benchmarks/compare_graph_core.py).
//
//   graph-bench generate --nodes N --links E --seed S --out DIR
//       writes DIR/{offsets.i64, columns.i32, shares.f64, risk.f64, marked.u8, meta.txt}
//   graph-bench run DIR [--tiers K] [--decay D] [--workers W] [--repeat R]
//       loads DIR, runs the core R times, prints one JSON line with timings and checksums
//   graph-bench build --nodes N --links E [--seed S]
//       times interning string ids and building the CSR graph from parsed records
//   graph-bench explain DIR [--sources K] [--limit N] [--tiers T] [--decay D] [--workers W] [--repeat R]
//       loads DIR, times the top-N contributing paths (PathExplainer) of K sources, prints one
//       JSON line with timings and checksums (the peer: peers/explain_peer.py)
import BenchmarkSupport
import Dispatch
import SupplyGraph
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never { BenchCommandLine.fail("graph-bench", message) }

func option(_ name: String, _ arguments: [String], default value: String? = nil) -> String {
    BenchCommandLine.option("graph-bench", name, arguments, default: value)
}

func now() -> Double { BenchCommandLine.now() }

func peakRSS() -> Int { BenchCommandLine.peakRSS() }

func writeArray<T>(_ array: [T], to path: String) {
    guard let file = fopen(path, "wb") else { fail("cannot write \(path)") }
    array.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
}

func readArray<T>(_ path: String, as: T.Type) -> [T] {
    guard let file = fopen(path, "rb") else { fail("cannot read \(path)") }
    defer { fclose(file) }
    fseek(file, 0, SEEK_END)
    let bytes = ftell(file)
    fseek(file, 0, SEEK_SET)
    let count = bytes / MemoryLayout<T>.stride
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        _ = fread(buffer.baseAddress, MemoryLayout<T>.stride, count, file)
        initialized = count
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// What the checksums need of one source's top paths (in the explainer's order).
struct PathSummary {
    var paths = 0
    var contribution = 0.0
    var best = 0.0
    var nodes = 0
    /// Σ over paths of Σ_j (j + 1) · (node_j + 1): equal only for the same nodes in the same order.
    var nodeHash = 0

    init() {}

    init(_ found: [ContributingPath]) {
        paths = found.count
        best = found.first?.contribution ?? 0
        for path in found {
            contribution += path.contribution
            nodes += path.nodes.count
            for (j, node) in path.nodes.enumerated() { nodeHash &+= (j + 1) * (node + 1) }
        }
    }
}

/// Carries the per-source result slots into the `concurrentPerform` workers. Sound because each
/// worker writes only the slots of its own sources (i ≡ worker mod workers) and nothing reads
/// them before `concurrentPerform` returns.
struct SummarySlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<PathSummary>
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate":
    let nodes = Int(option("--nodes", arguments))!
    let links = Int(option("--links", arguments))!
    let seed = UInt64(option("--seed", arguments, default: "42"))!
    let out = option("--out", arguments)
    let synthetic = SyntheticGraph(nodes: nodes, links: links, seed: seed)
    let graph = SupplyGraphBuilder.build(nodeCount: nodes, links: synthetic.links).graph
    mkdir(out, 0o755)
    writeArray(graph.rowOffsets.map(Int64.init), to: out + "/offsets.i64")
    writeArray(graph.columns, to: out + "/columns.i32")
    writeArray(graph.shares, to: out + "/shares.f64")
    writeArray(synthetic.risk, to: out + "/risk.f64")
    writeArray(synthetic.marked.map { $0 ? UInt8(1) : 0 }, to: out + "/marked.u8")
    print("{\"nodes\": \(nodes), \"links\": \(graph.linkCount)}")

case "run":
    guard arguments.count > 1 else { fail("usage: graph-bench run DIR") }
    let dir = arguments[1]
    let tiers = Int(option("--tiers", arguments, default: "6"))!
    let decay = Double(option("--decay", arguments, default: "0.8"))!
    let workers = Int(option("--workers", arguments, default: String(WorkPartition.defaultWorkers)))!
    let repeats = Int(option("--repeat", arguments, default: "5"))!
    let offsets = readArray(dir + "/offsets.i64", as: Int64.self).map(Int.init)
    let columns = readArray(dir + "/columns.i32", as: Int32.self)
    let shares = readArray(dir + "/shares.f64", as: Double.self)
    let risk0 = readArray(dir + "/risk.f64", as: Double.self)
    let marked0 = readArray(dir + "/marked.u8", as: UInt8.self).map { $0 != 0 }
    var graph = SupplyGraph(nodeCount: risk0.count, rowOffsets: offsets, columns: columns, shares: shares)
    var risk = risk0, marked = marked0
    if arguments.contains("--bfs") {
        // Experiment: renumber for locality (not timed).
        let order = graph.breadthFirstOrder()
        graph = graph.renumbered(by: order)
        risk = order.map { risk[Int($0)] }
        marked = order.map { marked[Int($0)] }
    }
    let parameters = PropagationParameters(tiers: tiers, decay: decay)
    var times: [Double] = []
    var result: PropagationResult?
    for _ in 0..<repeats {
        let t0 = now()
        result = TierPropagation.run(graph: graph, risk: risk, marked: marked, parameters: parameters, workers: workers)
        times.append(now() - t0)
    }
    let r = result!
    let linkRounds = Double(graph.linkCount * (tiers - 1))
    let nearest = (0...tiers).map { t in r.nearestTier.reduce(0) { $0 + ($1 == UInt8(t) ? 1 : 0) } }
    print("""
        {"impl": "swift-fused", "workers": \(workers), "nodes": \(graph.nodeCount), "links": \(graph.linkCount), "tiers": \(tiers), \
        "seconds": \(median(times)), "link_rounds_per_s": \(linkRounds / median(times)), \
        "checksum_exposure": \(r.exposure.reduce(0, +)), "checksum_worst": \(r.worstStrength.reduce(0, +)), \
        "checksum_x_last": \((0..<graph.nodeCount).reduce(0.0) { $0 + r.tierExposure(of: $1, tier: tiers) }), \
        "nearest_histogram": \(nearest), "peak_rss_bytes": \(peakRSS())}
        """)

case "build":
    // Interning + CSR from parsed records, as the CSV importer hands them over: the id bytes of
    // every field back to back with their end offsets, and the parsed shares.
    let nodes = Int(option("--nodes", arguments))!
    let links = Int(option("--links", arguments))!
    let seed = UInt64(option("--seed", arguments, default: "42"))!
    let workers = Int(option("--workers", arguments, default: String(WorkPartition.defaultWorkers)))!
    let synthetic = SyntheticGraph(nodes: nodes, links: links, seed: seed)
    let ids = (0..<nodes).map { Array(("S" + String($0 + 1_000_000_000, radix: 36)).utf8) }
    func flatten(_ keys: [[UInt8]]) -> (bytes: [UInt8], ends: [Int]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(keys.count)
        for key in keys {
            bytes.append(contentsOf: key)
            ends.append(bytes.count)
        }
        return (bytes, ends)
    }
    let supplierKeys = flatten(ids)
    let buyerKeys = flatten(synthetic.links.map { ids[Int($0.buyer)] })
    let linkSupplierKeys = flatten(synthetic.links.map { ids[Int($0.supplier)] })
    let shares = synthetic.links.map(\.share)
    var times: [Double] = []
    var linkCount = 0
    var phases: [String: [Double]] = [:]
    for _ in 0..<3 {
        let t0 = now()
        var interner = IDInterner(capacity: nodes)
        supplierKeys.bytes.withUnsafeBytes { raw in
            var start = 0
            for end in supplierKeys.ends {
                interner.intern(bytes: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
        }
        let t1 = now()
        let lookup = { (keys: (bytes: [UInt8], ends: [Int])) in
            keys.bytes.withUnsafeBytes { raw in keys.ends.withUnsafeBufferPointer { interner.indices(ofKeys: raw, ends: $0, workers: workers) } }
        }
        let buyers = lookup(buyerKeys)
        let suppliers = lookup(linkSupplierKeys)
        var raw = [RawLink]()
        raw.reserveCapacity(shares.count)
        for i in 0..<shares.count {
            raw.append(RawLink(buyer: buyers[i], supplier: suppliers[i], share: shares[i]))
        }
        let t2 = now()
        let graph = SupplyGraphBuilder.build(nodeCount: interner.count, links: raw).graph
        let t3 = now()
        times.append(t3 - t0)
        phases["intern_suppliers", default: []].append(t1 - t0)
        phases["lookup_links", default: []].append(t2 - t1)
        phases["csr", default: []].append(t3 - t2)
        linkCount = graph.linkCount
    }
    let phaseText = phases.keys.sorted().map { "\"\($0)\": \(median(phases[$0]!))" }.joined(separator: ", ")
    print("{\"impl\": \"swift-build\", \"nodes\": \(nodes), \"links\": \(linkCount), \"seconds\": \(median(times)), \(phaseText), \"peak_rss_bytes\": \(peakRSS())}")

case "explain":
    // Sources: every s-th node (0, s, 2s, …) with s = nodes / K; the peer picks the same.
    guard arguments.count > 1 else { fail("usage: graph-bench explain DIR") }
    let dir = arguments[1]
    let tiers = Int(option("--tiers", arguments, default: "6"))!
    let decay = Double(option("--decay", arguments, default: "0.8"))!
    let limit = Int(option("--limit", arguments, default: "5"))!
    let maxExpansions = Int(option("--max-expansions", arguments, default: "200000"))!
    let workers = max(1, Int(option("--workers", arguments, default: String(WorkPartition.defaultWorkers)))!)
    let repeats = Int(option("--repeat", arguments, default: "5"))!
    let offsets = readArray(dir + "/offsets.i64", as: Int64.self).map(Int.init)
    let columns = readArray(dir + "/columns.i32", as: Int32.self)
    let shares = readArray(dir + "/shares.f64", as: Double.self)
    let risk = readArray(dir + "/risk.f64", as: Double.self)
    let graph = SupplyGraph(nodeCount: risk.count, rowOffsets: offsets, columns: columns, shares: shares)
    let count = max(1, min(Int(option("--sources", arguments, default: "10000"))!, graph.nodeCount))
    let step = graph.nodeCount / count
    let sources = (0..<count).map { $0 * step }
    let parameters = PropagationParameters(tiers: tiers, decay: decay)
    var summaries = [PathSummary](repeating: PathSummary(), count: count)
    var times: [Double] = []
    for _ in 0..<repeats {
        let t0 = now()
        summaries.withUnsafeMutableBufferPointer { buffer in
            let slots = SummarySlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in stride(from: worker, to: count, by: workers) {
                    let found = PathExplainer.topPaths(
                        from: sources[i], graph: graph, risk: risk, parameters: parameters, limit: limit, maxExpansions: maxExpansions)
                    slots.buffer[i] = PathSummary(found)
                }
            }
        }
        times.append(now() - t0)
    }
    let seconds = median(times)
    let paths = summaries.reduce(0) { $0 + $1.paths }
    print("""
        {"impl": "swift-explainer", "workers": \(workers), "nodes": \(graph.nodeCount), "links": \(graph.linkCount), \
        "tiers": \(tiers), "limit": \(limit), "sources": \(count), "seconds": \(seconds), \
        "sources_per_s": \(Double(count) / seconds), "paths_per_s": \(Double(paths) / seconds), \
        "checksum_paths": \(paths), "checksum_contribution": \(summaries.reduce(0.0) { $0 + $1.contribution }), \
        "checksum_best": \(summaries.reduce(0.0) { $0 + $1.best }), "checksum_nodes": \(summaries.reduce(0) { $0 + $1.nodes }), \
        "checksum_node_hash": \(summaries.reduce(0) { $0 &+ $1.nodeHash }), "peak_rss_bytes": \(peakRSS())}
        """)

default:
    fail("usage: graph-bench generate|run|build|explain …")
}
