// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "flrisk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flrisk", targets: ["flrisk"]),
        .library(name: "SupplyGraph", targets: ["SupplyGraph"]),
        // Importers is a product for the nested Benchmarks/ and Fuzz/ packages.
        .library(name: "Importers", targets: ["Importers"]),
        .library(name: "RiskModel", targets: ["RiskModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, wrapped once by Importers.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        // Value types of the domain; no dependencies.
        .target(name: "SupplyChainModel"),
        // Streaming readers for every input format; the only users of the C libraries.
        .target(name: "Importers", dependencies: ["SupplyChainModel", "CLibCSV", "CLibXML2", "CPrefetch"]),
        // Domain-free graph core: interning, CSR arrays, propagation on Dispatch workers.
        .target(name: "SupplyGraph", dependencies: ["CPrefetch"]),
        // One compiler intrinsic (cache prefetch) for the propagation core's gather loop, the
        // importers' id tables and the report writers' walk over the queue.
        .target(name: "CPrefetch"),
        // Reference data, intrinsic risk, exposure analysis and review rules.
        .target(
            name: "RiskModel",
            dependencies: ["SupplyChainModel", "SupplyGraph", "Importers", "CPrefetch", .product(name: "Yams", package: "Yams")]),
        // Seeded synthetic supply chains written as native CSV/XML (`flrisk generate`).
        .target(name: "SyntheticSupplyChain", dependencies: ["SupplyChainModel", "RiskModel"]),
        // Review queue -> JSON / Markdown / CSV / HTML / SARIF, explanations, baseline diffs.
        .target(name: "Reporting", dependencies: ["SupplyChainModel", "RiskModel", "SupplyGraph", "CPrefetch"]),
        // The thin command-line front end.
        .executableTarget(
            name: "flrisk",
            dependencies: [
                "SupplyChainModel", "Importers", "RiskModel", "Reporting", "SyntheticSupplyChain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Seeded generator and scratch directories shared by the test targets.
        .target(name: "FlriskTestSupport", path: "Tests/FlriskTestSupport"),
        .testTarget(name: "SupplyGraphTests", dependencies: ["SupplyGraph", "FlriskTestSupport"]),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "SupplyChainModel", "FlriskTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "RiskModelTests", dependencies: ["RiskModel", "SupplyGraph", "Importers", "FlriskTestSupport"]),
        .testTarget(
            name: "ReportingTests", dependencies: ["Reporting", "RiskModel", "Importers", "FlriskTestSupport"],
            exclude: ["Golden", "Fixtures"]),
        .testTarget(
            name: "SyntheticSupplyChainTests",
            dependencies: ["SyntheticSupplyChain", "Importers", "RiskModel", "SupplyChainModel", "FlriskTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["flrisk", "FlriskTestSupport"]),
        // Hostile files and resource limits; large inputs are generated at run time.
        .testTarget(name: "HostileInputTests", dependencies: ["Importers", "SupplyChainModel", "RiskModel", "FlriskTestSupport"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
