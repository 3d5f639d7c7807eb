extension Unicode.Scalar {
    /// The scalar encoded by the `length` UTF-8 bytes at `index` of valid UTF-8 (the length
    /// its first byte gives: 2 for 0xC0–0xDF, 3 for 0xE0–0xEF, 4 above).
    @inline(__always)
    init(utf8 bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) {
        var value = UInt32(bytes[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[index + k]) & 0x3F) }
        self = Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The length of the UTF-8 sequence that `lead` (a byte of 0x80 or more) starts.
    @inline(__always)
    static func utf8Length(lead: UInt8) -> Int { lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2 }

    /// A control or formatting character (bidirectional overrides and isolates, marks, BOM),
    /// which CSV and HTML reports show as U+FFFD so that input text cannot reorder or hide
    /// what a reviewer reads. The zero-width joiner and non-joiner (U+200D, U+200C) are kept:
    /// emoji sequences and Persian and Indic scripts need them, and they move nothing.
    var isHiddenInReports: Bool {
        switch properties.generalCategory {
        case .control: true
        case .format: value != 0x200C && value != 0x200D
        default: false
        }
    }
}
