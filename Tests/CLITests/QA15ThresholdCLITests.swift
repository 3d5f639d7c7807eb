import Foundation
import Testing

/// Thresholds at their exact boundary, and as the reports write them.
///
/// An exposure that is the threshold in decimals but not in doubles (d · s · r = 0.7 × 0.1 × 1,
/// 0.06999999999999999) was not flagged at `--exposure-threshold 0.07`. A threshold with more
/// than two decimals was rounded in the flag's reason and the parameters: at
/// `--exposure-threshold 0.355` a vendor with E = 0.358 read "Vendor exposure 0.358 ≥ 0.36", and
/// the Markdown and HTML parameters said "E ≥ 0.36" and "r ≥ 0.71" for 0.705.
@Suite("QA15: thresholds at their boundary", .serialized)
struct QA15ThresholdCLITests {
    /// V1 buys a tenth of its sourcing from S1 (r = 1): at d = 0.7 its tier-2 term is 0.07.
    static func chain(_ scratch: Scratch) -> [String] {
        [
            "--suppliers", scratch.write("s.csv", "supplier_id,name,country,risk,risk_note\nV1,Vendor,US,0,none\nS1,Mill,US,1,audit\n"),
            "--links", scratch.write("l.csv", "buyer_id,supplier_id,share\nV1,S1,0.1\n"),
            "--contracts", scratch.write("c.csv", "contract_id,vendor_id,amount\nC1,V1,10\n"),
        ]
    }

    static func reasons(_ json: String) throws -> [(rule: String, message: String)] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let contracts = try #require(report["contracts"] as? [[String: Any]])
        return contracts.flatMap { ($0["reasons"] as? [[String: Any]] ?? []).map { ($0["rule"] as? String ?? "", $0["message"] as? String ?? "") } }
    }

    @Test func anExposureThatIsTheThresholdInDecimalsMeetsIt() throws {
        let scratch = Scratch()
        let run = try CLI.run(["score"] + Self.chain(scratch) + ["--decay", "0.7", "--tiers", "2", "--exposure-threshold", "0.07", "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let exposure = try Self.reasons(run.stdout).filter { $0.rule == "FL-EXPOSURE" }
        #expect(exposure.map(\.message) == ["Vendor exposure 0.070 ≥ 0.07 (tier exposures 0.000, 0.100); worst path strength 0.070."])
    }

    @Test func aThresholdWithMoreDecimalsIsWrittenAsGiven() throws {
        let scratch = Scratch()
        let options = CLI.demo + ["--exposure-threshold", "0.355", "--flagged-risk", "0.705", "--decay", "0.855", "--quiet"]
        let json = try CLI.run(["score"] + options + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let reasons = try Self.reasons(json.stdout)
        // Every "X ≥ Y" in a reason holds as written.
        let comparisons = reasons.compactMap { reason -> (Double, Double)? in
            let pattern = reason.rule == "FL-EXPOSURE" ? "Vendor exposure ([0-9.]+) ≥ ([0-9.]+)" : "intrinsic risk ([0-9.]+) ≥ ([0-9.]+)"
            guard let match = reason.message.range(of: pattern, options: .regularExpression) else { return nil }
            let numbers = reason.message[match].split(separator: " ").compactMap { Double($0) }
            return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
        }
        #expect(comparisons.count > 10)
        for (value, threshold) in comparisons { #expect(value >= threshold, "\(value) ≥ \(threshold)") }
        #expect(reasons.contains { $0.message.contains("≥ 0.355 (tier exposures") })
        #expect(reasons.contains { $0.message.contains(" ≥ 0.705, ") })
        let markdown = try CLI.run(["score"] + options + ["--format", "md"])
        #expect(markdown.stdout.contains("Tiers K = 6, decay d = 0.855, FL-EXPOSURE at E ≥ 0.355 (high at ≥ 0.60), flagged supplier at r ≥ 0.705 or a hard flag"))
        let html = try CLI.run(["score"] + options + ["--format", "html"])
        #expect(html.stdout.contains("Tiers K = 6, decay d = 0.855, FL-EXPOSURE at E ≥ 0.355 (high ≥ 0.60), flagged supplier at r ≥ 0.705;"))
        let summary = try CLI.run(["score"] + CLI.demo + ["--decay", "0.855"])
        #expect(summary.stdout.contains("(K = 6, d = 0.855)"), "\(summary.stdout)")
    }
}
