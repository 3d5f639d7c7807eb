// ingest-bench: the Swift side of Benchmarks/compare_ingest.py.
//
//   ingest-bench write-links --links N --out FILE     native links CSV from a synthetic graph
//   ingest-bench write-fpds --awards N --out FILE     an FPDS-NG ATOM feed of N award entries
//   ingest-bench tokenize FILE [--repeat R]           CSV records: libcsv, fields decoded as text (CSVReader)
//   ingest-bench links FILE [--repeat R]              full native links import (typed records)
//   ingest-bench links-table FILE [--repeat R]        links read straight into a LinkTable, ends
//                                                     resolved against every id the file names (the fast path)
//   ingest-bench fpds FILE [--repeat R]               FPDS feed import (typed contracts)
//   ingest-bench usaspending FILE [--repeat R]        USAspending contracts download import (typed contracts)
// Each timing prints one JSON line: seconds (median), MB/s, records, peak RSS.
import BenchmarkSupport
import Importers
import SupplyGraph
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never { BenchCommandLine.fail("ingest-bench", message) }

func option(_ name: String, _ arguments: [String], default value: String? = nil) -> String {
    BenchCommandLine.option("ingest-bench", name, arguments, default: value)
}

func now() -> Double { BenchCommandLine.now() }

func peakRSS() -> Int { BenchCommandLine.peakRSS() }

func fileSize(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { fail("cannot stat \(path)") }
    return Int(info.st_size)
}

/// Buffered writes of text to a file.
final class TextFile {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    init(_ path: String) {
        guard let file = fopen(path, "wb") else { fail("cannot write \(path)") }
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }
    func flush() {
        buffer.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
    }
    func close() {
        flush()
        fclose(file)
    }
}

/// Runs `body` `repeats` times and prints the median with MB/s.
func measure(_ impl: String, path: String, repeats: Int, _ body: () throws -> Int) rethrows {
    var times: [Double] = []
    var records = 0
    for _ in 0..<repeats {
        let t0 = now()
        records = try body()
        times.append(now() - t0)
    }
    let median = times.sorted()[times.count / 2]
    let bytes = fileSize(path)
    print("{\"impl\": \"\(impl)\", \"bytes\": \(bytes), \"records\": \(records), \"seconds\": \(median), \"mb_per_s\": \(Double(bytes) / median / 1e6), \"peak_rss_bytes\": \(peakRSS())}")
}

