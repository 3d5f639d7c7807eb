import RiskModel
import SupplyChainModel

/// The review queue as SARIF 2.1.0 for code-scanning dashboards: one result per flag, located
/// at the contract's line in its input file, so CI shows flags as annotations on the input.
public enum SARIFReport {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    /// SARIF `level` of a severity: high → error, medium → warning, low and info → note.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// Default level of each rule (its highest possible severity).
    static func defaultLevel(_ rule: RuleID) -> String {
        switch rule {
        case .entity, .exposure, .dfars: "error"
        case .goods, .compliancePlan, .eo13126, .unmapped: "warning"
        }
    }

    /// The whole report as one string (see ``write(_:to:)`` for large queues).
    /// - Complexity: O(flags × path length), in slices of the queue on Dispatch workers.
    public static func render(_ context: ReportContext) -> String {
        ReportPieces.string { write(context, emit: $0) }
    }

    /// Streams the report into `file` a piece of contracts at a time on Dispatch workers. Same
    /// bytes as ``render(_:)``.
    public static func write(_ context: ReportContext, to file: inout AtomicFile.Writer) throws(OutputError) {
        try ReportPieces.write({ write(context, emit: $0) }, to: &file)
    }

    /// The report in pieces, in order.
    static func write(_ context: ReportContext, emit: ([UInt8]) -> Void) {
        let a = context.assessment
        var json = JSONWriter()
        json.beginObject()
        json.field("$schema", schema)
        json.field("version", "2.1.0")
        json.key("runs")
        json.beginArray()
        json.beginObject()
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.field("name", "flrisk")
        json.field("version", ReportContext.toolVersion)
        json.field("semanticVersion", ReportContext.toolVersion)
        json.field("informationUri", "https://github.com/flrisk/flrisk")
        json.key("rules")
        json.beginArray()
        for rule in RuleID.allCases {
            json.beginObject()
            json.field("id", rule.rawValue)
            json.field("name", rule.rawValue.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_"))
            json.key("shortDescription")
            json.beginObject()
            json.field("text", rule.summary)
            json.endObject()
            json.key("fullDescription")
            json.beginObject()
            json.field("text", rule.summary)
            json.endObject()
            json.field("helpUri", rule.helpURI)
            json.key("defaultConfiguration")
            json.beginObject()
            json.field("level", defaultLevel(rule))
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        json.field("columnKind", "unicodeCodePoints")
        json.key("results")
        json.beginArray()
        let states = context.baseline?.states()
        json.elements(a.contracts.count, workers: a.parameters.workers, emit: emit) { json, index in
            let scored = a.contracts[index]
            guard scored.isFlagged else { return }
            let c = scored.contract
            let location = uri(c.location.file)
            for flag in scored.flags {
                json.beginObject()
                json.field("ruleId", flag.rule.rawValue)
                json.field("ruleIndex", ruleIndex(flag.rule))
                json.field("level", level(flag.severity))
                if let states { json.field("baselineState", states.state(contract: c.id, rule: flag.rule).rawValue) }
                writeMessage(contract: c.id, text: flag.message, to: &json)
                writeLocations(uri: location, line: c.location.line, to: &json)
                writeFingerprint(contract: c.id, rule: flag.rule.rawValue, to: &json)
                json.key("properties")
                json.beginObject()
                json.field("contract", c.id)
                json.field("severity", flag.severity.rawValue)
                json.field("vendor_id", scored.vendor.map(context.id))
                json.field("amount", c.amount)
                json.key("fields")
                json.beginArray()
                for field in flag.fields { json.string(field) }
                json.endArray()
                json.key("path")
                json.beginArray()
                for node in flag.path { json.string(context.id(node)) }
                json.endArray()
                json.endObject()
                json.endObject()
            }
        }
        if let diff = context.baseline { writeAbsent(diff.resolved, context, to: &json) }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        emit(json.take() + [0x0A])
    }

    /// The baseline's flags that this run no longer raises, in the baseline's order, as results
    /// with `baselineState` `absent` (SARIF 2.1.0 §3.27.24): rule, level and message as the
    /// baseline gave them, located at the contract when it is still in this run, else at the
    /// contracts file (code-scanning uploads refuse a result without a location).
    /// - Complexity: O(resolved flags), and one pass over the contracts when there are any.
    static func writeAbsent(_ resolved: [FlagRecord], _ context: ReportContext, to json: inout JSONWriter) {
        guard !resolved.isEmpty else { return }
        let a = context.assessment
        // Contract ids as bytes, as the diff compares them (String equality is canonical
        // equivalence): the strings only pick the candidates, read in place without a copy.
        let names = Set(resolved.map(\.contract))
        let wanted = Set(resolved.map { Array($0.contract.utf8) })
        var located: [[UInt8]: SourceLocation] = [:]
        a.contracts.withUnsafeBufferPointer { contracts in
            for i in contracts.indices {
                let scored = contracts.baseAddress! + i
                guard names.contains(scored.pointee.contract.id) else { continue }
                let id = Array(scored.pointee.contract.id.utf8)
                if wanted.contains(id), located[id] == nil { located[id] = scored.pointee.contract.location }
            }
        }
        let contractsFile = a.inputs.first { $0.role == "contracts" }?.summary.file
        for flag in resolved {
            let rule = RuleID(rawValue: flag.rule)
            json.beginObject()
            json.field("ruleId", flag.rule)
            if let rule { json.field("ruleIndex", ruleIndex(rule)) }
            json.field("level", Severity(rawValue: flag.severity).map(level) ?? "none")
            json.field("baselineState", BaselineState.absent.rawValue)
            writeMessage(contract: flag.contract, text: flag.message, to: &json)
            let location = located[Array(flag.contract.utf8)]
            if let file = location?.file ?? contractsFile {
                writeLocations(uri: uri(file), line: location?.line ?? 0, to: &json)
            }
            writeFingerprint(contract: flag.contract, rule: flag.rule, to: &json)
            json.key("properties")
            json.beginObject()
            json.field("contract", flag.contract)
            json.field("severity", flag.severity)
            json.endObject()
            json.endObject()
        }
    }

    /// A result's `message`: "Contract ID: text".
    private static func writeMessage(contract: String, text: String, to json: inout JSONWriter) {
        json.key("message")
        json.beginObject()
        json.key("text")
        json.string(parts: "Contract ", contract, ": ", text)
        json.endObject()
    }

    /// A result's `locations`: one physical location in `uri`, with its line when it is 1 or more.
    private static func writeLocations(uri: String, line: Int, to json: inout JSONWriter) {
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        json.beginObject()
        json.field("uri", uri)
        json.endObject()
        if line >= 1 {
            json.key("region")
            json.beginObject()
            json.field("startLine", line)
            json.endObject()
        }
        json.endObject()
        json.endObject()
        json.endArray()
    }

    /// A result's `partialFingerprints`: the contract and rule, stable from run to run.
    private static func writeFingerprint(contract: String, rule: String, to json: inout JSONWriter) {
        json.key("partialFingerprints")
        json.beginObject()
        json.key("flriskFlag/v1")
        json.string(parts: contract, "|", rule)
        json.endObject()
    }

    /// The position of `rule` in `RuleID.allCases` (the driver's rules array).
    static func ruleIndex(_ rule: RuleID) -> Int { RuleID.allCases.firstIndex(of: rule)! }

    /// A file path as a URI reference: relative paths stay relative, absolute ones become
    /// `file://` URIs; everything outside unreserved characters and `/` is percent-encoded.
    public static func uri(_ path: String) -> String {
        var out: [UInt8] = path.hasPrefix("/") ? Array("file://".utf8) : []
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// The string left-padded with zeros to `width`.
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
