/// ASCII ids → the line where each was first registered: an open-addressing table (linear
/// probing) over ``ByteHash``, used by ``IDRegistry`` for nearly every id of a file.
///
/// Keys must be ASCII: for ASCII text `String` equality is byte equality, so the table answers
/// exactly as a `[String: Int]` would, without SipHash's per-call cost. Each slot keeps its
/// key's hash, so growing never hashes a key again, and a probe compares strings only when the
/// hashes agree.
struct ASCIIIDTable {
    private struct Slot {
        /// The key's hash with the low bit set; 0 marks an empty slot.
        var tag: UInt64
        var key: String
        var line: Int
    }

    private var slots: [Slot]
    private var mask: Int
    private let seed: UInt64
    /// The number of ids in the table.
    private(set) var count = 0

    /// An empty table with room for `capacity` ids before it grows.
    init(capacity: Int = 8, seed: UInt64 = ByteHash.randomSeed()) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(tag: 0, key: "", line: 0), count: size)
        mask = size - 1
        self.seed = seed
    }

    /// The hash `id` is stored under, and whether `id` is ASCII (only then may it be a key).
    func digest(_ id: String) -> (hash: UInt64, isASCII: Bool) { ByteHash.digest(id, seed: seed) }

    /// The line stored for `id`; `hash` is ``digest(_:)``'s.
    func line(of id: String, hash: UInt64) -> Int? {
        let tag = hash | 1
        var index = home(tag)
        while true {
            let slot = slots[index]
            if slot.tag == 0 { return nil }
            if slot.tag == tag && slot.key == id { return slot.line }
            index = (index &+ 1) & mask
        }
    }

    /// The line stored for `id` (which must be ASCII).
    func line(of id: String) -> Int? { line(of: id, hash: digest(id).hash) }

    /// Stores `line` for the ASCII `id`, replacing any line it had; `hash` is ``digest(_:)``'s.
    mutating func set(_ id: String, line: Int, hash: UInt64) {
        let tag = hash | 1
        var index = home(tag)
        while true {
            let current = slots[index].tag
            if current == 0 { break }
            if current == tag && slots[index].key == id {
                slots[index].line = line
                return
            }
            index = (index &+ 1) & mask
        }
        slots[index] = Slot(tag: tag, key: id, line: line)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// Stores `line` for the ASCII `id`, replacing any line it had.
    mutating func set(_ id: String, line: Int) { set(id, line: line, hash: digest(id).hash) }

    /// The first slot to probe for a key with this tag (its low bit is always set, so the
    /// index comes from the bits above it).
    @inline(__always)
    private func home(_ tag: UInt64) -> Int { Int(truncatingIfNeeded: tag &>> 1) & mask }

    /// Calls `body` with every id and its line, in no particular order.
    func forEach(_ body: (_ id: String, _ line: Int) -> Void) {
        for slot in slots where slot.tag != 0 { body(slot.key, slot.line) }
    }

    /// Doubles the slots (the load stays at most a half), placing each key by its kept hash.
    private mutating func grow() {
        let old = slots
        let size = old.count * 2
        slots = Array(repeating: Slot(tag: 0, key: "", line: 0), count: size)
        mask = size - 1
        for slot in old where slot.tag != 0 {
            var index = home(slot.tag)
            while slots[index].tag != 0 { index = (index &+ 1) & mask }
            slots[index] = slot
        }
    }
}
