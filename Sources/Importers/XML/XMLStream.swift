internal import CLibXML2
import SupplyChainModel

#if canImport(Glibc)
import Glibc
#endif

/// Receives the elements of an XML stream as interned names (namespace URI and local name,
/// never the prefix; see ``XMLNameTable``).
protocol XMLStreamHandler: AnyObject {
    /// An element starts. `line` is the line of its start tag. ``XMLStream/attribute(_:)`` reads
    /// its attributes; call ``XMLStream/collectText()`` to read its text when it ends.
    func startElement(_ name: XMLName, line: Int, stream: XMLStream)
    /// An element ends. When its start called ``XMLStream/collectText()``, ``XMLStream/text`` is
    /// the character data directly inside it since its last child element started or ended
    /// (leaf elements: their whole text), decoded only when asked for; otherwise it is empty.
    func endElement(_ name: XMLName, stream: XMLStream)
    /// A root element ended: one document of the stream is complete.
    func documentEnded(stream: XMLStream)
}

/// A streaming XML reader on libxml2's SAX2 push parser; the only code that calls libxml2.
///
/// Memory stays flat: the file is fed in 1 MiB pieces and no tree is built. A file may hold
/// several documents one after another (concatenated feed pages, each with its own XML
/// declaration); each is parsed by a fresh parser and line numbers stay those of the file.
///
/// Untrusted input: any `<!DOCTYPE` is refused (`xml-dtd-refused`) before its internal subset is
/// read, so no entity can be declared — neither an external one (XXE) nor nested expansions
/// ("billion laughs"). The parser also runs with `XML_PARSE_NONET`, never with
/// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`, so libxml2's own limits stay on.
/// Malformed or truncated XML is a fatal `malformed-xml` error with the parser's line and column.
///
/// For ``ParallelFPDS``: ``parseChunk(_:prefix:suffix:)`` parses one chunk of a root element's
/// content held in memory, and ``run(from:)`` resumes sequential parsing at a known-good point
/// inside the root with the parser's own lines and columns, so its errors are the sequential ones.
///
/// The state the callbacks touch is `@exclusivity(unchecked)`: it is only used from the thread
/// running ``run()``, never across overlapping accesses, and the runtime checks cost more than
/// the parsing of small elements.
final class XMLStream {
    let path: String
    /// The ids of the names met; shared with the handler.
    let names: XMLNameTable
    /// Held strongly (a handler never holds its stream), so calls need no retain.
    private let handler: any XMLStreamHandler
    @exclusivity(unchecked) private var context: xmlParserCtxtPtr?
    /// Interned names by address: libxml2 keeps each name once per parser dictionary, so one
    /// look-up of an address's bytes in ``names`` serves the whole document.
    private let localIDs = AddressIDs(capacity: 1024)
    private let namespaceIDs = AddressIDs(capacity: 16)
    private let noNamespace: Int32
    /// The namespace met last (most elements share their parent's).
    @exclusivity(unchecked) private var lastNamespace: (address: UnsafePointer<xmlChar>?, id: Int32) = (nil, -1)
    /// The attributes of the element that is starting (valid during the start callback only).
    @exclusivity(unchecked) private var attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    @exclusivity(unchecked) private var attributeCount = 0
    /// The open elements, innermost last: their names (so an end needs no look-up) and whether
    /// their text is collected; `collecting`: the innermost one's flag.
    @exclusivity(unchecked) private var open: [(name: XMLName, collects: Bool)] = []
    @exclusivity(unchecked) private var collecting = false
    /// The collected text: `textLength` bytes at `textStart` (room for `textCapacity`).
    @exclusivity(unchecked) private var textStart = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    @exclusivity(unchecked) private var textCapacity = 256
    @exclusivity(unchecked) private var textLength = 0
    /// Bytes of character data directly in the current element (collected or not), for the cap.
    @exclusivity(unchecked) private var textCount = 0
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var sawElement = false
    @exclusivity(unchecked) private var failure: InputError? { didSet { failed = failure != nil } }
    /// Whether ``failure`` is set (cheaper to test).
    @exclusivity(unchecked) private var failed = false
    @exclusivity(unchecked) private var ended = false
    /// Whether the root's start sets the line to 1 (a chunk after its prefix).
    @exclusivity(unchecked) private var restartLinesAtRoot = false
    /// Where the current document ends, in bytes from its start (valid when `ended`).
    private var endOffset = 0
    /// ``elements`` when the current document started: equal while its root has not started.
    private var elementsBeforeDocument = 0
    /// The root element of the last document that ended (for messages about what follows it).
    private var lastRoot: XMLName?
    /// Set when a document after the first ended before any root element, having parsed all
    /// it was given: the file ends with comments or processing instructions after a root
    /// (well-formed), or with a truncated document's XML declaration (``run(from:)`` tells).
    @exclusivity(unchecked) private var endedBeforeRoot = false
    /// Line ends and column offset before the current document's first byte.
    @exclusivity(unchecked) private var lineBase = 0
    private var columnBase = 0

