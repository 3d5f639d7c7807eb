import SupplyChainModel

/// Records given in code as the import the assessor takes: every row of `file` read and
/// accepted, no findings.
func imported<R>(_ records: [R], file: String) -> ImportResult<R> {
    var summary = ImportSummary(file: file)
    summary.read = records.count
    summary.accepted = records.count
    return ImportResult(records: records, findings: [], summary: summary)
}
