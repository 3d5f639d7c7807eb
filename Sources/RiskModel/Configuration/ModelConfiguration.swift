import Foundation
import Importers
import SupplyChainModel
internal import Yams

/// The settings a configuration file holds: the scoring parameters (weights, thresholds, tiers,
/// decay, currency, rule settings) and the paths of the auxiliary files (decisions, country
/// risk). Command-line flags override it; reports echo the effective values.
public struct ModelConfiguration: Sendable, Hashable {
    public var parameters = ScoringParameters()
    /// The decisions file (`matching.decisions`), resolved against the configuration's folder.
    public var decisionsPath: String?
    /// The country-risk CSV (`indicators.country_risk.file`), resolved likewise.
    public var countryRiskPath: String?
    /// How input dates written with slashes are read (`input.date_order`, `--date-order`);
    /// kept in ``parameters`` so that reports echo it.
    public var dateOrder: DateOrder {
        get { parameters.dateOrder }
        set { parameters.dateOrder = newValue }
    }

    /// The defaults of docs/METHODOLOGY.md.
    public init() {}

    /// Reads a YAML configuration file. Keys left out keep their defaults.
    ///
    /// - Throws: ``ConfigurationError`` for a missing or unreadable file, invalid YAML, an
    ///   unknown key (with the keys allowed there) or a bad value (with the allowed range).
    public static func load(path: String) throws(ConfigurationError) -> ModelConfiguration {
        let data: Data
        do {
            data = try InputStreams.contents(of: path)
        } catch {
            let reason =
                error.code == "file-not-found" ? "no such configuration file"
                : "cannot read the configuration file: " + InputStreams.clause(error, expected: "a YAML file")
            throw ConfigurationError(code: error.code, reason, at: SourceLocation(file: path, line: 0))
        }
        let text = String(decoding: data, as: UTF8.self)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var configuration = try parse(text, file: path, folder: folder)
        configuration.parameters.configFile = path
        return configuration
    }

    /// Parses configuration text.
    ///
    /// - Parameters:
    ///   - file: the name used in messages.
    ///   - folder: relative paths in the file are resolved against it.
    /// - Throws: ``ConfigurationError``.
    public static func parse(_ text: String, file: String, folder: String = ".") throws(ConfigurationError) -> ModelConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw syntaxError(error, text: text, file: file)
        }
        var configuration = ModelConfiguration()
        guard let root else { return configuration }
        var reader = ConfigurationReader(file: file, folder: folder)
        try reader.read(root, into: &configuration)
        return configuration
    }

    /// `config-syntax` for what Yams could not compose. A key given twice is reported where it
    /// is given again, naming the first one's line (Yams names the first only).
    static func syntaxError(_ error: any Error, text: String, file: String) -> ConfigurationError {
        if case .duplicatedKeysInMapping(let duplicates, let context)? = error as? YamlError, let key = duplicates.first,
            let again = RepeatedKey.second(of: key, first: .init(line: context.mark.line, column: context.mark.column), in: text)
        {
            let which = duplicates.count > 1 ? "\(key) " : ""
            return ConfigurationError(
                code: "config-syntax", "not valid YAML: \(describe(error)) (\(which)first on line \(context.mark.line))",
                at: SourceLocation(file: file, line: again.line, column: again.column))
        }
        return ConfigurationError(code: "config-syntax", "not valid YAML: \(describe(error))", at: location(of: error, file: file))
    }

    static func describe(_ error: any Error) -> String {
        guard let yaml = error as? YamlError else { return "\(error)" }
        switch yaml {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return (context.map { "\($0.text) " } ?? "") + problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "a key is given twice: \(duplicates.joined(separator: ", "))"
        default:
            return "\(yaml)".split(separator: "\n").first.map(String.init) ?? "\(yaml)"
        }
    }

    static func location(of error: any Error, file: String) -> SourceLocation {
        guard let yaml = error as? YamlError else { return SourceLocation(file: file, line: 0) }
        switch yaml {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
        default:
            return SourceLocation(file: file, line: 0)
        }
    }
}
