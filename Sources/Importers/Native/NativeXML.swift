import SupplyChainModel

/// The records of one native XML document.
public struct NativeXMLImport: Sendable {
    public var suppliers: ImportResult<Supplier>
    public var links: ImportResult<SupplyLink>
    public var contracts: ImportResult<Contract>
    /// The sections the document holds (`suppliers`, `links`, `contracts`), empty or not, in
    /// the order they first appear.
    public var sections: [String] = []

    /// The document read for one role (`suppliers`, `links` or `contracts`).
    /// - Throws: ``InputError`` `missing-section` when the document holds sections, but none
    ///   for `role`: a file of another role given to this one (`--links suppliers.xml`), which
    ///   would read as an empty input. A document without any section is an empty input.
    public func checked(for role: String, path: String) throws -> NativeXMLImport {
        guard !sections.isEmpty, !sections.contains(role) else { return self }
        let holds = sections.map { "<\($0)>" }.joined(separator: ", ")
        throw InputError(
            code: "missing-section",
            "the native XML document has no <\(role)> section (it holds \(holds)): is it the \(sections[0]) file? Give it with --\(sections[0])",
            at: SourceLocation(file: path, line: 0))
    }
}

/// Reads flrisk's native XML format: one document holding suppliers, links and contracts,
/// described by `docs/flrisk-native.xsd`.
///
/// ```xml
/// <flrisk xmlns="urn:flrisk:native:1">
///   <suppliers><supplier><supplier_id>S1</supplier_id><name>Acme</name></supplier></suppliers>
///   <links><link><buyer_id>V1</buyer_id><supplier_id>S1</supplier_id><share>0.4</share></link></links>
///   <contracts><contract><contract_id>C1</contract_id><vendor_id>V1</vendor_id></contract></contracts>
/// </flrisk>
/// ```
///
/// Each record's child elements are named like the native CSV columns and checked by the same
/// rules, so a record is accepted or rejected exactly as the equivalent CSV row would be; the
/// line of a record is the line of its start tag. Sections are optional and may repeat.
public enum NativeXML {
    public static let namespace = "urn:flrisk:native:1"

    /// Reads the document at `path`, streaming.
    /// - Throws: ``InputError`` for an unreadable file, a refused DTD, malformed XML (with line
    ///   and column), or a root element that is not `{urn:flrisk:native:1}flrisk`.
    ///   Breaking one of `limits` (depth, text size, element count) is fatal too.
    /// - Parameter dateOrder: how contract dates with slashes are read (see ``ImportOptions/dateOrder``).
    public static func read(path: String, limits: ImportLimits = .default, dateOrder: DateOrder = .mdy) throws -> NativeXMLImport {
        let reader = try NativeXMLReader(path: path, dateOrder: dateOrder)
        try XMLStream(path: path, handler: reader, names: reader.names, limits: limits).run()
        return reader.result()
    }
}

/// Collects native XML records and converts them with the native CSV rules.
final class NativeXMLReader: XMLStreamHandler {
    private let path: String
    private var suppliers: RowAccumulator<Supplier>
    private var links: RowAccumulator<SupplyLink>
    private var contracts: RowAccumulator<Contract>
    private var supplierRows = SupplierRows()
    private var contractRows = ContractRows()
    private let headers: [String: HeaderMap]
    // Per-element state: one thread, no overlapping accesses, so no runtime exclusivity checks.
    @exclusivity(unchecked) private var depth = 0
    /// The record kind (index in ``kinds``) of the section being read.
    @exclusivity(unchecked) private var section: Int?
    @exclusivity(unchecked) private var record: (kind: Int, line: Int, values: [String])?
    /// The field being read in the record (depth 4), and the first field of the record that
    /// held an element with the element's name: its text would be a fragment.
    @exclusivity(unchecked) private var field: Int32?
    @exclusivity(unchecked) private var nested: (field: String, child: String)?
    /// The first section or record element (`<suppliers>`, `<supplier>`, …) met as a child of
    /// the record: records do not nest, and the inner one would be lost as an unknown column.
    @exclusivity(unchecked) private var nestedRecord: Int32?
    private var notes: [Finding] = []
    private var unknownNames: Set<String> = []
    private var sectionsSeen: [String] = []

