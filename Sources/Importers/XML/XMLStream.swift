internal import CLibXML2
import SupplyChainModel

#if canImport(Glibc)
import Glibc
#endif

/// Receives the elements of an XML stream, by namespace URI and local name (never by prefix).
protocol XMLStreamHandler: AnyObject {
    /// An element starts. `line` is the line of its start tag.
    func startElement(namespace: String, name: String, attributes: [(name: String, value: String)], line: Int, stream: XMLStream)
    /// An element ends. ``XMLStream/text`` is the character data directly inside it since its
    /// last child element started or ended (leaf elements: their whole text), decoded only
    /// when asked for.
    func endElement(namespace: String, name: String, stream: XMLStream)
    /// A root element ended: one document of the stream is complete.
    func documentEnded(stream: XMLStream)
}

/// A streaming XML reader on libxml2's SAX2 push parser; the only code that calls libxml2.
///
/// Memory stays flat: the file is fed in 64 KiB pieces and no tree is built. A file may hold
/// several documents one after another (concatenated feed pages, each with its own XML
/// declaration); each is parsed by a fresh parser and line numbers stay those of the file.
///
/// Untrusted input: any `<!DOCTYPE` is refused (`xml-dtd-refused`) before its internal subset is
/// read, so no entity can be declared — neither an external one (XXE) nor nested expansions
/// ("billion laughs"). The parser also runs with `XML_PARSE_NONET`, never with
/// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`, so libxml2's own limits stay on.
/// Malformed or truncated XML is a fatal `malformed-xml` error with the parser's line and column.
final class XMLStream {
    let path: String
    private unowned let handler: any XMLStreamHandler
    private var context: xmlParserCtxtPtr?
    /// Interned names: libxml2 keeps each name once per parser dictionary. A small
    /// direct-mapped cache in front of the dictionary answers most look-ups.
    private var names: [UnsafeRawPointer: String] = [:]
    private var recentNames = [(key: UnsafeRawPointer?, name: String)](repeating: (nil, ""), count: 64)
    private var textBytes: [UInt8] = []
    private var depth = 0
    private var sawElement = false
    private var failure: InputError?
    private var ended = false
    /// Where the current document ends, in bytes from its start (valid when `ended`).
    private var endOffset = 0
    /// Line ends and column offset before the current document's first byte.
    private var lineBase = 0
    private var columnBase = 0

    static let pieceSize = 1 << 16
    /// Caps on nesting depth, text size and element count.
    let limits: ImportLimits
    private var elements = 0

    init(path: String, handler: any XMLStreamHandler, limits: ImportLimits = .default) {
        self.path = path
        self.handler = handler
        self.limits = limits
    }

    /// The current line in the file (the end of the construct just parsed).
    var line: Int { lineBase + Int(context?.pointee.input?.pointee.line ?? 1) }

