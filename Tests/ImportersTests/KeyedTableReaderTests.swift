import Testing
@testable import Importers
import SupplyChainModel

/// The suppliers and contracts readers (bytes checked in chunks on workers, merged in file
/// order) must give exactly what the `String` path gives with the converters as they were
/// (``ReferenceSupplierRows``, ``ReferenceContractRows``): records, findings, summaries,
/// rejected rows and errors, whatever the chunking, with records kept or not.
@Suite("Suppliers and contracts read from bytes")
struct KeyedTableReaderTests {
    /// A column of a random file: its header cell (an alias, a renamed or odd spelling), what
    /// its cells hold, and the `--map` rename it needs.
    struct RandomColumn {
        var header: String
        var kind: Kind
        var rename: (String, String)?

        enum Kind { case id, text, goods, risk, amount, date, code, unknown }
    }

    static func pick<T>(_ values: [T], _ rng: inout SplitMix64) -> T { values[rng.next(below: values.count)] }

    static func cell(_ kind: RandomColumn.Kind, _ rng: inout SplitMix64) -> [UInt8] {
        switch kind {
        case .id:
            switch rng.next(below: 14) {
            case 0: return Array(" S\(rng.next(below: 30)) ".utf8)
            case 1: return []
            case 2: return [0x53, 0xE9]  // "Sé" in Windows-1252
            case 3: return Array("Café".utf8)
            case 4: return Array("Cafe\u{301}".utf8)  // looks like the one above
            case 5: return Array("S\u{200B}1".utf8)  // looks like S1
            case 6: return Array("\"S\(rng.next(below: 30))\"".utf8)
            default: return Array("S\(rng.next(below: 30))".utf8)
            }
        case .text:
            return pick([
                "Acme", "", "  padded  ", "\"Quoted, comma\"", "\"multi\nline\"", "\"multi\r\nline\"", "\"say \"\"hi\"\"\"",
                "Hôtel", "\t tab", "name", "\" \"", "Company Number 12345 Limited",
            ].map { Array($0.utf8) } + [[0x48, 0xF4, 0x74, 0x65, 0x6C], [0x93, 0x71, 0x94]], &rng)
        case .goods:
            return Array(pick(["cotton", "cotton; tin ;;", "\"a;b, c\"", "", "polysilicon", " ; ", "café;thé"], &rng).utf8)
        case .risk:
            return Array(pick(["", "0.5", "50%", "abc", "1.5", " 0 ", "1e-1", "-0.1", "0.333", "1"], &rng).utf8)
        case .amount:
            return Array(pick([
                "", "1234.50", "\"$1,234.50\"", "\"(1,234.50)\"", "USD 12", "\"1,23\"", "abc", "1e20", "2e15", "  42 ", "536752.28", "-3", "9",
            ], &rng).utf8)
        case .date:
            return Array(pick(["", "2024-01-02", "01/02/2024", "2024-13-01", "x", "2024-02-30", "2024-01-02T10:00", "2023-12-31"], &rng).utf8)
        case .code:
            return Array(pick(["", "usd", "EUR", "eur", "product", "SERVICE", "Servi\u{E7}e"], &rng).utf8)
        case .unknown:
            return Array(pick(["", "note", "\"a\nb\""], &rng).utf8)
        }
    }

