import Foundation
import Testing
import Importers
import RiskModel
import SupplyChainModel

/// Inputs that crashed or hung a fuzz target once (Corpus/fuzz/<target>/), replayed through the
/// same entry points. Each must end in records or a typed error.
@Suite("Fuzzing regressions")
struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [String] {
        let folder = Corpus.directory.appendingPathComponent("fuzz").appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Runs `body`; only an ``InputError`` may escape.
    func expectOrdinary(_ path: String, _ body: () throws -> Void) {
        do { try body() } catch is InputError {} catch { Issue.record("\(path): unexpected \(error)") }
    }

    @Test func csvInputs() {
        for path in Self.inputs("FuzzCSV") {
            expectOrdinary(path) { _ = try NativeCSVImporter.suppliers(path: path) }
            expectOrdinary(path) { _ = try NativeCSVImporter.links(path: path) }
            expectOrdinary(path) { _ = try NativeCSVImporter.contracts(path: path) }
            expectOrdinary(path) { _ = try Inputs.suppliers(path: path, format: .facilityList) }
            expectOrdinary(path) { _ = try Inputs.contracts(paths: [path], format: .usaspending) }
            expectOrdinary(path) { _ = try Inputs.links(path: path, format: .usaspendingSubawards) }
        }
    }

    @Test func xmlInputs() {
        for path in Self.inputs("FuzzNativeXML") + Self.inputs("FuzzFPDS") {
            expectOrdinary(path) { _ = try NativeXML.read(path: path) }
            expectOrdinary(path) { _ = try FPDSFeed.contracts(path: path) }
        }
    }

    @Test func watchlistInputs() {
        for path in Self.inputs("FuzzWatchlist") {
            expectOrdinary(path) { _ = try WatchlistCSV.native(path: path) }
            expectOrdinary(path) { _ = try WatchlistCSV.openSanctions(path: path) }
            expectOrdinary(path) { _ = try FollowTheMoney.entries(path: path) }
        }
    }

    @Test func configurationInputs() throws {
        for path in Self.inputs("FuzzConfig") {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            _ = try? ModelConfiguration.parse(String(decoding: data, as: UTF8.self), file: path)
        }
    }
}