    static let pieceSize = 1 << 20
    /// Caps on nesting depth, text size and element count.
    let limits: ImportLimits
    @exclusivity(unchecked) private var elements = 0

    /// A reader of `path` for `handler`, which must outlive it; `names` interns the names met.
    init(path: String, handler: any XMLStreamHandler, names: XMLNameTable, limits: ImportLimits = .default) {
        self.path = path
        self.handler = handler
        self.names = names
        self.limits = limits
        noNamespace = names.namespace("")
        open.reserveCapacity(256)
    }

    deinit { textStart.deallocate() }

    /// The current line in the file (the end of the construct just parsed).
    var line: Int { lineBase + Int(context?.pointee.input?.pointee.line ?? 1) }

    /// Stops parsing with `error` (a handler found the content unusable).
    func fail(_ error: InputError) {
        if !failed { failure = error }
        if let context { xmlStopParser(context) }
    }

    /// A point inside a document's root element from which parsing can resume: outside any
    /// markup, just after an end tag, where only the root element is open.
    struct Resume {
        /// Where the point is, in bytes from the file start.
        var offset: Int
        /// Its line in the file and the parser's column there.
        var line: Int
        var column: Int
        /// The file's bytes from its start to the end of the root's start tag: reopens the
        /// root with the same namespace declarations (and the root's line, which libxml2 names
        /// in some messages).
        var prefix: [UInt8]
        /// The elements started before the point.
        var elements: Int
    }

