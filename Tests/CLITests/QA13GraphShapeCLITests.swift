import Foundation
import Testing

/// Thirteenth QA pass: graph shapes through the command line, as the reports show them.
@Suite("QA13: graph shapes on the command line", .serialized)
struct QA13GraphShapeCLITests {
    /// Two routes from N0 to the hard flag N5 with the same shares in another order:
    /// N0 → N1 0.5 → N3 0.1 → N5 0.3 and N0 → N2 0.5 → N4 0.3 → N5 0.1, both
    /// 0.8³ · 0.015 = 0.00768. The documented tie rule gives the report's worst path and
    /// `explain`'s first path to N1, the supplier first in the file; the last bits of the
    /// products gave them to N2.
    static let tiedSuppliers = """
        supplier_id,name,country,region,risk
        N0,Qorvex Node 0 Widgets,US,,0
        N1,Qorvex Node 1 Widgets,US,,0
        N2,Qorvex Node 2 Widgets,US,,0
        N3,Qorvex Node 3 Widgets,US,,0
        N4,Qorvex Node 4 Widgets,US,,0
        N5,Qorvex Node 5 Widgets,CN,Xinjiang,

        """
    static let tiedLinks = """
        buyer_id,supplier_id,share
        N0,N1,0.5
        N0,N2,0.5
        N1,N3,0.1
        N3,N5,0.3
        N2,N4,0.3
        N4,N5,0.1

        """

    @Test func equalRoutesWithinRoundingGoToTheFirstSupplier() throws {
        let scratch = Scratch()
        let inputs = [
            "--suppliers", scratch.write("s.csv", Self.tiedSuppliers), "--links", scratch.write("l.csv", Self.tiedLinks),
            "--contracts", scratch.write("c.csv", "contract_id,vendor_id,amount\nC0,N0,100\n"),
        ]
        let score = try CLI.run(["score"] + inputs + ["--format", "json"])
        #expect(score.status == 0, "\(score.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
        let suppliers = try #require(report["suppliers"] as? [[String: Any]])
        let worst = try #require(suppliers[0]["worst_path"] as? [String: Any])
        #expect(worst["path"] as? [String] == ["N0", "N1", "N3", "N5"])
        let contracts = try #require(report["contracts"] as? [[String: Any]])
        let reasons = try #require(contracts[0]["reasons"] as? [[String: Any]])
        #expect(reasons.first?["rule"] as? String == "FL-ENTITY")
        #expect(reasons.first?["path"] as? [String] == ["N0", "N1", "N3", "N5"])
        let explain = try CLI.run(["explain", "N0"] + inputs + ["--paths", "2"])
        #expect(explain.status == 0, "\(explain.stderr)")
        let first = try #require(explain.stdout.range(of: "1. contribution"))
        let second = try #require(explain.stdout.range(of: "2. contribution"))
        #expect(explain.stdout[first.upperBound..<second.lowerBound].contains("N1 'Qorvex Node 1 Widgets'"), "\(explain.stdout)")
        #expect(explain.stdout[second.upperBound...].contains("N2 'Qorvex Node 2 Widgets'"), "\(explain.stdout)")
    }