    /// The names matched: `flrisk`, then the sections, the record kinds, and the columns.
    let names: XMLNameTable
    private static let native: Int32 = 0, root: Int32 = 0, firstSection: Int32 = 1, firstKind: Int32 = 4
    static let sections = ["suppliers", "links", "contracts"]
    static let kinds = ["supplier", "link", "contract"]
    static let columns = [NativeCSVImporter.supplierColumns, NativeCSVImporter.linkColumns, NativeCSVImporter.contractColumns]
    /// Per record kind, the position of each column by local-name id (-1: not a column).
    private let columnIndex: [[Int]]
    private let goods: Int32

    init(path: String, dateOrder: DateOrder = .mdy) throws {
        self.path = path
        suppliers = RowAccumulator(path: path)
        links = RowAccumulator(path: path)
        contracts = RowAccumulator(path: path, dateOrder: dateOrder)
        // A record's fields have no column on its line (see the rejections below).
        contracts.datesWithColumn = false
        let names = XMLNameTable(locals: ["flrisk"] + Self.sections + Self.kinds, namespaces: [NativeXML.namespace])
        let ids = Self.columns.map { $0.map { names.local($0.name) } }
        self.names = names
        goods = names.local("goods")
        let known = Int(ids.joined().max() ?? 0) + 1
        columnIndex = ids.map { ids in
            var index = [Int](repeating: -1, count: known)
            for (position, id) in ids.enumerated() { index[Int(id)] = position }
            return index
        }
        var headers: [String: HeaderMap] = [:]
        for (kind, columns) in zip(Self.kinds, Self.columns) {
            let names = CSVRecord(line: 0, fields: columns.map(\.name))
            headers[kind] = try HeaderMap(header: names, file: path, columns: columns, required: [], fromFile: false)
        }
        self.headers = headers
    }

    private func note(_ severity: FindingSeverity, _ code: String, _ message: String, line: Int) {
        notes.append(Finding(severity, code: code, message, at: SourceLocation(file: path, line: line)))
    }

    func startElement(_ element: XMLName, line: Int, stream: XMLStream) {
        depth += 1
        let name = element.local
        switch depth {
        case 1:
            guard element.namespace == Self.native, name == Self.root else {
                let namespace = names.namespace(of: element.namespace), local = names.local(of: name)
                stream.fail(InputError(
                    code: "unknown-format", "the root element is {\(namespace)}\(local); a native document has <flrisk xmlns=\"\(NativeXML.namespace)\">",
                    at: SourceLocation(file: path, line: line)))
                return
            }
        case 2:
            let index = Int(name - Self.firstSection)
            section = element.namespace == Self.native && Self.sections.indices.contains(index) ? index : nil
            if let section, !sectionsSeen.contains(Self.sections[section]) { sectionsSeen.append(Self.sections[section]) }
            if section == nil {
                note(.warning, "unknown-element", "ignoring the element <\(names.local(of: name))> and everything in it (expected <suppliers>, <links> or <contracts>)", line: line)
            }
        case 3:
            guard let section else { return }
            guard element.namespace == Self.native, name == Self.firstKind + Int32(section) else {
                note(.warning, "unknown-element", "ignoring the element <\(names.local(of: name))> in <\(Self.sections[section])> (expected <\(Self.kinds[section])>)", line: line)
                return
            }
            record = (section, line, Array(repeating: "", count: Self.columns[section].count))
            noteAttributes(of: Self.kinds[section], stream: stream, line: line)
        case 4:
            guard let current = record else { return }
            if nestedRecord == nil, Self.isSectionOrRecord(element) { nestedRecord = name }
            noteAttributes(of: names.local(of: name), in: Self.kinds[current.kind], stream: stream, line: line)
            let columns = columnIndex[current.kind]
            // An element that is not a column is ignored whole (a note at its end).
            field = element.namespace == Self.native && Int(name) < columns.count && columns[Int(name)] >= 0 ? name : nil
            stream.collectText()
        default:
            if record != nil, nested == nil, let field { nested = (names.local(of: field), names.local(of: name)) }
        }
    }

    /// Whether `element` is a section (`<suppliers>`, …) or a record (`<supplier>`, …).
    private static func isSectionOrRecord(_ element: XMLName) -> Bool {
        element.namespace == native && element.local >= firstSection && element.local < firstKind + Int32(kinds.count)
    }

