/// A small streaming JSON writer: keys in the order written, numbers formatted
/// deterministically, strings escaped per RFC 8259. Output is pretty-printed with two spaces.
struct JSONWriter {
    private(set) var text = ""
    private var indent = 0
    /// Whether the current container already has a member (so the next needs a comma).
    private var hasMember: [Bool] = []
    private var afterKey = false

    mutating func beginObject() { open("{") }
    mutating func endObject() { close("}") }
    mutating func beginArray() { open("[") }
    mutating func endArray() { close("]") }

    mutating func key(_ name: String) {
        separate()
        text += Self.quoted(name) + ": "
        afterKey = true
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        scalar(Self.quoted(value))
    }

    mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        scalar(Self.format(value))
    }

    mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        scalar(String(value))
    }

    mutating func bool(_ value: Bool) { scalar(value ? "true" : "false") }
    mutating func null() { scalar("null") }

    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Double?) { key(name); number(value) }
    mutating func field(_ name: String, _ value: Int?) { key(name); integer(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    /// Shortest round-trip decimal for a finite double, never `-0`.
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)  // Swift prints the shortest representation that round-trips
    }

    static func quoted(_ value: String) -> String {
        // Fast path: nothing to escape (no control character, quote, backslash, U+2028/9).
        if !needsEscape(value) { return "\"" + value + "\"" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `value` has a byte ``quoted(_:)`` escapes: a control character, a quote, a
    /// backslash, or U+2028/U+2029 (UTF-8 `E2 80 A8`/`E2 80 A9`).
    static func needsEscape(_ value: String) -> Bool {
        var before2: UInt8 = 0, before1: UInt8 = 0
        for byte in value.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            if (byte == 0xA8 || byte == 0xA9) && before1 == 0x80 && before2 == 0xE2 { return true }
            before2 = before1
            before1 = byte
        }
        return false
    }

    /// The first levels of indentation, made once.
    private static let indentations = (0..<16).map { String(repeating: "  ", count: $0) }

    /// Two spaces per level.
    static func indentation(_ level: Int) -> String {
        level < indentations.count ? indentations[level] : String(repeating: "  ", count: level)
    }

    private mutating func separate() {
        if afterKey { return }
        if let last = hasMember.last {
            text += last ? ",\n" : "\n"
            hasMember[hasMember.count - 1] = true
            text += Self.indentation(indent)
        }
    }

    private mutating func scalar(_ literal: String) {
        separate()
        afterKey = false
        text += literal
    }

    private mutating func open(_ bracket: String) {
        separate()
        afterKey = false
        text += bracket
        indent += 1
        hasMember.append(false)
    }

    private mutating func close(_ bracket: String) {
        indent -= 1
        if hasMember.removeLast() {
            text += "\n"
            text += Self.indentation(indent)
        }
        text += bracket
        if hasMember.isEmpty { text += "\n" }
    }
}
