import ArgumentParser
import Foundation
import Importers
import SupplyChainModel

extension Flrisk {
    /// `flrisk validate FILES…`: reads input files and reports their problems without scoring.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check input files without scoring: each file's role is detected from its header (or given with a prefix such as links=PATH).",
            discussion: "Roles: suppliers, links, contracts, watchlist, document (native XML). Exit 0 when every file reads, 2 when one cannot be read (or a row is rejected with --strict).")

        @Argument(help: ArgumentHelp("Files to check, optionally as ROLE=PATH.", valueName: "file"))
        var files: [String]

        @Flag(help: "Treat rejected rows as errors (exit 2).")
        var strict = false

        @Flag(help: "Print only errors and the per-file lines.")
        var quiet = false

        @Option(name: .customLong("map"), help: ArgumentHelp("Read the header COLUMN as FIELD, e.g. --map 'Factory=name', as score does. Repeatable.", valueName: "column=field"))
        var mappings: [String] = []

        @Option(help: DateOrder.help(configured: false))
        var dateOrder: DateOrder = .mdy

        @OptionGroup(title: "Resource limits") var limits: LimitOptions

        /// A `--map` without `=` is a usage error, as for `score`.
        func validate() throws {
            do {
                _ = try ImportOptions.columnMap(from: mappings)
            } catch let error as InputError {
                throw ValidationError(error.message)
            }
        }

        func run() throws {
            var failed = false
            let columnMap = try ImportOptions.columnMap(from: mappings)
            for argument in files {
                let (role, path) = Self.role(of: argument)
                do {
                    let (summaries, findings) = try Self.read(path, role: role, limits: limits.importLimits, columnMap: columnMap, dateOrder: dateOrder)
                    Console.report(findings: findings, quiet: quiet)
                    for summary in summaries {
                        print("\(summary.file): \(role): \(summary.read) rows read, \(summary.accepted) accepted, \(summary.rejected) rejected, \(summary.blank) blank")
                        if strict && summary.rejected > 0 { failed = true }
                    }
                } catch let error as InputError {
                    Console.inputError(error)
                    failed = true
                }
            }
            if failed { throw ExitCode(ExitStatus.badInput) }
        }

        static let roles = ["suppliers", "links", "contracts", "watchlist", "document"]

        /// Columns that tell a file's role, as header names are compared (``InputSniffer/Kind``):
        /// native links (`buyer_id` or its alias `buyer`) and USAspending subawards; native
        /// contracts (`contract_id` and its aliases `contract`, `piid`) and USAspending contract
        /// downloads; native watchlists (`aliases`, `date_added` and their aliases `alias`,
        /// `effective_date`, and `entity_name`) and OpenSanctions (`program_ids`).
        static let linkColumns = Set(spellings(of: "buyer_id", in: NativeCSVImporter.linkColumns) + ["subawardee_uei"])
        static let contractColumns = Set(
            spellings(of: "contract_id", in: NativeCSVImporter.contractColumns)
                + ["award_id_piid", "contract_award_unique_key", "contract_transaction_unique_key"])
        static let watchlistColumns = Set(
            ["aliases", "date_added"].flatMap { spellings(of: $0, in: WatchlistCSV.nativeColumns) } + ["entity_name", "program_ids"])

        /// The name and aliases of `column` in `columns`.
        static func spellings(of column: String, in columns: [ColumnSpec]) -> [String] {
            columns.filter { $0.name == column }.flatMap { [$0.name] + $0.aliases }
        }

        /// `ROLE=PATH`, or the role detected from the file's first bytes and header, which is
        /// read as the importers read it (delimiter, quotes, byte-order mark, line ends) and its
        /// names compared as theirs are (`Contract ID` = `contract_id`). A file that cannot be
        /// read is given to the suppliers importer, which names the problem.
        static func role(of argument: String) -> (String, String) {
            if let equals = argument.firstIndex(of: "="), roles.contains(String(argument[..<equals])) {
                return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
            }
            guard let kind = try? InputSniffer.kind(of: argument) else { return ("suppliers", argument) }
            switch kind {
            case .xml(let namespaces): return (namespaces.contains(NativeXML.namespace) ? "document" : "contracts", argument)
            case .jsonLines: return ("watchlist", argument)
            case .csv(let columns):
                // Whole column names, not parts of them: a suppliers file with a
                // `contract_manager` column is not a contracts file.
                if !columns.isDisjoint(with: Self.linkColumns) { return ("links", argument) }
                if !columns.isDisjoint(with: Self.contractColumns) { return ("contracts", argument) }
                if !columns.isDisjoint(with: Self.watchlistColumns) { return ("watchlist", argument) }
                return ("suppliers", argument)
            }
        }

        /// The row counts and findings of one file read in one role.
        static func read(
            _ path: String, role: String, limits: ImportLimits = .default, columnMap: [String: String] = [:], dateOrder: DateOrder = .mdy
        ) throws -> ([ImportSummary], [Finding]) {
            // Only counts and findings are reported: records are not kept, so memory does not
            // grow with the file (CSV tables).
            var options = ImportOptions(columnMap: columnMap, limits: limits)
            options.keepRecords = false
            options.dateOrder = dateOrder
            switch role {
            case "links":
                let result = try Inputs.checkLinks(path: path, options: options)
                return ([result.summary], result.findings)
            case "contracts":
                let result = try Inputs.contracts(paths: [path], options: options)
                return ([result.summary], result.findings)
            case "watchlist":
                let result = try Inputs.watchlist(path: path, options: options)
                return ([result.summary], result.findings)
            case "document":
                let d = try NativeXML.read(path: path, limits: limits, dateOrder: dateOrder)
                return ([d.suppliers.summary, d.links.summary, d.contracts.summary], d.suppliers.findings + d.links.findings + d.contracts.findings)
            default:
                let result = try Inputs.suppliers(path: path, options: options)
                return ([result.summary], result.findings)
            }
        }
    }
}
