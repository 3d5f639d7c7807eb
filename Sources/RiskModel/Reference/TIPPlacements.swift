import Importers

/// A country's placement in the US State Department's Trafficking in Persons Report.
public enum TIPTier: String, Sendable, CaseIterable {
    case tier1 = "tier-1"
    case tier2 = "tier-2"
    case tier2WatchList = "tier-2-watch-list"
    case tier3 = "tier-3"
    case specialCase = "special-case"
    /// Not on the Tier 2 Watch List, Tier 3 or special-case lists we hold, and no Tier 1/2
    /// placement found: Tier 1 or Tier 2, not known which.
    case tier1Or2 = "tier-1-or-2"

    /// How the report names the placement.
    public var label: String {
        switch self {
        case .tier1: "Tier 1"
        case .tier2: "Tier 2"
        case .tier2WatchList: "Tier 2 Watch List"
        case .tier3: "Tier 3"
        case .specialCase: "Special Case"
        case .tier1Or2: "Tier 1 or 2 (not known which)"
        }
    }
}

/// TIP Report placements by report year, from `Datasets/reference/tip_tiers.csv`.
public struct TIPPlacements: Sendable {
    private var placements: [String: [Int: [TIPTier]]] = [:]
    /// The newest report year in the table.
    public private(set) var latestYear = 0

    /// - Parameter records: `report_year,alpha2,tier,...` (header first).
    init(records: [CSVRecord]) {
        for record in records.dropFirst() where record.fields.count >= 3 {
            guard let year = Int(record.fields[0]), let tier = TIPTier(rawValue: record.fields[2]) else { continue }
            placements[record.fields[1], default: [:]][year, default: []].append(tier)
            latestYear = max(latestYear, year)
        }
    }

    /// The placement of `alpha2` in `year`'s report (the most severe when sources disagree);
    /// ``TIPTier/tier1Or2`` when the country is not listed that year.
    public func tier(of alpha2: String, year: Int) -> TIPTier {
        let tiers = placements[alpha2]?[year] ?? []
        for tier in [TIPTier.tier3, .specialCase, .tier2WatchList, .tier2, .tier1] where tiers.contains(tier) { return tier }
        return .tier1Or2
    }
}
