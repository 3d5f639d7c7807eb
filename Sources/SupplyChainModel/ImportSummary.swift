/// What happened to the rows of one input file. `read == accepted + rejected + blank` always.
public struct ImportSummary: Sendable, Hashable {
    public var file: String
    /// Data rows read (the header excluded).
    public var read = 0
    public var accepted = 0
    public var rejected = 0
    /// Rows whose every field was empty; skipped.
    public var blank = 0
    /// Rejected rows per finding code.
    public var rejectedByReason: [String: Int] = [:]

    public init(file: String) { self.file = file }

    /// Counts a rejected row under `reason`.
    public mutating func reject(reason: String) {
        rejected += 1
        rejectedByReason[reason, default: 0] += 1
    }
}

/// Records read from one file, with the findings and counts of the import.
public struct ImportResult<Record: Sendable>: Sendable {
    public var records: [Record]
    public var findings: [Finding]
    public var summary: ImportSummary

    public init(records: [Record], findings: [Finding], summary: ImportSummary) {
        self.records = records
        self.findings = findings
        self.summary = summary
    }
}