    /// Shapes no other test feeds the binary, in one file: a buyer whose only link is to
    /// itself, two cycles sharing a node, duplicate links with different goods, 1e-12
    /// shares, an isolated supplier, and a contract whose vendor is not a supplier. Every
    /// report is byte-identical for 1, 2, 3 and 7 workers, and the hand-computed parts hold:
    ///
    /// - A links only to itself: the self-link is dropped, A has no known suppliers, so its
    ///   $300,000 supplies contract gets `FL-UNMAPPED` medium; its r = 0.3 is its exposure.
    /// - B ⇄ C and B ⇄ D (shares 0.5, then filled to 1), r_C = 1 flagged, d = 0.8, K = 4:
    ///   X(B) = [0, 0.5, 0, 0.5], E(B) = 1 − (1 − 0.8 · 0.5)(1 − 0.8³ · 0.5) = 1 − 0.6 · 0.744
    ///   = 0.5536: `FL-EXPOSURE` medium, and `FL-ENTITY` medium for C at tier 2.
    /// - H → I (share 1e-12, r_I = 1): no exposure to speak of, but I is flagged at tier 2.
    /// - E → F twice (0.2 cotton, 0.3 yarn): one link of share 0.5, r_F = 0.9:
    ///   E(E) = 0.8 · 0.5 · 0.9 = 0.36 ≥ 0.35, `FL-EXPOSURE` medium with path E → F.
    @Test func oddShapesGiveTheSameBytesForAnyWorkerCount() throws {
        let scratch = Scratch()
        let suppliers = """
            supplier_id,name,country,risk
            A,Alpha Node Widgets,US,0.3
            B,Bravo Node Widgets,US,0
            C,Charlie Node Widgets,US,1
            D,Delta Node Widgets,US,0
            E,Echo Node Widgets,US,0
            F,Foxtrot Node Widgets,US,0.9
            G,Golf Node Widgets,US,0.2
            H,Hotel Node Widgets,US,0
            I,India Node Widgets,US,1

            """
        let links = """
            buyer_id,supplier_id,share,good
            A,A,0.7,
            B,C,0.5,
            C,B,,
            B,D,0.5,
            D,B,,
            E,F,0.2,cotton
            E,F,0.3,yarn
            H,I,0.000000000001,

            """
        let contracts = """
            contract_id,vendor_id,amount,psc
            CA,A,300000,8405
            CB,B,100,
            CE,E,100,
            CH,H,100,
            CX,NOBODY,100,

            """
        let inputs = [
            "--suppliers", scratch.write("s.csv", suppliers), "--links", scratch.write("l.csv", links),
            "--contracts", scratch.write("c.csv", contracts), "--tiers", "4",
        ]
        var first: [String: Data]?
        for workers in [1, 2, 3, 7] {
            let out = scratch.url.appendingPathComponent("w\(workers)")
            let run = try CLI.run(["score"] + inputs + ["--format", "json", "md", "csv", "sarif", "html", "--output", out.path + "/", "--quiet", "--workers", "\(workers)"])
            #expect(run.status == 0, "\(run.stderr)")
            var files: [String: Data] = [:]
            for format in ["json", "md", "csv", "sarif", "html"] {
                files[format] = try Data(contentsOf: out.appendingPathComponent("report.\(format)"))
            }
            if let first { #expect(files == first, "--workers \(workers) differs from --workers 1") } else { first = files }
        }
        let json = try #require(first?["json"])
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let scored = try #require(report["suppliers"] as? [[String: Any]])
        #expect(scored[0]["exposure"] as? Double == 0.3)
        #expect(scored[1]["tier_exposure"] as? [Double] == [0, 0.5, 0, 0.5])
        #expect(abs((scored[1]["exposure"] as? Double ?? 0) - 0.5536) < 1e-12)
        #expect(abs((scored[4]["exposure"] as? Double ?? 0) - 0.36) < 1e-12)
        #expect(scored[7]["nearest_flagged_tier"] as? Int == 2)
        let queue = try #require(report["contracts"] as? [[String: Any]])
        func rules(_ id: String) -> [String] {
            let contract = queue.first { $0["id"] as? String == id }
            return (contract?["reasons"] as? [[String: Any]] ?? []).map { "\($0["rule"] ?? "")/\($0["severity"] ?? "")" }
        }
        #expect(rules("CA") == ["FL-UNMAPPED/medium"])
        #expect(rules("CB") == ["FL-ENTITY/medium", "FL-EXPOSURE/medium"])
        #expect(rules("CE") == ["FL-ENTITY/medium", "FL-EXPOSURE/medium"])
        #expect(rules("CH") == ["FL-ENTITY/medium"])
        #expect(rules("CX").isEmpty)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["code"] as? String == "self-link" })
        #expect(findings.contains { $0["code"] as? String == "duplicate-link" })
    }
}
