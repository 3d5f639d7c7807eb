/// The name matches of supplier names already scored in a run
/// (``WatchlistMatcher/nameMatches(_:alpha2:memo:)``), by name as written, before the country
/// check: suppliers repeat names (branches, facilities, generated data), in one country or
/// several, and a name's matches before that check depend only on the name and the lists.
/// A pure cache, bounded at ``capacity`` names, over the memo of normalised words.
struct NameMatchMemo {
    /// The most names the table keeps.
    static let capacity = 1 << 17

    /// A supplier name as written, with a hash of its bytes made once: the table hashes that
    /// word instead of the whole name (SipHash over the bytes was a third of matching), and a
    /// probe that meets another key compares hashes before it reads that key's name from memory.
    struct Key: Hashable {
        let name: String
        private let nameHash: UInt64

        init(name: String) {
            self.name = name
            var text = name
            nameHash = text.withUTF8 { bytes in
                // FNV-1a, one byte at a time: names are short, and only the table's buckets
                // depend on it (equality still compares the names).
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
                return hash
            }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(nameHash)
        }

        static func == (a: Key, b: Key) -> Bool {
            // The hashes first: equal keys have equal hashes (NFC and NFD spellings of a name,
            // equal as `String`s, are two keys), and most probes stop here.
            a.nameHash == b.nameHash && a.name == b.name
        }
    }

    /// The tokens of words already seen.
    var words = NameWordMemo()
    /// Name matches before the country check, in the order they are offered, by name.
    var names: [Key: [WatchlistMatch]] = [:]
}
