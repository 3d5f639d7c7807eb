/// Tests on eight text bytes at once (one little-endian word), exact for "some byte is": the
/// writers skip runs of bytes that need no escape a word at a time.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Some byte is `byte`.
    @inline(__always)
    static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highBits != 0
    }

    /// Some byte is a C0 control (below 0x20).
    @inline(__always)
    static func hasControl(_ word: UInt64) -> Bool { (word &- ones &* 0x20) & ~word & highBits != 0 }

    /// Some byte is not copied as it is into a CSV text cell: a C0 control, a quote, DEL, or a
    /// byte of a non-ASCII scalar (0x7F and above).
    @inline(__always)
    static func needsCSVAttention(_ word: UInt64) -> Bool {
        let high = ((word &+ ones) | word) & highBits
        return high != 0 || hasControl(word) || has(word, 0x22)
    }

    /// Some byte is not copied as it is into HTML text: a C0 control, DEL, `& < > " '`, or a
    /// byte of a non-ASCII scalar.
    @inline(__always)
    static func needsHTMLAttention(_ word: UInt64) -> Bool {
        let high = ((word &+ ones) | word) & highBits
        return high != 0 || hasControl(word) || has(word, 0x26) || has(word, 0x3C) || has(word, 0x3E) || has(word, 0x22) || has(word, 0x27)
    }

    /// Some byte is not copied as it is into a JSON string: a C0 control, a quote, a
    /// backslash, DEL, or 0xE2 (which starts U+2028 and U+2029).
    @inline(__always)
    static func needsJSONAttention(_ word: UInt64) -> Bool {
        hasControl(word) || has(word, 0x22) || has(word, 0x5C) || has(word, 0x7F) || has(word, 0xE2)
    }
}
