import Foundation
import Testing
@testable import Importers
import SupplyChainModel

/// The delimiter is detected from the header line (docs/FORMATS.md), and empty lines before the
/// header are skipped when the header is read; but detection looked at the first physical
/// line. A tab- or semicolon-separated file that starts with an empty line (a report tool's
/// export, a file with a blank first line) was split on commas: its header became one column
/// ("missing required column 'supplier_id'; found 'supplier_id→name→country'").
@Suite("QA9: delimiter detected on the header line after empty lines")
struct QA9DelimiterTests {
    @Test(arguments: [("\t", "\n\r\nsupplier_id\tname\tcountry\nV1\tAcme, Inc\tUS\n"), (";", "\u{FEFF}\n\nsupplier_id;name;country\nV1;Acme, Inc;US\n")])
    func emptyLinesBeforeTheHeaderAreSkipped(delimiter: String, text: String) throws {
        let scratch = TemporaryDirectory()
        let path = scratch.file("suppliers.csv", text)
        let result = try Inputs.suppliers(path: path)
        #expect(result.records.map(\.id) == ["V1"])
        #expect(result.records.map(\.name) == ["Acme, Inc"])
        #expect(result.records.first?.location.line == 4)
        let bytes = ArraySlice(text.utf8.drop { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") })
        #expect(CSVReader.detectDelimiter(bytes) == UInt8(ascii: Unicode.Scalar(delimiter)!))
    }
}
