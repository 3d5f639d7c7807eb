import Foundation
import Testing

/// `--max-field-bytes`, `--max-columns`, `--max-records`, `--max-xml-depth`: a lowered cap stops
/// the run with exit 2, the file and line where it was hit, and the flag that raises it.
@Suite("Resource-limit flags", .serialized)
struct LimitFlagTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var flag: String
        var value: String
        var code: String
        var file: String
        var content: String
        var line: Int
        var testDescription: String { "\(flag) \(value)" }
    }

    static let cases = [
        Case(flag: "--max-field-bytes", value: "100", code: "field-too-large", file: "links.csv",
             content: "buyer_id,supplier_id,share,good\nV001,S0001,0.5,cotton\nV001,S0002,0.5,\(String(repeating: "x", count: 200))\n", line: 3),
        Case(flag: "--max-columns", value: "4", code: "too-many-columns", file: "links.csv",
             content: "buyer_id,supplier_id,share,good\nV001,S0001,0.5,cotton\nV001,S0002,0.5,cotton,extra\n", line: 3),
        Case(flag: "--max-records", value: "3", code: "too-many-records", file: "links.csv",
             content: "buyer_id,supplier_id,share,good\n" + (1...5).map { "V001,S000\($0),0.1,cotton\n" }.joined(), line: 4),
        // An FPDS feed: feed > entry > content > award, the award on line 13.
        Case(flag: "--max-xml-depth", value: "3", code: "xml-too-deep", file: "feed.xml",
             content: try! String(contentsOf: CLI.root.appendingPathComponent("Tests/ImportersTests/Fixtures/fpds_one_award.xml"), encoding: .utf8), line: 13),
    ]

    @Test(arguments: cases)
    func scoreStopsAtALoweredCap(_ c: Case) throws {
        let scratch = Scratch()
        let path = scratch.write(c.file, c.content)
        // Small enough for every cap above, so only the file under test hits it.
        let suppliers = scratch.write("suppliers.csv", "supplier_id,name,country\nV001,Acme,US\n")
        let contracts = scratch.write("contracts.csv", "contract_id,vendor_id,amount\nC1,V001,100\n")
        let inputs = c.file == "feed.xml"
            ? ["--suppliers", suppliers, "--contracts", path]
            : ["--suppliers", suppliers, "--links", path, "--contracts", contracts]
        let out = scratch.url.appendingPathComponent("out").path + "/"
        let run = try CLI.run(["score"] + inputs + [c.flag, c.value, "--output", out])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(path):\(c.line)"), "\(run.stderr)")
        #expect(run.stderr.contains("error: [\(c.code)]"), "\(run.stderr)")
        #expect(run.stderr.contains("flrisk: note: the limit is set with \(c.flag)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "no report")
        // The default caps read the same file.
        let defaults = try CLI.run(["score"] + inputs + ["--quiet"])
        #expect(defaults.status == 0, "\(defaults.stderr)")
    }

    @Test(arguments: cases)
    func validateStopsAtALoweredCap(_ c: Case) throws {
        let scratch = Scratch()
        let path = scratch.write(c.file, c.content)
        let role = c.file == "feed.xml" ? "contracts" : "links"
        let run = try CLI.run(["validate", "\(role)=\(path)", c.flag, c.value])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(path):\(c.line)"), "\(run.stderr)")
        #expect(run.stderr.contains("error: [\(c.code)]"), "\(run.stderr)")
        #expect(run.stderr.contains("flrisk: note: the limit is set with \(c.flag)"), "\(run.stderr)")
        #expect(try CLI.run(["validate", "\(role)=\(path)"]).status == 0)
    }

    @Test(arguments: ["--max-field-bytes", "--max-columns", "--max-records", "--max-xml-depth"])
    func aCapBelowOneIsAUsageError(_ flag: String) throws {
        let run = try CLI.run(["validate", "Datasets/demo/links.csv", flag, "0"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("\(flag) must be at least 1"), "\(run.stderr)")
    }
}
