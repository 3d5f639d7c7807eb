// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// libFuzzer targets for everything that reads untrusted bytes. A nested package so the main
// package never builds with the fuzzer runtime. Build and run from the repository root with
// `make fuzz` (FUZZ_SECONDS per target, default 60); by hand:
//   swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address
//   Fuzz/.build/release/FuzzCSV Fuzz/corpus/csv Tests/ImportersTests/Fixtures -max_total_time=60
let package = Package(
    name: "flrisk-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        // Writes one input to a scratch file (the importers read paths) and swallows the
        // typed errors every hostile input is allowed to produce.
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "Importers", package: root)]),
        // The declaration of libFuzzer's driver entry point.
        .target(name: "CFuzzDriver"),
        // Native CSV (suppliers, links, contracts), facility lists, USAspending and subawards.
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "Importers", package: root)]),
        // Native XML documents.
        .executableTarget(name: "FuzzNativeXML", dependencies: ["FuzzSupport", .product(name: "Importers", package: root)]),
        // FPDS-NG ATOM feeds.
        .executableTarget(name: "FuzzFPDS", dependencies: ["FuzzSupport", .product(name: "Importers", package: root)]),
        // Watchlists: native CSV, OpenSanctions CSV, FollowTheMoney JSON lines.
        .executableTarget(name: "FuzzWatchlist", dependencies: ["FuzzSupport", .product(name: "Importers", package: root)]),
        // The YAML model configuration (RiskModel's configuration reader).
        .executableTarget(name: "FuzzConfig", dependencies: ["FuzzSupport", .product(name: "RiskModel", package: root)]),
    ],
    swiftLanguageModes: [.v6]
)
