import Testing
@testable import Importers
import SupplyChainModel

/// The links fast path (bytes straight into a ``LinkTable``, chunks converted on workers) must
/// give what the record path gives, plus the `unknown-supplier` rejections the network makes.
@Suite("Links read into a table")
struct LinkTableReaderTests {
    static let known = (0..<40).map { "S\($0)" }

    /// Random links files: padded ids, unknown ids, blank rows, missing and bad shares (`abc`,
    /// `1.5`, `0`, `25%`, `1e-2`), quoted goods with commas and line breaks, non-ASCII goods and
    /// ids (UTF-8 and Windows-1252), rows wider than the header, CRLF line ends.
    static func randomLinks(_ rng: inout SplitMix64, rows: Int) -> [UInt8] {
        var out = Array("buyer_id,supplier_id,share,good\r\n".utf8)
        func pick<T>(_ values: [T]) -> T { values[Int(rng.next() % UInt64(values.count))] }
        for _ in 0..<rows {
            if rng.next() % 23 == 0 { out += Array(",,,\r\n".utf8); continue }
            let id = { (rng: inout SplitMix64) -> [UInt8] in
                switch rng.next() % 12 {
                case 0: return Array(" S\(rng.next() % 40) ".utf8)
                case 1: return Array("X\(rng.next() % 5)".utf8)
                case 2: return []
                case 3: return [0x53, 0xE9]  // "Sé" in Windows-1252
                default: return Array("S\(rng.next() % 40)".utf8)
                }
            }
            out += id(&rng) + [0x2C] + id(&rng) + [0x2C]
            out += Array(pick(["0.25", "", " 0.5 ", "abc", "1.5", "0", "25%", "1e-2", "0.333333", "-0.1"]).utf8) + [0x2C]
            out += Array(pick(["cotton", "", "\"tin, refined\"", "\"multi\nline\"", "café", " polysilicon "]).utf8)
            if rng.next() % 19 == 0 { out += Array(",extra".utf8) }
            out += Array("\r\n".utf8)
        }
        return out
    }

    /// The record path, with the network's `unknown-supplier` check applied the same way.
    static func viaRecords(_ path: String) throws -> (links: [SupplyLink], findings: [Finding], summary: ImportSummary, rejected: Int) {
        let result = try NativeCSVImporter.links(path: path)
        var summary = result.summary
        var findings = result.findings
        var kept: [SupplyLink] = []
        for link in result.records {
            let unknown = [known.contains(link.buyerID) ? nil : "buyer_id '\(link.buyerID)'", known.contains(link.supplierID) ? nil : "supplier_id '\(link.supplierID)'"]
                .compactMap { $0 }
            if unknown.isEmpty { kept.append(link); continue }
            summary.accepted -= 1
            summary.reject(reason: "unknown-supplier")
            findings.append(Finding(.error, code: "unknown-supplier", "row rejected: " + (unknown.count == 2 ? "neither \(unknown[0]) nor \(unknown[1]) names a supplier" : "\(unknown[0]) names no supplier") + " in the suppliers file", at: link.location))
        }
        return (kept, findings, summary, result.rejectedRows.count)
    }

    static let lookup: SupplierLookup = { keys, ends in
        ends.indices.map { i in
            let key = String(decoding: keys[(i == 0 ? 0 : ends[i - 1])..<ends[i]], as: UTF8.self)
            return known.firstIndex(of: key).map(Int32.init) ?? -1
        }
    }