    /// Parses the whole file, calling the handler; from `resume` on when given (the handler
    /// then sees the root start again, from `resume.prefix`).
    /// - Throws: ``InputError`` for an unreadable file, a refused DTD, malformed XML, or an
    ///   error a handler raised with ``fail(_:)``.
    func run(from resume: Resume? = nil) throws {
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
        if let resume {
            guard lseek(file.descriptor, off_t(resume.offset), SEEK_SET) == off_t(resume.offset) else {
                throw InputError(code: "file-unreadable", "cannot seek in the file", at: SourceLocation(file: path, line: 0))
            }
            fileOffset = resume.offset
            try startDocument(lineEnds: 0)
            columnBase = 0
            elements = resume.elements - 1
            sawElement = true
            documentStart = resume.offset - resume.prefix.count
            keptStart = resume.offset
            started = true
            guard reopen(resume.prefix, line: resume.line, column: resume.column) else {
                if let failure { throw failure }
                throw InputError(code: "malformed-xml", "cannot resume parsing at line \(resume.line)", at: SourceLocation(file: path, line: resume.line))
            }
        }
        while true {
            var bytes: [UInt8]
            var offset: Int
            if !pending.isEmpty {
                (bytes, offset) = (pending, pendingOffset)
                pending = []
            } else if eof {
                (bytes, offset) = ([], fileOffset)
            } else {
                // `piece` is fed as is (no copy, no new allocation): `bytes` dies before the next read.
                let count = try file.read(into: &piece)
                if count < piece.count { piece.removeSubrange(count...) }
                (bytes, offset) = (piece, fileOffset)
                fileOffset += count
                eof = count == 0
            }
            if !started {
                if offset == 0, let error = InputSniffer.wideEncodingXML(bytes[...], path: path) { throw error }
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
                kept.removeAll(keepingCapacity: true)
                keptStart = offset
                started = true
            }
            if kept.count >= 2 * Self.pieceSize {
                keptStart += kept.count
                kept.removeAll(keepingCapacity: true)
            }
            kept += bytes
            let terminate: Int32 = eof && pending.isEmpty ? 1 : 0
            feed(bytes, terminate: terminate)
            if let failure {
                if endedBeforeRoot {
                    let document = documentStart >= keptStart ? kept[(documentStart - keptStart)...] : []
                    if let error = afterLastRoot(document, failure) { throw error }
                    return
                }
                throw failure
            }
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

    /// What to make of a file whose last document ended before any root element (see
    /// ``endedBeforeRoot``), given that document's bytes (empty when no longer kept): nil
    /// (nothing to read) when it holds only comments and processing instructions after the
    /// previous root, else the error: a truncated document when it starts with an XML
    /// declaration (or is not kept).
    private func afterLastRoot(_ document: ArraySlice<UInt8>, _ failure: InputError) -> InputError? {
        let declaration = Array("<?xml".utf8)
        if !document.isEmpty, !(document.starts(with: declaration) && document.dropFirst(5).first.map({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) == true) {
            return nil
        }
        return InputError(
            code: "malformed-xml",
            "the XML is not well-formed: the file ends before the root element of the document that starts after <\(lastRoot.map { names.local(of: $0.local) } ?? "")> ends; it is truncated",
            at: failure.location)
    }

    /// Gives `bytes` to the parser.
    private func feed(_ bytes: [UInt8], terminate: Int32) {
        bytes.withUnsafeBufferPointer { feed($0, terminate: terminate) }
    }

    private func feed(_ buffer: UnsafeBufferPointer<UInt8>, terminate: Int32) {
        _ = UnsafeRawPointer(buffer.baseAddress).map {
            xmlParseChunk(context, $0.assumingMemoryBound(to: CChar.self), Int32(buffer.count), terminate)
        } ?? xmlParseChunk(context, nil, 0, terminate)
    }

    /// Feeds `prefix` (a ``Resume/prefix``) and puts the parser at `line` and `column`. False
    /// when the root did not open.
    private func reopen(_ prefix: [UInt8], line: Int, column: Int) -> Bool {
        feed(prefix, terminate: 0)
        guard !failed, !ended, depth == 1, let input = context?.pointee.input else { return false }
        input.pointee.line = Int32(clamping: line)
        input.pointee.col = Int32(clamping: column)
        return true
    }

    /// Parses one chunk of a root element's content held in memory: `prefix` (empty for the
    /// file's first chunk, else a ``Resume/prefix``), `bytes`, then `suffix` (the root's end
    /// tag), with a pull parser reading them in turn. Lines are counted from 1 at the first
    /// byte of `bytes`.
    /// - Returns: the line ends and the elements in `bytes`, or nil when parsing failed or the
    ///   root did not end exactly at the end of `suffix` (sequential parsing decides then).
    func parseChunk(_ bytes: UnsafeBufferPointer<UInt8>, prefix: [UInt8], suffix: [UInt8]) -> (lineEnds: Int, elements: Int)? {
        defer { freeContext() }
        resetDocument(lineEnds: 0)
        let source = ChunkSource(prefix, bytes, suffix)
        var sax = Self.handler()
        let me = Unmanaged.passUnretained(self).toOpaque()
        return withExtendedLifetime(source) {
            guard let ctxt = xmlCreateIOParserCtxt(&sax, me, chunkRead, nil, Unmanaged.passUnretained(source).toOpaque(), XML_CHAR_ENCODING_NONE) else { return nil }
            xmlCtxtUseOptions(ctxt, Self.options)
            context = ctxt
            restartLinesAtRoot = !prefix.isEmpty
            _ = xmlParseDocument(ctxt)
            guard !failed, ended, endOffset == prefix.count + bytes.count + suffix.count, let input = ctxt.pointee.input?.pointee else { return nil }
            return (Int(input.line) - 1, elements - (prefix.isEmpty ? 0 : 1))
        }
    }

    /// Initialises libxml2 once, as it asks before parsers run on several threads.
    static let preparedForThreads: Void = xmlInitParser()

    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// A zeroed handler with only our callbacks: libxml2's default SAX2 callbacks expect the
    /// parser context as their user data (and would build a tree), so none is installed.
    private static func handler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = xmlStartElement
        sax.endElementNs = xmlEndElement
        sax.characters = xmlCharacters
        sax.cdataBlock = xmlCharacters
        sax.ignorableWhitespace = xmlCharacters
        sax.internalSubset = xmlInternalSubset
        sax.serror = xmlStructuredError
        return sax
    }

    private func resetDocument(lineEnds: Int) {
        lineBase = lineEnds
        elementsBeforeDocument = elements
        endedBeforeRoot = false
        localIDs.removeAll()
        namespaceIDs.removeAll()
        lastNamespace = (nil, -1)
        open.removeAll(keepingCapacity: true)
        collecting = false
        depth = 0
        ended = false
    }

    private func startDocument(lineEnds: Int) throws {
        resetDocument(lineEnds: lineEnds)
        var sax = Self.handler()
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&sax, me, nil, 0, path) else {
            throw InputError(code: "out-of-memory", "cannot create the XML parser", at: SourceLocation(file: path, line: 0))
        }
        xmlCtxtUseOptions(ctxt, Self.options)
        context = ctxt
    }

    private func freeContext() {
        if let context { xmlFreeParserCtxt(context) }
        context = nil
    }

    // MARK: callbacks

    fileprivate func localID(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
        guard let pointer else { return names.local("") }
        let id = localIDs[pointer]
        if id >= 0 { return id }
        let new = names.local(String(cString: pointer))
        localIDs[pointer] = new
        return new
    }

    fileprivate func namespaceID(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
        guard let pointer else { return noNamespace }
        if pointer == lastNamespace.address { return lastNamespace.id }
        var id = namespaceIDs[pointer]
        if id < 0 {
            id = names.namespace(String(cString: pointer))
            namespaceIDs[pointer] = id
        }
        lastNamespace = (pointer, id)
        return id
    }

    /// The value of the starting element's first attribute with the local name `local` (in any
    /// namespace, as ``XMLNameTable/local(_:)`` numbers it), or nil. Only valid in
    /// ``XMLStreamHandler/startElement(_:line:stream:)``.
    func attribute(_ local: Int32) -> String? {
        guard let attributes else { return nil }
        for k in 0..<attributeCount {
            let base = attributes + 5 * k
            guard localID(base[0]) == local, let start = base[3], let end = base[4] else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }

    /// The local names of the starting element's attributes that are in no namespace or in
    /// `namespace` (not `xsi:` or `xml:` ones), in document order. Only valid in
    /// ``XMLStreamHandler/startElement(_:line:stream:)``.
    func attributeNames(in namespace: Int32) -> [String] {
        guard let attributes else { return [] }
        return (0..<attributeCount).compactMap { k in
            let base = attributes + 5 * k
            let uri = namespaceID(base[2])
            guard uri == noNamespace || uri == namespace, let local = base[0] else { return nil }
            return String(cString: local)
        }
    }

    /// Asks for the text of the element that is starting (see ``text``).
    func collectText() {
        collecting = true
        open[open.count - 1].collects = true
    }

    /// The character data of the element that is ending (see
    /// ``XMLStreamHandler/endElement(_:stream:)``).
    var text: String { String(decoding: UnsafeBufferPointer(start: textStart, count: textLength), as: UTF8.self) }

    func started(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int
    ) {
        sawElement = true
        depth += 1
        textLength = 0
        textCount = 0
        elements += 1
        if depth > limits.maxXMLDepth { return fail(limits.xmlTooDeep(at: SourceLocation(file: path, line: line))) }
        if elements > limits.maxRecords { return fail(limits.tooManyRecords(at: SourceLocation(file: path, line: line))) }
        if failed { return }
        if restartLinesAtRoot, depth == 1, let input = context?.pointee.input {
            // A chunk's root, reopened: what follows its `>` is the chunk's line 1.
            input.pointee.line = 1
        }
        let name = XMLName(namespace: namespaceID(uri), local: localID(localname))
        open.append((name, false))
        collecting = false
        self.attributes = attributes
        self.attributeCount = attributeCount
        handler.startElement(name, line: line, stream: self)
        self.attributes = nil
        self.attributeCount = 0
    }

    /// An element ends: the innermost open one (libxml2 reports a mismatched end tag as a fatal
    /// error, after which no callback is acted on).
    func elementEnded() {
        if failed { return }
        let name = open[open.count - 1].name
        handler.endElement(name, stream: self)
        textLength = 0
        textCount = 0
        depth -= 1
        open.removeLast()
        collecting = open.last?.collects ?? false
        if depth == 0, !failed, let context {
            ended = true
            lastRoot = name
            endOffset = Int(xmlByteConsumed(context))
            handler.documentEnded(stream: self)
            xmlStopParser(context)
        }
    }

    func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        if failed { return }
        textCount += count
        if textCount > limits.maxFieldBytes {
            textLength = 0
            return fail(limits.fieldTooLarge(at: SourceLocation(file: path, line: line), what: "the text of an element"))
        }
        if collecting {
            if textLength + count > textCapacity {
                let capacity = max(2 * textCapacity, textLength + count)
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                grown.update(from: textStart, count: textLength)
                textStart.deallocate()
                (textStart, textCapacity) = (grown, capacity)
            }
            (textStart + textLength).update(from: bytes, count: count)
            textLength += count
        }
    }

    func refuseDTD() {
        fail(InputError(
            code: "xml-dtd-refused",
            "the document has a <!DOCTYPE> (a DTD); flrisk refuses DTDs in XML input because they can declare external entities (XXE) or entity expansions (\"billion laughs\"); remove the DOCTYPE",
            at: SourceLocation(file: path, line: line)))
    }

    func parserError(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, !failed else { return }
        // libxml2's messages may hold line ends ("indicate encoding !\nBytes: 0xC9 …"): one line.
        var message = error.message.map { String(cString: $0).split(whereSeparator: \.isNewline).joined(separator: " ").trimmingWhitespace() } ?? "malformed XML"
        if error.code == Int32(XML_ERR_DOCUMENT_END.rawValue), !ended, let innermost = open.last {
            // libxml2 says "Extra content at the end of the document" when the input stops
            // with elements still open: the opposite of what happened.
            let count = open.count
            message = "the file ends inside <\(names.local(of: innermost.name.local))> (\(count) element\(count == 1 ? "" : "s") still open); it is truncated"
        }
        let lineCodes = [XML_ERR_GT_REQUIRED, XML_ERR_TAG_NAME_MISMATCH, XML_ERR_TAG_NOT_FINISHED].map { Int32($0.rawValue) }
        if lineBase > 0, error.int1 > 0, lineCodes.contains(error.code), let range = message.range(of: " line \(error.int1)") {
            // These messages name the line of the open element in the document's own lines
            // ("tag mismatch: x line 17 and y"): in a file's second page, the file's line is further.
            message.replaceSubrange(range, with: " line \(lineBase + Int(error.int1))")
        }
        let afterRoot = elements == elementsBeforeDocument ? lastRoot : nil
        if let afterRoot, error.code == Int32(XML_ERR_DOCUMENT_END.rawValue) || error.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) {
            // A document ended and what follows starts no other. Comments and processing
            // instructions are well-formed there: the parser took them as the next document's.
            if error.code == Int32(XML_ERR_DOCUMENT_END.rawValue), let input = context?.pointee.input?.pointee, input.cur == input.end {
                endedBeforeRoot = true
            } else {
                message = "there is content after the end of the root element <\(names.local(of: afterRoot.local))> that is not another XML document (only comments, processing instructions, or further documents such as feed pages, each with its own <?xml …?>, may follow it)"
            }
        }
        let line = lineBase + Int(max(error.line, 1))
        var column = Int(error.int2)
        if error.line <= 1 { column += columnBase }
        let code = error.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) || message.contains("amplification") ? "xml-entity-limit" : "malformed-xml"
        failure = InputError(code: code, "the XML is not well-formed: \(message)", at: SourceLocation(file: path, line: line, column: column > 0 ? column : nil))
    }
}
