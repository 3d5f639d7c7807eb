import SupplyChainModel

/// A small streaming JSON writer: keys in the order written, numbers formatted
/// deterministically, strings escaped per RFC 8259. Output is pretty-printed with two spaces,
/// as UTF-8 bytes; large arrays can be rendered in slices on Dispatch workers
/// (``elements(_:workers:_:)``) and drained in pieces (``take()``).
struct JSONWriter {
    /// The output not yet taken.
    private(set) var bytes: [UInt8] = []
    private var indent = 0
    /// Whether the current container already has a member (so the next needs a comma).
    private var hasMember: [Bool] = []
    private var afterKey = false

    init() { bytes.reserveCapacity(1 << 16) }

    /// A writer inside an array at nesting `depth`, as before its first element (for a slice
    /// of elements rendered apart).
    private init(depth: Int) {
        bytes.reserveCapacity(1 << 16)
        indent = depth
        hasMember = Array(repeating: true, count: max(0, depth - 1)) + [false]
    }

    /// The output so far, as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The output written since the last call, removed from the writer.
    mutating func take() -> [UInt8] {
        defer { bytes = []; bytes.reserveCapacity(1 << 16) }
        return bytes
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        separate()
        Self.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        afterKey = true
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        begin()
        Self.appendQuoted(value, to: &bytes)
    }

    /// One string value made of `parts` in order (same bytes as `string(parts.joined())`).
    mutating func string(parts: String...) {
        begin()
        bytes.append(UInt8(ascii: "\""))
        for part in parts { Self.appendEscaped(part, to: &bytes) }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        begin()
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
        } else if value == value.rounded(), abs(value) < 1e15 {
            Self.appendInteger(Int(value), to: &bytes)
        } else {
            bytes += String(value).utf8  // Swift prints the shortest representation that round-trips
        }
    }

    mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        begin()
        Self.appendInteger(value, to: &bytes)
    }

    mutating func bool(_ value: Bool) { literal(value ? "true" : "false") }
    mutating func null() { literal("null") }

    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Double?) { key(name); number(value) }
    mutating func field(_ name: String, _ value: Int?) { key(name); integer(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    /// Array elements written by `element(&writer, index)` for each index in `0..<count` (none,
    /// one or several each) into the open array, in pieces of `pieceSize` indices on `workers`
    /// Dispatch workers, so that memory holds a few pieces, not the array. Each piece's bytes
    /// go to `emit` in order (the writer's pending output first); the bytes do not depend on
    /// `workers` or `pieceSize`.
    mutating func elements(
        _ count: Int, workers: Int, pieceSize: Int = 1 << 10, emit: ([UInt8]) -> Void, _ element: (inout JSONWriter, Int) -> Void
    ) {
        precondition(!afterKey && hasMember.count == indent)
        let depth = indent
        emit(take())
        var wroteAny = hasMember[hasMember.count - 1]
        Concurrently.pipeline(
            count: count, pieceSize: pieceSize, workers: workers,
            render: { range in
                var slice = JSONWriter(depth: depth)
                for i in range { element(&slice, i) }
                return (slice.bytes, slice.hasMember.last!)
            },
            emit: { piece, wroteElement in
                guard wroteElement else { return }
                // A piece starts as if first in the array: the comma, if any, comes here.
                if wroteAny { emit([UInt8(ascii: ",")]) }
                emit(piece)
                wroteAny = true
            })
        hasMember[hasMember.count - 1] = wroteAny
    }

    /// Shortest round-trip decimal for a finite double, never `-0`.
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)  // Swift prints the shortest representation that round-trips
    }

    /// `value` as a JSON string literal.
    static func quoted(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 2)
        appendQuoted(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``quoted(_:)`` appended to a UTF-8 buffer.
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The escaped content of a string literal, in one pass over the UTF-8 bytes: runs of
    /// bytes that need no escape are copied at once; quotes, backslashes, C0 controls and DEL
    /// get short or `\u00XX` escapes; U+2028 and U+2029 (`E2 80 A8`/`A9`) get `\u2028`/`\u2029`.
    static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        // Read in place (no copy of the string, so no retain of its storage).
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped(utf8: $0, to: &out) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { appendEscaped(utf8: $0, to: &out) }
        }
    }

    /// ``appendEscaped(_:to:)`` for valid UTF-8 bytes; runs of bytes that need no escape are
    /// skipped eight at a time.
    static func appendEscaped(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        do {
            var start = 0, i = 0
            let count = bytes.count
            let raw = UnsafeRawPointer(bytes.baseAddress)
            while i < count {
                if let raw, i + 8 <= count, !ByteWord.needsJSONAttention(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = bytes[i]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2 {
                    i += 1
                    continue
                }
                if byte == 0xE2 {
                    if i + 2 < count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                        out += bytes[i + 2] == 0xA8 ? Self.u2028 : Self.u2029
                        i += 3
                        start = i
                    } else {
                        i += 1
                    }
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                appendEscape(byte, to: &out)
                i += 1
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
        }
    }

    private static let u2028 = Array("\\u2028".utf8), u2029 = Array("\\u2029".utf8)

    /// The escape of one ASCII byte: a quote, a backslash, a C0 control or DEL.
    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case 0x22: out += [backslash, 0x22]
        case 0x5C: out += [backslash, backslash]
        case 0x0A: out += [backslash, UInt8(ascii: "n")]
        case 0x0D: out += [backslash, UInt8(ascii: "r")]
        case 0x09: out += [backslash, UInt8(ascii: "t")]
        default:
            let hex = Array("0123456789abcdef".utf8)
            out += [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
    }

    /// The decimal digits of `value` (same as `String(value)`).
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            guard value != .min else { out += String(value).utf8; return }
            out.append(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        if magnitude < 10 { out.append(UInt8(ascii: "0") + UInt8(magnitude)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[19 - n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            }
            out.append(contentsOf: buffer[(20 - n)...])
        }
    }

    /// Two spaces per level.
    static func indentation(_ level: Int) -> String { String(repeating: "  ", count: level) }

    private mutating func separate() {
        if afterKey { return }
        if let last = hasMember.last {
            bytes.append(contentsOf: last ? [UInt8(ascii: ","), 0x0A] : [0x0A])
            hasMember[hasMember.count - 1] = true
            for _ in 0..<indent { bytes.append(0x20); bytes.append(0x20) }
        }
    }

    /// Starts a value: separated from the one before, unless it follows its key.
    private mutating func begin() {
        separate()
        afterKey = false
    }

    private mutating func literal(_ text: StaticString) {
        begin()
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func open(_ bracket: UInt8) {
        begin()
        bytes.append(bracket)
        indent += 1
        hasMember.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 1
        if hasMember.removeLast() {
            bytes.append(0x0A)
            for _ in 0..<indent { bytes.append(0x20); bytes.append(0x20) }
        }
        bytes.append(bracket)
        if hasMember.isEmpty { bytes.append(0x0A) }
    }
}
