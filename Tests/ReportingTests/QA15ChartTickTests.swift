import Testing
@testable import Reporting

/// The HTML charts' axis labels. The half line of a count axis was labelled with the half
/// rounded (a top of 3 had its half line, at 1.5, labelled "2"), and a small exposure axis
/// (top 0.01, as when no vendor is exposed) had two ticks both labelled "0.01".
@Suite("QA15: chart axis labels")
struct QA15ChartTickTests {
    /// The tick labels of a chart, in order.
    static func ticks(_ svg: String) -> [String] {
        svg.components(separatedBy: "class=\"tick\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    static func bars(_ values: [Double]) -> [(label: String, value: Double, text: String, color: String)] {
        values.enumerated().map { (label: "b\($0.offset)", value: $0.element, text: "", color: "#000") }
    }

    @Test(arguments: [(3.0, ["3"]), (4.0, ["2", "4"]), (1.0, ["1"]), (7.0, ["7"]), (10.0, ["5", "10"])])
    func aCountAxisIsLabelledWithWholeNumbers(top: Double, labels: [String]) {
        let svg = HTMLReport.barChart(Self.bars([top]), maxValue: top, axis: "x", counts: true)
        #expect(Self.ticks(svg).prefix(labels.count) == labels[...])
    }

    @Test(arguments: [(0.01, ["0.005", "0.010"]), (0.5, ["0.25", "0.50"]), (0.1, ["0.050", "0.100"])])
    func aValueAxisHasDistinctTicks(top: Double, labels: [String]) {
        let svg = HTMLReport.barChart(Self.bars([0]), maxValue: top, axis: "x")
        #expect(Self.ticks(svg).prefix(labels.count) == labels[...])
    }
}
