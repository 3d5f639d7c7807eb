import SupplyChainModel

/// Resource caps applied to every input file, so that a hostile or broken file ends with a
/// clear error instead of exhausting memory or time.
///
/// The defaults are far above anything a real vendor file, USAspending download or FPDS feed
/// holds, and low enough that a single record can never take more than a few hundred MiB.
/// Each cap, when hit, is a fatal ``InputError`` with its own code (`field-too-large`,
/// `too-many-columns`, `too-many-records`, `xml-too-deep`) naming the cap and the file, line
/// and column where it was hit. `Int.max` turns a cap off.
public struct ImportLimits: Sendable, Equatable {
    /// Largest field in bytes: a CSV field, the text of one XML element or attribute, or one
    /// JSON line. Default 1 MiB.
    public var maxFieldBytes: Int
    /// Most fields in one CSV record. Default 10 000 (USAspending downloads have under 300).
    public var maxColumns: Int
    /// Most records in one file, header and blank rows included (for XML: elements). Default
    /// 250 million (a 10^8-link file and its header fit, with room to spare).
    public var maxRecords: Int
    /// Deepest element nesting in an XML document. Default 64 (FPDS feeds nest about 8 deep).
    public var maxXMLDepth: Int

    /// The default caps.
    public static let `default` = ImportLimits()

    /// No caps at all (trusted input only; tests and benchmarks).
    public static let unlimited = ImportLimits(maxFieldBytes: .max, maxColumns: .max, maxRecords: .max, maxXMLDepth: .max)

    public init(maxFieldBytes: Int = 1 << 20, maxColumns: Int = 10_000, maxRecords: Int = 250_000_000, maxXMLDepth: Int = 64) {
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.maxRecords = maxRecords
        self.maxXMLDepth = maxXMLDepth
    }

    /// `field-too-large`: a field longer than ``maxFieldBytes``.
    func fieldTooLarge(at location: SourceLocation, what: String = "a field") -> InputError {
        InputError(
            code: "field-too-large",
            "\(what) is longer than the limit of \(Self.describe(bytes: maxFieldBytes)); the file is damaged or not a table flrisk reads (limit: ImportLimits.maxFieldBytes)",
            at: location)
    }

    /// `too-many-columns`: a record with more than ``maxColumns`` fields.
    func tooManyColumns(at location: SourceLocation) -> InputError {
        InputError(
            code: "too-many-columns",
            "the record has more than \(maxColumns) fields; the file is damaged or uses another delimiter (limit: ImportLimits.maxColumns)",
            at: location)
    }

    /// `too-many-records`: a file with more than ``maxRecords`` records.
    func tooManyRecords(at location: SourceLocation) -> InputError {
        InputError(
            code: "too-many-records",
            "the file has more than \(maxRecords) records; split it or raise the limit (ImportLimits.maxRecords)",
            at: location)
    }

    /// `xml-too-deep`: elements nested deeper than ``maxXMLDepth``.
    func xmlTooDeep(at location: SourceLocation) -> InputError {
        InputError(
            code: "xml-too-deep",
            "elements are nested more than \(maxXMLDepth) deep; no flrisk input format nests that deep (limit: ImportLimits.maxXMLDepth)",
            at: location)
    }

    static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// The rows a file of `fileBytes` bytes is expected to hold, from a first chunk of
    /// `sampleRows` rows in `sampleBytes` bytes (`spare` more: 5% by default), within
    /// ``maxRecords`` and at most one row per two bytes: the readers size their merged columns
    /// once with it instead of growing them by doubling.
    func expectedRows(sampleRows: Int, sampleBytes: Int, fileBytes: Int, spare: Double = 0.05) -> Int {
        let estimate = Double(sampleRows) / Double(max(1, sampleBytes)) * Double(fileBytes) * (1 + spare)
        return Int(min(estimate, Double(min(maxRecords, fileBytes / 2 + 1))))
    }
}
