import Foundation
import RiskModel

/// One flag as a baseline compares it: the contract, the rule, the severity and the message.
public struct FlagRecord: Sendable, Hashable {
    public var contract: String
    public var rule: String
    public var severity: String
    public var message: String

    public init(contract: String, rule: String, severity: String, message: String) {
        self.contract = contract
        self.rule = rule
        self.severity = severity
        self.message = message
    }

    /// `contract|rule`: a flag is the same flag across runs when both match.
    public var key: String { contract + "|" + rule }
}

/// A baseline file that cannot be used.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var description: String { "\(path): error: [baseline-invalid] \(problem)" }
}

/// What changed since a previous run: flags that are new, resolved (gone), or changed
/// (same contract and rule, different severity or message).
public struct BaselineDiff: Sendable {
    /// The baseline file as given.
    public var file: String
    public var new: [FlagRecord]
    public var resolved: [FlagRecord]
    /// (before, after) pairs.
    public var changed: [(before: FlagRecord, after: FlagRecord)]

    /// The flags of a previous JSON report (`schema_version` 1), in its queue order.
    /// - Throws: ``BaselineError`` when the file is unreadable, not JSON, or not an flrisk report.
    public static func flags(inReport path: String) throws(BaselineError) -> [FlagRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { throw BaselineError(path: path, problem: "cannot read the baseline report") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BaselineError(path: path, problem: "the baseline is not a JSON object; pass a report written by --format json")
        }
        guard object["schema_version"] as? Int == ReportContext.schemaVersion, let contracts = object["contracts"] as? [[String: Any]] else {
            throw BaselineError(path: path, problem: "the baseline is not an flrisk JSON report with schema_version \(ReportContext.schemaVersion)")
        }
        var flags: [FlagRecord] = []
        for contract in contracts {
            guard let id = contract["id"] as? String else { continue }
            for reason in contract["reasons"] as? [[String: Any]] ?? [] {
                flags.append(FlagRecord(
                    contract: id, rule: reason["rule"] as? String ?? "", severity: reason["severity"] as? String ?? "",
                    message: reason["message"] as? String ?? ""))
            }
        }
        return flags
    }

    /// The flags of an assessment, in queue order.
    public static func flags(of assessment: Assessment) -> [FlagRecord] {
        assessment.contracts.flatMap { scored in
            scored.flags.map { FlagRecord(contract: scored.contract.id, rule: $0.rule.rawValue, severity: $0.severity.rawValue, message: $0.message) }
        }
    }

    /// Compares the current flags with the baseline's; each list keeps the order of its run.
    /// - Complexity: O(flags) with hashing.
    public init(file: String, baseline: [FlagRecord], current: [FlagRecord]) {
        self.file = file
        // Keys as bytes: the importer keeps ids that differ only by Unicode normalisation apart,
        // and String keys would merge them (canonical equivalence).
        func bytes(_ flag: FlagRecord) -> [UInt8] { Array(flag.key.utf8) }
        let before = Dictionary(baseline.map { (bytes($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(current.map(bytes))
        new = current.filter { before[bytes($0)] == nil }
        resolved = baseline.filter { !after.contains(bytes($0)) }
        changed = current.compactMap { flag in
            guard let old = before[bytes(flag)], old.severity != flag.severity || old.message != flag.message else { return nil }
            return (old, flag)
        }
    }

    /// Whether a new flag is at or above `severity`.
    public func hasNewFlag(atLeast severity: Severity) -> Bool {
        new.contains { (Severity(rawValue: $0.severity) ?? .info) >= severity }
    }
}
