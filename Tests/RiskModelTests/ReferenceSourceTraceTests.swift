import Foundation
import Testing
@testable import RiskModel
import Importers

/// QA11: the shipped tables, row by row, against the collected source files in
/// `../shared/reference/` (when they are beside the project; skipped otherwise). Independent of
/// `scripts/build_reference.py`: every table row must come from a source row, and every source
/// row that belongs in a table must be there (the only documented exception: Kosovo, which has
/// no ISO 3166-1 code).
@Suite("Reference tables trace to their sources")
struct ReferenceSourceTraceTests {
    static let shared = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    let countries = ReferenceData.embedded.countries

    /// The rows of a shared source file as header -> value, or nil when the file is not there.
    static func source(_ name: String) throws -> [[String: String]]? {
        let url = shared.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try rows(try String(contentsOf: url, encoding: .utf8), name: name)
    }

    /// The rows of a shipped (embedded) table as header -> value.
    static func table(_ name: String) throws -> [[String: String]] {
        try rows(try #require(EmbeddedTables.files[name]), name: name)
    }

    static func rows(_ text: String, name: String) throws -> [[String: String]] {
        let records = try CSVReader.records(inText: text, name: name)
        guard let header = records.first?.fields else { return [] }
        return records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record.fields + Array(repeating: "", count: max(0, header.count - record.fields.count))))
        }
    }

    func alpha2(_ name: String) -> String? { countries.resolve(name)?.alpha2 }

    static let tiers = [
        "Tier 1": "tier-1", "Tier 2": "tier-2", "Tier 2 Watch List": "tier-2-watch-list", "Tier 3": "tier-3",
        "Special Case": "special-case",
    ]

    @Test func countriesAreTheISOEntries() throws {
        let url = Self.shared.appendingPathComponent("iso_3166-1.iso-codes-4.15.0.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let entries = try #require(json["3166-1"] as? [[String: String]])
        let expected = Set(entries.map { [$0["alpha_2"]!, $0["alpha_3"]!, $0["numeric"]!, $0["common_name"] ?? $0["name"]!] })
        let shipped = Set(try Self.table("countries.csv").map { [$0["alpha2"]!, $0["alpha3"]!, $0["numeric"]!, $0["name"]!] })
        #expect(entries.count == 249)
        #expect(shipped == expected)
    }

    /// DOL TVPRA list 2022: country, DOL good name, sector and the four flags exactly as DOL gives them.
    @Test func dolRowsAreTheSourceRows() throws {
        guard let source = try Self.source("dol_ilab_tvpra_list_2022.csv") else { return }
        let yes = { (value: String?) in value == "Yes" ? "true" : "false" }
        var expected = Set<[String]>()
        for row in source {
            let country = try #require(alpha2(row["country"]!), "\(row["country"]!)")
            let input = row["derived_input_country"]!
            let inputAlpha2 = input == "No" ? "" : try #require(alpha2(input), "\(input)")
            expected.insert([
                country, row["good"]!, row["sector"]!.lowercased(), yes(row["forced_labor"]), yes(row["child_labor"]),
                yes(row["forced_child_labor"]), yes(row["derived_labor_exploitation"]), inputAlpha2,
            ])
        }
        let table = try Self.table("dol_goods_2022.csv")
        let shipped = Set(table.map {
            [$0["alpha2"]!, $0["dol_good"]!, $0["sector"]!, $0["forced_labor"]!, $0["child_labor"]!,
             $0["forced_child_labor"]!, $0["derived"]!, $0["derived_input_alpha2"]!]
        })
        #expect(source.count == 467 && table.count == source.count)
        #expect(shipped.subtracting(expected).isEmpty, "rows not in the source: \(shipped.subtracting(expected).sorted { $0.lexicographicallyPrecedes($1) })")
        #expect(expected.subtracting(shipped).isEmpty, "source rows missing: \(expected.subtracting(shipped).sorted { $0.lexicographicallyPrecedes($1) })")
    }

    /// TIP tiers: 2022 from the Factbook file, 2023-2025 from the compiled file (which carries the
    /// Factbook rows of those years); tiers exactly as listed; only Kosovo left out.
    @Test func tipRowsAreTheSourceRows() throws {
        guard let factbook = try Self.source("us_state_tip_tier2wl_tier3_special_2022_2025.csv"),
              let compiled = try Self.source("tip_tier_placements_compiled.csv") else { return }
        var expected = Set<[String]>()
        var skipped: [String] = []
        let rows = factbook.filter { $0["tip_report_year"] == "2022" }.map { ($0["tip_report_year"]!, $0["country_name_as_listed"]!, $0["tier"]!) }
            + compiled.map { ($0["report_year"]!, $0["country"]!, $0["tier"]!) }
        for (year, name, tier) in rows {
            let code = try #require(Self.tiers[tier], "\(tier)")
            guard let country = alpha2(name) else { skipped.append("\(year) \(name)"); continue }
            expected.insert([year, country, code])
        }
        #expect(skipped == ["2023 Kosovo"])
        // The compiled file holds every Factbook row of 2023-2025.
        for row in factbook where row["tip_report_year"] != "2022" {
            #expect(expected.contains([row["tip_report_year"]!, alpha2(row["country_name_as_listed"]!) ?? "?", Self.tiers[row["tier"]!] ?? "?"]), "\(row)")
        }
        let table = try Self.table("tip_tiers.csv")
        let shipped = Set(table.map { [$0["report_year"]!, $0["alpha2"]!, $0["tier"]!] })
        #expect(table.count == shipped.count)
        #expect(shipped == expected, "extra: \(shipped.subtracting(expected)); missing: \(expected.subtracting(shipped))")
    }

    /// UFLPA: one row per compiled row, in order; name, section, date and location verbatim; the
    /// aliases are the source's legible aliases ("(formerly)" and "(spelling in …)" markers moved to
    /// the notes), and aliases that are only partly legible are quoted verbatim in the notes.
    @Test func uflpaRowsAreTheSourceRows() throws {
        guard let source = try Self.source("uflpa_entity_list_compiled.csv") else { return }
        let table = try Self.table("uflpa_entities.csv")
        #expect(table.count == source.count)
        for (index, (row, entry)) in zip(source, table).enumerated() {
            #expect(entry["entry_id"] == String(format: "UFLPA-%04d", index + 1))
            #expect(entry["name"] == row["name"]!.trimmingCharacters(in: .whitespaces))
            #expect(entry["section"] == row["section"] && entry["date_added"] == row["date_added"], "\(entry["entry_id"]!)")
            #expect(entry["location"] == row["location"]!.trimmingCharacters(in: .whitespaces), "\(entry["entry_id"]!)")
            #expect(entry["source"] == row["source_url"]!.trimmingCharacters(in: .whitespaces), "\(entry["entry_id"]!)")
            var legible: [String] = []
            var partial: [String] = []
            // Split on ';' outside parentheses, as the compiler writes "… [...] (formerly; truncated)".
            var depth = 0
            var current = ""
            for character in row["aliases"]! + ";" {
                if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
                if character == ";" && depth == 0 {
                    let alias = current.trimmingCharacters(in: .whitespaces)
                    current = ""
                    if alias.isEmpty { continue }
                    if alias.contains("[...]") || alias.lowercased().contains("truncated") { partial.append(alias); continue }
                    var clean = alias
                    if clean.hasSuffix(" (formerly)") { clean.removeLast(" (formerly)".count) }
                    if let range = clean.range(of: #" \(spelling in [^)]*\)$"#, options: .regularExpression) { clean.removeSubrange(range) }
                    legible.append(clean)
                } else {
                    current.append(character)
                }
            }
            let shipped = entry["aliases"]!.split(separator: ";").map(String.init)
            #expect(shipped == legible, "\(entry["entry_id"]!)")
            for alias in partial {
                #expect(entry["notes"]!.contains(alias), "\(entry["entry_id"]!): partly legible alias not quoted verbatim: \(alias)")
            }
            #expect(entry["notes"]!.hasPrefix(row["notes"]!.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "; "))), "\(entry["entry_id"]!)")
        }
    }

    /// EO 13126: product, country and date added verbatim; status from the compiler's notes.
    @Test func eo13126RowsAreTheSourceRows() throws {
        guard let source = try Self.source("eo13126_products_compiled.csv") else { return }
        var expected = Set<[String]>()
        for row in source {
            let country = try #require(alpha2(row["country"]!), "\(row["country"]!)")
            let notes = row["notes"]!
            let status = notes.hasPrefix("REMOVED") ? "removed" : notes.hasPrefix("CURRENT") ? "current" : "unconfirmed"
            expected.insert([row["product"]!, country, status, row["date_added"]!, row["source_url"]!])
        }
        let table = try Self.table("eo13126_products.csv")
        let shipped = Set(table.map { [$0["product"]!, $0["alpha2"]!, $0["status"]!, $0["date_added"]!, $0["source"]!] })
        #expect(table.count == source.count)
        #expect(shipped == expected, "extra: \(shipped.subtracting(expected)); missing: \(expected.subtracting(shipped))")
    }

    /// Names that are easy to map to the wrong code, as the sources write them.
    @Test(arguments: [
        ("Congo", "CG"), ("Republic of the Congo", "CG"), ("Republic of Congo", "CG"), ("Congo (Brazzaville)", "CG"),
        ("Congo (ROC)", "CG"), ("Congo, Republic of the", "CG"), ("Congo (Kinshasa)", "CD"), ("DRC", "CD"),
        ("Democratic Republic of the Congo", "CD"), ("Korea, North", "KP"), ("Democratic People's Republic of Korea", "KP"),
        ("North Korea", "KP"), ("Republic of Korea", "KR"), ("Korea, Republic of", "KR"), ("Burma", "MM"), ("Myanmar", "MM"),
        ("Cote d'Ivoire", "CI"), ("Côte d’Ivoire", "CI"), ("Turkey (Türkiye)", "TR"), ("Eswatini", "SZ"), ("Swaziland", "SZ"),
        ("Czechia", "CZ"), ("Czech Republic", "CZ"), ("Micronesia", "FM"), ("Macau", "MO"), ("Macao", "MO"),
        ("Hong Kong", "HK"), ("Hong Kong S.A.R.", "HK"), ("Taiwan", "TW"), ("Palestine", "PS"),
        ("West Bank and the Gaza Strip", "PS"), ("Kyrgyz Republic", "KG"), ("Lao PDR", "LA"), ("Curaçao", "CW"),
        ("Curacao", "CW"), ("The Gambia", "GM"), ("Niger", "NE"), ("Nigeria", "NG"), ("Guinea", "GN"),
        ("Equatorial Guinea", "GQ"), ("Papua New Guinea", "PG"), ("Sudan", "SD"), ("South Sudan", "SS"),
        ("Dominica", "DM"), ("Dominican Republic", "DO"), ("Timor Leste", "TL"), ("Cabo Verde", "CV"),
    ])
    func trickyNamesResolve(name: String, expected: String) {
        #expect(alpha2(name) == expected, "\(name)")
    }
}
