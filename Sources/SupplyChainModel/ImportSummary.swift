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

    /// The `file` of the suppliers' summary when no suppliers file is given: the suppliers are
    /// derived from the contracts and links.
    public static let derivedSuppliers = "(derived from the contracts and links)"

    /// Whether these are the suppliers derived without a suppliers file (``derivedSuppliers``).
    public var isDerivedSuppliers: Bool { file == Self.derivedSuppliers }

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
    /// The rejected rows with their reasons, in file order (one per `summary.rejected`).
    public var rejectedRows: [RejectedRow]

    public init(records: [Record], findings: [Finding], summary: ImportSummary, rejectedRows: [RejectedRow] = []) {
        self.records = records
        self.findings = findings
        self.summary = summary
        self.rejectedRows = rejectedRows
    }
}

/// A row an importer rejected, kept so that it can be written to a rejects file
/// (`--rejects PATH`) with its place and reason.
public struct RejectedRow: Sendable, Hashable {
    public var location: SourceLocation
    /// The finding code, e.g. `invalid-number`.
    public var code: String
    /// The reason, as in the finding.
    public var reason: String
    /// The row's fields as read (for XML records: the values of the known fields, in order).
    public var fields: [String]

    public init(location: SourceLocation, code: String, reason: String, fields: [String]) {
        self.location = location
        self.code = code
        self.reason = reason
        self.fields = fields
    }
}
