// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// The benchmark suite: a nested package so the main package never depends on the benchmark
// harness. Run from this folder: `swift package benchmark` (package-benchmark), or
// `python3 compare_graph_core.py` for the side-by-side run against scipy/numpy.
let package = Package(
    name: "flrisk-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Synthetic supply graphs shared by the benchmarks and the side-by-side driver.
        .target(name: "BenchmarkSupport", dependencies: [.product(name: "SupplyGraph", package: root)], path: "BenchmarkSupport"),
        // package-benchmark suite: graph build and the propagation core at 10^4 … 10^7 links.
        .executableTarget(
            name: "GraphBenchmarks",
            dependencies: [
                "BenchmarkSupport", .product(name: "SupplyGraph", package: root),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "GraphBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
        // Plain driver for the side-by-side comparison: writes graphs for the Python peers and
        // times the Swift core on the same files.
        .executableTarget(
            name: "graph-bench",
            dependencies: ["BenchmarkSupport", .product(name: "SupplyGraph", package: root)],
            path: "graph-bench"),
        // Ingest side of the side-by-side comparison: writes CSV / FPDS XML inputs and times the
        // importers on them (compare_ingest.py).
        .executableTarget(
            name: "ingest-bench",
            dependencies: ["BenchmarkSupport", .product(name: "Importers", package: root), .product(name: "SupplyGraph", package: root)],
            path: "ingest-bench"),
    ],
    swiftLanguageModes: [.v6]
)
