import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// Two Excel exports joined with `cat`, each starting with its `sep=;` line: the second file's
/// header was rejected as `repeated-header`, but its `sep=` line was read as data. A native
/// watchlist took it as an entry named `sep=`, a facility list as a facility named `sep=`
/// (both accepted without a word), and the native tables rejected it with a confusing reason
/// ("'name' is empty", "no vendor", "'supplier_id' is empty"). It is now rejected in every
/// CSV format as `repeated-header`, saying it is Excel's delimiter line of a joined file.
@Suite("QA13: a sep= line inside a file is Excel's delimiter line, not data")
struct QA13RepeatedSeparatorLineTests {
    static let message = "the row is Excel's delimiter line (sep=…) of a file joined with `cat`: only a file's first line names its delimiter, and it is not data; give each file as it was downloaded"

    /// Two files with a `sep=` line each, joined.
    static func joined(_ header: String, _ first: String, _ second: String, sep: String = ";") -> String {
        "sep=\(sep)\n\(header)\n\(first)\nsep=\(sep)\n\(header)\n\(second)\n"
    }

    static func expectRejected<R>(_ result: ImportResult<R>, accepted: Int) {
        #expect(result.summary.accepted == accepted, "\(result.findings)")
        let finding = result.findings.first { $0.location?.line == 4 }
        #expect(finding?.code == "repeated-header", "\(result.findings)")
        #expect(finding?.message == "row rejected: " + message || finding?.message == message, "\(String(describing: finding?.message))")
        #expect(result.summary.rejectedByReason["repeated-header"] == 2, "\(result.summary.rejectedByReason)")
    }

    @Test func aWatchlistGetsNoEntryNamedSep() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("w.csv", Self.joined("name;country", "Evil;CN", "Bad;CN"))
        let result = try Inputs.watchlist(path: path)
        #expect(result.records.map(\.name) == ["Evil", "Bad"])
        Self.expectRejected(result, accepted: 2)
    }

    @Test func aFacilityListGetsNoFacilityNamedSep() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("f.csv", Self.joined("name,country,address", "F1,CN,a", "F2,CN,b", sep: ","))
        let result = try Inputs.suppliers(path: path)
        #expect(result.records.map(\.name) == ["F1", "F2"])
        Self.expectRejected(result, accepted: 2)
    }

    @Test func nativeTablesSayWhatTheLineIs() throws {
        let scratch = TemporaryDirectory()
        let suppliers = scratch.file("s.csv", Self.joined("supplier_id;name", "V1;A", "V2;B"))
        Self.expectRejected(try Inputs.suppliers(path: suppliers), accepted: 2)
        let contracts = scratch.file("c.csv", Self.joined("contract_id,vendor_id,amount", "C1,V1,5", "C2,V1,6", sep: ","))
        Self.expectRejected(try Inputs.contracts(paths: [contracts]), accepted: 2)
        let links = scratch.file("l.csv", Self.joined("buyer_id;supplier_id", "V1;S1", "V1;S2"))
        let linked = try Inputs.links(path: links)
        #expect(linked.links.records.map(\.supplierID) == ["S1", "S2"])
        #expect(linked.links.findings.contains { $0.code == "repeated-header" && $0.location?.line == 4 && $0.message.contains("Excel's delimiter line") }, "\(linked.links.findings)")
        // Not ASCII: the links' `String` path.
        let wide = scratch.file("l2.csv", Self.joined("buyer_id;supplier_id", "V1;S\u{E9}1", "V1;S2"))
        let wideLinked = try Inputs.links(path: wide)
        #expect(wideLinked.links.findings.contains { $0.code == "repeated-header" && $0.location?.line == 4 && $0.message.contains("Excel's delimiter line") }, "\(wideLinked.links.findings)")
    }

    @Test func onlyADelimiterLineIsOne() {
        for cell in ["sep=;", "SEP=,", "sep=", "\u{FEFF}sep=|", " sep=\\t "] {
            #expect(DelimiterHint.isRepeatedLine(first: cell, othersEmpty: true), "\(cell)")
        }
        #expect(!DelimiterHint.isRepeatedLine(first: "sep=;", othersEmpty: false))
        for cell in ["sep=ab", "sepx", "S001", "sep=;;", "separator"] {
            #expect(!DelimiterHint.isRepeatedLine(first: cell, othersEmpty: true), "\(cell)")
        }
    }

    /// The line is found by its first cell, not by the id column: with the id in the second
    /// column the line's id is empty, and it was rejected as "'contract_id' is empty".
    @Test func theLineIsFoundWhereverTheIdColumnIs() throws {
        let scratch = TemporaryDirectory()
        let contracts = scratch.file("c.csv", Self.joined("vendor_id,contract_id,amount", "V1,C1,5", "V1,C2,6", sep: ","))
        Self.expectRejected(try Inputs.contracts(paths: [contracts]), accepted: 2)
    }

    /// A second UTF-8 export starts with a byte order mark: `\u{FEFF}sep=;` is the line too.
    @Test func aMarkedSecondFileIsFound() throws {
        let scratch = TemporaryDirectory()
        let text = "sep=;\nsupplier_id;name\nV1;A\n\u{FEFF}sep=;\nsupplier_id;name\nV2;B\n"
        Self.expectRejected(try Inputs.suppliers(path: scratch.file("s.csv", text)), accepted: 2)
    }
}

