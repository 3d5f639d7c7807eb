import RiskModel
import SupplyChainModel

/// The JSON report, `schema_version` 1 (fields documented in docs/FORMATS.md).
public enum JSONReport {
    /// The whole report as one string (see ``write(_:to:)`` for large reports).
    /// - Complexity: O(size of the report), the suppliers and contracts in slices on Dispatch workers.
    public static func render(_ context: ReportContext) -> String {
        ReportPieces.string { write(context, emit: $0) }
    }

    /// Streams the report into `file` a piece of suppliers or contracts at a time on Dispatch
    /// workers, so memory holds a few pieces, not the report. Same bytes as ``render(_:)``.
    public static func write(_ context: ReportContext, to file: inout AtomicFile.Writer) throws(OutputError) {
        try ReportPieces.write({ write(context, emit: $0) }, to: &file)
    }


    /// The report in pieces, in order.
    static func write(_ context: ReportContext, emit: ([UInt8]) -> Void) {
        let assessment = context.assessment
        let p = assessment.parameters
        var json = JSONWriter()
        json.beginObject()
        json.field("schema_version", ReportContext.schemaVersion)
        json.field("tool", "flrisk \(ReportContext.toolVersion)")
        json.key("parameters")
        writeParameters(p, watchlistEntries: assessment.watchlistEntries, to: &json)

        json.key("inputs")
        json.beginArray()
        for input in assessment.inputs {
            json.beginObject()
            json.field("role", input.role)
            json.field("path", input.summary.file)
            json.field("rows_read", input.summary.read)
            json.field("rows_accepted", input.summary.accepted)
            json.field("rows_rejected", input.summary.rejected)
            json.field("rows_blank", input.summary.blank)
            json.key("rejected_by_reason")
            json.beginObject()
            for (reason, count) in input.summary.rejectedByReason.sorted(by: { $0.key < $1.key }) { json.field(reason, count) }
            json.endObject()
            json.endObject()
        }
        json.endArray()

        json.key("reference")
        json.beginArray()
        for edition in assessment.editions {
            json.beginObject()
            json.field("table", edition.table)
            json.field("description", edition.title)
            json.field("edition", edition.edition)
            json.field("partial", edition.partial)
            json.endObject()
        }
        json.endArray()

        json.key("suppliers")
        json.beginArray()
        json.elements(assessment.suppliers.count, workers: p.workers, emit: emit) { json, index in
            let scored = assessment.suppliers[index]
            json.beginObject()
            json.field("id", scored.supplier.id)
            json.field("name", scored.supplier.name)
            json.field("country", scored.risk.country?.alpha2)
            json.field("intrinsic_risk", scored.risk.value)
            writeRisk(scored, to: &json)
            json.key("tier_exposure")
            json.beginArray()
            for value in scored.tierExposure { json.number(value) }
            json.endArray()
            json.field("exposure", scored.exposure)
            json.key("worst_path")
            json.beginObject()
            json.field("strength", scored.worstPathStrength)
            json.key("path")
            json.beginArray()
            for node in scored.worstPath { json.string(context.id(node)) }
            json.endArray()
            json.endObject()
            json.field("nearest_flagged_tier", scored.nearestFlaggedTier)
            json.field("nearest_hard_flag_tier", scored.nearestHardFlagTier)
            json.endObject()
        }
        json.endArray()

        json.key("contracts")
        json.beginArray()
        // Read in place: a copy of each contract would retain every one of its strings.
        assessment.contracts.withUnsafeBufferPointer { contracts in
            json.elements(contracts.count, workers: p.workers, emit: emit) { json, rank in
                let scored = contracts.baseAddress! + rank
                json.beginObject()
                json.field("rank", rank + 1)
                json.field("id", scored.pointee.contract.id)
                json.field("vendor_id", scored.pointee.vendor.map(context.id))
                json.field("vendor_match", scored.pointee.vendorMatch.rawValue)
                json.field("amount", scored.pointee.contract.amount)
                json.field("currency", scored.pointee.contract.currency)
                json.field("award_date", scored.pointee.contract.awardDate)
                json.key("source")
                json.string(parts: scored.pointee.contract.location.file, ":", String(scored.pointee.contract.location.line))
                json.field("flagged", scored.pointee.severity != nil)
                json.field("severity", scored.pointee.severity?.rawValue)
                json.key("reasons")
                json.beginArray()
                scored.pointee.flags.withUnsafeBufferPointer { flags in
                    for flag in flags.indices {
                        json.beginObject()
                        json.field("rule", flags[flag].rule.rawValue)
                        json.field("severity", flags[flag].severity.rawValue)
                        json.field("message", flags[flag].message)
                        json.key("path")
                        json.beginArray()
                        for node in flags[flag].path { json.string(context.id(node)) }
                        json.endArray()
                        json.key("fields")
                        json.beginArray()
                        for field in flags[flag].fields { json.string(field) }
                        json.endArray()
                        json.endObject()
                    }
                }
                json.endArray()
                json.endObject()
            }
        }
        json.endArray()

        json.key("findings")
        json.beginArray()
        for finding in assessment.findings {
            json.beginObject()
            json.field("severity", finding.severity.rawValue)
            json.field("code", finding.code)
            json.field("message", finding.message)
            json.field("file", finding.location?.file)
            json.field("line", finding.location.map(\.line))
            json.endObject()
        }
        json.endArray()

        json.key("summary")
        json.beginObject()
        json.field("suppliers", assessment.suppliers.count)
        json.field("links", assessment.linkCount)
        json.field("contracts", assessment.contracts.count)
        json.field("contracts_flagged", context.assessment.flaggedCount)
        json.key("flagged_by_severity")
        json.beginObject()
        for (severity, count) in context.severityCounts { json.field(severity.rawValue, count) }
        json.endObject()
        json.key("flags_by_rule")
        json.beginObject()
        for (rule, count) in context.flagsByRule { json.field(rule.rawValue, count) }
        json.endObject()
        json.field("findings_errors", assessment.findings.filter { $0.severity == .error }.count)
        json.field("findings_warnings", assessment.findings.filter { $0.severity == .warning }.count)
        json.endObject()
        if let diff = context.baseline { writeBaseline(diff, to: &json) }
        json.endObject()
        emit(json.take())
    }

    /// `baseline` {file, new[], resolved[], changed[]}: only when `--baseline` was given.
    static func writeBaseline(_ diff: BaselineDiff, to json: inout JSONWriter) {
        func write(_ flag: FlagRecord) {
            json.beginObject()
            json.field("contract", flag.contract)
            json.field("rule", flag.rule)
            json.field("severity", flag.severity)
            json.field("message", flag.message)
            json.endObject()
        }
        json.key("baseline")
        json.beginObject()
        json.field("file", diff.file)
        json.key("new")
        json.beginArray()
        diff.new.forEach(write)
        json.endArray()
        json.key("resolved")
        json.beginArray()
        diff.resolved.forEach(write)
        json.endArray()
        json.key("changed")
        json.beginArray()
        for (before, after) in diff.changed {
            json.beginObject()
            json.key("before")
            write(before)
            json.key("after")
            write(after)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