    /// Stops parsing with `error` (a handler found the content unusable).
    func fail(_ error: InputError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    /// Parses the whole file, calling the handler.
    /// - Throws: ``InputError`` for an unreadable file, a refused DTD, malformed XML, or an
    ///   error a handler raised with ``fail(_:)``.
    func run() throws {
        let file = try InputFile(path: path)
        defer { file.close() }
        defer { freeContext() }
        var piece = [UInt8](repeating: 0, count: Self.pieceSize)
        var fileOffset = 0
        var eof = false
        // Bytes already read but not yet fed (what followed a document's end).
        var pending: [UInt8] = []
        var pendingOffset = 0
        // The last bytes fed to the current document (at most two pieces), from `keptStart`.
        var kept: [UInt8] = []
        var keptStart = 0
        var documentStart = 0
        var lineEnds = 0  // line ends before the next document to start
        var started = false
        while true {
            var bytes: [UInt8]
            var offset: Int
            if !pending.isEmpty {
                (bytes, offset) = (pending, pendingOffset)
                pending = []
            } else if eof {
                (bytes, offset) = ([], fileOffset)
            } else {
                let count = try file.read(into: &piece)
                (bytes, offset) = (Array(piece[0..<count]), fileOffset)
                fileOffset += count
                eof = count == 0
            }
            if !started {
                var skip = 0
                if offset == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { skip = 3 }
                while skip < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[skip]) { skip += 1 }
                let skippedLines = bytes[0..<skip].lazy.filter { $0 == 0x0A }.count
                if let lastEnd = bytes[0..<skip].lastIndex(of: 0x0A) {
                    columnBase = skip - lastEnd - 1
                } else {
                    columnBase += skip
                }
                lineEnds += skippedLines
                bytes.removeFirst(skip)
                offset += skip
                if bytes.isEmpty {
                    if !eof { continue }
                    if sawElement { return }
                    throw InputError(code: "empty-file", "the file holds no XML element", at: SourceLocation(file: path, line: 0))
                }
                try startDocument(lineEnds: lineEnds)
                documentStart = offset
                kept = []
                keptStart = offset
                started = true
            }
            if kept.count >= 2 * Self.pieceSize {
                keptStart += kept.count
                kept = []
            }
            kept += bytes
            let terminate: Int32 = eof && pending.isEmpty ? 1 : 0
            _ = bytes.withUnsafeBufferPointer { buffer in
                UnsafeRawPointer(buffer.baseAddress).map {
                    xmlParseChunk(context, $0.assumingMemoryBound(to: CChar.self), Int32(buffer.count), terminate)
                } ?? xmlParseChunk(context, nil, 0, terminate)
            }
            if let failure { throw failure }
            if ended {
                // The root element closed: what was fed after it starts the next document.
                let next = documentStart + endOffset
                guard next >= keptStart, next - keptStart <= kept.count else {
                    throw InputError(code: "malformed-xml", "cannot find where one document ends and the next begins", at: SourceLocation(file: path, line: line))
                }
                let input = context?.pointee.input?.pointee
                let endLine = Int(input?.line ?? 1), endColumn = Int(input?.col ?? 1)
                columnBase = (endLine <= 1 ? columnBase : 0) + endColumn - 1
                lineEnds = lineBase + endLine - 1
                pending = Array(kept[(next - keptStart)...])
                pendingOffset = next
                freeContext()
                started = false
                continue
            }
            if terminate == 1 { return }
        }
    }

