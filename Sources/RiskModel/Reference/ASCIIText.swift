/// Text known to be ASCII without a carriage return, so that its bytes, Unicode scalars and
/// characters are the same sequence: fast paths work on ``bytes`` and give the same result as
/// the Unicode-aware code they stand in for (which handles all other text).
struct ASCIIText {
    let bytes: [UInt8]

    /// Nil when the text has a byte ≥ 0x80 or a CR (CR LF is one character).
    init?(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80, byte != 0x0D else { return nil }
            bytes.append(byte)
        }
        self.bytes = bytes
    }

    /// Without leading and trailing tabs, line feeds, vertical tabs, form feeds and spaces (the
    /// ASCII members of Foundation's `whitespacesAndNewlines` besides CR).
    var trimmed: ArraySlice<UInt8> {
        var slice = bytes[...]
        while let first = slice.first, Self.isSpace(first) { slice.removeFirst() }
        while let last = slice.last, Self.isSpace(last) { slice.removeLast() }
        return slice
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// `Character.isLetter || Character.isNumber` for an ASCII byte.
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func upper(_ byte: UInt8) -> UInt8 { (0x61...0x7A).contains(byte) ? byte - 0x20 : byte }
    static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }

    /// The lower-cased runs of bytes that `isWordByte` accepts (the other bytes separate them).
    static func words(_ bytes: ArraySlice<UInt8>, isWordByte: (UInt8) -> Bool) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes {
            if isWordByte(byte) {
                current.append(lower(byte))
            } else if !current.isEmpty {
                words.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Words joined by single spaces.
    static func joined(_ words: [[UInt8]]) -> String {
        var out: [UInt8] = []
        for word in words {
            if !out.isEmpty { out.append(0x20) }
            out += word
        }
        return String(decoding: out, as: UTF8.self)
    }
}
