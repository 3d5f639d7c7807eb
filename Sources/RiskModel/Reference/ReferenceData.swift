import Foundation
import Importers
import SupplyChainModel

/// The reference tables the risk model uses, loaded from the copies compiled into the tool
/// (see `Datasets/reference/README.md` for sources and editions).
public struct ReferenceData: Sendable {
    public let countries: CountryDirectory
    public let tip: TIPPlacements
    /// Each table's description and edition, from its header comments, for the report.
    public let editions: [ReferenceEdition]

    /// The tables compiled into the tool.
    public static let embedded: ReferenceData = {
        do {
            return try ReferenceData(tables: EmbeddedTables.files)
        } catch {
            fatalError("the reference tables compiled into flrisk are invalid: \(error)")
        }
    }()

    /// - Parameter tables: file name -> CSV text, as in `Datasets/reference/`.
    /// - Throws: ``InputError`` when a table is missing or not valid CSV.
    public init(tables: [String: String]) throws {
        func records(_ name: String) throws -> [CSVRecord] {
            guard let text = tables[name] else {
                throw InputError(code: "reference-missing", "reference table \(name) is missing", at: SourceLocation(file: name, line: 0))
            }
            return try CSVReader.records(inText: text, name: "Datasets/reference/\(name)")
        }
        countries = CountryDirectory(countries: try records("countries.csv"), names: try records("country_names.csv"))
        tip = TIPPlacements(records: try records("tip_tiers.csv"))
        editions = tables.keys.sorted().map { ReferenceEdition(table: $0, text: tables[$0]!) }
    }

    /// The editions of the named tables, in name order.
    public func editions(of tables: Set<String>) -> [ReferenceEdition] {
        editions.filter { tables.contains($0.table) }
    }
}

/// Where one reference table comes from, as its header comments say.
public struct ReferenceEdition: Sendable, Hashable {
    public var table: String
    /// The first comment line: what the table is.
    public var title: String
    /// The comment line naming the edition (or, failing that, the source), without its label.
    public var edition: String

    init(table: String, text: String) {
        self.table = table
        let comments = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.map {
            $0.dropFirst().trimmingCharacters(in: .whitespaces)
        }
        title = comments.first ?? "(no description)"
        let labelled = { (label: String) in comments.first { $0.lowercased().hasPrefix(label) } }
        let line = labelled("edition") ?? labelled("source") ?? labelled("basis") ?? labelled("generated-by") ?? "(edition not stated)"
        edition = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? line
    }
}