    /// Warns, once per element and attribute name, of the attributes of a record or column
    /// element: values are read from child elements only, so a record written with attributes
    /// (`<supplier supplier_id="V1" name="Acme"/>`) would read as a blank row without a word.
    private func noteAttributes(of element: String, in kind: String? = nil, stream: XMLStream, line: Int) {
        for attribute in stream.attributeNames(in: Self.native) {
            let place = kind.map { "<\(element)> in <\($0)>" } ?? "<\(element)>"
            guard unknownNames.insert(place + "@" + attribute).inserted else { continue }
            note(
                .warning, "unknown-attribute",
                "ignoring the attribute \(attribute) of \(place): values are read from child elements only (<\(attribute)>…</\(attribute)>)",
                line: line)
        }
    }

    func endElement(_ element: XMLName, stream: XMLStream) {
        defer { depth -= 1 }
        let name = element.local
        if depth == 4, let current = record {
            let columnIndex = columnIndex[current.kind]
            guard element.namespace == Self.native, Int(name) < columnIndex.count, columnIndex[Int(name)] >= 0 else {
                let kind = Self.kinds[current.kind], local = names.local(of: name)
                // A nested record rejects its record (at its end), without this note.
                if !Self.isSectionOrRecord(element), unknownNames.insert(kind + "/" + local).inserted {
                    // A column's name in another namespace (children without the root's prefix):
                    // listing it among the known columns would leave the reader puzzled.
                    let uri = names.namespace(of: element.namespace)
                    let why = element.namespace == Self.native
                        ? "known: \(Self.columns[current.kind].map(\.name).joined(separator: ", "))"
                        : "it is in \(uri.isEmpty ? "no namespace" : "the namespace \(uri)"); the columns of a record are elements in \(NativeXML.namespace), as the record is"
                    note(.note, "unknown-column", "ignoring the element <\(local)> in <\(kind)> (\(why))", line: stream.line)
                }
                return
            }
            let index = columnIndex[Int(name)]
            if record!.values[index].isEmpty {
                record!.values[index] = stream.text
            } else if name == goods {
                record!.values[index] += ";" + stream.text
            } else {
                note(.warning, "extra-fields", "<\(names.local(of: name))> is repeated in this <\(Self.kinds[current.kind])>; the first is kept", line: stream.line)
            }
        } else if depth == 3, let current = record {
            let row = CSVRecord(line: current.line, fields: current.values)
            let kind = Self.kinds[current.kind]
            let header = headers[kind]!
            if let rejection = nestedRecord.map({
                RowRejection("invalid-value", "<\(kind)> holds a <\(names.local(of: $0))>; records do not nest (each <\(kind)> is a child of <\(Self.sections[current.kind])>), so the inner one is not read")
            }) ?? nested.map({ field, child in
                // Only the text after the element would be read ('<name>A <b>B</b> C</name>' as 'C').
                RowRejection("invalid-value", "<\(field)> holds an element <\(child)>; a field holds text only")
            }) {
                switch current.kind {
                case 0: suppliers.rejectRead(row, rejection)
                case 1: links.rejectRead(row, rejection)
                default: contracts.rejectRead(row, rejection)
                }
                record = nil
                nested = nil
                nestedRecord = nil
                return
            }
            switch current.kind {
            // A rejection names the record's line but no column: the column of a CSV row would
            // be the field's place in the CSV layout, not a place on the XML line.
            case 0:
                suppliers.consume(row, header: header) { row, findings throws(RowRejection) in
                    do throws(RowRejection) { return try supplierRows.convert(row, findings: &findings) } catch { throw error.withoutColumn }
                }
            case 1:
                links.consume(row, header: header) { row, _ throws(RowRejection) in
                    do throws(RowRejection) { return try LinkRows.convert(row) } catch { throw error.withoutColumn }
                }
            default:
                contracts.consume(row, header: header) { row, findings throws(RowRejection) in
                    do throws(RowRejection) { return try contractRows.convert(row, findings: &findings) } catch { throw error.withoutColumn }
                }
            }
            record = nil
        }
    }

    func documentEnded(stream: XMLStream) {}

    func result() -> NativeXMLImport {
        var s = suppliers.finish()
        s.findings = notes + s.findings
        return NativeXMLImport(suppliers: s, links: links.finish(), contracts: contracts.finish(), sections: sectionsSeen)
    }
}

extension RowRejection {
    /// The rejection without its column.
    var withoutColumn: RowRejection {
        var copy = self
        copy.column = nil
        return copy
    }
}
