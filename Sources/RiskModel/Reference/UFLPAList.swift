import Importers
import SupplyChainModel

/// A watchlist entry with what a report needs to cite it: the list's edition and the entry's
/// details (statutory section, date added) and where it was read.
public struct ListedEntity: Sendable, Hashable {
    public var entry: WatchlistEntry
    /// The list and its edition, e.g. "DHS UFLPA Entity List, state after the 2025-01-15 tranche
    /// (partial: 133 of 144 entities)", or "user watchlist" for a list without one.
    public var edition: String
    /// Section, date added and the like, e.g. "section 2(d)(2)(B)(ii), added 2022-06-21".
    public var detail: String
    /// Where the entry was read: `uflpa_entities.csv:14` or `file:line`.
    public var citation: String

    public init(entry: WatchlistEntry, edition: String, detail: String, citation: String) {
        self.entry = entry
        self.edition = edition
        self.detail = detail
        self.citation = citation
    }

    /// A user-supplied entry: the edition names the list, the citation its file and line.
    public init(userEntry entry: WatchlistEntry) {
        let added = entry.dateAdded.map { "added \($0)" }
        let detail = [added, entry.source].compactMap { $0 }.joined(separator: "; ")
        self.init(
            entry: entry, edition: "\(entry.list) (user-supplied watchlist)", detail: detail,
            citation: entry.location.map(\.description) ?? entry.list)
    }

    /// "UFLPA Entity List entry UFLPA-0010 'Aksu Huafu Color Spinning Co., Ltd.'".
    public var label: String { "\(entry.list) entry \(entry.id) '\(entry.name)'" }
}

/// The DHS UFLPA Entity List as shipped in `Datasets/reference/uflpa_entities.csv` (partial).
public enum UFLPAList {
    /// The list's name on every entry.
    public static let listName = "UFLPA Entity List"
    /// The edition the shipped table holds, and how complete it is.
    public static let edition =
        "DHS UFLPA Entity List, state after the 2025-01-15 tranche (FR 2025-00901); PARTIAL: 133 of 144 entities"

    /// - Parameter records: `entry_id,name,aliases,section,date_added,location_alpha2,location,source,notes`.
    static func entities(records: [CSVRecord]) -> [ListedEntity] {
        records.dropFirst().filter { $0.fields.count >= 9 }.map { record in
            let f = record.fields
            let section = f[3].isEmpty ? "section not stated" : "section \(f[3])"
            let added = f[4].isEmpty ? "date added not confirmed" : "added \(f[4])" + (f[8].contains("date inferred") ? " (inferred)" : "")
            let entry = WatchlistEntry(
                id: f[0], name: f[1], aliases: f[2].split(separator: ";").map(String.init), country: f[5].isEmpty ? nil : f[5],
                list: listName, dateAdded: f[4].isEmpty ? nil : f[4], source: f[7], isHardFlag: true,
                location: SourceLocation(file: "uflpa_entities.csv", line: record.line))
            return ListedEntity(entry: entry, edition: edition, detail: "\(section), \(added)", citation: "uflpa_entities.csv:\(record.line)")
        }
    }
}
