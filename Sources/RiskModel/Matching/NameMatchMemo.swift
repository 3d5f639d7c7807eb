/// The name matches of supplier names already scored in a run
/// (``WatchlistMatcher/nameMatches(_:alpha2:memo:)``), by name as written and resolved
/// country: suppliers repeat names (branches, facilities, generated data), and a name's matches
/// depend only on the name, the country and the lists. A pure cache, bounded at ``capacity``
/// names, over the memo of normalised words.
struct NameMatchMemo {
    /// The most names the table keeps.
    static let capacity = 1 << 17

    /// A supplier name as written and its resolved country.
    struct Key: Hashable {
        var name: String
        var alpha2: String?
    }

    /// The tokens of words already seen.
    var words = NameWordMemo()
    /// Name matches, in the order they are offered, by name and country.
    var names: [Key: [WatchlistMatch]] = [:]
}
