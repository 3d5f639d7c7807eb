import FlriskTestSupport
import Testing
@testable import Importers
import SupplyChainModel

/// The parallel FPDS reader gives exactly what sequential reading gives.
@Suite("FPDS feeds read in parallel chunks")
struct FPDSParallelTests {
    /// What reading gives: the whole result, or the error with its place.
    enum Read: Equatable {
        case result(records: [Contract], findings: [Finding], summary: ImportSummary, rejected: [RejectedRow])
        case error(code: String, message: String, file: String, line: Int, column: Int?)
    }

    static let sequential = FPDSParallelism(threshold: .max)

    static func read(_ paths: [String], _ parallel: FPDSParallelism, limits: ImportLimits = .default) -> Read {
        do {
            let r = try FPDSFeed.contracts(paths: paths, limits: limits, parallel: parallel)
            return .result(records: r.records, findings: r.findings, summary: r.summary, rejected: r.rejectedRows)
        } catch let error as InputError {
            return .error(code: error.code, message: error.message, file: error.location.file, line: error.location.line, column: error.location.column)
        } catch {
            return .error(code: "other", message: "\(error)", file: "", line: 0, column: nil)
        }
    }

    /// Chunks parsed in parallel and kept when `path` is read with `parallel`.
    static func keptChunks(_ path: String, _ parallel: FPDSParallelism, limits: ImportLimits = .default) throws -> Int {
        let reader = FPDSEntryReader(file: path)
        return try ParallelFPDS(path: path, limits: limits, parallelism: parallel).run(into: reader)
    }

    /// Expects every parallel setting to read `paths` as sequential reading does; returns that.
    @discardableResult
    static func expectSame(_ paths: [String], chunkBytes: [Int] = [40, 300, 1000, 4000], limits: ImportLimits = .default, _ note: String = "") -> Read {
        let expected = read(paths, sequential, limits: limits)
        for bytes in chunkBytes {
            for workers in [2, 3] {
                let got = read(paths, FPDSParallelism(threshold: 0, chunkBytes: bytes, workers: workers), limits: limits)
                #expect(got == expected, "chunkBytes \(bytes), workers \(workers) \(note)")
            }
        }
        return expected
    }

    static let atom = FPDSFeed.atomNamespace, fpds = FPDSFeed.fpdsNamespace

    /// One entry with the prefixes `a` (Atom) and `f` (FPDS); `extra` goes inside the award.
    static func entry(_ a: String, _ f: String, piid: String, amount: String = "10.50", extra: String = "", declare: String = "") -> String {
        let e = a.isEmpty ? "entry" : "\(a):entry", c = a.isEmpty ? "content" : "\(a):content"
        return "<\(e)\(declare)><\(c)><\(f):award><\(f):awardID><\(f):awardContractID><\(f):PIID>\(piid)</\(f):PIID></\(f):awardContractID></\(f):awardID>"
            + "<\(f):dollarValues><\(f):obligatedAmount>\(amount)</\(f):obligatedAmount></\(f):dollarValues>\(extra)"
            + "<\(f):vendor><\(f):vendorHeader><\(f):vendorName>V \(piid)</\(f):vendorName></\(f):vendorHeader></\(f):vendor></\(f):award></\(c)></\(e)>"
    }

    /// A feed page of `entries` (each on its own line).
    static func page(_ entries: [String], root: String = "<a:feed xmlns:a=\"\(FPDSFeed.atomNamespace)\" xmlns:f=\"\(FPDSFeed.fpdsNamespace)\">", end: String = "</a:feed>", newline: String = "\n") -> String {
        root + newline + entries.joined(separator: newline) + newline + end + newline
    }

