import Foundation
import RiskModel

/// Inline SVG: the two charts and the supply-path drawings of the HTML report.
extension HTMLReport {
    /// Fill colour of a risk value: green, amber, orange, red.
    static func riskColor(_ r: Double) -> String {
        r >= 0.7 ? "#c62828" : r >= 0.35 ? "#ef6c00" : r >= 0.15 ? "#f9a825" : "#2e7d32"
    }

    /// A bar chart: values with labels, value texts over the bars.
    static func barChart(_ bars: [(label: String, value: Double, text: String, color: String)], maxValue: Double, axis: String, counts: Bool = false) -> String {
        let width = 520.0, height = 240.0, left = 44.0, right = 12.0, top = 18.0, bottom = 44.0
        let plotW = width - left - right, plotH = height - top - bottom
        let step = plotW / Double(max(1, bars.count))
        let top1 = maxValue > 0 ? maxValue : 1
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\">"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotH)\" x2=\"\(width - right)\" y2=\"\(top + plotH)\" stroke=\"#888\"/>"
        // A count's half line only where it is a whole number (the half of 3 was labelled "2"),
        // and values with the decimals their half needs (a top of 0.01 had two "0.01" ticks).
        let halfLine = counts ? top1.truncatingRemainder(dividingBy: 2) == 0 : true
        let digits = counts ? 0 : top1 / 2 < 0.1 ? 3 : 2
        for fraction in halfLine ? [0.5, 1.0] : [1.0] {
            let y = top + plotH * (1 - fraction)
            svg += "<line x1=\"\(left)\" y1=\"\(Formatting.fixed(y, 1))\" x2=\"\(width - right)\" y2=\"\(Formatting.fixed(y, 1))\" stroke=\"#ddd\" stroke-dasharray=\"3 3\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(Formatting.fixed(y + 4, 1))\" text-anchor=\"end\" class=\"tick\">\(Formatting.fixed(top1 * fraction, digits))</text>"
        }
        for (i, bar) in bars.enumerated() {
            let h = plotH * max(0, bar.value) / top1
            let x = left + Double(i) * step + step * 0.12
            let w = step * 0.76
            let y = top + plotH - h
            svg += "<rect x=\"\(Formatting.fixed(x, 1))\" y=\"\(Formatting.fixed(y, 1))\" width=\"\(Formatting.fixed(w, 1))\" height=\"\(Formatting.fixed(h, 1))\" fill=\"\(bar.color)\" rx=\"2\"><title>\(escape(bar.label)): \(escape(bar.text))</title></rect>"
            svg += "<text x=\"\(Formatting.fixed(x + w / 2, 1))\" y=\"\(Formatting.fixed(y - 4, 1))\" text-anchor=\"middle\" class=\"val\">\(escape(bar.text))</text>"
            svg += "<text x=\"\(Formatting.fixed(x + w / 2, 1))\" y=\"\(Formatting.fixed(top + plotH + 16, 1))\" text-anchor=\"middle\" class=\"tick\">\(escape(bar.label))</text>"
        }
        svg += "<text x=\"\(Formatting.fixed(left + plotW / 2, 1))\" y=\"\(Int(height - 6))\" text-anchor=\"middle\" class=\"axis\">\(escape(axis))</text>"
        return svg + "</svg>"
    }

    /// Suppliers per intrinsic-risk decile.
    static func riskHistogram(_ a: Assessment) -> String {
        var counts = [Int](repeating: 0, count: 10)
        // By index: iterating the suppliers would copy every assessment.
        for u in a.suppliers.indices { counts[min(9, max(0, Int(a.suppliers[u].risk.value * 10)))] += 1 }
        let bars = counts.enumerated().map { i, n in
            (label: Formatting.fixed(Double(i) / 10, 1), value: Double(n), text: "\(n)", color: riskColor((Double(i) + 0.5) / 10))
        }
        return barChart(bars, maxValue: Double(counts.max() ?? 1), axis: "intrinsic risk r (lower bound of each tenth)", counts: true)
    }

    /// Mean tier exposure X_k over the distinct vendors of the contracts.
    static func tierChart(_ a: Assessment) -> String {
        // Distinct vendors in first-seen order (the order the means are summed in), found with
        // one mark per supplier: a search of the list per contract was quadratic.
        var vendors: [Int] = []
        var seen = [Bool](repeating: false, count: a.suppliers.count)
        for k in a.contracts.indices {
            if let v = a.contracts[k].vendor, !seen[v] {
                seen[v] = true
                vendors.append(v)
            }
        }
        let k = a.parameters.tiers
        var means = [Double](repeating: 0, count: k)
        for v in vendors { for (i, x) in a.suppliers[v].tierExposure.prefix(k).enumerated() { means[i] += x / Double(vendors.count) } }
        let bars = means.enumerated().map { i, m in
            (label: i == 0 ? "vendor" : "tier \(i + 1)", value: m, text: Formatting.fixed(m, 3), color: "#5c6bc0")
        }
        return barChart(bars, maxValue: max(0.01, means.max() ?? 0), axis: "X_k, mean over \(vendors.count) vendors")
    }

    /// `text` cut to `limit` characters with an ellipsis, then escaped.
    static func clip(_ text: String, _ limit: Int) -> String {
        // No more bytes than the limit: no more characters either (no need to count them).
        // Else one walk over at most limit + 1 characters: the cut after limit − 1 of them, and
        // whether two more follow (more than limit in all).
        guard text.utf8.count > limit, limit > 0, let cut = text.index(text.startIndex, offsetBy: limit - 1, limitedBy: text.endIndex),
            text.index(cut, offsetBy: 2, limitedBy: text.endIndex) != nil
        else { return escape(text) }
        return escape(String(text[..<cut]) + "…")
    }

    /// The arrowhead of the path drawings, defined once in the page (an id must be unique in
    /// a document; each drawing used to define its own).
    static let arrowDefinition = "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\" xmlns=\"http://www.w3.org/2000/svg\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs></svg>"

    /// The supply path vendor → tier 2 → …: one box per supplier (id, name, country, goods,
    /// intrinsic risk) and the link's share and good on each arrow.
    static func pathDrawing(_ path: [Int], _ context: ReportContext) -> String {
        let a = context.assessment
        let boxW = 200.0, boxH = 84.0, gap = 92.0, top = 22.0
        let width = Double(path.count) * boxW + Double(path.count - 1) * gap + 4
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(boxH + top + 6))\" width=\"\(Int(width))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" class=\"pathsvg\">"
        for (i, node) in path.enumerated() {
            let s = a.suppliers[node]
            let x = 2 + Double(i) * (boxW + gap)
            let color = riskColor(s.risk.value)
            let fill = s.isHardFlag ? "#fdecea" : "#fff"
            svg += "<text x=\"\(Formatting.fixed(x + 4, 1))\" y=\"14\" class=\"tier\">\(i == 0 ? "vendor" : "tier \(i + 1)")\(s.isHardFlag ? " · hard flag" : "")</text>"
            svg += "<rect x=\"\(Formatting.fixed(x, 1))\" y=\"\(top)\" width=\"\(boxW)\" height=\"\(boxH)\" rx=\"6\" fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"2\"><title>\(escape(s.supplier.id)) \(escape(s.supplier.name))</title></rect>"
            let country = s.risk.country?.alpha2 ?? (s.supplier.country.map { clip($0, 8) } ?? "??")
            let region = s.supplier.region.map { " · " + clip($0, 10) } ?? ""
            let lines = [
                ("b", clip(s.supplier.id, 24)), ("n", clip(s.supplier.name, 25)), ("n", "\(country)\(region) · r = \(Formatting.fixed(s.risk.value, 2))"),
                ("g", clip(s.supplier.goods.joined(separator: ", "), 27)),
            ]
            for (j, line) in lines.enumerated() where !line.1.isEmpty {
                svg += "<text x=\"\(Formatting.fixed(x + 8, 1))\" y=\"\(Formatting.fixed(top + 18 + Double(j) * 17, 1))\" class=\"\(line.0)\">\(line.1)</text>"
            }
            if i + 1 < path.count {
                let next = path[i + 1]
                let x1 = x + boxW, x2 = x + boxW + gap - 2, y = top + boxH / 2
                svg += "<line x1=\"\(Formatting.fixed(x1, 1))\" y1=\"\(y)\" x2=\"\(Formatting.fixed(x2, 1))\" y2=\"\(y)\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>"
                let share = a.share(from: node, to: next).map { Formatting.fixed($0 * 100, 0) + "%" } ?? "?"
                svg += "<text x=\"\(Formatting.fixed((x1 + x2) / 2, 1))\" y=\"\(Formatting.fixed(y - 6, 1))\" text-anchor=\"middle\" class=\"share\">\(share)</text>"
                if let good = a.goods(from: node, to: next).first {
                    svg += "<text x=\"\(Formatting.fixed((x1 + x2) / 2, 1))\" y=\"\(Formatting.fixed(y + 16, 1))\" text-anchor=\"middle\" class=\"eg\">\(clip(good, 14))</text>"
                }
            }
        }
        return svg + "</svg>"
    }
}

/// The path drawings of one report, made once per path: a vendor's paths are drawn for each of
/// its contracts, and a drawing depends only on its path. Shared by the workers (a lock); it
/// keeps at most ``capacity`` drawings (a few KB each), the first ones drawn, which in queue
/// order are the most severe contracts' vendors.
final class PathDrawings: @unchecked Sendable {
    static let capacity = 4096
    private let lock = NSLock()
    private var drawings: [[Int]: String] = [:]

    /// The drawing of `path`, from `draw` the first time.
    func drawing(of path: [Int], _ draw: () -> String) -> String {
        if let known = lock.withLock({ drawings[path] }) { return known }
        let drawing = draw()
        lock.withLock {
            if drawings.count < Self.capacity { drawings[path] = drawing }
        }
        return drawing
    }
}
