import Foundation
import RiskModel
import SupplyChainModel

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

    /// Why a baseline value at `path` was refused: it is not a `type` (or is null).
    private static func wrongValue(_ type: Any.Type, at path: [any CodingKey]) -> String {
        "the baseline's \(BaselineReport.place(path)) is not \(BaselineReport.kind(type)); pass a report written by --format json"
    }

    /// The flags of a previous JSON report (`schema_version` 1), in its queue order.
    /// - Throws: ``BaselineError`` when the file is unreadable, not JSON, not an flrisk report,
    ///   or a contract or reason in it lacks what a report writes (named by its place,
    ///   `contracts[3].reasons[0].severity`): a garbled baseline would make its flags new.
    public static func flags(inReport path: String) throws(BaselineError) -> [FlagRecord] {
        let data: Data
        do {
            data = try InputStreams.contents(of: path)
        } catch {
            throw BaselineError(path: path, problem: "cannot read the --baseline report: " + InputStreams.clause(error, expected: "a JSON report"))
        }
        do {
            return try JSONDecoder().decode(BaselineReport.self, from: data).flags
        } catch is BaselineReport.OtherSchema {
            throw BaselineError(path: path, problem: "the baseline is not an flrisk JSON report with schema_version \(ReportContext.schemaVersion)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw BaselineError(path: path, problem: "the baseline has no \(BaselineReport.place(context.codingPath + [key])); pass a report written by --format json")
        } catch let DecodingError.valueNotFound(type, context) where !context.codingPath.isEmpty {
            throw BaselineError(path: path, problem: Self.wrongValue(type, at: context.codingPath))
        } catch let DecodingError.typeMismatch(type, context) where !context.codingPath.isEmpty {
            throw BaselineError(path: path, problem: Self.wrongValue(type, at: context.codingPath))
        } catch {
            throw BaselineError(path: path, problem: "the baseline is not a JSON object; pass a report written by --format json")
        }
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

    /// The state of each flag of this run, from its contract and rule: the new and changed
    /// flags are looked up, every other one is unchanged.
    /// - Complexity: O(new + changed flags) to build; a look-up hashes one key.
    func states() -> BaselineStates {
        var byKey: [[UInt8]: BaselineState] = [:]
        byKey.reserveCapacity(new.count + changed.count)
        for flag in new { byKey[Array(flag.key.utf8)] = .new }
        for (_, after) in changed { byKey[Array(after.key.utf8)] = .updated }
        return BaselineStates(byKey: byKey)
    }

    /// How many new and changed flags the Markdown and HTML reports list; the rest are counted.
    public static let listedChanges = 50

    /// The flags the Markdown and HTML reports list: the new ones, then the changed ones (each
    /// with its baseline flag), each in queue order, at most `limit`; and how many more there are.
    func listed(limit: Int = listedChanges) -> (rows: [(flag: FlagRecord, before: FlagRecord?)], more: Int) {
        let total = new.count + changed.count
        var rows: [(flag: FlagRecord, before: FlagRecord?)] = new.prefix(limit).map { ($0, nil) }
        rows += changed.prefix(max(0, limit - rows.count)).map { ($0.after, $0.before) }
        return (rows, total - rows.count)
    }

    /// `1 new, 0 changed, 2 resolved flags`.
    var counts: String {
        let total = new.count + changed.count + resolved.count
        return "\(new.count) new, \(changed.count) changed, \(resolved.count) resolved flag\(total == 1 ? "" : "s")"
    }

    /// Whether a new flag is at or above `severity`.
    public func hasNewFlag(atLeast severity: Severity) -> Bool {
        new.contains { Self.level($0) >= severity }
    }

    /// Whether a flag already in the baseline rose to `severity` or above from below it (a
    /// medium flag now high reaches a `high` gate it did not reach before).
    /// A baseline severity that is no level flrisk knows (a hand edit, another schema) is not
    /// taken as below the gate.
    public func hasRaisedFlag(atLeast severity: Severity) -> Bool {
        changed.contains { change in
            guard let before = Severity(rawValue: change.before.severity) else { return false }
            return before < severity && Self.level(change.after) >= severity
        }
    }

    /// Whether the run fails a gate at `severity` against this baseline: a new flag at or above
    /// it, or a flag raised to it.
    public func failsGate(atLeast severity: Severity) -> Bool {
        hasNewFlag(atLeast: severity) || hasRaisedFlag(atLeast: severity)
    }

    private static func level(_ flag: FlagRecord) -> Severity { Severity(rawValue: flag.severity) ?? .info }
}

/// Where a flag stands against the baseline: SARIF 2.1.0 `result.baselineState` (§3.27.24).
public enum BaselineState: String, Sendable, CaseIterable {
    /// In this run, not in the baseline.
    case new
    /// In both, with the same severity and message.
    case unchanged
    /// In both (same contract and rule), with another severity or message.
    case updated
    /// In the baseline, not in this run (resolved).
    case absent
}

/// ``BaselineDiff/states()``: the ``BaselineState`` of a flag of this run.
struct BaselineStates: Sendable {
    /// The new and updated flags by `contract|rule` bytes (as ``BaselineDiff`` compares them).
    var byKey: [[UInt8]: BaselineState]

    /// The state of the flag of `rule` on `contract`, a flag of this run.
    func state(contract: String, rule: RuleID) -> BaselineState {
        guard !byKey.isEmpty else { return .unchanged }
        var key = Array(contract.utf8)
        key.append(UInt8(ascii: "|"))
        key += rule.rawValue.utf8
        return byKey[key] ?? .unchanged
    }
}

/// What a baseline reads of a JSON report: `schema_version`, and each contract's `id` and
/// `reasons[]` `{rule, severity, message}`, each required with its type.
private struct BaselineReport: Decodable {
    /// `schema_version` is missing or not 1.
    struct OtherSchema: Error {}

    var flags: [FlagRecord] = []

    private enum Key: String, CodingKey {
        case schemaVersion = "schema_version", contracts, id, reasons, rule, severity, message
    }

    init(from decoder: any Decoder) throws {
        let report = try decoder.container(keyedBy: Key.self)
        guard (try? report.decode(Int.self, forKey: .schemaVersion)) == ReportContext.schemaVersion else { throw OtherSchema() }
        var contracts = try report.nestedUnkeyedContainer(forKey: .contracts)
        while !contracts.isAtEnd {
            let contract = try contracts.nestedContainer(keyedBy: Key.self)
            let id = try contract.decode(String.self, forKey: .id)
            var reasons = try contract.nestedUnkeyedContainer(forKey: .reasons)
            while !reasons.isAtEnd {
                let reason = try reasons.nestedContainer(keyedBy: Key.self)
                flags.append(FlagRecord(
                    contract: id, rule: try reason.decode(String.self, forKey: .rule), severity: try reason.decode(String.self, forKey: .severity),
                    message: try reason.decode(String.self, forKey: .message)))
            }
        }
    }

    /// What a value of `type` is in JSON: text, a list or an object.
    static func kind(_ type: Any.Type) -> String {
        type == String.self ? "text" : type == [Any].self ? "a list" : "an object"
    }

    /// A place in the report as a reader would write it: `contracts[3].reasons[0].severity`.
    static func place(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }
}