    private func startDocument(lineEnds: Int) throws {
        lineBase = lineEnds
        names.removeAll(keepingCapacity: true)
        for i in recentNames.indices { recentNames[i] = (nil, "") }
        depth = 0
        ended = false
        // A zeroed handler with only our callbacks: libxml2's default SAX2 callbacks expect the
        // parser context as their user data (and would build a tree), so none is installed.
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = xmlStartElement
        sax.endElementNs = xmlEndElement
        sax.characters = xmlCharacters
        sax.cdataBlock = xmlCharacters
        sax.ignorableWhitespace = xmlCharacters
        sax.internalSubset = xmlInternalSubset
        sax.serror = xmlStructuredError
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&sax, me, nil, 0, path) else {
            throw InputError(code: "out-of-memory", "cannot create the XML parser", at: SourceLocation(file: path, line: 0))
        }
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        context = ctxt
    }

    private func freeContext() {
        if let context { xmlFreeParserCtxt(context) }
        context = nil
    }

    // MARK: callbacks

    fileprivate func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        let slot = Int(bitPattern: UInt(bitPattern: key) >> 4) & 63
        if recentNames[slot].key == key { return recentNames[slot].name }
        let string: String
        if let known = names[key] {
            string = known
        } else {
            string = String(cString: pointer)
            names[key] = string
        }
        recentNames[slot] = (key, string)
        return string
    }

    /// The character data of the element that is ending (see
    /// ``XMLStreamHandler/endElement(namespace:name:stream:)``).
    var text: String { String(decoding: textBytes, as: UTF8.self) }

    fileprivate func started(namespace: String, name: String, attributes: [(name: String, value: String)]) {
        sawElement = true
        depth += 1
        textBytes.removeAll(keepingCapacity: true)
        elements += 1
        if depth > limits.maxXMLDepth { return fail(limits.xmlTooDeep(at: SourceLocation(file: path, line: line))) }
        if elements > limits.maxRecords { return fail(limits.tooManyRecords(at: SourceLocation(file: path, line: line))) }
        if failure != nil { return }
        handler.startElement(namespace: namespace, name: name, attributes: attributes, line: line, stream: self)
    }

    fileprivate func ended(namespace: String, name: String) {
        if failure != nil { return }
        handler.endElement(namespace: namespace, name: name, stream: self)
        textBytes.removeAll(keepingCapacity: true)
        depth -= 1
        if depth == 0, failure == nil, let context {
            ended = true
            endOffset = Int(xmlByteConsumed(context))
            handler.documentEnded(stream: self)
            xmlStopParser(context)
        }
    }

    fileprivate func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        if failure != nil { return }
        if textBytes.count + count > limits.maxFieldBytes {
            textBytes.removeAll()
            return fail(limits.fieldTooLarge(at: SourceLocation(file: path, line: line), what: "the text of an element"))
        }
        textBytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    fileprivate func refuseDTD() {
        fail(InputError(
            code: "xml-dtd-refused",
            "the document has a <!DOCTYPE> (a DTD); flrisk refuses DTDs in XML input because they can declare external entities (XXE) or entity expansions (\"billion laughs\"); remove the DOCTYPE",
            at: SourceLocation(file: path, line: line)))
    }

    fileprivate func parserError(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, failure == nil else { return }
        let message = error.message.map { String(cString: $0).trimmingWhitespace() } ?? "malformed XML"
        let line = lineBase + Int(max(error.line, 1))
        var column = Int(error.int2)
        if error.line <= 1 { column += columnBase }
        let code = error.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) || message.contains("amplification") ? "xml-entity-limit" : "malformed-xml"
        failure = InputError(code: code, "the XML is not well-formed: \(message)", at: SourceLocation(file: path, line: line, column: column > 0 ? column : nil))
    }
}

private func stream(_ context: UnsafeMutableRawPointer?) -> XMLStream {
    Unmanaged<XMLStream>.fromOpaque(context!).takeUnretainedValue()
}

private let xmlStartElement: startElementNsSAX2Func = { context, localname, _, uri, _, _, attributeCount, _, attributes in
    let stream = stream(context)
    var pairs: [(name: String, value: String)] = []
    if attributeCount > 0, let attributes {
        pairs.reserveCapacity(Int(attributeCount))
        for k in 0..<Int(attributeCount) {
            let base = attributes + 5 * k
            guard let start = base[3], let end = base[4] else { continue }
            if end - start > stream.limits.maxFieldBytes {
                return stream.fail(stream.limits.fieldTooLarge(at: SourceLocation(file: stream.path, line: stream.line), what: "an attribute value"))
            }
            let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            pairs.append((stream.name(base[0]), value))
        }
    }
    stream.started(namespace: stream.name(uri), name: stream.name(localname), attributes: pairs)
}

private let xmlEndElement: endElementNsSAX2Func = { context, localname, _, uri in
    let stream = stream(context)
    stream.ended(namespace: stream.name(uri), name: stream.name(localname))
}

private let xmlCharacters: charactersSAXFunc = { context, bytes, count in
    guard let bytes, count > 0 else { return }
    stream(context).characters(bytes, Int(count))
}

private let xmlInternalSubset: internalSubsetSAXFunc = { context, _, _, _ in
    stream(context).refuseDTD()
}

private let xmlStructuredError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    stream(context).parserError(error.pointee)
}
