import Foundation
import Testing
@testable import Reporting
import RiskModel

/// CSV injection, HTML escaping and SARIF structure, with hostile vendor names.
@Suite("CSV, HTML and SARIF outputs")
struct OutputFormatTests {
    static let hostile = [
        "<script>alert(1)</script>", "\"quoted\" 'single'", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR",
        "Bell\u{7}Null\u{0}", "Right\u{202E}Left", "a & b > c",
    ]

    @Test(arguments: hostile)
    func csvCellsCannotRunAsFormulas(name: String) {
        let cell = CSVReport.text(name)
        #expect(cell.hasPrefix("\"") && cell.hasSuffix("\""))
        let inner = String(cell.dropFirst().dropLast())
        if let first = name.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { #expect(inner.hasPrefix("'")) }
        #expect(!inner.contains("\r") && !inner.contains("\n") && !inner.contains("\t") && !inner.contains("\u{202E}") && !inner.contains("\u{0}"))
        // Quotes are doubled: removing the pairs leaves no quote.
        #expect(!inner.replacingOccurrences(of: "\"\"", with: "").contains("\""))
    }

    @Test(arguments: hostile)
    func htmlTextCannotOpenTagsOrAttributes(name: String) {
        let safe = HTMLReport.escape(name)
        for bad in ["<", ">", "\"", "'", "\u{202E}", "\u{7}", "\u{0}", "\r"] { #expect(!safe.contains(bad), "\(bad)") }
        if name.contains("&") { #expect(safe.contains("&amp;")) }
    }

    /// The fixture has `<script>`, `=HYPERLINK(...)`, pipes and U+202E in supplier names.
    @Test func fixtureReportsCarryNoLiveMarkupOrFormulas() throws {
        let context = try GoldenReportTests.context(GoldenReportTests.fixture.0, GoldenReportTests.fixture.1, GoldenReportTests.fixture.2)
        let html = HTMLReport.render(context)
        #expect(html.components(separatedBy: "<script>").count == 2, "only the report's own script")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("\u{202E}"))
        let csv = CSVReport.render(context)
        #expect(!csv.contains(",\"=") && !csv.contains(",\"+") && !csv.contains(",\"@"))
        #expect(csv.contains("'=HYPERLINK") || !csv.contains("HYPERLINK"))
    }

    /// The required properties of SARIF 2.1.0 (sarif-schema-2.1.0.json): sarifLog {version, runs},
    /// run {tool}, tool {driver}, toolComponent {name}, reportingDescriptor {id}, result {message},
    /// message {text}, region startLine ≥ 1, level in the enum, ruleIndex pointing at ruleId.
    @Test func sarifHasTheRequiredStructure() throws {
        let context = try GoldenReportTests.context(GoldenReportTests.demo.0, GoldenReportTests.demo.1, GoldenReportTests.demo.2)
        let log = try JSONSerialization.jsonObject(with: Data(SARIFReport.render(context).utf8)) as! [String: Any]
        #expect(log["version"] as? String == "2.1.0" && (log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "flrisk")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleID.allCases.map(\.rawValue))
        for rule in rules { #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false) }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        let flags = context.assessment.contracts.reduce(0) { $0 + $1.flags.count }
        #expect(results.count == flags && flags > 0)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleID)
            #expect(["none", "note", "warning", "error"].contains(result["level"] as? String ?? ""))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Datasets/demo/contracts.csv")
            #expect(((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 2)
        }
    }

    @Test(arguments: [("a b/c.csv", "a%20b/c.csv"), ("/tmp/x.csv", "file:///tmp/x.csv"), ("dé.csv", "d%C3%A9.csv")])
    func sarifURIsAreEncoded(path: String, uri: String) { #expect(SARIFReport.uri(path) == uri) }

    @Test func sarifLevels() {
        #expect(Severity.allCases.map(SARIFReport.level) == ["note", "note", "warning", "error"])
    }
}