    @Test(arguments: 0..<30)
    func tableEqualsRecordPath(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
        let directory = TemporaryDirectory()
        let path = directory.file("links.csv", bytes: Self.randomLinks(&rng, rows: 50 + Int(rng.next() % 400)))
        let expected = try Self.viaRecords(path)
        for (workers, chunk) in [(1, 4 << 20), (3, 97), (2, 1024)] {
            var options = ImportOptions(parallelThreshold: workers > 1 ? 0 : .max)
            options.workers = workers
            options.parallelChunkBytes = chunk
            let read = try NativeCSVImporter.linkTable(path: path, options: options, supplier: Self.lookup)
            let table = read.table
            #expect(table.count == expected.links.count)
            for (i, link) in expected.links.enumerated() where i < table.count {
                #expect(Self.known[Int(table.buyers[i])] == link.buyerID)
                #expect(Self.known[Int(table.suppliers[i])] == link.supplierID)
                #expect(table.share(at: i) == link.share)
                #expect(table.good(at: i) == link.good)
                #expect(table.location(at: i) == link.location)
            }
            // Same findings in the same order; the unknown-supplier ones come in row order.
            let isUnknown = { (f: Finding) in f.code == "unknown-supplier" }
            #expect(read.findings.filter { !isUnknown($0) } == expected.findings.filter { !isUnknown($0) }, "workers \(workers), chunk \(chunk)")
            #expect(read.findings.filter(isUnknown) == expected.findings.filter(isUnknown))
            #expect(read.summary == expected.summary)
            #expect(read.rejectedRows.count == read.summary.rejected)
            #expect(read.summary.read == read.summary.accepted + read.summary.rejected + read.summary.blank)
        }
    }

