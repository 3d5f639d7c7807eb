import Foundation
import Importers
import SupplyChainModel
internal import Yams

/// Walks a parsed configuration, checking every key against ``ConfigurationReader/keys`` and
/// every value against its range.
struct ConfigurationReader {
    let file: String
    let folder: String
    /// Where each key read so far had its value, for errors about values that depend on
    /// each other.
    private var seen: [String: SourceLocation] = [:]

    init(file: String, folder: String) {
        self.file = file
        self.folder = folder
    }

    /// What a key accepts and where its value goes.
    enum Kind {
        case fraction(WritableKeyPath<ModelConfiguration, Double>)
        case integer(ClosedRange<Int>, WritableKeyPath<ModelConfiguration, Int>)
        case flag(WritableKeyPath<ModelConfiguration, Bool>)
        case currency(WritableKeyPath<ModelConfiguration, String>)
        case path(WritableKeyPath<ModelConfiguration, String?>)
        case datedAmounts(WritableKeyPath<ModelConfiguration, [DatedAmount]>)
        case amount(WritableKeyPath<ModelConfiguration, Double>)
        case dateOrder(WritableKeyPath<ModelConfiguration, DateOrder>)
        case version
    }

    /// Every key of the file, dotted. Sections are the prefixes.
    static var keys: [(String, Kind)] {
        [
            ("version", .version),
            ("currency", .currency(\.parameters.currency)),
            ("input.date_order", .dateOrder(\.dateOrder)),
            ("propagation.tiers", .integer(1...32, \.parameters.tiers)),
            ("propagation.decay", .fraction(\.parameters.decay)),
            ("thresholds.flagged_risk", .fraction(\.parameters.flaggedRiskThreshold)),
            ("thresholds.exposure", .fraction(\.parameters.exposureThreshold)),
            ("thresholds.exposure_high", .fraction(\.parameters.exposureHighThreshold)),
            ("indicators.dol_goods.weight", .fraction(\.parameters.indicators.weights.dolGoods)),
            ("indicators.dol_goods.forced_and_child_labor", .fraction(\.parameters.indicators.dol.forcedAndChildLabor)),
            ("indicators.dol_goods.forced_labor", .fraction(\.parameters.indicators.dol.forcedLabor)),
            ("indicators.dol_goods.child_labor", .fraction(\.parameters.indicators.dol.childLabor)),
            ("indicators.dol_goods.derived", .fraction(\.parameters.indicators.dol.derived)),
            ("indicators.tip.weight", .fraction(\.parameters.indicators.weights.tip)),
            ("indicators.tip.tier_3", .fraction(\.parameters.indicators.tip.tier3)),
            ("indicators.tip.special_case", .fraction(\.parameters.indicators.tip.specialCase)),
            ("indicators.tip.tier_2_watch_list", .fraction(\.parameters.indicators.tip.tier2WatchList)),
            ("indicators.tip.tier_2", .fraction(\.parameters.indicators.tip.tier2)),
            ("indicators.tip.tier_1_or_2", .fraction(\.parameters.indicators.tip.tier1Or2)),
            ("indicators.tip.tier_1", .fraction(\.parameters.indicators.tip.tier1)),
            ("indicators.unknown_country.weight", .fraction(\.parameters.indicators.weights.unknownCountry)),
            ("indicators.watchlist.possible_match_weight", .fraction(\.parameters.indicators.weights.possibleMatch)),
            ("indicators.watchlist.non_hard_list_weight", .fraction(\.parameters.indicators.weights.nonHardListMatch)),
            ("indicators.country_risk.weight", .fraction(\.parameters.indicators.weights.countryRisk)),
            ("indicators.country_risk.file", .path(\.countryRiskPath)),
            ("matching.match_threshold", .fraction(\.parameters.matching.matchThreshold)),
            ("matching.review_threshold", .fraction(\.parameters.matching.reviewThreshold)),
            ("matching.word_similarity", .fraction(\.parameters.matching.wordSimilarity)),
            ("matching.min_informative_tokens", .integer(1...5, \.parameters.matching.minInformativeTokens)),
            ("matching.common_word_limit", .integer(1...1_000_000, \.parameters.matching.commonWordLimit)),
            ("matching.decisions", .path(\.decisionsPath)),
            ("rules.fl_entity.enabled", .flag(\.parameters.rules.entityEnabled)),
            ("rules.fl_exposure.enabled", .flag(\.parameters.rules.exposureEnabled)),
            ("rules.fl_goods.enabled", .flag(\.parameters.rules.goodsEnabled)),
            ("rules.far_22_1703_plan.enabled", .flag(\.parameters.rules.compliancePlanEnabled)),
            ("rules.far_22_15_eo13126.enabled", .flag(\.parameters.rules.eo13126Enabled)),
            ("rules.dfars_225_7022.enabled", .flag(\.parameters.rules.dfarsEnabled)),
            ("rules.fl_unmapped.enabled", .flag(\.parameters.rules.unmappedEnabled)),
            ("rules.fl_unmapped.min_amount", .amount(\.parameters.rules.unmappedMinAmount)),
            ("rules.fl_unmapped.min_coverage", .fraction(\.parameters.rules.unmappedMinCoverage)),
            ("rules.far.micro_purchase_threshold", .datedAmounts(\.parameters.rules.microPurchaseThreshold)),
            ("rules.far.simplified_acquisition_threshold", .datedAmounts(\.parameters.rules.simplifiedAcquisitionThreshold)),
            ("rules.far.compliance_plan_threshold", .datedAmounts(\.parameters.rules.compliancePlanThreshold)),
        ]
    }