let arguments = Array(CommandLine.arguments.dropFirst())
let repeats = Int(option("--repeat", arguments, default: "3"))!
do {
    switch arguments.first {
    case "write-links":
        let links = Int(option("--links", arguments))!
        let graph = SyntheticGraph(nodes: max(100, links * 10 / 104), links: links, seed: 7)
        let out = TextFile(option("--out", arguments))
        out.write("buyer_id,supplier_id,share,good\n")
        let goods = ["cotton", "thread/yarn", "polysilicon", "\"printed circuit boards, bare\"", "shrimp", "rubber gloves", ""]
        for (i, link) in graph.links.enumerated() {
            let share = link.share.map { String(($0 * 10_000).rounded() / 10_000) } ?? ""
            out.write("S\(link.buyer),S\(link.supplier),\(share),\(goods[i % goods.count])\n")
        }
        out.close()
        print("{\"links\": \(graph.links.count)}")

    case "write-fpds":
        let awards = Int(option("--awards", arguments))!
        let out = TextFile(option("--out", arguments))
        var rng = SplitMix64(seed: 11)
        out.write("<ns0:feed xmlns:ns0=\"http://www.w3.org/2005/Atom\" xmlns:ns1=\"https://www.fpds.gov/FPDS\">\n  <ns0:title>FPDS-NG search results</ns0:title>\n")
        let countries = ["USA", "CHN", "MYS", "VNM", "THA", "IND", "MEX"]
        let pscs = ["8405", "6117", "7021", "8905", "6515", "R408"]
        for i in 0..<awards {
            let amount = String(format2(rng.unit() * 2_000_000))
            let country = countries[Int(rng.next() % UInt64(countries.count))]
            out.write("""
                  <ns0:entry>
                    <ns0:title>PURCHASE ORDER 47QSWA\(i) awarded</ns0:title>
                    <ns0:modified>2025-03-18 17:03:03</ns0:modified>
                    <ns0:content type="application/xml">
                      <ns1:award version="1.4">
                        <ns1:awardID><ns1:awardContractID><ns1:agencyID name="PUBLIC BUILDINGS SERVICE">4740</ns1:agencyID><ns1:PIID>47QSWA\(i)</ns1:PIID><ns1:modNumber>0</ns1:modNumber><ns1:transactionNumber>0</ns1:transactionNumber></ns1:awardContractID></ns1:awardID>
                        <ns1:relevantContractDates><ns1:signedDate>2025-03-01 00:00:00</ns1:signedDate><ns1:effectiveDate>2025-03-01 00:00:00</ns1:effectiveDate></ns1:relevantContractDates>
                        <ns1:dollarValues><ns1:obligatedAmount>\(amount)</ns1:obligatedAmount><ns1:baseAndExercisedOptionsValue>\(amount)</ns1:baseAndExercisedOptionsValue><ns1:baseAndAllOptionsValue>\(amount)</ns1:baseAndAllOptionsValue></ns1:dollarValues>
                        <ns1:purchaserInformation><ns1:contractingOfficeAgencyID name="PUBLIC BUILDINGS SERVICE" departmentID="4700" departmentName="GENERAL SERVICES ADMINISTRATION">4740</ns1:contractingOfficeAgencyID></ns1:purchaserInformation>
                        <ns1:productOrServiceInformation><ns1:productOrServiceCode description="CLOTHING" productOrServiceType="PRODUCT">\(pscs[i % pscs.count])</ns1:productOrServiceCode><ns1:principalNAICSCode description="APPAREL">315210</ns1:principalNAICSCode><ns1:countryOfOrigin name="ORIGIN">\(country)</ns1:countryOfOrigin><ns1:placeOfManufacture description="MFG OUTSIDE US">D</ns1:placeOfManufacture></ns1:productOrServiceInformation>
                        <ns1:vendor><ns1:vendorHeader><ns1:vendorName>VENDOR NUMBER \(i % 5000) &amp; SONS LLC</ns1:vendorName></ns1:vendorHeader><ns1:vendorSiteDetails><ns1:vendorLocation><ns1:countryCode name="UNITED STATES">USA</ns1:countryCode></ns1:vendorLocation><ns1:vendorUEIInformation><ns1:UEI>UEI\(100_000_000 + i % 5000)</ns1:UEI><ns1:ultimateParentUEI>PAR\(100_000_000 + i % 700)</ns1:ultimateParentUEI></ns1:vendorUEIInformation></ns1:vendorSiteDetails></ns1:vendor>
                        <ns1:placeOfPerformance><ns1:principalPlaceOfPerformance><ns1:countryCode name="UNITED STATES">USA</ns1:countryCode></ns1:principalPlaceOfPerformance></ns1:placeOfPerformance>
                        <ns1:contractData><ns1:descriptionOfContractRequirement>SUPPLIES FOR ORDER \(i)</ns1:descriptionOfContractRequirement></ns1:contractData>
                      </ns1:award>
                    </ns0:content>
                  </ns0:entry>

                """)
        }
        out.write("</ns0:feed>\n")
        out.close()
        print("{\"awards\": \(awards)}")

    case "tokenize":
        let path = arguments[1]
        try measure("flrisk-csv-records", path: path, repeats: repeats) {
            var count = 0
            _ = try CSVReader(path: path).forEachRecord { _ in count += 1 }
            return count
        }

    case "links":
        let path = arguments[1]
        try measure("flrisk-links-import", path: path, repeats: repeats) {
            try NativeCSVImporter.links(path: path).records.count
        }

    case "links-table":
        let path = arguments[1]
        // Every id the file names is a supplier (interned before timing, in first-seen order).
        var ids = IDInterner()
        var header = true
        try CSVReader(path: path).forEachRecord { record in
            if header { header = false; return }
            for field in record.fields.prefix(2) { ids.intern(field) }
        }
        let index = ids
        try measure("flrisk-links-table", path: path, repeats: repeats) {
            try NativeCSVImporter.linkTable(path: path, supplier: { index.indices(ofKeys: $0, ends: $1, workers: 1) }).table.count
        }

    case "fpds":
        let path = arguments[1]
        try measure("flrisk-fpds-import", path: path, repeats: repeats) {
            try FPDSFeed.contracts(path: path).records.count
        }

    case "usaspending":
        let path = arguments[1]
        try measure("flrisk-usaspending-import", path: path, repeats: repeats) {
            try USAspendingContracts.contracts(path: path).records.count
        }

    default:
        fail("usage: ingest-bench write-links|write-fpds|tokenize|links|fpds|usaspending …")
    }
} catch {
    fail("\(error)")
}

/// `value` with two decimals, without Foundation.
func format2(_ value: Double) -> String {
    let cents = Int((value * 100).rounded())
    let fraction = cents % 100
    return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