    /// `flrisk validate` checks a native links file on the byte path: the same counts and
    /// findings as the record path, on a single reader and on workers with small chunks.
    @Test(arguments: 0..<12)
    func checkLinksReportsWhatTheRecordPathReports(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7_919 &+ 11)
        let directory = TemporaryDirectory()
        let path = directory.file("links.csv", bytes: Self.randomLinks(&rng, rows: 50 + Int(rng.next() % 400)))
        let expected = try NativeCSVImporter.links(path: path)
        #expect(expected.summary.rejected > 0 && expected.summary.accepted > 0)
        for (workers, chunk) in [(1, 4 << 20), (2, 97)] {
            var options = ImportOptions(parallelThreshold: workers > 1 ? 0 : .max)
            options.workers = workers
            options.parallelChunkBytes = chunk
            let checked = try Inputs.checkLinks(path: path, options: options)
            #expect(checked.summary == expected.summary, "workers \(workers)")
            #expect(checked.findings == expected.findings, "workers \(workers)")
        }
    }

    /// A links file that cannot be read fails `validate` as ``Inputs/links(path:format:options:)``
    /// fails (what `validate` called before): empty,
    /// header only with a column missing, a duplicate column, a missing file.
    @Test(arguments: ["", "buyer_id,share\nS1,0.5\n", "buyer_id,supplier_id,buyer\nS1,S2,S3\n", nil] as [String?])
    func checkLinksFailsAsTheRecordPathFails(text: String?) throws {
        let directory = TemporaryDirectory()
        let path = text.map { directory.file("links.csv", $0) } ?? directory.url.appendingPathComponent("absent.csv").path
        func failure(_ read: () throws -> Void) -> String? {
            do { try read() } catch { return "\(error)" }
            return nil
        }
        let expected = failure { _ = try Inputs.links(path: path) }
        #expect(expected != nil)
        #expect(failure { _ = try Inputs.checkLinks(path: path) } == expected)
    }

    /// Windows-1252 bytes in the header, and in a field after a quoted field spanning lines:
    /// the table path notes them as the record path does (the header too, and the field at its
    /// own line).
    static let windows1252Files: [([UInt8], Int)] = {
        let header: [UInt8] = Array("buyer_id,supplier_id,share,good,note".utf8)
        let inHeader: [UInt8] = header + [0xE9] + Array("\nS1,S2,0.5,cotton,x\n".utf8)
        let rows: [UInt8] = Array("\nS1,S2,0.5,cotton,x\nS1,S3,0.5,\"two\nlines\",caf".utf8)
        let afterLines: [UInt8] = header + rows + [0xE9, 0x0A]
        return [(inHeader, 1), (afterLines, 4)]
    }()

    @Test(arguments: windows1252Files)
    func windows1252IsNotedWhereTheRecordPathNotesIt(bytes: [UInt8], line: Int) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("links.csv", bytes: bytes)
        let encoding = { (findings: [Finding]) in findings.filter { $0.code == "non-utf8" } }
        let expected = encoding(try NativeCSVImporter.links(path: path).findings)
        #expect(expected.count == 1 && expected.first?.location?.line == line, "\(expected)")
        for workers in [1, 2] {
            var options = ImportOptions(parallelThreshold: workers > 1 ? 0 : .max)
            options.workers = workers
            options.parallelChunkBytes = 16
            #expect(encoding(try NativeCSVImporter.linkTable(path: path, options: options, supplier: Self.lookup).findings) == expected)
        }
    }

    /// Goods are numbered once per name: many distinct goods (past the byte table's first
    /// growth) each get their own number, and a good first written with a canonically
    /// equivalent non-ASCII spelling (U+212A KELVIN SIGN) keeps that number in ASCII rows.
    @Test func goodsAreNumberedOncePerName() throws {
        let directory = TemporaryDirectory()
        var text = "buyer_id,supplier_id,share,good\n"
        text += "S0,S1,0.5,\u{212A}nit\n"
        for i in 0..<100 { text += "S\(i % 40),S\((i + 1) % 40),,good \(i % 50)\n" }
        text += "S2,S3,0.5,Knit\n"
        let path = directory.file("links.csv", text)
        for workers in [1, 2] {
            var options = ImportOptions(parallelThreshold: workers > 1 ? 0 : .max)
            options.workers = workers
            options.parallelChunkBytes = 64
            let table = try NativeCSVImporter.linkTable(path: path, options: options, supplier: Self.lookup).table
            #expect(table.count == 102)
            #expect(table.goodNames.count == 51, "workers \(workers)")
            #expect(table.goods[0] == table.goods[101])
            #expect(table.good(at: 101) == "\u{212A}nit")
            for i in 1...100 { #expect(table.good(at: i) == "good \((i - 1) % 50)") }
            #expect(Set((1...100).map { table.goods[$0] }).count == 50)
        }
    }

    @Test func malformedCSVStopsWithTheSequentialError() throws {
        let directory = TemporaryDirectory()
        var text = "buyer_id,supplier_id,share\n"
        for i in 0..<500 { text += "S\(i % 40),S\((i + 1) % 40),0.1\n" }
        text += "S1,\"S2\"x,0.1\n"
        let path = directory.file("bad.csv", text)
        var options = ImportOptions(parallelThreshold: 0)
        options.parallelChunkBytes = 512
        options.workers = 3
        #expect(throws: InputError.self) { try NativeCSVImporter.linkTable(path: path, options: options, supplier: Self.lookup) }
        do {
            _ = try NativeCSVImporter.linkTable(path: path, options: options, supplier: Self.lookup)
        } catch let error as InputError {
            #expect(error.code == "malformed-csv")
            #expect(error.location.line == 502)
        }
    }

    @Test func recordCapNamesTheFirstRecordOverIt() throws {
        let directory = TemporaryDirectory()
        var text = "buyer_id,supplier_id\n"
        for i in 0..<300 { text += "S\(i % 40),S\((i + 1) % 40)\n" }
        let path = directory.file("many.csv", text)
        var options = ImportOptions(parallelThreshold: 0, limits: ImportLimits(maxRecords: 200))
        options.parallelChunkBytes = 256
        options.workers = 2
        do {
            _ = try NativeCSVImporter.linkTable(path: path, options: options, supplier: Self.lookup)
            Issue.record("expected too-many-records")
        } catch let error as InputError {
            #expect(error.code == "too-many-records")
            #expect(error.location.line == 201)
        }
    }
}

/// `flrisk validate` reads with `keepRecords` off: the same counts and findings, no records
/// kept, so memory does not grow with the file.
@Suite("Reading without keeping records")
struct CountOnlyReadTests {
    @Test func countsAndFindingsWithoutRecords() throws {
        var rng = SplitMix64(seed: 99)
        let directory = TemporaryDirectory()
        let path = directory.file("links.csv", bytes: LinkTableReaderTests.randomLinks(&rng, rows: 300))
        var countOnly = ImportOptions()
        countOnly.keepRecords = false
        let full = try NativeCSVImporter.links(path: path)
        let counted = try NativeCSVImporter.links(path: path, options: countOnly)
        #expect(counted.records.isEmpty && counted.rejectedRows.isEmpty)
        #expect(!full.records.isEmpty && !full.rejectedRows.isEmpty)
        #expect(counted.summary == full.summary)
        #expect(counted.findings == full.findings)
        let table = try NativeCSVImporter.linkTable(path: path, options: countOnly, supplier: LinkTableReaderTests.lookup)
        #expect(table.table.count == 0 && table.rejectedRows.isEmpty)
        #expect(table.summary.read == full.summary.read)
    }
}
