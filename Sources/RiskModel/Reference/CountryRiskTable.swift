import Importers
import SupplyChainModel

/// A user-supplied country-risk score, e.g. an index the user holds a licence for.
public struct CountryRiskScore: Sendable, Hashable {
    public var alpha2: String
    /// In [0, 1].
    public var score: Double
    /// The row's `source` column (the index, its edition).
    public var source: String
    public var location: SourceLocation
}

/// Country-risk scores from a user's CSV (`country,score,source`), weighted into the intrinsic
/// risk as the `country-risk` indicator. flrisk ships no such scores (the Walk Free Global
/// Slavery Index, for one, may not be redistributed); the file is the user's.
public struct CountryRiskTable: Sendable {
    private var scores: [String: CountryRiskScore] = [:]
    /// Rejected rows and unknown countries.
    public private(set) var findings: [Finding] = []
    public private(set) var summary: ImportSummary

    /// Scores given in code (tests, other front ends).
    public init(scores: [CountryRiskScore], file: String = "(in memory)") {
        summary = ImportSummary(file: file)
        for score in scores { self.scores[score.alpha2] = score }
    }

    /// Reads `country,score,source`. `country` is any spelling the country directory resolves;
    /// `score` is a number in [0, 1] (or a percentage). A bad row is rejected with a finding; a
    /// repeated country keeps its first row, with a warning.
    ///
    /// - Throws: ``InputError`` when the file cannot be read, is not CSV, or lacks a column.
    public static func load(path: String, countries: CountryDirectory) throws -> CountryRiskTable {
        var table = CountryRiskTable(scores: [], file: path)
        var positions: [Int]?
        try CSVReader(path: path).forEachRecord { record in
            guard let columns = positions else {
                positions = try SimpleHeader.positions(of: ["country", "score"], aliases: [["country_name", "iso"], ["risk"]], in: record, file: path)
                if let source = try? SimpleHeader.positions(of: ["source"], aliases: [], in: record, file: path) { positions! += source }
                return
            }
            table.summary.read += 1
            if record.isBlank { table.summary.blank += 1; return }
            let location = SourceLocation(file: path, line: record.line)
            if record.isDelimiterLine {
                table.findings.append(DelimiterLine.reject(at: location, counting: &table.summary))
                return
            }
            // A rejection names the field's column, 1-based, as the input importers do.
            let at = { (i: Int) in SourceLocation(file: path, line: record.line, column: columns[i] + 1) }
            let field = { (i: Int) in i < columns.count && columns[i] < record.fields.count ? record.fields[columns[i]].trimmingWhitespaceAndNewlines() : "" }
            guard let country = countries.resolve(field(0)) else {
                table.summary.reject(reason: "unknown-country")
                table.findings.append(Finding(.error, code: "unknown-country", "row rejected: country '\(field(0))' is not an ISO 3166 country name or code", at: at(0)))
                return
            }
            guard let score = NumberParsing.fraction(field(1)), (0...1).contains(score) else {
                table.summary.reject(reason: "invalid-number")
                table.findings.append(Finding(.error, code: "invalid-number", "row rejected: 'score' is '\(field(1))'; expected a number from 0 to 1", at: at(1)))
                return
            }
            table.summary.accepted += 1
            if let first = table.scores[country.alpha2] {
                table.findings.append(Finding(.warning, code: "duplicate-id", "country \(country.alpha2) repeats line \(first.location.line); the first score is kept", at: location))
                return
            }
            table.scores[country.alpha2] = CountryRiskScore(alpha2: country.alpha2, score: score, source: field(2), location: location)
        }
        if positions == nil {
            throw InputError(code: "empty-file", "the file is empty; expected a header row naming the columns country, score, source", at: SourceLocation(file: path, line: 0))
        }
        return table
    }

    /// The score of a country, if the file has one.
    public func score(alpha2: String) -> CountryRiskScore? { scores[alpha2] }
}
