import Foundation
import Testing
@testable import RiskModel
import Importers

/// The project root, found from this file's path.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Reference data")
struct ReferenceDataTests {
    let reference = ReferenceData.embedded

    @Test func embeddedTablesMatchDatasetsReference() throws {
        let folder = projectRoot.appendingPathComponent("Datasets/reference")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files == EmbeddedTables.files.keys.sorted(), "rerun scripts/embed_reference.py")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            var trimmed = text
            while trimmed.hasSuffix("\n") { trimmed.removeLast() }
            #expect(EmbeddedTables.files[file] == trimmed, "\(file) differs from its compiled copy: rerun scripts/embed_reference.py")
        }
    }

    @Test(arguments: [
        ("CN", "CN"), ("chn", "CN"), ("China", "CN"), ("Viet Nam", "VN"), ("Vietnam", "VN"), ("VNM", "VN"),
        ("Burma", "MM"), ("Congo, Democratic Republic of the", "CD"), ("Democratic Republic of the Congo", "CD"),
        ("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"), ("Ivory Coast", "CI"), ("Türkiye", "TR"), ("Turkey", "TR"),
        ("  united states  ", "US"), ("USA", "US"), ("the Netherlands", "NL"), ("Korea, South", "KR"),
    ])
    func countryNamesResolve(text: String, alpha2: String) {
        #expect(reference.countries.resolve(text)?.alpha2 == alpha2)
    }

    @Test(arguments: ["Narnia", "", "XX", "Kosovo", "C", "Xinjiang"])
    func unknownCountriesDoNotResolve(text: String) {
        #expect(reference.countries.resolve(text) == nil)
    }

    @Test func everyShippedVariantResolvesToItsCode() throws {
        let text = EmbeddedTables.files["country_names.csv"]!
        let rows = try CSVReader.records(inText: text, name: "country_names.csv").dropFirst()
        #expect(rows.count > 600)
        for row in rows {
            // QA11: UNTERM footnote markers ('Niue **', 'the Holy See *' in country_name_variants.csv) are not names.
            #expect(!row.fields[0].contains("*"), "\(row.fields[0])")
            #expect(reference.countries.resolve(row.fields[0])?.alpha2 == row.fields[1], "\(row.fields[0])")
        }
    }

    /// The shared reference list the table was derived from, when it is beside the project.
    @Test func everySharedVariantResolves() throws {
        let shared = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/country_name_variants.csv")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        let rows = try CSVReader.records(inText: try String(contentsOf: shared, encoding: .utf8), name: shared.path).dropFirst()
        for row in rows where !row.fields[1].isEmpty {
            #expect(reference.countries.resolve(row.fields[0])?.alpha2 == row.fields[1], "\(row.fields[0])")
        }
    }

    @Test func tipPlacements() {
        let tip = reference.tip
        #expect(tip.latestYear == 2025)
        #expect(tip.tier(of: "CN", year: 2025) == .tier3)
        #expect(tip.tier(of: "US", year: 2025) == .tier1)
        // Not listed: Tier 1 or 2, not known which.
        #expect(tip.tier(of: "AQ", year: 2025) == .tier1Or2)
    }

    @Test func editionsNameTheirSources() {
        #expect(reference.editions.map(\.table).contains("tip_tiers.csv"))
        #expect(reference.editions.allSatisfy { !$0.edition.isEmpty && $0.edition != "(edition not stated)" && $0.title != "(no description)" })
        let tip = reference.editions.first { $0.table == "tip_tiers.csv" }
        #expect(tip?.edition.contains("2025") == true)
    }

    /// Each table names its edition in its own header (an `edition:`, `source:` or `basis:` line),
    /// never the generator's `generated-by:` line or a description of how it was compiled; and
    /// every table its README calls partial says so in a `PARTIAL:` line, which every report
    /// repeats. (QA11: goods.csv cited the generated-by line, uflpa_entities.csv its "compiled row
    /// by row" sources line, and tip_tiers.csv had no PARTIAL line, so reports showed it as complete.)
    @Test func everyTableCitesItsEditionAndPartialness() throws {
        for edition in reference.editions {
            let text = try #require(EmbeddedTables.files[edition.table])
            let labels = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.map { $0.dropFirst(2).lowercased() }
            #expect(labels.contains { $0.hasPrefix("edition") || $0.hasPrefix("source") || $0.hasPrefix("basis") }, "\(edition.table)")
            #expect(!edition.edition.hasPrefix("scripts/build_reference.py"), "\(edition.table): \(edition.edition)")
            #expect(!edition.edition.hasPrefix("compiled"), "\(edition.table): \(edition.edition)")
        }
        let byTable = Dictionary(uniqueKeysWithValues: reference.editions.map { ($0.table, $0) })
        // SOURCES.md section 9: 144 entities after the 2025-01-15 tranche (FR 2025-00901), still 144 on 2025-08-19.
        let uflpa = try #require(byTable["uflpa_entities.csv"])
        #expect(uflpa.edition.contains("2025-01-15") && uflpa.edition.contains("FR 2025-00901") && uflpa.edition.contains("144"))
        // SOURCES.md sections 3 and 9: Tier 1 / Tier 2 only partly found.
        #expect(byTable["tip_tiers.csv"]?.partial?.contains("NOT Tier 1") == true)
        #expect(byTable["eo13126_products.csv"]?.partial != nil)
        #expect(uflpa.partial != nil)
        // SOURCES.md section 8: HS 2022, datapackage version 2022.0.
        #expect(byTable["goods.csv"]?.edition.contains("HS 2022") == true)
        // Complete editions carry no PARTIAL line.
        for table in ["countries.csv", "country_names.csv", "dol_goods_2022.csv"] {
            #expect(byTable[table]?.partial == nil, "\(table)")
        }
    }
}

@Suite("Reference citations")
struct ReferenceCitationTests {
    /// The short edition texts the indicators cite must agree with the tables' own headers.
    @Test func editionTextsAgreeWithTheTables() {
        let uflpa = EmbeddedTables.files["uflpa_entities.csv"]!
        #expect(uflpa.contains("133 distinct entities of the official 144") && uflpa.contains("2025-01-15"))
        #expect(UFLPAList.edition.contains("133 of 144") && UFLPAList.edition.contains("2025-01-15"))
        let dol = EmbeddedTables.files["dol_goods_2022.csv"]!
        #expect(dol.contains("# edition: 2022 list") && DOLGoodsList.edition.contains("2022 edition"))
        #expect(EmbeddedTables.files["presumption_regions.csv"]!.contains("Public Law 117-78"))
        #expect(ReferenceData.embedded.uflpa.count == 139)
        #expect(ReferenceData.embedded.editions.first { $0.table == "uflpa_entities.csv" }?.partial?.hasPrefix("PARTIAL: 139 rows") == true)
    }
}
