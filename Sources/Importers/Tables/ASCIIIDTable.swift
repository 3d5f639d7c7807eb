internal import CPrefetch

/// ASCII ids → the line where each was first registered: an open-addressing table (linear
/// probing) over ``ByteHash``, used by ``IDRegistry`` for nearly every id of a file.
///
/// Keys must be ASCII: for ASCII text `String` equality is byte equality, so the table answers
/// exactly as a `[String: Int]` would, without SipHash's per-call cost.
///
/// The ids and lines are kept in insertion order in two dense arrays; the probed slots are one
/// word each (32 bits of the hash and the entry's number), so a lookup of a new id — most of
/// them — reads 8 bytes of a table a quarter of the size a slot of key, hash and line would
/// make (the first read of a slot, a cache miss, is most of the cost), and compares strings
/// only when 32 bits of the hash agree. Growing never hashes a key again.
struct ASCIIIDTable {
    /// 0 for an empty slot, else the hash's upper 32 bits above the entry's number + 1.
    private var slots: [UInt64]
    /// The ids, in the order they were first stored.
    private var keys: [String] = []
    /// The line of each id in ``keys``.
    private var lines: [Int] = []
    private var mask: Int
    private let seed: UInt64

    /// The number of ids in the table.
    var count: Int { keys.count }

    /// An empty table with room for `capacity` ids before it grows.
    init(capacity: Int = 8, seed: UInt64 = ByteHash.randomSeed()) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        self.seed = seed
    }

    /// The hash `id` is stored under, and whether `id` is ASCII (only then may it be a key).
    func digest(_ id: String) -> (hash: UInt64, isASCII: Bool) { ByteHash.digest(id, seed: seed) }

    /// The slot holding `id`, or the empty slot where it would go, and its entry number if found.
    @inline(__always)
    private func probe(_ id: String, hash: UInt64) -> (slot: Int, entry: Int?) {
        let upper = hash &>> 32
        var index = Int(truncatingIfNeeded: upper) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return (index, nil) }
            if slot &>> 32 == upper {
                let entry = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) &- 1
                if keys[entry] == id { return (index, entry) }
            }
            index = (index &+ 1) & mask
        }
    }

    /// The line stored for `id`; `hash` is ``digest(_:)``'s.
    func line(of id: String, hash: UInt64) -> Int? {
        probe(id, hash: hash).entry.map { lines[$0] }
    }

    /// The line stored for `id` (which must be ASCII).
    func line(of id: String) -> Int? { line(of: id, hash: digest(id).hash) }

    /// Stores `line` for the ASCII `id`, replacing any line it had; `hash` is ``digest(_:)``'s.
    mutating func set(_ id: String, line: Int, hash: UInt64) {
        let (slot, entry) = probe(id, hash: hash)
        if let entry {
            lines[entry] = line
            return
        }
        add(id, line: line, hash: hash, slot: slot)
    }

    /// The line stored for the ASCII `id`; when it has none, stores `line` for it (one probe
    /// for ``line(of:hash:)`` and ``set(_:line:hash:)`` together) and returns nil.
    mutating func insert(_ id: String, line: Int, hash: UInt64) -> Int? {
        let (slot, entry) = probe(id, hash: hash)
        if let entry { return lines[entry] }
        add(id, line: line, hash: hash, slot: slot)
        return nil
    }

    /// Adds a new entry at the empty `slot` that probing for it found.
    private mutating func add(_ id: String, line: Int, hash: UInt64, slot: Int) {
        precondition(keys.count < Int(UInt32.max) - 1, "more than 2^32 ids")
        slots[slot] = (hash &>> 32) &<< 32 | UInt64(keys.count + 1)
        keys.append(id)
        lines.append(line)
        if keys.count * 2 > slots.count { grow() }
    }

    /// Stores `line` for the ASCII `id`, replacing any line it had.
    mutating func set(_ id: String, line: Int) { set(id, line: line, hash: digest(id).hash) }

    /// Calls `body` with every id and its line, in the order they were first stored.
    func forEach(_ body: (_ id: String, _ line: Int) -> Void) {
        for entry in keys.indices { body(keys[entry], lines[entry]) }
    }

    /// Makes room for `count` ids without growing (one placement of the entries so far,
    /// instead of one per doubling).
    mutating func reserveCapacity(_ count: Int) {
        var size = slots.count
        while size < count * 2 { size *= 2 }
        if size > slots.count { resize(to: size) }
        keys.reserveCapacity(count)
        lines.reserveCapacity(count)
    }

    /// Starts loading the slot where an id with this ``digest(_:)`` hash is probed first
    /// (the read that misses the cache), so that a look-up a few ids later finds it there.
    func prefetch(hash: UInt64) {
        slots.withUnsafeBufferPointer { flrisk_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: hash &>> 32) & mask)) }
    }

    /// Doubles the slots (the load stays at most a half), placing each entry by its kept hash bits.
    private mutating func grow() { resize(to: slots.count * 2) }

    /// Places every entry in `size` slots (a power of two) by its kept hash bits.
    private mutating func resize(to size: Int) {
        let old = slots
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for slot in old where slot != 0 {
            var index = Int(truncatingIfNeeded: slot &>> 32) & mask
            while slots[index] != 0 { index = (index &+ 1) & mask }
            slots[index] = slot
        }
    }
}
