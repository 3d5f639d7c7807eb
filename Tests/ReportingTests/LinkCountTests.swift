import Foundation
import Testing
@testable import Reporting
import RiskModel

/// Every report states the same number of links: the links scored (accepted rows, before the
/// rows of one buyer–supplier pair are merged), as docs/FORMATS.md defines `summary.links`.
@Suite("Link counts across reports")
struct LinkCountTests {
    @Test func everyReportCountsTheAcceptedLinks() throws {
        let assessment = try assessNativeFiles(
            suppliers: "supplier_id,name,country\nS1,Alpha Ltd,US\nS2,Beta Ltd,DE\nS3,Gamma Ltd,FR\n",
            // The pair S1 → S2 twice: three links scored, two edges in the graph.
            links: "buyer_id,supplier_id,share\nS1,S2,0.2\nS1,S2,0.3\nS2,S3,0.5\n",
            contracts: "contract_id,vendor_id,amount\nC1,S1,1000\n")
        #expect(assessment.linkCount == 3 && assessment.graph.linkCount == 2)
        let context = ReportContext(assessment: assessment)
        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONReport.render(context).utf8)) as? [String: Any])
        #expect((json["summary"] as? [String: Any])?["links"] as? Int == 3)
        #expect(HTMLReport.render(context).contains("<div class=\"value\">3 · 3</div><div class=\"label\">suppliers · links</div>"))
        #expect(TextSummary.render(context).contains("3 links"))
    }
}
