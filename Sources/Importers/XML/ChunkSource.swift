internal import CLibXML2

/// The bytes of a chunk, read by libxml2 through ``chunkRead``: a prefix, the chunk, a suffix.
final class ChunkSource {
    let prefix: [UInt8], suffix: [UInt8]
    let bytes: UnsafeBufferPointer<UInt8>
    /// The part being read (0, 1, 2) and the offset in it.
    var part = 0, offset = 0

    init(_ prefix: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) {
        (self.prefix, self.bytes, self.suffix) = (prefix, bytes, suffix)
    }

    /// Copies up to `length` bytes to `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        var filled = 0
        while filled < length, part < 3 {
            let n: Int = {
                let copy = { (source: UnsafeBufferPointer<UInt8>) -> Int in
                    let n = min(length - filled, source.count - self.offset)
                    if n > 0 { UnsafeMutableRawPointer(buffer + filled).copyMemory(from: source.baseAddress! + self.offset, byteCount: n) }
                    return max(n, 0)
                }
                switch part {
                case 0: return prefix.withUnsafeBufferPointer(copy)
                case 1: return copy(bytes)
                default: return suffix.withUnsafeBufferPointer(copy)
                }
            }()
            filled += n
            offset += n
            if n == 0 {
                part += 1
                offset = 0
            }
        }
        return Int32(filled)
    }
}

let chunkRead: xmlInputReadCallback = { context, buffer, length in
    guard let context, let buffer else { return -1 }
    return Unmanaged<ChunkSource>.fromOpaque(context).takeUnretainedValue().read(into: buffer, length: Int(length))
}
