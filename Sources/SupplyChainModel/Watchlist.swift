/// One entry of a forced-labor or sanctions watchlist: the UFLPA Entity List shipped with flrisk,
/// or a list the user supplies (OpenSanctions exports, a native watchlist CSV).
public struct WatchlistEntry: Sendable, Hashable {
    /// A stable identifier within its list (e.g. `UFLPA-0004`, an OpenSanctions entity id).
    public var id: String
    public var name: String
    /// Other names: aliases, former names, transliterations.
    public var aliases: [String]
    /// Country as written in the list, when known.
    public var country: String?
    /// The list's name, e.g. "UFLPA Entity List".
    public var list: String
    /// When the entry was added (ISO date), when known.
    public var dateAdded: String?
    /// Where the entry comes from (URL, notice, dataset).
    public var source: String?
    /// Identifiers such as UEI, LEI or DUNS, as `scheme:value` (e.g. `lei:5299…`).
    public var identifiers: [String]
    /// Whether a match is a hard flag (r = 1) rather than a strong indicator.
    public var isHardFlag: Bool
    /// Where the entry was read, for user-supplied lists.
    public var location: SourceLocation?

    public init(
        id: String, name: String, aliases: [String] = [], country: String? = nil, list: String,
        dateAdded: String? = nil, source: String? = nil, identifiers: [String] = [], isHardFlag: Bool = true,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.country = country
        self.list = list
        self.dateAdded = dateAdded
        self.source = source
        self.identifiers = identifiers
        self.isHardFlag = isHardFlag
        self.location = location
    }
}
