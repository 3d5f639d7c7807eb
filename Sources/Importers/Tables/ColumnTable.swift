/// The columns a header names → their positions, looked up once per cell of every row: a few
/// slots hashed by ``ByteHash`` instead of a `[String: Int]` hashed by SipHash.
///
/// It answers as the dictionary it is built from. Keys and queries that are not ASCII are left
/// to that dictionary (canonical equivalence can make byte-different strings equal; for ASCII
/// text `String` equality is byte equality), so ``HeaderMap`` asks ``index(of:)`` first and the
/// dictionary only when this returns ``Answer/unknown``.
struct ColumnTable: Sendable {
    /// What the table knows about a column name.
    enum Answer: Equatable {
        case absent
        case position(Int)
        /// Not ASCII (or the table holds a non-ASCII key): ask the dictionary.
        case unknown
    }

    /// Each slot's key hash with the low bit set; 0 marks an empty slot.
    private var tags: [UInt64]
    private var keys: [String]
    private var positions: [Int]
    private let mask: Int
    private let seed: UInt64
    /// Whether every key is ASCII (otherwise every answer is ``Answer/unknown``).
    private let asciiKeys: Bool

    init(_ positions: [String: Int], seed: UInt64 = ByteHash.randomSeed()) {
        var size = 8
        while size < positions.count * 4 { size *= 2 }
        tags = Array(repeating: 0, count: size)
        keys = Array(repeating: "", count: size)
        self.positions = Array(repeating: 0, count: size)
        mask = size - 1
        self.seed = seed
        var asciiKeys = true
        for (key, position) in positions {
            let digest = ByteHash.digest(key, seed: seed)
            asciiKeys = asciiKeys && digest.isASCII
            let tag = digest.hash | 1
            var index = Int(truncatingIfNeeded: tag &>> 1) & mask
            while tags[index] != 0 { index = (index &+ 1) & mask }
            tags[index] = tag
            keys[index] = key
            self.positions[index] = position
        }
        self.asciiKeys = asciiKeys
    }

    /// The position of `column`, `.absent`, or `.unknown` when the dictionary must answer.
    @inline(__always)
    func index(of column: String) -> Answer {
        guard asciiKeys else { return .unknown }
        let digest = ByteHash.digest(column, seed: seed)
        guard digest.isASCII else { return .unknown }
        let tag = digest.hash | 1
        var index = Int(truncatingIfNeeded: tag &>> 1) & mask
        while true {
            let current = tags[index]
            if current == 0 { return .absent }
            if current == tag && keys[index] == column { return .position(positions[index]) }
            index = (index &+ 1) & mask
        }
    }
}