    @Test func aRegularFeedIsParsedInParallelChunks() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("feed.xml", Self.page((0..<200).map { Self.entry("a", "f", piid: "P\($0)") }))
        #expect(try Self.keptChunks(path, FPDSParallelism(threshold: 0, chunkBytes: 2000, workers: 2)) > 10)
        guard case .result(let records, _, _, _) = Self.expectSame([path]) else { Issue.record("no result"); return }
        #expect(records.count == 200 && records[199].id == "P199" && records[199].location.line == 201)
    }

    @Test func theBenchmarkShapeMatchesAcrossChunkSizes() throws {
        // The shape ingest-bench writes: prefixes ns0/ns1, indented, one element per line.
        let dir = TemporaryDirectory()
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ns0:feed xmlns:ns0=\"\(Self.atom)\"\n    xmlns:ns1=\"\(Self.fpds)\">\n  <ns0:title>t</ns0:title>\n"
        for i in 0..<120 {
            text += "  <ns0:entry>\n    <ns0:content type=\"application/xml\">\n      <ns1:award version=\"1.4\">\n"
            text += "        <ns1:awardID><ns1:awardContractID><ns1:PIID>P\(i % 97)</ns1:PIID><ns1:modNumber>\(i % 3)</ns1:modNumber></ns1:awardContractID></ns1:awardID>\n"
            text += "        <ns1:vendor><ns1:vendorHeader><ns1:vendorName>V\(i)</ns1:vendorName></ns1:vendorHeader></ns1:vendor>\n      </ns1:award>\n    </ns0:content>\n  </ns0:entry>\n"
        }
        let path = dir.file("bench.xml", text + "</ns0:feed>\n")
        #expect(try Self.keptChunks(path, FPDSParallelism(threshold: 0, chunkBytes: 3000, workers: 2)) > 5)
        Self.expectSame([path], chunkBytes: [100, 777, 3000, 20000])
    }

    @Test func duplicateIdsAcrossChunksKeepTheFirst() throws {
        let dir = TemporaryDirectory()
        let entries = (0..<100).map { Self.entry("a", "f", piid: "P\($0 % 30)", amount: $0 == 70 ? "lots" : "1") }
        let path = dir.file("dup.xml", Self.page(entries))
        guard case .result(let records, _, let summary, let rejected) = Self.expectSame([path]) else { Issue.record("no result"); return }
        #expect(records.count == 30 && summary.rejectedByReason == ["duplicate-id": 70])
        #expect(rejected.first?.reason == "contract 'P0' is already used at line 2" && rejected.first?.location.line == 32)
        // Several files: the second names the first file.
        let other = dir.file("other.xml", Self.page((0..<50).map { Self.entry("b", "g", piid: "P\($0)") }, root: "<b:feed xmlns:b=\"\(Self.atom)\" xmlns:g=\"\(Self.fpds)\">"))
        Self.expectSame([path, other])
    }

    @Test(arguments: [
        "<!-- </a:entry>\n<a:entry> -->",
        "<f:description><![CDATA[ </a:entry>\n ]]></f:description>",
        "<?note </a:entry>\n?>",
        "<a:entry><a:title>inner</a:title></a:entry>\n",
    ])
    func markupHoldingAFakeEndTagIsReadAsSequentially(fake: String) throws {
        let dir = TemporaryDirectory()
        // The fake end tag in several entries, so some chunk cut falls inside it.
        let entries = (0..<60).map { i in i % 7 == 3 ? Self.entry("a", "f", piid: "P\(i)", extra: fake) : Self.entry("a", "f", piid: "P\(i)") }
        Self.expectSame([dir.file("fake.xml", Self.page(entries))], chunkBytes: Array(stride(from: 200, to: 1400, by: 97)))
    }

    @Test func namespacePrefixesDeclaredAtEveryLevel() throws {
        let dir = TemporaryDirectory()
        var entries: [String] = []
        for i in 0..<40 {
            switch i % 4 {
            case 0: entries.append(Self.entry("", "f", piid: "D\(i)"))  // the default namespace of the root
            case 1: entries.append(Self.entry("x", "y", piid: "E\(i)", declare: " xmlns:x=\"\(Self.atom)\" xmlns:y=\"\(Self.fpds)\""))
            case 2: entries.append(Self.entry("", "f", piid: "F\(i)").replacingOccurrences(of: "<f:award>", with: "<f:award xmlns:f=\"urn:other\">"))
            default: entries.append("<w:wrap xmlns:w=\"urn:w\" xmlns:z=\"\(Self.fpds)\">\n" + Self.entry("", "z", piid: "W\(i)") + "\n</w:wrap>")
            }
        }
        let root = "<feed xmlns=\"\(Self.atom)\"\n  xmlns:f=\"\(Self.fpds)\">"
        guard case .result(let records, _, _, _) = Self.expectSame([dir.file("ns.xml", Self.page(entries, root: root, end: "</feed>"))]) else { Issue.record("no result"); return }
        #expect(records.map(\.id).contains("W3") && records.map(\.id).contains("E1"))
    }

    @Test func concatenatedPagesAndCRLF() throws {
        let dir = TemporaryDirectory()
        let one = Self.page((0..<30).map { Self.entry("a", "f", piid: "A\($0)") })
        let two = Self.page((0..<30).map { Self.entry("n0", "n1", piid: "B\($0)") }, root: "<?xml version=\"1.0\"?>\n<n0:feed xmlns:n0=\"\(Self.atom)\" xmlns:n1=\"\(Self.fpds)\">", end: "</n0:feed>", newline: "\r\n")
        Self.expectSame([dir.file("pages.xml", one + two + one)])
        Self.expectSame([dir.file("crlf.xml", two + one)])
    }

    @Test func aMalformedEntryInALaterChunkGivesTheSequentialError() throws {
        let dir = TemporaryDirectory()
        for bad in [25, 50, 75] {
            var entries = (0..<100).map { Self.entry("a", "f", piid: "P\($0)") }
            entries[bad] = entries[bad].replacingOccurrences(of: "</f:PIID>", with: "</f:PIDD>")
            let expected = Self.expectSame([dir.file("bad\(bad).xml", Self.page(entries))], chunkBytes: [300, 2000, 5000])
            guard case .error(let code, _, _, let line, let column) = expected else { Issue.record("no error"); return }
            #expect(code == "malformed-xml" && line == bad + 2 && column != nil)
        }
    }

    @Test func truncatedFilesGiveTheSequentialError() throws {
        let dir = TemporaryDirectory()
        let text = Array(Self.page((0..<40).map { Self.entry("a", "f", piid: "P\($0)") }).utf8)
        var random = SeededGenerator(seed: 7)
        for k in 0..<12 {
            let cut = k == 0 ? text.count - 9 : random.next(below: text.count)
            Self.expectSame([dir.file("cut\(k).xml", String(decoding: text[..<cut], as: UTF8.self))], chunkBytes: [300, 3000], "cut at \(cut)")
        }
    }

    @Test func limitsAreTheSequentialOnes() throws {
        let dir = TemporaryDirectory()
        var entries = (0..<60).map { Self.entry("a", "f", piid: "P\($0)") }
        let path = dir.file("feed.xml", Self.page(entries))
        // The root and 60 entries of 11 elements: the cap falls in a later chunk, or just fits.
        for cap in [300, 660, 661] { Self.expectSame([path], limits: ImportLimits(maxRecords: cap)) }
        entries[40] = entries[40].replacingOccurrences(of: "V P40", with: String(repeating: "v", count: 3000))
        Self.expectSame([dir.file("long.xml", Self.page(entries))], limits: ImportLimits(maxFieldBytes: 2000))
        entries[45] = "<a:entry>" + String(repeating: "<f:d>", count: 70) + String(repeating: "</f:d>", count: 70) + "</a:entry>"
        Self.expectSame([dir.file("deep.xml", Self.page(entries))])
    }

    @Test func filesThatStartOtherwiseAreReadSequentially() throws {
        let dir = TemporaryDirectory()
        let body = Self.page((0..<20).map { Self.entry("a", "f", piid: "P\($0)") })
        for head in ["\u{FEFF}", "\n  ", "<!-- c -->", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<!DOCTYPE feed>"] {
            Self.expectSame([dir.file("head.xml", head + body)], chunkBytes: [300])
        }
        Self.expectSame([dir.file("notfeed.xml", body.replacingOccurrences(of: "a:feed", with: "a:page"))], chunkBytes: [300])
    }

    @Test func randomFeedsReadAsSequentially() throws {
        let dir = TemporaryDirectory()
        var random = SeededGenerator(seed: 2026)
        for round in 0..<40 {
            let text = Self.randomFeed(&random)
            Self.expectSame([dir.file("r\(round).xml", text)], chunkBytes: [64 + random.next(below: 400), 500 + random.next(below: 3000)], "round \(round)")
        }
    }

    /// A feed of one to three pages with random prefixes, line ends, ids (some repeated),
    /// bad values, comments, CDATA and, now and then, an error or a cut.
    static func randomFeed(_ random: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0...random.next(below: 3) {
            let (a, f) = [("a", "f"), ("ns0", "ns1"), ("", "f")][random.next(below: 3)]
            let newline = random.next(below: 4) == 0 ? "\r\n" : "\n"
            let feed = a.isEmpty ? "feed" : "\(a):feed"
            let declareA = a.isEmpty ? "xmlns=\"\(atom)\"" : "xmlns:\(a)=\"\(atom)\""
            let fAtRoot = random.next(below: 3) > 0
            var entries: [String] = []
            for _ in 0..<random.next(below: 40) {
                let id = "P\(random.next(below: 50))"
                var extra = ""
                switch random.next(below: 12) {
                case 0: extra = "<!-- </\(a.isEmpty ? "" : a + ":")entry>\(newline) -->"
                case 1: extra = "<\(f):note><![CDATA[</\(a.isEmpty ? "" : a + ":")entry>\(newline)]]></\(f):note>"
                case 2: extra = "<\(f):signedDate>not a date</\(f):signedDate>"
                default: break
                }
                let amount = random.next(below: 15) == 0 ? "x" : "\(random.next(below: 100000))"
                let declare = fAtRoot ? "" : " xmlns:\(f)=\"\(fpds)\""
                let one = entry(a, f, piid: id, amount: amount, extra: extra, declare: declare)
                entries.append(random.next(below: 6) == 0 ? one + newline + one.replacingOccurrences(of: id, with: id + "b") : one)
            }
            if random.next(below: 10) == 0, !entries.isEmpty {
                let k = random.next(below: entries.count)
                entries[k] = entries[k].replacingOccurrences(of: "</\(f):PIID>", with: "</\(f):PID>")
            }
            let root = "<\(feed) \(declareA)" + (fAtRoot ? " xmlns:\(f)=\"\(fpds)\">" : ">")
            text += page(entries, root: root, end: "</\(feed)>", newline: newline)
        }
        if random.next(below: 8) == 0 {
            let bytes = Array(text.utf8)
            return String(decoding: bytes[..<random.next(below: bytes.count)], as: UTF8.self)
        }
        return text
    }
}
