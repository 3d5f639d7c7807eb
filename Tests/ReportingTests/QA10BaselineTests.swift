import FlriskTestSupport
import Testing
import Reporting

/// Tenth QA pass on `--baseline`: a report that is not what a JSON report holds. A contract
/// without a text id, or with reasons that were not a list, was skipped without a word, and a
/// reason without a rule, severity or message compared as an empty one: the flags of a garbled
/// baseline were missing from it, so the run listed them all as new, or a changed flag as
/// unchanged, and `schema_version: true` passed for 1.
@Suite("QA10: garbled baselines")
struct QA10BaselineTests {
    static func problem(_ json: String) -> String? {
        let scratch = ScratchDirectory()
        let path = scratch.file("b.json", json)
        do {
            _ = try BaselineDiff.flags(inReport: path)
            return nil
        } catch {
            #expect(error.description.hasPrefix("\(path): error: [baseline-invalid] "))
            return error.problem
        }
    }

    @Test(arguments: [
        ("{\"schema_version\": 1, \"contracts\": [{\"id\": 5, \"reasons\": []}]}", "contracts[0].id"),
        ("{\"schema_version\": 1, \"contracts\": [{\"id\": \"C1\", \"reasons\": []}, {\"id\": \"C2\", \"reasons\": \"x\"}]}", "contracts[1].reasons"),
        ("{\"schema_version\": 1, \"contracts\": [{\"id\": \"C1\"}]}", "contracts[0].reasons"),
        ("{\"schema_version\": 1, \"contracts\": [{\"id\": \"C1\", \"reasons\": [{\"rule\": \"FL-GOODS\", \"message\": \"m\"}]}]}",
         "contracts[0].reasons[0].severity"),
        ("{\"schema_version\": 1, \"contracts\": [{\"id\": \"C1\", \"reasons\": [{\"rule\": \"FL-GOODS\", \"severity\": null, \"message\": \"m\"}]}]}",
         "contracts[0].reasons[0].severity"),
        ("{\"schema_version\": 1, \"contracts\": [\"C1\"]}", "contracts[0]"),
    ])
    func aGarbledContractIsNamed(json: String, path: String) throws {
        let problem = try #require(Self.problem(json), "refused")
        #expect(problem.contains(path), "\(problem)")
    }

    @Test(arguments: ["{\"schema_version\": true, \"contracts\": []}", "{\"schema_version\": \"1\", \"contracts\": []}", "{\"contracts\": []}"])
    func onlySchemaVersionOneIsRead(json: String) throws {
        let problem = try #require(Self.problem(json), "refused")
        #expect(problem.contains("schema_version 1"), "\(problem)")
    }

    @Test func aWellFormedBaselineIsRead() throws {
        let scratch = ScratchDirectory()
        let path = scratch.file("b.json", """
            {"schema_version": 1, "tool": "flrisk", "contracts": [
              {"id": "C1", "flagged": true, "reasons": [{"rule": "FL-GOODS", "severity": "medium", "message": "m", "path": [], "fields": []}]},
              {"id": "C2", "flagged": false, "reasons": []}]}
            """)
        #expect(try BaselineDiff.flags(inReport: path) == [FlagRecord(contract: "C1", rule: "FL-GOODS", severity: "medium", message: "m")])
    }

    /// A baseline that cannot be read says why, as a configuration file does: before, a folder
    /// and a missing file both said only "cannot read the baseline report".
    @Test func anUnreadableBaselineSaysWhy() throws {
        let scratch = ScratchDirectory()
        for (path, reason) in [(scratch.url.path, "it is a directory"), (scratch.url.path + "/missing.json", "no such file")] {
            #expect(throws: BaselineError.self) { _ = try BaselineDiff.flags(inReport: path) }
            do {
                _ = try BaselineDiff.flags(inReport: path)
            } catch {
                #expect(error.problem.contains(reason), "\(error)")
            }
        }
    }
}