    /// The columns of a random suppliers or contracts file, in a random order, each required
    /// group present, some under aliases or `--map` renames.
    static func columns(contracts: Bool, _ rng: inout SplitMix64) -> [RandomColumn] {
        typealias K = RandomColumn.Kind
        var columns: [RandomColumn]
        if contracts {
            let vendors: [(String, K)] = [("vendor_id", .id), ("vendor_uei", .text), ("vendor_duns", .text), ("vendor_name", .text)]
            columns = [RandomColumn(header: pick(["contract_id", "Contract ID", "piid", "contract"], &rng), kind: .id)]
            for (name, kind) in vendors where rng.next(below: 3) > 0 || name == "vendor_name" {
                columns.append(RandomColumn(header: name, kind: kind))
            }
            let optional: [(String, K)] = [
                ("agency", .text), ("amount", .amount), ("currency", .code), ("place_of_performance", .text), ("psc", .text),
                ("naics", .text), ("description", .text), ("award_date", .date), ("origin_country", .text),
                ("place_of_manufacture", .text), ("vendor_country", .text), ("vendor_parent_uei", .text), ("funding_agency", .text),
                ("potential_value", .amount), ("product_or_service_type", .code), ("notes", .unknown),
            ]
            for (name, kind) in optional where rng.next(below: 4) > 0 { columns.append(RandomColumn(header: name, kind: kind)) }
        } else {
            columns = [
                RandomColumn(header: pick(["supplier_id", "Supplier ID", "id", "supplier"], &rng), kind: .id),
                RandomColumn(header: pick(["name", "supplier_name", "NAME"], &rng), kind: .text),
            ]
            let optional: [(String, K)] = [
                ("country", .text), ("region", .text), ("goods", .goods), ("uei", .text), ("lei", .text), ("duns", .text),
                ("risk", .risk), ("risk_note", .text), ("address", .text), ("notes", .unknown),
            ]
            for (name, kind) in optional where rng.next(below: 4) > 0 { columns.append(RandomColumn(header: name, kind: kind)) }
        }
        // A renamed column: its header cell is read as the column through `--map`.
        if rng.next(below: 3) == 0, let k = columns.indices.filter({ columns[$0].kind != .unknown }).randomElement(using: &rng) {
            let canonical = HeaderMap.normalise(columns[k].header)
            let target = [
                "contract": "contract_id", "piid": "contract_id", "id": "supplier_id", "supplier": "supplier_id", "supplier_name": "name",
                "origin_country": "country_of_origin",
            ][canonical] ?? canonical
            columns[k].header = "Col \(k)"
            columns[k].rename = ("Col \(k)", target)
        }
        columns.shuffle(using: &rng)
        return columns
    }

    /// A random file of `rows` rows: blank, short and over-wide rows, CRLF or LF, maybe a BOM.
    static func file(_ columns: [RandomColumn], rows: Int, _ rng: inout SplitMix64) -> [UInt8] {
        let newline: [UInt8] = rng.next(below: 2) == 0 ? [0x0D, 0x0A] : [0x0A]
        var out: [UInt8] = rng.next(below: 5) == 0 ? [0xEF, 0xBB, 0xBF] : []
        out += Array(columns.map(\.header).joined(separator: ",").utf8) + newline
        for _ in 0..<rows {
            switch rng.next(below: 30) {
            case 0: out += newline; continue
            case 1: out += Array(repeating: 0x2C, count: columns.count - 1) + newline; continue
            default: break
            }
            var cells = columns.map { cell($0.kind, &rng) }
            if rng.next(below: 25) == 0 { cells.removeLast(rng.next(below: cells.count)) }
            if rng.next(below: 20) == 0 { cells += [Array("extra".utf8)] }
            if rng.next(below: 20) == 0 { cells += [[], []] }
            out += Array(cells.joined(separator: [0x2C])) + newline
        }
        return out
    }

    static func expectSame<Record: Hashable>(_ new: ImportResult<Record>, _ old: ImportResult<Record>, _ context: String) {
        #expect(new.records == old.records, "\(context)")
        #expect(new.findings == old.findings, "\(context)")
        #expect(new.summary == old.summary, "\(context)")
        #expect(new.rejectedRows == old.rejectedRows, "\(context)")
    }

    /// The outcome of a read, an error as its text.
    static func outcome<Record>(_ read: () throws -> ImportResult<Record>) -> Result<ImportResult<Record>, InputError> {
        do { return .success(try read()) } catch let error as InputError { return .failure(error) } catch { fatalError("\(error)") }
    }

    static func compare<Record: Hashable>(
        _ new: (ImportOptions) throws -> ImportResult<Record>, _ old: (ImportOptions) throws -> ImportResult<Record>,
        map: [String: String], limits: ImportLimits, context: String
    ) {
        for keep in [true, false] {
            var reference = ImportOptions(columnMap: map, parallelThreshold: .max, limits: limits)
            reference.keepRecords = keep
            let expected = outcome { try old(reference) }
            for (workers, chunk) in [(1, 4 << 20), (2, 97), (3, 1024), (2, 4 << 20)] {
                var options = ImportOptions(columnMap: map, parallelThreshold: workers > 1 ? 0 : .max, limits: limits)
                options.workers = workers
                options.parallelChunkBytes = chunk
                options.keepRecords = keep
                let got = outcome { try new(options) }
                let where_ = "\(context) workers \(workers) chunk \(chunk) keep \(keep)"
                switch (got, expected) {
                case (.success(let a), .success(let b)): expectSame(a, b, where_)
                case (.failure(let a), .failure(let b)): #expect(a.description == b.description, "\(where_)")
                default: Issue.record("\(where_): \(got) vs \(expected)")
                }
            }
        }
    }

