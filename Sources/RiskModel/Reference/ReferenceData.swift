import Foundation
import Importers
import SupplyChainModel

/// The reference tables the risk model uses, loaded from the copies compiled into the tool
/// (see `Datasets/reference/README.md` for sources and editions).
public struct ReferenceData: Sendable {
    public let countries: CountryDirectory
    public let tip: TIPPlacements
    public let dol: DOLGoodsList
    public let goods: GoodsVocabulary
    public let regions: PresumptionRegions
    /// The EO 13126 list of products made with forced or indentured child labor (partial).
    public let eo13126: EO13126List
    /// The UFLPA Entity List entries (partial; see ``UFLPAList/edition``).
    public let uflpa: [ListedEntity]
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
        dol = DOLGoodsList(records: try records("dol_goods_2022.csv"))
        goods = GoodsVocabulary(goods: try records("goods.csv"), extraNames: dol.listings.map { ($0.dolGood, $0.goodID) })
        regions = PresumptionRegions(records: try records("presumption_regions.csv"))
        eo13126 = EO13126List(records: try records("eo13126_products.csv"))
        uflpa = UFLPAList.entities(records: try records("uflpa_entities.csv"))
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
    /// The table's "PARTIAL: …" comment, when it has one.
    public var partial: String?

    init(table: String, text: String) {
        self.table = table
        let comments = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.map {
            $0.dropFirst().trimmingCharacters(in: .whitespaces)
        }
        title = comments.first ?? "(no description)"
        let labelled = { (label: String) in comments.first { $0.lowercased().hasPrefix(label) } }
        let line = labelled("edition") ?? labelled("source") ?? labelled("basis") ?? labelled("generated-by") ?? "(edition not stated)"
        edition = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? line
        // A table that says it is partial says so in every report.
        partial = comments.first { $0.hasPrefix("PARTIAL") }
    }
}

extension ReferenceEdition {
    /// One entry per user watchlist: its name, and how many entries came from which files.
    static func userLists(_ entries: [WatchlistEntry]) -> [ReferenceEdition] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        var files: [String: [String]] = [:]
        for entry in entries {
            if counts[entry.list] == nil { order.append(entry.list) }
            counts[entry.list, default: 0] += 1
            if let file = entry.location?.file, !(files[entry.list]?.contains(file) ?? false) { files[entry.list, default: []].append(file) }
        }
        return order.map { list in
            let from = files[list].map { " from " + $0.joined(separator: ", ") } ?? ""
            let count = counts[list]!
            return ReferenceEdition(table: list, title: "User-supplied watchlist.", edition: "\(count) entr\(count == 1 ? "y" : "ies")\(from)", partial: nil)
        }
    }

    init(table: String, title: String, edition: String, partial: String?) {
        self.table = table
        self.title = title
        self.edition = edition
        self.partial = partial
    }
}
