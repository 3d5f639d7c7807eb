/// Turns the bytes of one CSV field into a `String`.
///
/// A field that is valid UTF-8 is read as UTF-8. A field that is not is read as Windows-1252
/// (a superset of the printable Latin-1 range), which is what spreadsheet exports on Windows
/// produce: `é` is the single byte 0xE9 there, which is never valid UTF-8 on its own. The rule
/// is per field, so it gives the same result whichever order chunks are parsed in; the reader
/// warns once per file (``CSVReadReport``) with the line of the first such field.
enum TextDecoding {
    /// Decodes `bytes`; `transcoded` is true when they were not UTF-8.
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer) -> (text: String, transcoded: Bool) {
        // Empty cells (most of a wide export's, such as USAspending's 297 columns) make no call.
        if bytes.isEmpty { return ("", false) }
        // ASCII (almost every field of real files) needs no validation.
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        if high < 0x80 { return (String(decoding: bytes, as: UTF8.self), false) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
        return (windows1252(bytes), true)
    }

    /// Windows-1252 to Unicode: bytes below 0x80 and from 0xA0 are Latin-1 (the same code
    /// point); 0x80–0x9F are the typographic characters of the Windows code page. The five
    /// bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of
    /// the same value, as the WHATWG encoding standard does, so no byte is ever lost.
    static func windows1252(_ bytes: UnsafeRawBufferPointer) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte < 0xA0 {
                scalars.append(Unicode.Scalar(high1252[Int(byte - 0x80)])!)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let high1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
