#if canImport(Glibc)
import Glibc
#endif

/// Cell values that repeat down a file (agency names, descriptions, goods lists), made once:
/// an equal earlier value's `String` (or list) is handed out again instead of a new copy, so a
/// million contracts from twenty agencies hold twenty agency strings, not a million.
///
/// Only values longer than 15 bytes are kept (shorter ones live inside the `String` value,
/// with nothing allocated), and at most half the table's size of them: past that, new values
/// are made as before and only the ones already kept are shared. One table per chunk of a
/// file, used by one thread (not `Sendable`).
final class RepeatedText {
    private var hashes: [UInt64]
    private var texts: [String?]
    private var lists: [[String]?]
    private var kept = 0
    private let mask: Int
    private let seed = ByteHash.randomSeed()

    /// The longest value a `String` holds without allocating.
    static let inlineBytes = 15

    /// - Parameter slots: the table size (a power of two); up to `slots / 2` values are kept.
    init(slots: Int = 2048) {
        precondition(slots > 0 && slots & (slots - 1) == 0)
        hashes = [UInt64](repeating: 0, count: slots)
        texts = [String?](repeating: nil, count: slots)
        lists = [[String]?](repeating: nil, count: slots)
        mask = slots - 1
    }

    /// `bytes` (valid UTF-8) as a `String`, the same one as for equal bytes before.
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > Self.inlineBytes else { return String(decoding: bytes, as: UTF8.self) }
        let (slot, found) = find(bytes)
        if let found { return texts[found].unsafelyUnwrapped }
        let text = String(decoding: bytes, as: UTF8.self)
        if let slot { texts[slot] = text }
        return text
    }

    /// `split(text)` of the cell `bytes`, the same array as for equal bytes before.
    /// Lists are kept whatever their length: the array is what is shared. (A table serves
    /// either texts or lists: an equal text kept by ``text(_:)`` gets its list made here.)
    func list(_ bytes: UnsafeBufferPointer<UInt8>, split: (String) -> [String]) -> [String] {
        let (slot, found) = find(bytes)
        if let found, let list = lists[found] { return list }
        let text = found.flatMap { texts[$0] } ?? String(decoding: bytes, as: UTF8.self)
        let list = split(text)
        if let place = slot ?? found {
            texts[place] = text
            lists[place] = list
        }
        return list
    }

    /// The slot holding `bytes` (`found`), else the empty slot where they go, nil when the
    /// table is full.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (slot: Int?, found: Int?) {
        let hash = ByteHash.digest(bytes, seed: seed).hash
        var slot = Int(truncatingIfNeeded: hash) & mask
        while var text = texts[slot] {
            if hashes[slot] == hash, text.utf8.count == bytes.count,
                text.withUTF8({ bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
            {
                return (nil, slot)
            }
            slot = (slot + 1) & mask
        }
        guard kept * 2 < mask + 1 else { return (nil, nil) }
        kept += 1
        hashes[slot] = hash
        return (slot, nil)
    }
}
