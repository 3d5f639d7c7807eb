internal import CLibXML2
import SupplyChainModel

// The libxml2 SAX2 callbacks of ``XMLStream``: each finds its stream in the parser's context
// (unretained: ``XMLStream/run(from:)`` keeps it alive) and hands the event to it.

private func stream(_ context: UnsafeMutableRawPointer?) -> XMLStream {
    Unmanaged<XMLStream>.fromOpaque(context!).takeUnretainedValue()
}

/// Runs `body` on the stream of a callback without retaining it (``XMLStream/run()`` keeps it alive).
@inline(__always) private func withStream<R>(_ context: UnsafeMutableRawPointer?, _ body: (XMLStream) -> R) -> R {
    Unmanaged<XMLStream>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
}

let xmlStartElement: startElementNsSAX2Func = { context, localname, _, uri, _, _, attributeCount, _, attributes in
    withStream(context) { stream in elementStarted(stream, localname, uri, attributes, Int(attributeCount)) }
}

private func elementStarted(
    _ stream: XMLStream, _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int
) {
    if attributeCount > 0, let attributes {
        for k in 0..<attributeCount {
            let base = attributes + 5 * k
            guard let start = base[3], let end = base[4] else { continue }
            if end - start > stream.limits.maxFieldBytes {
                return stream.fail(stream.limits.fieldTooLarge(at: SourceLocation(file: stream.path, line: stream.line), what: "an attribute value"))
            }
        }
    }
    stream.started(localname, uri, attributes, attributeCount)
}

let xmlEndElement: endElementNsSAX2Func = { context, _, _, _ in
    withStream(context) { $0.elementEnded() }
}

let xmlCharacters: charactersSAXFunc = { context, bytes, count in
    guard let bytes, count > 0 else { return }
    withStream(context) { $0.characters(bytes, Int(count)) }
}

let xmlInternalSubset: internalSubsetSAXFunc = { context, _, _, _ in
    stream(context).refuseDTD()
}

let xmlStructuredError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    stream(context).parserError(error.pointee)
}
