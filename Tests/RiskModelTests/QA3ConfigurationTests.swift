import Foundation
import Testing
@testable import RiskModel

/// Third QA pass on the configuration file: the FAR threshold lists.
@Suite("QA3: configuration file")
struct QA3ConfigurationTests {
    /// `compliance_plan_threshold: []` passed `config check` and turned FAR-22.1703-PLAN off
    /// silently (no threshold on any date, so no contract was checked, and no
    /// award-before-thresholds warning either), while the rule still said it was enabled.
    @Test(arguments: ["micro_purchase_threshold", "simplified_acquisition_threshold", "compliance_plan_threshold"])
    func anEmptyThresholdListIsRefused(key: String) throws {
        let error = try #require(ModelConfiguration.parseError("version: 1\nrules:\n  far:\n    \(key): []\n"))
        #expect(error.code == "config-invalid-value" && error.key == "rules.far.\(key)", "\(error)")
        #expect(error.location.line == 4 && error.message.contains("at least one"), "\(error)")
    }

    /// Two amounts effective on the same date were both kept and the later one in the file
    /// silently won; which one was meant cannot be told.
    @Test func aDateGivenTwiceIsRefused() throws {
        let text = """
            rules:
              far:
                compliance_plan_threshold:
                  - {amount: 550000, effective: 2020-10-01}
                  - {amount: 5000, effective: 2020-10-01}

            """
        let error = try #require(ModelConfiguration.parseError(text))
        #expect(error.code == "config-invalid-value" && error.key == "rules.far.compliance_plan_threshold", "\(error)")
        #expect(error.location.line == 5 && error.message.contains("each effective date once"), "\(error)")
    }

    @Test func distinctDatesInAnyOrderAreAccepted() throws {
        let text = "rules:\n  far:\n    micro_purchase_threshold:\n      - {amount: 15000, effective: 2025-10-01}\n      - {amount: 10000, effective: 2020-08-31}\n"
        let loaded = try ModelConfiguration.parse(text, file: "c.yaml")
        #expect(loaded.parameters.rules.microPurchaseThreshold.map(\.effective) == ["2020-08-31", "2025-10-01"])
    }

    /// `config check DIR` said only "cannot read the configuration file"; it now says why.
    @Test func aDirectoryIsNamedAsOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qa3-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try ModelConfiguration.load(path: folder.path)
            Issue.record("a directory loaded as a configuration")
        } catch {
            #expect(error.code == "file-unreadable")
            #expect(error.description.contains("it is a directory, expected a YAML file"), "\(error)")
        }
    }
}
