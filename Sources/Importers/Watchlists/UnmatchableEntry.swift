/// The check every watchlist format makes of an entry's names: one that no name or alias could
/// ever match (none holds a letter or digit, as `---` or `"..."`) and that has no identifier
/// either would be accepted and then never found, so a listed entity would silently count for
/// nothing. Such a row is rejected (`invalid-value`) instead.
enum UnmatchableEntry {
    /// Rejects the entry when neither `name` nor any of `aliases` has a letter or digit and
    /// `identifiers` is empty.
    /// - Parameters:
    ///   - entity: how the message starts to name the entry (`'name' is '---'`).
    ///   - column: the 1-based column of the name, for CSV rows.
    /// - Complexity: O(1) for a name that starts with an ASCII letter or digit (nearly all).
    static func check(_ name: String, aliases: [String], identifiers: [String], entity: @autoclosure () -> String, column: Int? = nil) throws(RowRejection) {
        guard identifiers.isEmpty, !hasWord(name), !aliases.contains(where: hasWord) else { return }
        throw RowRejection(
            "invalid-value",
            "\(entity()): no name or alias of the entry has a letter or digit, and it has no identifier, so it could never match a supplier",
            column: column)
    }

    /// Whether `text` holds a letter or a digit (what a name is matched by).
    static func hasWord(_ text: String) -> Bool {
        if let first = text.utf8.first, first < 0x80, ((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A) || (first >= 0x30 && first <= 0x39) {
            return true
        }
        return text.contains { $0.isLetter || $0.isNumber }
    }
}
