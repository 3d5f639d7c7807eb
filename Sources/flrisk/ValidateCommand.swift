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

        @OptionGroup(title: "Resource limits") var limits: LimitOptions

        func run() throws {
            var failed = false
            for argument in files {
                let (role, path) = Self.role(of: argument)
                do {
                    let (summaries, findings) = try Self.read(path, role: role, limits: limits.importLimits)
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

        /// Columns that tell a file's role: native links and USAspending subawards; native
        /// contracts and USAspending contract downloads; native and OpenSanctions watchlists.
        static let linkColumns: Set = ["buyer_id", "subawardee_uei"]
        static let contractColumns: Set = ["contract_id", "piid", "award_id_piid", "contract_award_unique_key", "contract_transaction_unique_key"]
        static let watchlistColumns: Set = ["program_ids", "aliases", "date_added"]

        /// `ROLE=PATH`, or the role detected from the file's first bytes.
        static func role(of argument: String) -> (String, String) {
            if let equals = argument.firstIndex(of: "="), roles.contains(String(argument[..<equals])) {
                return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
            }
            let head = FileHandle(forReadingAtPath: argument).map { handle in
                defer { try? handle.close() }
                // `read(upToCount:)` throws where `readData(ofLength:)` traps (a directory: EISDIR);
                // the importer then names the problem.
                return String(decoding: (try? handle.read(upToCount: 65_536)) ?? Data(), as: UTF8.self)
            } ?? ""
            let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if trimmed.hasPrefix("<") { return (head.contains("urn:flrisk:native:1") ? "document" : "contracts", argument) }
            if trimmed.hasPrefix("{") { return ("watchlist", argument) }
            // The header is the first line whatever the line ends: in Swift "\r\n" is one
            // Character, so splitting on "\n" alone took a CRLF or CR file whole.
            let header = String(trimmed.prefix { !$0.isNewline }).lowercased()
                .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
            // Whole column names, not parts of them: a suppliers file with a `contract_manager`
            // column is not a contracts file.
            let columns = Set(header.split { ",;\t|".contains($0) }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'_")) })
            if !columns.isDisjoint(with: Self.linkColumns) { return ("links", argument) }
            if !columns.isDisjoint(with: Self.contractColumns) { return ("contracts", argument) }
            if !columns.isDisjoint(with: Self.watchlistColumns) { return ("watchlist", argument) }
            return ("suppliers", argument)
        }

        /// The row counts and findings of one file read in one role.
        static func read(_ path: String, role: String, limits: ImportLimits = .default) throws -> ([ImportSummary], [Finding]) {
            // Only counts and findings are reported: records are not kept, so memory does not
            // grow with the file (CSV tables).
            var options = ImportOptions(limits: limits)
            options.keepRecords = false
            switch role {
            case "links":
                let result = try Inputs.links(path: path, options: options).links
                return ([result.summary], result.findings)
            case "contracts":
                let result = try Inputs.contracts(paths: [path], options: options)
                return ([result.summary], result.findings)
            case "watchlist":
                let result = try Inputs.watchlist(path: path, options: options)
                return ([result.summary], result.findings)
            case "document":
                let d = try NativeXML.read(path: path, limits: limits)
                return ([d.suppliers.summary, d.links.summary, d.contracts.summary], d.suppliers.findings + d.links.findings + d.contracts.findings)
            default:
                let result = try Inputs.suppliers(path: path, options: options)
                return ([result.summary], result.findings)
            }
        }
    }
}