    /// Reads the root mapping, then checks values that depend on each other.
    mutating func read(_ root: Node, into configuration: inout ModelConfiguration) throws(ConfigurationError) {
        let table = Dictionary(uniqueKeysWithValues: Self.keys)
        try walk(root, prefix: "", table: table, into: &configuration)
        let p = configuration.parameters
        try requireOrdered(("matching.review_threshold", p.matching.reviewThreshold), ("matching.match_threshold", p.matching.matchThreshold), root)
        try requireOrdered(("thresholds.exposure", p.exposureThreshold), ("thresholds.exposure_high", p.exposureHighThreshold), root)
    }

    /// `low` must not exceed `high`. The error names the key the file gave: the lower one, or
    /// the upper one when the file left the lower one at its default.
    private func requireOrdered(_ low: (key: String, value: Double), _ high: (key: String, value: Double), _ root: Node) throws(ConfigurationError) {
        guard low.value > high.value else { return }
        if seen[low.key] == nil, let at = seen[high.key] {
            throw .invalid(high.key, "\(high.value)", allowed: "at least \(low.key) (\(low.value))", at: at)
        }
        throw .invalid(low.key, "\(low.value)", allowed: "at most \(high.key) (\(high.value))", at: seen[low.key] ?? location(root))
    }

    private mutating func walk(_ node: Node, prefix: String, table: [String: Kind], into configuration: inout ModelConfiguration) throws(ConfigurationError) {
        if let scalar = node.scalar, Self.isNull(scalar) { return }  // an empty section keeps its defaults
        guard let mapping = node.mapping else {
            let what = prefix.isEmpty ? "the file" : prefix
            throw ConfigurationError(code: "config-invalid-value", key: prefix.isEmpty ? nil : prefix, allowed: "a mapping of keys", "\(what) must be a mapping of keys (key: value)", at: location(node))
        }
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? ""
            let key = prefix.isEmpty ? name : "\(prefix).\(name)"
            if let kind = table[key] {
                try apply(kind, key: key, value, into: &configuration)
                seen[key] = location(value)
            } else if table.keys.contains(where: { $0.hasPrefix(key + ".") }) {
                try walk(value, prefix: key, table: table, into: &configuration)
            } else {
                let siblings = Set(table.keys.filter { $0.hasPrefix(prefix.isEmpty ? "" : prefix + ".") }.map {
                    String($0.dropFirst(prefix.isEmpty ? 0 : prefix.count + 1).split(separator: ".")[0])
                }).sorted()
                let guess = siblings.min { editDistance($0, name) < editDistance($1, name) }.flatMap { editDistance($0, name) <= 3 ? $0 : nil }
                throw ConfigurationError(
                    code: "config-unknown-key", key: key, allowed: siblings.joined(separator: ", "),
                    "'\(key)' is not a configuration key; allowed \(prefix.isEmpty ? "at the top" : "in '\(prefix)'"): \(siblings.joined(separator: ", "))"
                        + (guess.map { " (did you mean '\($0)'?)" } ?? ""),
                    at: location(keyNode))
            }
        }
    }

    private func apply(_ kind: Kind, key: String, _ node: Node, into configuration: inout ModelConfiguration) throws(ConfigurationError) {
        let text = node.scalar?.string ?? "(a \(node.mapping != nil ? "mapping" : "list"))"
        let at = location(node)
        switch kind {
        case .version:
            guard node.scalar != nil, text == "1" else { throw .invalid(key, text, allowed: "1 (the only version)", at: at) }
        case .fraction(let path):
            try Self.requirePlain(node, key: key, allowed: "a number from 0 to 1", at: at)
            guard node.scalar != nil, let value = Self.number(text), (0...1).contains(value) else {
                throw .invalid(key, text, allowed: "a number from 0 to 1", at: at)
            }
            configuration[keyPath: path] = value
        case .integer(let range, let path):
            let allowed = "an integer from \(range.lowerBound) to \(range.upperBound)"
            try Self.requirePlain(node, key: key, allowed: allowed, at: at)
            guard node.scalar != nil, let value = Int(text), range.contains(value) else { throw .invalid(key, text, allowed: allowed, at: at) }
            configuration[keyPath: path] = value
        case .flag(let path):
            try Self.requirePlain(node, key: key, allowed: "true or false", at: at)
            guard node.scalar != nil, text == "true" || text == "false" else { throw .invalid(key, text, allowed: "true or false", at: at) }
            configuration[keyPath: path] = text == "true"
        case .currency(let path):
            guard node.scalar != nil, text.count == 3, text.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw .invalid(key, text, allowed: "an ISO 4217 code of three capital letters, e.g. USD", at: at)
            }
            configuration[keyPath: path] = text
        case .path(let path):
            guard let scalar = node.scalar else { throw .invalid(key, text, allowed: "a file path, or ~ for none", at: at) }
            if Self.isNull(scalar) {
                configuration[keyPath: path] = nil
            } else {
                configuration[keyPath: path] = scalar.string.hasPrefix("/") ? scalar.string : URL(fileURLWithPath: folder).appendingPathComponent(scalar.string).path
            }
        case .dateOrder(let path):
            let allowed = DateOrder.allCases.map(\.rawValue).joined(separator: " or ")
            guard node.scalar != nil, let order = DateOrder(rawValue: text) else { throw .invalid(key, text, allowed: allowed, at: at) }
            configuration[keyPath: path] = order
        case .amount(let path):
            try Self.requirePlain(node, key: key, allowed: "a number ≥ 0", at: at)
            guard node.scalar != nil, let value = Self.number(text), value >= 0 else {
                throw .invalid(key, text, allowed: "a number ≥ 0", at: at)
            }
            configuration[keyPath: path] = value
        case .datedAmounts(let path):
            let allowed = "a list of {amount: a number ≥ 0, effective: YYYY-MM-DD}"
            // An empty list would leave the rule with no threshold on any date, so it would
            // check nothing while it says it is enabled (`enabled: false` turns a rule off).
            guard let sequence = node.sequence, !sequence.isEmpty else {
                throw .invalid(key, node.sequence != nil ? "[]" : text, allowed: allowed + ", at least one", at: at)
            }
            var amounts: [DatedAmount] = []
            for item in sequence {
                if let amount = item.mapping?["amount"], let scalar = amount.scalar, Self.isText(scalar) {
                    let written = Self.quoted(scalar), expected = Self.unquoted("a number ≥ 0", scalar)
                    throw ConfigurationError(
                        code: "config-invalid-value", key: key, value: written, allowed: expected,
                        "\(key): amount is '\(written)'; expected \(expected)", at: location(amount))
                }
                guard let mapping = item.mapping, mapping.count == 2, let amountText = mapping["amount"]?.scalar?.string,
                    let amount = Self.number(amountText), amount >= 0, let date = mapping["effective"]?.scalar?.string, Self.isDate(date)
                else {
                    throw .invalid(key, item.scalar?.string ?? Self.flow(item), allowed: allowed, at: location(item))
                }
                // Two amounts from one date: which one applies could not be told.
                guard !amounts.contains(where: { $0.effective == date }) else {
                    throw .invalid(key, Self.flow(item), allowed: allowed + ", each effective date once", at: location(item))
                }
                amounts.append(DatedAmount(amount: amount, effective: date))
            }
            configuration[keyPath: path] = amounts.sorted { $0.effective < $1.effective }
        }
    }

    private func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column)
    }

    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE_".contains($0)) }), let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else { return nil }
        return value
    }

    /// Refuses a quoted (or block) scalar, or one tagged `!!str`, where a number or a boolean is
    /// expected: in YAML `"6"`, `"true"` and `!!str 6` are text, so they are not read as the
    /// number or boolean they spell. The value is echoed as written, quotes or tag included.
    static func requirePlain(_ node: Node, key: String, allowed: String, at location: SourceLocation) throws(ConfigurationError) {
        guard let scalar = node.scalar, isText(scalar) else { return }
        throw .invalid(key, quoted(scalar), allowed: unquoted(allowed, scalar), at: location)
    }

    /// Whether a scalar is text whatever it spells: quoted, a block, or tagged `!!str`.
    static func isText(_ scalar: Node.Scalar) -> Bool { scalar.style != .plain || isTaggedText(scalar) }

    /// Whether a scalar carries the `!!str` tag (an untagged scalar's tag is resolved later).
    static func isTaggedText(_ scalar: Node.Scalar) -> Bool { scalar.tag.description == Tag.Name.str.rawValue }

    /// What a number or boolean key accepts, said of `scalar` (quoted or tagged `!!str`).
    static func unquoted(_ allowed: String, _ scalar: Node.Scalar) -> String {
        scalar.style == .plain && isTaggedText(scalar)
            ? allowed + ", without the !!str tag (a !!str value is text)" : allowed + ", unquoted (a quoted value is text)"
    }

    /// A quoted scalar as it was written (`"true"`, `'true'`), a plain one tagged `!!str` with
    /// its tag (`!!str 6`); others as their text.
    static func quoted(_ scalar: Node.Scalar) -> String {
        switch scalar.style {
        case .doubleQuoted: "\"\(scalar.string)\""
        case .singleQuoted: "'\(scalar.string)'"
        case .plain where isTaggedText(scalar): "!!str \(scalar.string)"
        default: scalar.string
        }
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        guard year >= 1900, (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// A short flow rendering of a node for messages.
    /// The node in YAML flow style, for messages: at most about 200 characters, so that a
    /// hostile file (YAML aliases nested into a billion nodes) cannot make the walk or the
    /// message explode.
    static func flow(_ node: Node) -> String {
        var out = ""
        flow(node, into: &out, budget: 200)
        return out.count > 200 ? String(out.prefix(200)) + "…" : out
    }

    private static func flow(_ node: Node, into out: inout String, budget: Int) {
        guard out.count <= budget else { return }
        if let scalar = node.scalar {
            out += scalar.string.prefix(budget + 1)
        } else if let mapping = node.mapping {
            out += "{"
            for (k, (key, value)) in mapping.enumerated() where out.count <= budget {
                if k > 0 { out += ", " }
                flow(key, into: &out, budget: budget)
                out += ": "
                flow(value, into: &out, budget: budget)
            }
            out += "}"
        } else if let sequence = node.sequence {
            out += "["
            for (k, item) in sequence.enumerated() where out.count <= budget {
                if k > 0 { out += ", " }
                flow(item, into: &out, budget: budget)
            }
            out += "]"
        } else {
            out += "?"
        }
    }
}

/// Levenshtein distance, for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
