import Testing
@testable import Importers
import SupplyChainModel

/// Parallel chunked parsing must give exactly what sequential parsing gives: records, line
/// numbers, encoding findings, and the same error (code, line, column) on malformed input.
@Suite("Parallel chunked CSV")
struct ParallelCSVTests {
    /// Random CSV with quoted fields holding delimiters, doubled quotes, LF / CRLF / CR line
    /// ends, blank lines, Windows-1252 bytes and long fields, so chunk boundaries fall inside
    /// quoted fields often.
    static func randomCSV(_ rng: inout SplitMix64, rows: Int, malformed: Bool) -> [UInt8] {
        var out: [UInt8] = Array("a,b,c\n".utf8)
        let ends: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        let badRow = malformed ? rows / 3 + Int(rng.next() % UInt64(max(1, rows / 2))) : -1
        for row in 0..<rows {
            if rng.next() % 17 == 0 { out += ends[Int(rng.next() % 3)] }  // a blank line
            for field in 0..<3 {
                if field > 0 { out.append(UInt8(ascii: ",")) }
                switch rng.next() % 6 {
                case 0:
                    out += Array("\"".utf8)
                    for _ in 0..<Int(rng.next() % 40) {
                        let pick = rng.next() % 8
                        out += pick == 0 ? Array("\"\"".utf8) : pick == 1 ? ends[Int(rng.next() % 3)] : pick == 2 ? [UInt8(ascii: ",")] : [UInt8(ascii: "a") + UInt8(rng.next() % 26)]
                    }
                    out += Array("\"".utf8)
                case 1: out += [0x43, 0xF4, 0x74, 0xE9]  // "Côté" in Windows-1252
                case 2: out += Array("Côté".utf8)
                case 3: break
                default: out += Array(String(rng.next() % 100_000).utf8)
                }
            }
            if row == badRow {
                out += Array("\"x\"y".utf8)  // a character after a closing quote
            }
            out += ends[Int(rng.next() % 3)]
        }
        return out
    }

    static func read(_ path: String, parallel: Bool, chunk: Int) -> (records: [CSVRecord], findings: [Finding], error: InputError?, parallel: Bool) {
        var reader = CSVReader(path: path)
        reader.parallelThreshold = parallel ? 0 : .max
        reader.parallelChunkBytes = chunk
        reader.workers = parallel ? 3 : 1
        var records: [CSVRecord] = []
        do {
            let report = try reader.forEachRecord { records.append($0) }
            return (records, report.findings, nil, report.parallel)
        } catch let error as InputError {
            return ([], [], error, parallel)
        } catch {
            return ([], [], InputError(code: "unexpected", "\(error)", at: SourceLocation(file: path, line: 0)), parallel)
        }
    }

    @Test(arguments: 0..<40)
    func parallelEqualsSequentialOnRandomInputs(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919)
        let malformed = seed % 4 == 3
        let bytes = Self.randomCSV(&rng, rows: 50 + Int(rng.next() % 400), malformed: malformed)
        let dir = TemporaryDirectory()
        let path = dir.file("r.csv", bytes: bytes)
        let chunk = 16 + Int(rng.next() % 512)  // tiny chunks: many boundaries, many inside quotes
        let sequential = Self.read(path, parallel: false, chunk: chunk)
        let parallel = Self.read(path, parallel: true, chunk: chunk)
        #expect(parallel.parallel)
        #expect(parallel.records == sequential.records)
        #expect(parallel.findings == sequential.findings)
        #expect(parallel.error?.code == sequential.error?.code)
        #expect(parallel.error?.location == sequential.error?.location)
        if malformed { #expect(sequential.error?.code == "malformed-csv") } else { #expect(sequential.error == nil) }
    }

    @Test func aQuoteNeverClosedIsTheSameErrorInParallel() throws {
        let dir = TemporaryDirectory()
        let text = "a,b\n" + (1...200).map { "\($0),x\n" }.joined() + "201,\"open\n" + (1...200).map { "\($0),y\n" }.joined()
        let path = dir.file("q.csv", text)
        let sequential = Self.read(path, parallel: false, chunk: 64)
        let parallel = Self.read(path, parallel: true, chunk: 64)
        #expect(sequential.error?.code == "unterminated-quote" && sequential.error?.location.line == 202)
        #expect(parallel.error?.location == sequential.error?.location)
    }

    @Test func aRecordLargerThanAWindowFallsBackToSequential() throws {
        let dir = TemporaryDirectory()
        let big = String(repeating: "z,\n", count: 3000)
        let path = dir.file("big.csv", "a,b\n1,\"\(big)\"\n2,y\r\n3,z")
        let parallel = Self.read(path, parallel: true, chunk: 100)
        #expect(parallel.records.map(\.line) == [1, 2, 3003, 3004])
        #expect(parallel.records == Self.read(path, parallel: false, chunk: 100).records)
    }

    @Test func crlfSplitAcrossAWindowIsOneLineEnd() throws {
        // Put a CR exactly at every possible window end.
        for chunk in 3...12 {
            let dir = TemporaryDirectory()
            let path = dir.file("c.csv", "a,b\r\n1,2\r\n\r\n33,44\r\n5,6\r\n")
            #expect(Self.read(path, parallel: true, chunk: chunk).records == Self.read(path, parallel: false, chunk: chunk).records, "chunk \(chunk)")
        }
    }

    @Test func recordBoundariesIgnoreLineEndsInsideQuotes() {
        let bytes = Array("a,\"x\ny\"\nb,c\r\nd\r".utf8)
        let scan = bytes.withUnsafeBufferPointer { RecordBoundaries.scan($0, targets: [1, 9], atEndOfFile: false) }
        #expect(scan.splits == [8, 13])
        #expect(scan.last == 13)  // the final CR may be half of a CRLF
    }

    @Test func tableImportIsTheSameInParallel() throws {
        var rng = SplitMix64(seed: 99)
        var text = "buyer_id,supplier_id,share,good\n"
        for i in 0..<5000 {
            text += "B\(rng.next() % 50),S\(i),\(rng.next() % 3 == 0 ? "x" : "0.\(rng.next() % 99 + 1)"),\"cotton, \"\"raw\"\"\nbale\"\n"
        }
        let dir = TemporaryDirectory()
        let path = dir.file("l.csv", text)
        let sequential = try NativeCSVImporter.links(path: path, options: ImportOptions(parallelThreshold: .max))
        let parallel = try NativeCSVImporter.links(path: path, options: ImportOptions(parallelThreshold: 0))
        #expect(parallel.records == sequential.records)
        #expect(parallel.findings == sequential.findings)
        #expect(parallel.summary == sequential.summary)
        #expect(parallel.summary.read == parallel.summary.accepted + parallel.summary.rejected + parallel.summary.blank)
    }
}
