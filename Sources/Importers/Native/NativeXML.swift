import SupplyChainModel

/// The records of one native XML document.
public struct NativeXMLImport: Sendable {
    public var suppliers: ImportResult<Supplier>
    public var links: ImportResult<SupplyLink>
    public var contracts: ImportResult<Contract>
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
    public static func read(path: String, limits: ImportLimits = .default) throws -> NativeXMLImport {
        let reader = try NativeXMLReader(path: path)
        try XMLStream(path: path, handler: reader, limits: limits).run()
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
    private var depth = 0
    private var section: String?
    private var record: (kind: String, line: Int, values: [String])?
    private var notes: [Finding] = []
    private var unknownNames: Set<String> = []

    static let sections = ["suppliers": "supplier", "links": "link", "contracts": "contract"]
    /// Per record kind, the position of each column by element name.
    static let columnIndex = columns.mapValues { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($0.element.name, $0.offset) }) }
    static let columns = [
        "supplier": NativeCSVImporter.supplierColumns, "link": NativeCSVImporter.linkColumns, "contract": NativeCSVImporter.contractColumns,
    ]

    init(path: String) throws {
        self.path = path
        suppliers = RowAccumulator(path: path)
        links = RowAccumulator(path: path)
        contracts = RowAccumulator(path: path)
        var headers: [String: HeaderMap] = [:]
        for (kind, columns) in Self.columns {
            let names = CSVRecord(line: 0, fields: columns.map(\.name))
            headers[kind] = try HeaderMap(header: names, file: path, columns: columns, required: [])
        }
        self.headers = headers
    }

    private func note(_ severity: FindingSeverity, _ code: String, _ message: String, line: Int) {
        notes.append(Finding(severity, code: code, message, at: SourceLocation(file: path, line: line)))
    }

    func startElement(namespace: String, name: String, attributes: [(name: String, value: String)], line: Int, stream: XMLStream) {
        depth += 1
        switch depth {
        case 1:
            guard namespace == NativeXML.namespace, name == "flrisk" else {
                stream.fail(InputError(
                    code: "unknown-format", "the root element is {\(namespace)}\(name); a native document has <flrisk xmlns=\"\(NativeXML.namespace)\">",
                    at: SourceLocation(file: path, line: line)))
                return
            }
        case 2:
            section = namespace == NativeXML.namespace && Self.sections[name] != nil ? name : nil
            if section == nil { note(.warning, "unknown-element", "ignoring the element <\(name)> and everything in it (expected <suppliers>, <links> or <contracts>)", line: line) }
        case 3:
            guard let section else { return }
            let kind = Self.sections[section]!
            guard namespace == NativeXML.namespace, name == kind else {
                note(.warning, "unknown-element", "ignoring the element <\(name)> in <\(section)> (expected <\(kind)>)", line: line)
                return
            }
            record = (kind, line, Array(repeating: "", count: Self.columns[kind]!.count))
        default:
            break
        }
    }

    func endElement(namespace: String, name: String, stream: XMLStream) {
        defer { depth -= 1 }
        if depth == 4, let current = record {
            guard namespace == NativeXML.namespace, let index = Self.columnIndex[current.kind]![name] else {
                let columns = Self.columns[current.kind]!
                if unknownNames.insert(current.kind + "/" + name).inserted {
                    note(.note, "unknown-column", "ignoring the element <\(name)> in <\(current.kind)> (known: \(columns.map(\.name).joined(separator: ", ")))", line: stream.line)
                }
                return
            }
            if record!.values[index].isEmpty {
                record!.values[index] = stream.text
            } else if name == "goods" {
                record!.values[index] += ";" + stream.text
            } else {
                note(.warning, "extra-fields", "<\(name)> is repeated in this <\(current.kind)>; the first is kept", line: stream.line)
            }
        } else if depth == 3, let current = record {
            let row = CSVRecord(line: current.line, fields: current.values)
            let header = headers[current.kind]!
            switch current.kind {
            case "supplier": suppliers.consume(row, header: header) { row, findings throws(RowRejection) in try supplierRows.convert(row, findings: &findings) }
            case "link": links.consume(row, header: header) { row, _ throws(RowRejection) in try LinkRows.convert(row) }
            default: contracts.consume(row, header: header) { row, findings throws(RowRejection) in try contractRows.convert(row, findings: &findings) }
            }
            record = nil
        }
    }

    func documentEnded(stream: XMLStream) {}

    func result() -> NativeXMLImport {
        var s = suppliers.finish()
        s.findings = notes + s.findings
        return NativeXMLImport(suppliers: s, links: links.finish(), contracts: contracts.finish())
    }
}
