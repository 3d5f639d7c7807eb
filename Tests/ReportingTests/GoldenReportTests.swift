import Foundation
import Testing
import Importers
import Reporting
import RiskModel
import SupplyChainModel

/// Golden files: the reports of a small fixture (with hostile names) and of the demo data set
/// must match the committed files byte for byte. Set FLRISK_UPDATE_GOLDEN=1 to rewrite them
/// after an intended change, and review the diff.
@Suite("Golden reports")
struct GoldenReportTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent()

    /// Scores three CSV files named relative to the project root (so reports show stable paths).
    static func context(_ suppliers: String, _ links: String, _ contracts: String, workers: Int = 2) throws -> ReportContext {
        func relabel<R>(_ result: ImportResult<R>, _ name: String, _ move: (inout R, String) -> Void) -> ImportResult<R> {
            var result = result
            result.summary.file = name
            for i in result.records.indices { move(&result.records[i], name) }
            for i in result.findings.indices where result.findings[i].location != nil { result.findings[i].location!.file = name }
            return result
        }
        let path = { (name: String) in root.appendingPathComponent(name).path }
        let s = relabel(try NativeCSVImporter.suppliers(path: path(suppliers)), suppliers) { $0.location.file = $1 }
        let l = relabel(try NativeCSVImporter.links(path: path(links)), links) { $0.location.file = $1 }
        let c = relabel(try NativeCSVImporter.contracts(path: path(contracts)), contracts) { $0.location.file = $1 }
        var parameters = ScoringParameters()
        parameters.workers = workers
        return ReportContext(assessment: Assessor(parameters: parameters).assess(suppliers: s, links: l, contracts: c))
    }

    static func check(_ text: String, golden name: String) throws {
        let url = here.appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["FLRISK_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from the golden file; rerun with FLRISK_UPDATE_GOLDEN=1 if the change is intended")
    }

    static let fixture = ("Tests/ReportingTests/Fixtures/suppliers.csv", "Tests/ReportingTests/Fixtures/links.csv", "Tests/ReportingTests/Fixtures/contracts.csv")
    static let demo = ("Datasets/demo/suppliers.csv", "Datasets/demo/links.csv", "Datasets/demo/contracts.csv")

    /// A hand-written previous report of the fixture: one flag unchanged (C-1 FL-ENTITY), one
    /// with another severity and message (C-1 FL-EXPOSURE), two gone (C-3 FL-GOODS, and a
    /// contract no longer in the input, with markup in its id and message); C-2 FL-UNMAPPED is new.
    static let baselineFile = "Tests/ReportingTests/Fixtures/baseline.json"

    /// The fixture scored against ``baselineFile``.
    static func fixtureWithBaseline() throws -> ReportContext {
        var context = try Self.context(Self.fixture.0, Self.fixture.1, Self.fixture.2)
        let before = try BaselineDiff.flags(inReport: root.appendingPathComponent(baselineFile).path)
        context.baseline = BaselineDiff(file: baselineFile, baseline: before, current: BaselineDiff.flags(of: context.assessment))
        return context
    }

    @Test func fixtureSARIFWithBaseline() throws {
        try Self.check(SARIFReport.render(Self.fixtureWithBaseline()), golden: "fixture-baseline.sarif")
    }

    @Test func fixtureMarkdownWithBaseline() throws {
        try Self.check(MarkdownReport.render(Self.fixtureWithBaseline()), golden: "fixture-baseline.md")
    }

    @Test func fixtureHTMLWithBaseline() throws {
        try Self.check(HTMLReport.render(Self.fixtureWithBaseline()), golden: "fixture-baseline.html")
    }

    @Test func fixtureJSON() throws {
        try Self.check(JSONReport.render(Self.context(Self.fixture.0, Self.fixture.1, Self.fixture.2)), golden: "fixture.json")
    }

    @Test func fixtureMarkdown() throws {
        try Self.check(MarkdownReport.render(Self.context(Self.fixture.0, Self.fixture.1, Self.fixture.2)), golden: "fixture.md")
    }

    @Test func demoJSON() throws {
        try Self.check(JSONReport.render(Self.context(Self.demo.0, Self.demo.1, Self.demo.2)), golden: "demo.json")
    }

    @Test func demoMarkdown() throws {
        try Self.check(MarkdownReport.render(Self.context(Self.demo.0, Self.demo.1, Self.demo.2)), golden: "demo.md")
    }

    /// Every other format, on both data sets.
    @Test(arguments: ["csv", "sarif", "html"])
    func fixtureAndDemoInEveryFormat(format: String) throws {
        let render: (ReportContext) -> String = switch format {
        case "csv": CSVReport.render
        case "sarif": SARIFReport.render
        default: HTMLReport.render
        }
        try Self.check(render(Self.context(Self.fixture.0, Self.fixture.1, Self.fixture.2)), golden: "fixture.\(format)")
        try Self.check(render(Self.context(Self.demo.0, Self.demo.1, Self.demo.2)), golden: "demo.\(format)")
    }

    @Test(arguments: [1, 3, 8])
    func reportsDoNotDependOnWorkers(workers: Int) throws {
        let one = try Self.context(Self.demo.0, Self.demo.1, Self.demo.2, workers: workers)
        let two = try Self.context(Self.demo.0, Self.demo.1, Self.demo.2, workers: 2)
        #expect(JSONReport.render(one) == JSONReport.render(two))
        #expect(HTMLReport.render(one) == HTMLReport.render(two))
        #expect(SARIFReport.render(one) == SARIFReport.render(two))
        #expect(CSVReport.render(one) == CSVReport.render(two))
    }

    /// The streamed CSV queue (written a piece of contracts at a time) is the rendered one,
    /// whatever the piece size and the worker count.
    @Test(arguments: [(1, 1), (2, 2), (3, 8), (CSVReport.defaultPieceSize, 2)])
    func streamedCSVEqualsRendered(pieceSize: Int, workers: Int) throws {
        for data in [Self.fixture, Self.demo] {
            let context = try Self.context(data.0, data.1, data.2, workers: workers)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("flrisk-stream-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try AtomicFile.write(to: path) { (file: inout AtomicFile.Writer) throws(OutputError) in
                try CSVReport.write(context, to: &file, pieceSize: pieceSize)
            }
            let streamed = try String(contentsOfFile: path, encoding: .utf8)
            #expect(streamed == CSVReport.render(context))
            #expect(streamed.split(separator: "\r\n").count > 2)
        }
    }

    @Test func jsonIsValidAndHasTheDocumentedFields() throws {
        let text = JSONReport.render(try Self.context(Self.fixture.0, Self.fixture.1, Self.fixture.2))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(object["schema_version"] as? Int == 1)
        for key in ["parameters", "inputs", "suppliers", "contracts", "summary", "findings", "reference"] { #expect(object[key] != nil, "\(key)") }
        let supplier = (object["suppliers"] as! [[String: Any]])[0]
        for key in ["id", "name", "country", "intrinsic_risk", "tier_exposure", "exposure", "worst_path", "nearest_flagged_tier"] {
            #expect(supplier.keys.contains(key), "\(key)")
        }
        #expect((supplier["tier_exposure"] as! [Any]).count == 6)
        let contract = (object["contracts"] as! [[String: Any]])[0]
        for key in ["id", "vendor_id", "amount", "flagged", "severity", "reasons"] { #expect(contract.keys.contains(key), "\(key)") }
    }
}
