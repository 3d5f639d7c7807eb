import Testing
@testable import Importers

/// `HeaderMap.index(of:)` reads positions from a ``ColumnTable``; it must answer exactly as the
/// `[String: Int]` it is built from (`positions`, compared by `String` equality) for every
/// column, alias, `--map` rename and stray query.
@Suite("Column table")
struct ColumnTableTests {
    static let formats: [[ColumnSpec]] = [
        NativeCSVImporter.supplierColumns, NativeCSVImporter.linkColumns, NativeCSVImporter.contractColumns,
        USAspendingContracts.columns, USAspendingSubawards.columns, FacilityList.columns,
        WatchlistCSV.nativeColumns, WatchlistCSV.openSanctionsColumns,
    ]

    /// Queries that are no column: other cases, non-ASCII lookalikes, empty, long.
    static let strays = [
        "", "Name", "NAME", "name ", "supplier id", "\u{212A}", "na\u{301}me", "n\u{200B}ame", "é", "id\u{0}",
        "a_very_long_column_name_that_no_format_has", "contract_id_", "_name",
    ]

    func expectAgreement(_ map: HeaderMap, queries: [String], _ comment: Comment) {
        for query in queries {
            #expect(map.index(of: query) == map.positions[query], "\(comment): '\(query)'")
        }
    }

    @Test func agreesWithTheDictionaryForEveryFormatSpellingAndRename() throws {
        var random = SplitMix64(seed: 7)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        for (formatIndex, columns) in Self.formats.enumerated() {
            let queries = columns.flatMap { [$0.name] + $0.aliases + [$0.name.uppercased()] } + Self.strays
            for round in 0..<40 {
                var header: [String] = []
                var renames: [String: String] = [:]
                for (index, column) in columns.enumerated() where next(4) != 0 {
                    let spellings = [column.name] + column.aliases
                    let spelling = spellings[next(spellings.count)]
                    switch next(4) {
                    case 0: header.append(spelling)
                    case 1: header.append(spelling.uppercased().replacingUnderscores(with: " "))
                    case 2: header.append(spelling.replacingUnderscores(with: "-"))
                    default:
                        header.append("Custom \(index)")
                        renames["custom_\(index)"] = HeaderMap.normalise(column.name)
                    }
                    if next(5) == 0 { header.append("unrelated \(index)") }
                }
                header.shuffle(using: &random)
                let map = try HeaderMap(header: CSVRecord(line: 1, fields: header), file: "f.csv", columns: columns, required: [], renames: renames)
                #expect(map.positions.count == header.count(where: { !$0.hasPrefix("unrelated") }))
                expectAgreement(map, queries: queries, "format \(formatIndex) round \(round) header \(header)")
            }
        }
    }

    @Test func nonASCIIKeysAndQueriesAnswerByCanonicalEquivalence() throws {
        // An ASCII column found by a canonically equal non-ASCII query (KELVIN SIGN is K).
        let ascii = try HeaderMap(header: CSVRecord(line: 1, fields: ["k", "x"]), file: "f.csv", columns: [ColumnSpec("K"), ColumnSpec("x")], required: [])
        #expect(ascii.index(of: "\u{212A}") == 0)
        #expect(ascii.index(of: "K") == 0)
        #expect(ascii.index(of: "k") == nil)
        expectAgreement(ascii, queries: ["K", "\u{212A}", "k", "x", "X", "", "y"], "ASCII keys")
        // A non-ASCII column found by its ASCII equivalent and by other byte spellings.
        let nonASCII = try HeaderMap(
            header: CSVRecord(line: 1, fields: ["k", "café"]), file: "f.csv", columns: [ColumnSpec("\u{212A}"), ColumnSpec("café")], required: [])
        #expect(nonASCII.index(of: "K") == 0)
        #expect(nonASCII.index(of: "cafe\u{301}") == 1)
        expectAgreement(nonASCII, queries: ["K", "\u{212A}", "k", "café", "cafe\u{301}", "cafe", ""], "non-ASCII keys")
    }

    @Test func tableAlone() {
        let positions = Dictionary(uniqueKeysWithValues: (0..<50).map { ("column_\($0)_" + String(repeating: "x", count: $0 % 19), $0) })
        for seed: UInt64 in [0, 1, 0xFFFF_FFFF_FFFF_FFFF, ByteHash.randomSeed()] {
            let table = ColumnTable(positions, seed: seed)
            for (key, position) in positions {
                #expect(table.index(of: key) == .position(position))
                #expect(table.index(of: key + "y") == .absent)
                #expect(table.index(of: String(key.dropLast())) == (positions[String(key.dropLast())].map { .position($0) } ?? .absent))
            }
            #expect(table.index(of: "\u{212A}") == .unknown)
        }
        #expect(ColumnTable(["é": 0]).index(of: "e") == .unknown)
        #expect(ColumnTable([:]).index(of: "anything") == .absent)
    }
}

extension String {
    /// The string with every `_` replaced by `separator` (another header spelling).
    fileprivate func replacingUnderscores(with separator: Character) -> String { String(map { $0 == "_" ? separator : $0 }) }
}
