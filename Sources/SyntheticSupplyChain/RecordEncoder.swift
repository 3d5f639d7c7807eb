/// The file format of the generated files.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Native CSV: `suppliers.csv`, `links.csv`, `contracts.csv` (docs/FORMATS.md).
    case csv
    /// Native XML, one role per document: `suppliers.xml`, `links.xml`, `contracts.xml`, each a
    /// `<flrisk xmlns="urn:flrisk:native:1">` document with one section.
    case xml

    /// The file name extension.
    public var fileExtension: String { rawValue }
}

/// Frames records of one role as native CSV rows or native XML elements.
///
/// Field values are written by the caller between ``openField(_:_:)`` and ``closeField(_:_:)``;
/// text is escaped once up front with ``encode(_:)``. An empty optional field is a bare
/// delimiter in CSV and no element at all in XML.
struct RecordEncoder {
    let format: OutputFormat
    private let section: String
    /// Entries: record open, record close, then open and close tag of each field.
    private let tags: ByteTable
    private let header: [UInt8]
    /// The largest number of bytes the framing of one record adds.
    let framingBytes: Int

    /// - Parameters:
    ///   - section: `suppliers`, `links` or `contracts`.
    ///   - record: `supplier`, `link` or `contract`.
    ///   - fields: column names, which are also the XML element names.
    init(format: OutputFormat, section: String, record: String, fields: [String]) {
        self.format = format
        self.section = section
        var entries = [Array("    <\(record)>".utf8), Array("</\(record)>\n".utf8)]
        for field in fields { entries += [Array("<\(field)>".utf8), Array("</\(field)>".utf8)] }
        tags = ByteTable(entries)
        header = Array((fields.joined(separator: ",") + "\n").utf8)
        framingBytes = format == .csv ? fields.count + 1 : entries.reduce(0) { $0 + $1.count }
    }

    /// `text` escaped for this format: quoted when needed in CSV, `& < >` as entities in XML.
    func encode(_ text: String) -> [UInt8] {
        switch format {
        case .csv:
            if text.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
                return Array(("\"" + text.replacingAll("\"", with: "\"\"") + "\"").utf8)
            }
            return Array(text.utf8)
        case .xml:
            var out: [UInt8] = []
            for b in text.utf8 {
                switch b {
                case 38: out += Array("&amp;".utf8)
                case 60: out += Array("&lt;".utf8)
                case 62: out += Array("&gt;".utf8)
                default: out.append(b)
                }
            }
            return out
        }
    }

    /// A table of texts encoded for this format.
    func table(_ texts: [String]) -> ByteTable { ByteTable(texts.map(encode)) }

    func begin(_ file: inout OutputFile) throws(GeneratorError) {
        switch format {
        case .csv: try file.bytes(header)
        case .xml: try file.bytes(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<flrisk xmlns=\"urn:flrisk:native:1\">\n  <\(section)>\n".utf8))
        }
    }

    func end(_ file: inout OutputFile) throws(GeneratorError) {
        if format == .xml { try file.bytes(Array("  </\(section)>\n</flrisk>\n".utf8)) }
    }

    /// Starts a record (the caller has reserved room for it).
    @inline(__always)
    func openRecord(_ file: inout OutputFile) {
        if format == .xml { file.append(tags, 0) }
    }

    @inline(__always)
    func closeRecord(_ file: inout OutputFile) {
        if format == .xml { file.append(tags, 1) } else { file.byte(10) }
    }

    @inline(__always)
    func openField(_ index: Int, _ file: inout OutputFile) {
        if format == .xml { file.append(tags, 2 + 2 * index) } else if index > 0 { file.byte(44) }
    }

    @inline(__always)
    func closeField(_ index: Int, _ file: inout OutputFile) {
        if format == .xml { file.append(tags, 3 + 2 * index) }
    }

    /// An empty optional field.
    @inline(__always)
    func emptyField(_ index: Int, _ file: inout OutputFile) {
        if format == .csv && index > 0 { file.byte(44) }
    }

    /// A whole field: entry `entry` of a table of pre-encoded texts.
    @inline(__always)
    func field(_ index: Int, _ table: ByteTable, _ entry: Int, _ file: inout OutputFile) {
        openField(index, &file)
        file.append(table, entry)
        closeField(index, &file)
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
