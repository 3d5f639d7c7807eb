import SupplyChainModel

/// The check every watchlist format makes of an entry's names: one that no name or alias could
/// match (none holds a letter or digit, as `---` or `"..."`) and that has no identifier either
/// is accepted (a `--decisions` file may still confirm it) but would never be found by the
/// matcher, so a listed entity would silently count for nothing: it gets a warning.
public enum UnmatchableEntry {
    /// A `warning: [unmatchable-entry]` at `location` when neither `name` nor any of `aliases`
    /// has a letter or digit and `identifiers` is empty, else nil.
    /// - Parameters:
    ///   - id: the entry's id, named in the message.
    ///   - location: the entry's line (and the name's column, for CSV rows).
    /// - Complexity: O(1) for a name that starts with an ASCII letter or digit (nearly all).
    static func warning(id: String, name: String, aliases: [String], identifiers: [String], at location: @autoclosure () -> SourceLocation) -> Finding? {
        guard identifiers.isEmpty, !hasWord(name), !aliases.contains(where: hasWord) else { return nil }
        return Finding(
            .warning, code: "unmatchable-entry",
            "entry '\(id)' is named '\(name)': no name or alias of it has a letter or digit, and it has no identifier, so no supplier can match it (only a --decisions confirmation)",
            at: location())
    }

    /// Whether `text` holds a letter or a digit (what a name is matched by).
    public static func hasWord(_ text: String) -> Bool {
        if let first = text.utf8.first, first < 0x80, ((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A) || (first >= 0x30 && first <= 0x39) {
            return true
        }
        return text.contains { $0.isLetter || $0.isNumber }
    }
}
