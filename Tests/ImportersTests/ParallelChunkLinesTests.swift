import Testing
@testable import Importers
import SupplyChainModel

/// Chunks are parsed counting lines from 1 and placed afterwards; a failing chunk is parsed
/// again from its real line. These check that records, lines, transcoding reports and errors
/// (message included) still equal sequential parsing, and that the fast boundary scan equals
/// a plain byte-by-byte one.
@Suite("Parallel chunk line placement")
struct ParallelChunkLinesTests {
    /// The byte-by-byte scan the fast one replaced: the reference.
    static func referenceScan(_ bytes: [UInt8], targets: [Int], atEndOfFile: Bool) -> (splits: [Int], last: Int) {
        var splits: [Int] = [], next = 0, quoted = false, last = 0, i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted && (byte == 0x0A || byte == 0x0D) {
                var end = i + 1
                if byte == 0x0D {
                    if end < n {
                        if bytes[end] == 0x0A { end += 1 }
                    } else if !atEndOfFile {
                        break
                    }
                }
                last = end
                while next < targets.count && targets[next] <= end {
                    splits.append(end)
                    next += 1
                }
                i = end
                continue
            }
            i += 1
        }
        return (splits, last)
    }

    @Test(arguments: 0..<60)
    func boundaryScanEqualsByteByByteScan(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 31 &+ 7)
        let alphabet: [UInt8] = [0x22, 0x0A, 0x0D, 0x2C, 0x61, 0x62, 0x22, 0x61]
        // Mostly long lines, so that targets fall far from line ends; some all-text windows.
        let n = Int(rng.next() % 70_000)
        let lineEvery = [3, 40, 5000, 200_000][Int(rng.next() % 4)]
        let bytes: [UInt8] = (0..<n).map { _ in
            rng.next() % UInt64(lineEvery) == 0 ? alphabet[1 + Int(rng.next() % 2)] : alphabet[Int(rng.next() % UInt64(alphabet.count))] == 0x22 && rng.next() % 4 != 0 ? 0x61 : alphabet[Int(rng.next() % UInt64(alphabet.count))]
        }
        var targets: [Int] = []
        let count = Int(rng.next() % 5)
        for k in 1...max(1, count) { targets.append(n * k / (count + 1) + Int(rng.next() % 3)) }
        for eof in [false, true] {
            let fast = bytes.withUnsafeBufferPointer { RecordBoundaries.scan($0, targets: targets, atEndOfFile: eof) }
            let reference = Self.referenceScan(bytes, targets: targets, atEndOfFile: eof)
            #expect(fast.splits == reference.splits, "seed \(seed), eof \(eof)")
            #expect(fast.last == reference.last, "seed \(seed), eof \(eof)")
        }
    }

    @Test func quoteCountEqualsNaiveCount() {
        var rng = SplitMix64(seed: 5)
        let bytes: [UInt8] = (0..<20_000).map { _ in rng.next() % 3 == 0 ? 0x22 : UInt8(rng.next() % 256) }
        for _ in 0..<200 {
            let a = Int(rng.next() % 20_000), b = Int(rng.next() % 20_000)
            let range = min(a, b)..<max(a, b)
            let fast = bytes.withUnsafeBufferPointer { RecordBoundaries.quotes($0, range) }
            #expect(fast == bytes[range].filter { $0 == 0x22 }.count)
        }
    }

    static func read(_ path: String, workers: Int, chunk: Int, limits: ImportLimits = .default) -> (records: [CSVRecord], findings: [Finding], error: InputError?) {
        var reader = CSVReader(path: path)
        reader.parallelThreshold = workers > 1 ? 0 : .max
        reader.parallelChunkBytes = chunk
        reader.workers = workers
        reader.limits = limits
        var records: [CSVRecord] = []
        do {
            let report = try reader.forEachRecord { records.append($0) }
            return (records, report.findings, nil)
        } catch let error as InputError {
            return (records, [], error)
        } catch {
            return (records, [], InputError(code: "unexpected", "\(error)", at: SourceLocation(file: path, line: 0)))
        }
    }

    /// Sequential and parallel (several tiny chunk sizes) agree on everything, error text too.
    static func expectSame(_ text: [UInt8], limits: ImportLimits = .default, _ comment: Comment? = nil) {
        let directory = TemporaryDirectory()
        let path = directory.file("p.csv", bytes: text)
        let sequential = read(path, workers: 1, chunk: 1 << 20, limits: limits)
        for (workers, chunk) in [(2, 7), (3, 33), (2, 100), (4, 257)] {
            let parallel = read(path, workers: workers, chunk: chunk, limits: limits)
            #expect(parallel.findings == sequential.findings, comment)
            #expect(parallel.error?.code == sequential.error?.code, comment)
            #expect(parallel.error?.message == sequential.error?.message, comment)
            #expect(parallel.error?.location == sequential.error?.location, comment)
            if sequential.error == nil { #expect(parallel.records == sequential.records, comment) }
        }
    }

    @Test func quotedLineEndsKeepLinesInEveryChunk() {
        var text = "a,b,c\n"
        for i in 0..<300 {
            text += ["\(i),\"x\ny\",z\n", "\(i),\"x\r\ny\"\r\n", "\(i),\"\r\",\"\n\"\r", "\(i),,\n\n", "\(i),\"a\"\"b\",c\r\n"][i % 5]
        }
        Self.expectSame(Array(text.utf8))
    }

    @Test func transcodedFieldsReportTheirOwnLine() {
        // The first Windows-1252 field sits after a quoted field spanning lines, in a late chunk.
        var bytes = Array("a,b,c\n".utf8)
        for i in 0..<200 { bytes += Array("\(i),plain,text\n".utf8) }
        bytes += Array("x,\"two\nlines\",".utf8) + [0x43, 0xF4, 0x74, 0xE9] + [0x0A]
        for i in 0..<50 { bytes += Array("\(i),".utf8) + [0xE9] + [0x0A] }
        Self.expectSame(bytes)
        let directory = TemporaryDirectory()
        let path = directory.file("t.csv", bytes: bytes)
        let parallel = Self.read(path, workers: 2, chunk: 64)
        #expect(parallel.findings.first?.location?.line == 203)
    }

    @Test func errorsInLateChunksMatchSequentialText() {
        let rows = (1...400).map { "\($0),\"q\nr\",s\n" }.joined()
        Self.expectSame(Array(("a,b,c\n" + rows + "1,\"open\n" + rows).utf8), "unterminated")
        Self.expectSame(Array(("a,b,c\n" + rows + "1,\"x\"y,2\n" + rows).utf8), "malformed")
        Self.expectSame(Array("a,b,c\n".utf8) + Array(rows.utf8) + [0x31, 0x2C, 0x00, 0x0A] + Array(rows.utf8), "NUL")
        Self.expectSame(Array(("a,b,c\n" + rows + "1," + String(repeating: "w", count: 300) + "\n" + rows).utf8),
                        limits: ImportLimits(maxFieldBytes: 200), "field size")
        Self.expectSame(Array(("a,b,c\n" + rows + "1,2,3,4,5,6\n" + rows).utf8), limits: ImportLimits(maxColumns: 5), "columns")
        Self.expectSame(Array(("a,b,c\n" + rows).utf8), limits: ImportLimits(maxRecords: 250), "records")
    }
}