    static func randomCase(seed: Int, contracts: Bool) -> (bytes: [UInt8], map: [String: String], limits: ImportLimits) {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ (contracts ? 17 : 5))
        let columns = Self.columns(contracts: contracts, &rng)
        let bytes = file(columns, rows: 20 + rng.next(below: 400), &rng)
        var map: [String: String] = [:]
        for case let (from, to)? in columns.map(\.rename) { map[HeaderMap.normalise(from)] = HeaderMap.normalise(to) }
        var limits = ImportLimits.default
        if rng.next(below: 8) == 0 { limits.maxRecords = 5 + rng.next(below: 300) }
        return (bytes, map, limits)
    }

    @Test(arguments: 0..<40)
    func suppliersMatchStringPath(seed: Int) throws {
        let (bytes, map, limits) = Self.randomCase(seed: seed, contracts: false)
        let directory = TemporaryDirectory()
        let path = directory.file("suppliers.csv", bytes: bytes)
        Self.compare({ try NativeCSVImporter.suppliers(path: path, options: $0) }, { options in
            var converter = ReferenceSupplierRows()
            return try TableImport.read(path: path, columns: NativeCSVImporter.supplierColumns, required: NativeCSVImporter.supplierRequired, options: options) {
                row, findings throws(RowRejection) in try converter.convert(row, findings: &findings)
            }
        }, map: map, limits: limits, context: "suppliers seed \(seed)")
    }

    @Test(arguments: 0..<40)
    func contractsMatchStringPath(seed: Int) throws {
        let (bytes, map, limits) = Self.randomCase(seed: seed, contracts: true)
        let directory = TemporaryDirectory()
        let path = directory.file("contracts.csv", bytes: bytes)
        Self.compare({ try NativeCSVImporter.contracts(path: path, options: $0) }, { options in
            var converter = ReferenceContractRows()
            return try TableImport.read(path: path, columns: NativeCSVImporter.contractColumns, required: NativeCSVImporter.contractRequired, options: options) {
                row, findings throws(RowRejection) in try converter.convert(row, findings: &findings)
            }
        }, map: map, limits: limits, context: "contracts seed \(seed)")
    }

    /// Files whose header or CSV is at fault: the same error as the `String` path.
    @Test(arguments: [
        "", "\n\n", "name,country\nA,B\n", "supplier_id,id,name\nS1,S2,A\n", "supplier_id,name\nS1,\"A\"x\n",
        "supplier_id,name\nS1,\"open\n", "supplier_id,name\nS1,A\u{0}\n", "\u{FEFF}supplier_id;name;risk\nS1;A;0,5\nS2;B;x\n",
    ])
    func faultyFilesMatchStringPath(text: String) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("suppliers.csv", text)
        Self.compare({ try NativeCSVImporter.suppliers(path: path, options: $0) }, { options in
            var converter = ReferenceSupplierRows()
            return try TableImport.read(path: path, columns: NativeCSVImporter.supplierColumns, required: NativeCSVImporter.supplierRequired, options: options) {
                row, findings throws(RowRejection) in try converter.convert(row, findings: &findings)
            }
        }, map: [:], limits: .default, context: "faulty \(text.debugDescription)")
    }

    /// Repeated ids in different chunks: the first wins, later ones are rejected naming its
    /// line, and a repeat of a rejected row's id is not a repeat.
    @Test func repeatsAcrossChunks() throws {
        var text = "supplier_id,name,risk\n"
        for i in 0..<200 { text += "S\(i % 50),N\(i),\(i % 7 == 0 ? "x" : "0.5")\n" }
        let directory = TemporaryDirectory()
        let path = directory.file("suppliers.csv", text)
        var options = ImportOptions(parallelThreshold: 0)
        options.workers = 2
        options.parallelChunkBytes = 64
        let result = try NativeCSVImporter.suppliers(path: path, options: options)
        #expect(result.summary.accepted == 50)
        #expect(result.summary.rejectedByReason["duplicate-id"] == 150 - result.summary.rejectedByReason["invalid-number", default: 0])
        #expect(Set(result.records.map(\.id)) == Set((0..<50).map { "S\($0)" }))
        // Row i is on line i + 2; rows 7 (bad risk, so not registered) and 57 have id S7.
        let s7 = result.findings.first { $0.code == "duplicate-id" && $0.message.contains("'S7'") }
        #expect(s7?.message == "row rejected: supplier_id 'S7' is already used at line 59")
        #expect(s7?.location?.line == 109)
    }
}
