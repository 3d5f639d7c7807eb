import Foundation
import Testing
@testable import Reporting
import RiskModel

/// `--baseline` in the Markdown and HTML reports: a "Changes since the baseline" section with
/// the counts and the new and changed flags, capped; nothing without a baseline.
@Suite("Baseline section in Markdown and HTML")
struct BaselineSectionTests {
    static func context(new: Int = 0, changed: Int = 0, resolved: Int = 0, file: String = "prev.json") throws -> ReportContext {
        var context = try GoldenReportTests.context(GoldenReportTests.fixture.0, GoldenReportTests.fixture.1, GoldenReportTests.fixture.2)
        let f = { (i: Int, severity: String) in FlagRecord(contract: "K-\(i)", rule: "FL-GOODS", severity: severity, message: "m") }
        var diff = BaselineDiff(file: file, baseline: [], current: (0..<new).map { f($0, "low") })
        diff.changed = (0..<changed).map { (f(new + $0, "low"), f(new + $0, "high")) }
        diff.resolved = (0..<resolved).map { f(new + changed + $0, "medium") }
        context.baseline = diff
        return context
    }

    @Test func withoutABaselineThereIsNoSection() throws {
        let context = try GoldenReportTests.context(GoldenReportTests.fixture.0, GoldenReportTests.fixture.1, GoldenReportTests.fixture.2)
        #expect(!MarkdownReport.render(context).contains("Changes since the baseline"))
        #expect(!HTMLReport.render(context).contains("Changes since the baseline"))
    }

    @Test func theSectionCountsAndListsTheNewAndChangedFlags() throws {
        let context = try GoldenReportTests.fixtureWithBaseline()
        let markdown = MarkdownReport.render(context)
        #expect(markdown.contains("""
            ## Changes since the baseline

            Since the baseline `Tests/ReportingTests/Fixtures/baseline.json`: 1 new, 1 changed, 2 resolved flags.

            | Change | Contract | Rule | Severity |
            |---|---|---|---|
            | new | C-2 | FL-UNMAPPED | medium |
            | changed | C-1 | FL-EXPOSURE | high (was medium) |

            ## Review queue
            """))
        let html = HTMLReport.render(context)
        #expect(html.contains("<tr><td>new</td><td>C-2</td><td>FL-UNMAPPED</td><td><span class=\"badge sev-medium\">medium</span></td></tr>"))
        #expect(html.contains("<tr><td>changed</td><td>C-1</td><td>FL-EXPOSURE</td><td><span class=\"badge sev-high\">high</span> (was medium)</td></tr>"))
        #expect(html.range(of: "id=\"baseline\"")!.lowerBound < html.range(of: "id=\"queue\"")!.lowerBound)
    }

    /// The section sits before the queue; a baseline with no new or changed flag gives the
    /// counts alone.
    @Test func onlyResolvedFlagsGiveTheCountsAlone() throws {
        let context = try Self.context(resolved: 1)
        let markdown = MarkdownReport.render(context)
        #expect(markdown.contains("Since the baseline `prev.json`: 0 new, 0 changed, 1 resolved flag.\n\n## Review queue"))
        #expect(HTMLReport.render(context).contains("<p>Since the baseline <code>prev.json</code>: 0 new, 0 changed, 1 resolved flag.</p>\n</section>"))
    }

    /// A large queue lists `BaselineDiff.listedChanges` flags (new first) and counts the rest.
    @Test(arguments: [(60, 0, 10), (30, 25, 5), (50, 1, 1), (0, 51, 1), (50, 0, 0)])
    func aLongListIsCapped(new: Int, changed: Int, more: Int) throws {
        let context = try Self.context(new: new, changed: changed)
        let markdown = MarkdownReport.render(context)
        let html = HTMLReport.render(context)
        let listed = min(new + changed, BaselineDiff.listedChanges)
        #expect(markdown.components(separatedBy: "\n| new | ").count - 1 == min(new, listed))
        #expect(markdown.components(separatedBy: "\n| changed | ").count - 1 == listed - min(new, listed))
        #expect(html.components(separatedBy: "<tr><td>new</td>").count + html.components(separatedBy: "<tr><td>changed</td>").count - 2 == listed)
        let line = "… and \(more) more new or changed flag\(more == 1 ? "" : "s"); the JSON report lists them all."
        #expect(markdown.contains("\n" + line + "\n") == (more > 0))
        #expect(html.contains("<p>" + line + "</p>") == (more > 0))
    }

    /// Contract ids, rules and severities come from the input and the baseline file: escaped as
    /// the other sections escape them (table cells in Markdown, entities in HTML); a severity
    /// that is not one shows as text, not as a badge class.
    @Test func everythingIsEscapedAsElsewhere() throws {
        var context = try Self.context()
        let contract = "<script>x</script> | *a* [l](http://e) `t`\n- b"
        let rule = "R|<i>"
        let severity = "high\" onclick=\"x"
        let file = "prev`|<b>.json"
        var diff = BaselineDiff(file: file, baseline: [], current: [FlagRecord(contract: contract, rule: rule, severity: severity, message: "m")])
        diff.changed = [(FlagRecord(contract: contract, rule: rule, severity: "<s>", message: "a"), FlagRecord(contract: contract, rule: rule, severity: "low", message: "b"))]
        context.baseline = diff
        let markdown = MarkdownReport.render(context)
        let c = MarkdownReport.cell
        #expect(markdown.contains("Since the baseline `\(MarkdownReport.code(file))`: 1 new, 1 changed, 0 resolved flags."))
        #expect(markdown.contains("| new | \(c(contract)) | \(c(rule)) | \(c(severity)) |\n"))
        #expect(markdown.contains("| changed | \(c(contract)) | \(c(rule)) | \(c("low")) (was \(c("<s>"))) |\n"))
        #expect(!markdown.contains("<script>") && !markdown.contains("<s>"))
        let html = HTMLReport.render(context)
        let e = HTMLReport.escape
        #expect(html.contains("<p>Since the baseline <code>\(e(file))</code>: 1 new, 1 changed, 0 resolved flags.</p>"))
        #expect(html.contains("<tr><td>new</td><td>\(e(contract))</td><td>\(e(rule))</td><td>\(e(severity))</td></tr>"))
        #expect(html.contains("<td><span class=\"badge sev-low\">low</span> (was &lt;s&gt;)</td>"))
        #expect(!html.contains("<script>x") && !html.contains("onclick=\"") && !html.contains("<i>"))
    }
}
