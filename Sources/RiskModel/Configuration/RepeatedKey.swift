internal import Yams

/// Where a key given twice in a YAML mapping is given the second time. Yams (6.2) reports a
/// mapping's repeated key at its first occurrence only, which is the line a user meant to keep.
///
/// The text is composed again with that first occurrence renamed (a prefix no configuration key
/// has); when the composer then stops at another key given twice, that one is renamed too, up to
/// ``attempts`` times. In the tree that results, the mapping holding the renamed first
/// occurrence holds the second one after it, by its own name or renamed. Aliases are copies in
/// Yams's tree, so the search visits at most ``visits`` nodes (a YAML alias bomb stops it).
enum RepeatedKey {
    static let attempts = 16
    static let visits = 100_000

    /// A line and column, 1-based, counted as libyaml counts them (characters, not bytes).
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    /// - Parameters:
    ///   - key: the key given twice, as Yams names it.
    ///   - first: where Yams reports it (its first occurrence).
    /// - Returns: the second occurrence, or nil when it cannot be told (e.g. a key written with
    ///   an anchor or a tag).
    /// - Complexity: O(n × attempts) for text of n characters, in the worst case.
    static func second(of key: String, first: Position, in text: String) -> Position? {
        var edited = Array(text.unicodeScalars)
        // Renamed keys, in the edited text's coordinates (lines do not change).
        var insertions: [(line: Int, column: Int, length: Int)] = []
        var firstRenamed: String?
        var renaming = (key: key, at: first)
        for attempt in 0..<attempts {
            guard var offset = offset(of: renaming.at, in: edited) else { return nil }
            var column = renaming.at.column
            if edited[offset] == "\"" || edited[offset] == "'" {
                offset += 1
                column += 1
            }
            let prefix = "flrisk-repeated-key-\(attempt)-"
            edited.insert(contentsOf: prefix.unicodeScalars, at: offset)
            for k in insertions.indices where insertions[k].line == renaming.at.line && insertions[k].column >= column {
                insertions[k].column += prefix.unicodeScalars.count
            }
            insertions.append((renaming.at.line, column, prefix.unicodeScalars.count))
            if firstRenamed == nil { firstRenamed = prefix + key }

            let root: Node?
            do {
                root = try Yams.compose(yaml: String(String.UnicodeScalarView(edited)))
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                guard let next = duplicates.first else { return nil }
                renaming = (next, Position(line: context.mark.line, column: context.mark.column))
                continue
            } catch {
                return nil
            }
            var budget = visits
            guard let root, let found = find(firstRenamed!, key: key, in: root, budget: &budget) else { return nil }
            // Back to the text as written: less the prefixes inserted before it on its line.
            let shift = insertions.filter { $0.line == found.line && $0.column < found.column }.reduce(0) { $0 + $1.length }
            return Position(line: found.line, column: found.column - shift)
        }
        return nil
    }

    /// The key after `renamed` in the mapping holding it that is `key`, by name or renamed.
    private static func find(_ renamed: String, key: String, in node: Node, budget: inout Int) -> Position? {
        budget -= 1
        guard budget > 0 else { return nil }
        if let mapping = node.mapping {
            var after = false
            for (name, _) in mapping {
                let string = name.scalar?.string
                if after, let string, unprefixed(string) == key, let mark = name.mark {
                    return Position(line: mark.line, column: mark.column)
                }
                if string == renamed { after = true }
            }
            for (name, value) in mapping {
                if let found = find(renamed, key: key, in: name, budget: &budget) ?? find(renamed, key: key, in: value, budget: &budget) {
                    return found
                }
            }
        } else if let sequence = node.sequence {
            for item in sequence {
                if let found = find(renamed, key: key, in: item, budget: &budget) { return found }
            }
        }
        return nil
    }

    /// A key without the prefix ``second(of:first:in:)`` gave it.
    private static func unprefixed(_ string: String) -> String {
        guard string.hasPrefix("flrisk-repeated-key-") else { return string }
        let rest = string.dropFirst("flrisk-repeated-key-".count).drop { $0.isASCII && $0.isNumber }
        return rest.first == "-" ? String(rest.dropFirst()) : string
    }

    /// The index in `scalars` of a line and column, with line breaks as libyaml reads them (CR LF,
    /// CR, LF, NEL, U+2028, U+2029); a byte order mark at the start counts as a column, as
    /// Yams's marks count it.
    private static func offset(of position: Position, in scalars: [Unicode.Scalar]) -> Int? {
        var i = 0
        var line = 1
        while line < position.line {
            guard i < scalars.count else { return nil }
            let scalar = scalars[i]
            i += 1
            if scalar == "\r" {
                if i < scalars.count && scalars[i] == "\n" { i += 1 }
                line += 1
            } else if scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                line += 1
            }
        }
        let offset = i + position.column - 1
        return position.column >= 1 && offset < scalars.count ? offset : nil
    }
}
