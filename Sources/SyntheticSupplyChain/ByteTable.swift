/// Pre-encoded byte strings (escaped names, tags, codes) in one block of memory, appended to an
/// ``OutputFile`` by index with one copy: no array or reference counting per append.
final class ByteTable {
    let storage: UnsafeMutablePointer<UInt8>
    /// Entry i is `storage[starts[i] ..< starts[i + 1]]`.
    let starts: UnsafeMutablePointer<Int>
    let count: Int
    /// The longest entry, in bytes.
    let maxLength: Int

    init(_ entries: [[UInt8]]) {
        count = entries.count
        let total = entries.reduce(0) { $0 + $1.count }
        storage = .allocate(capacity: max(1, total))
        starts = .allocate(capacity: entries.count + 1)
        var offset = 0
        for (i, entry) in entries.enumerated() {
            starts[i] = offset
            for (j, b) in entry.enumerated() { storage[offset + j] = b }
            offset += entry.count
        }
        starts[entries.count] = offset
        maxLength = entries.map(\.count).max() ?? 0
    }

    deinit {
        storage.deallocate()
        starts.deallocate()
    }
}
