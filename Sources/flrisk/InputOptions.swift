import ArgumentParser
import Foundation
import Importers
import RiskModel
import SupplyChainModel

extension SupplierFormat: ExpressibleByArgument {}
extension LinkFormat: ExpressibleByArgument {}
extension ContractFormat: ExpressibleByArgument {}
extension WatchlistFormat: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}

extension DateOrder {
    /// The help of `--date-order`, for the commands that read inputs; `configured` for those
    /// that take `--config`.
    static func help(configured: Bool) -> ArgumentHelp {
        ArgumentHelp(
            "How dates written with slashes are read: mdy (US MM/DD/YYYY, 03/04/2024 is March 4) or dmy (DD/MM/YYYY, 3 April), for files written day first (default mdy\(configured ? ", or input.date_order of --config" : "")). YYYY-MM-DD is read as it is.",
            valueName: "order")
    }
}

/// The caps every input file is read under (``ImportLimits``); each flag lowers or raises one.
/// Shared by `score`, `explain` and `validate`.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest CSV field, XML text or attribute, or JSON line, in bytes (default 1048576).", valueName: "bytes"))
    var maxFieldBytes: Int?

    @Option(help: ArgumentHelp("Most fields in one CSV record (default 10000).", valueName: "n"))
    var maxColumns: Int?

    @Option(help: ArgumentHelp("Most records per file: CSV records (header and blank rows count), XML elements or JSON lines (default 250000000).", valueName: "n"))
    var maxRecords: Int?

    @Option(name: .customLong("max-xml-depth"), help: ArgumentHelp("Deepest XML element nesting (default 64).", valueName: "n"))
    var maxXMLDepth: Int?

    func validate() throws {
        for (flag, value) in [("--max-field-bytes", maxFieldBytes), ("--max-columns", maxColumns), ("--max-records", maxRecords), ("--max-xml-depth", maxXMLDepth)] {
            if let value, value < 1 { throw ValidationError("\(flag) must be at least 1, got \(value).") }
        }
    }

    /// The defaults of ``ImportLimits`` with the flags given applied.
    var importLimits: ImportLimits {
        var limits = ImportLimits.default
        if let maxFieldBytes { limits.maxFieldBytes = maxFieldBytes }
        if let maxColumns { limits.maxColumns = maxColumns }
        if let maxRecords { limits.maxRecords = maxRecords }
        if let maxXMLDepth { limits.maxXMLDepth = maxXMLDepth }
        return limits
    }

    /// The flag that raises the cap behind a limit error code, for the hint after the message.
    static func flag(for code: String) -> String? {
        switch code {
        case "field-too-large": "--max-field-bytes"
        case "too-many-columns": "--max-columns"
        case "too-many-records": "--max-records"
        case "xml-too-deep": "--max-xml-depth"
        default: nil
        }
    }
}

/// The input files of a scoring run, their formats, and how strictly to read them.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("suppliers"), help: ArgumentHelp(
        "Suppliers: native CSV (supplier_id, name, country, …), a facility list (country, name, address, sector) or native XML. Optional with USAspending, FPDS or subaward inputs: their vendors and subawardees become suppliers.",
        valueName: "path"))
    var suppliersGiven: [String] = []
    /// The `--suppliers` file (``suppliersGiven`` holds one at most once validated).
    var suppliers: String? { suppliersGiven.last }

    @Option(help: ArgumentHelp("Format of --suppliers (default: detected).", valueName: "format"))
    var suppliersFormat: SupplierFormat = .auto

    @Option(name: .customLong("links"), help: ArgumentHelp("Supply links: native CSV (buyer_id, supplier_id, share, good), a USAspending subawards download, or native XML.", valueName: "path"))
    var linksGiven: [String] = []
    var links: String? { linksGiven.last }

    @Option(help: ArgumentHelp("Format of --links (default: detected).", valueName: "format"))
    var linksFormat: LinkFormat = .auto

    @Option(help: ArgumentHelp(
        "Contracts: native CSV, a USAspending prime award or transactions download, an FPDS-NG ATOM feed, or native XML. Repeat for several files (e.g. feed pages).",
        valueName: "path"))
    var contracts: [String] = []

    @Option(help: ArgumentHelp("Format of --contracts (default: detected per file).", valueName: "format"))
    var contractsFormat: ContractFormat = .auto

    @Option(name: .customLong("input"), help: ArgumentHelp("A native XML document holding suppliers, links and contracts (instead of the three options).", valueName: "path"))
    var inputGiven: [String] = []
    var input: String? { inputGiven.last }

    @Option(name: .customLong("watchlist"), help: ArgumentHelp(
        "A watchlist: native CSV (name, aliases, country, list, date_added, source), OpenSanctions targets.simple.csv, or FollowTheMoney JSON lines. Repeatable.",
        valueName: "path"))
    var watchlists: [String] = []

    @Option(help: ArgumentHelp("Format of every --watchlist (default: detected per file).", valueName: "format"))
    var watchlistFormat: WatchlistFormat = .auto

    @Option(name: .customLong("map"), help: ArgumentHelp("Read the header COLUMN as FIELD, e.g. --map 'Factory=name'. Repeatable.", valueName: "column=field"))
    var mappings: [String] = []

    @Option(name: .customLong("rejects"), help: ArgumentHelp("Write every rejected row (file, line, column, code, reason, original fields) to this CSV file.", valueName: "path"))
    var rejectsGiven: [String] = []
    var rejects: String? { rejectsGiven.last }

    @Option(help: DateOrder.help(configured: true))
    var dateOrder: DateOrder?

    @Flag(help: "Treat rejected input rows as fatal (exit 2).")
    var strict = false

    @OptionGroup(title: "Resource limits") var limits: LimitOptions

    func validate() throws {
        if input == nil && contracts.isEmpty {
            throw ValidationError("Missing expected argument '--contracts <path>' (or '--input <path>' for a native XML document).")
        }
        try Self.refuseRepeats([
            ("--suppliers", suppliersGiven, .table("suppliers file")), ("--links", linksGiven, .table("links file")),
            ("--input", inputGiven, .read("native XML document")), ("--rejects", rejectsGiven, .written("rejects file")),
        ])
        try Self.requirePaths([("--suppliers", suppliersGiven), ("--links", linksGiven), ("--contracts", contracts), ("--input", inputGiven),
                               ("--watchlist", watchlists), ("--rejects", rejectsGiven)])
        if input != nil && (suppliers != nil || links != nil || !contracts.isEmpty) {
            throw ValidationError("'--input' holds suppliers, links and contracts; do not combine it with '--suppliers', '--links' or '--contracts'.")
        }
        do {
            _ = try ImportOptions.columnMap(from: mappings)
        } catch let error as InputError {
            throw ValidationError(error.message)
        }
    }

    /// The records of the input files.
    struct Loaded {
        var suppliers: ImportResult<Supplier>
        var links: LinkInput
        var contracts: ImportResult<Contract>
        /// Every entry of every `--watchlist`, in order.
        var watchlists: [WatchlistEntry]
        /// The import of each watchlist (findings and counts).
        var watchlistResults: [ImportResult<WatchlistEntry>]
    }

    /// Every file the run reads (inputs, configuration, decisions, country risk, watchlists).
    func readPaths(with model: ModelOptions) -> [String] {
        [suppliers, links, input, model.config, model.decisions, model.countryRisk].compactMap { $0 } + contracts + watchlists
    }

    /// Refuses a `--rejects` file that is one of the files read: writing the rejected rows,
    /// while the inputs are read, would replace it.
    func refuseRejectsOverInput(with model: ModelOptions) throws {
        guard let rejects, let written = OutputOptions.identity(rejects) else { return }
        if let read = readPaths(with: model).first(where: { OutputOptions.identity($0).map { $0 == written } ?? false }) {
            throw ValidationError("--rejects \(rejects) is the input \(read); write the rejected rows elsewhere.")
        }
    }

    /// `configuration` with `--date-order`, when given, over its `input.date_order`: the order
    /// the inputs are read in and the reports echo.
    func dated(_ configuration: ModelConfiguration) -> ModelConfiguration {
        var configuration = configuration
        if let dateOrder { configuration.dateOrder = dateOrder }
        return configuration
    }

    /// Reads the inputs, derives suppliers where the formats name them, and writes the rejects
    /// file when asked.
    /// - Parameter configured: the date order of the configuration file, which `--date-order`
    ///   overrides.
    /// - Throws: ``InputError`` for a fatal problem in any of them.
    func load(configured: DateOrder = .mdy) throws -> Loaded {
        var options = ImportOptions(columnMap: try ImportOptions.columnMap(from: mappings), limits: limits.importLimits)
        options.dateOrder = dateOrder ?? configured
        if let input {
            let document = try NativeXML.read(path: input, limits: limits.importLimits, dateOrder: options.dateOrder)
            return try finish(document.suppliers, .records(document.links), document.contracts, options: options)
        }
        // The contracts are read while the suppliers and links are (they do not depend on
        // each other); errors still come in the order suppliers, links, contracts.
        let (early, contractsResult) = try Concurrently.run(
            { try readSuppliersAndLinks(options: options) },
            { try Inputs.contracts(paths: contracts, format: contractsFormat, options: options) })
        switch early {
        case .table(let suppliers, let table, let ids):
            return try finish(suppliers, .table(table, ids), contractsResult, options: options)
        case .records(var suppliersResult, var linksResult, var derived):
            if suppliers == nil { derived = Inputs.vendorSuppliers(of: contractsResult.records) + derived }
            Inputs.attach(derived, to: &suppliersResult, links: &linksResult)
            return try finish(suppliersResult, .records(linksResult), contractsResult, options: options)
        }
    }

    /// Suppliers and links as read, before contract vendors can join the suppliers.
    private enum EarlyInputs {
        /// Native links with a suppliers file, read straight into a table (no derived supplier
        /// can join later, so the suppliers are final).
        case table(ImportResult<Supplier>, LinkTableImport, SupplierIndex)
        /// Links as records, with the suppliers the links file itself names.
        case records(ImportResult<Supplier>, ImportResult<SupplyLink>, derived: [Supplier])
    }

    private func readSuppliersAndLinks(options: ImportOptions) throws -> EarlyInputs {
        let suppliersResult = try suppliers.map { try Inputs.suppliers(path: $0, format: suppliersFormat, options: options) }
            ?? ImportResult(records: [], findings: [], summary: ImportSummary(file: ImportSummary.derivedSuppliers))
        guard let links else {
            return .records(suppliersResult, ImportResult(records: [], findings: [], summary: ImportSummary(file: "(none)")), derived: [])
        }
        if suppliers != nil, try InputSniffer.checked(linksFormat, path: links) == .native {
            let ids = SupplierIndex(suppliersResult.records)
            return .table(suppliersResult, try NativeCSVImporter.linkTable(path: links, options: options, supplier: ids.lookup), ids)
        }
        let read = try Inputs.links(path: links, format: linksFormat, options: options)
        return .records(suppliersResult, read.links, derived: read.suppliers)
    }

    /// Reads the watchlists and writes the rejects file, when asked.
    private func finish(_ suppliers: ImportResult<Supplier>, _ links: LinkInput, _ contracts: ImportResult<Contract>, options: ImportOptions) throws -> Loaded {
        let watchlistResults = try watchlists.map { try Inputs.watchlist(path: $0, format: watchlistFormat, options: options) }
        if let rejects {
            try RejectsFile.write(rejectedRows(suppliers, links, contracts, watchlistResults), to: rejects)
        }
        return Loaded(
            suppliers: suppliers, links: links, contracts: contracts,
            watchlists: watchlistResults.flatMap(\.records), watchlistResults: watchlistResults)
    }

    /// All rejected rows, including links the network will reject because they name no
    /// supplier (`unknown-supplier`), so that the file matches the rejected counts.
    private func rejectedRows(
        _ suppliers: ImportResult<Supplier>, _ links: LinkInput, _ contracts: ImportResult<Contract>,
        _ watchlists: [ImportResult<WatchlistEntry>]
    ) -> [RejectedRow] {
        guard case .records(let links) = links else {
            // The table reader rejected unknown suppliers itself.
            return suppliers.rejectedRows + links.rejectedRows + contracts.rejectedRows + watchlists.flatMap(\.rejectedRows)
        }
        // Ids are compared byte for byte, as the network compares them: `Set<String>` would
        // take 'Café' (NFD) in a link for the supplier 'Café' (NFC) that the network rejects.
        let ids = Set(suppliers.records.map { Array($0.id.utf8) })
        func known(_ id: String) -> Bool { ids.contains(Array(id.utf8)) }
        var unknown: [RejectedRow] = []
        for link in links.records where !known(link.buyerID) || !known(link.supplierID) {
            let reason = UnknownSupplier.reason(
                buyerID: known(link.buyerID) ? nil : link.buyerID, supplierID: known(link.supplierID) ? nil : link.supplierID,
                suppliersFile: !suppliers.summary.isDerivedSuppliers)
            unknown.append(RejectedRow(
                location: link.location, code: UnknownSupplier.code, reason: reason,
                fields: [link.buyerID, link.supplierID, link.share.map { "\($0)" } ?? "", link.good ?? ""]))
        }
        return suppliers.rejectedRows + links.rejectedRows + unknown + contracts.rejectedRows + watchlists.flatMap(\.rejectedRows)
    }
}

extension InputOptions {
    /// Refuses an empty path given to any of `options` (flag, values): it is bad usage, not a
    /// missing file (which named neither the file nor the flag: ": error: [file-not-found]").
    static func requirePaths(_ options: [(String, [String])]) throws {
        for (flag, values) in options where values.contains("") { throw ValidationError("\(flag) needs a file path, got an empty string.") }
    }

    /// A file option that reads one file, given more than once: only the last was read, and
    /// the others were dropped without a word (`--links a.csv --links b.csv` scored b.csv's
    /// links alone), as `--contracts` and `--watchlist` may be repeated.
    static func refuseRepeats(_ options: [(flag: String, paths: [String], file: SingleFile)]) throws {
        for (flag, paths, file) in options where paths.count > 1 {
            let (verb, what, join): (String, String, String) =
                switch file {
                case .table(let what): ("reads", what, "join the files into one (with one header line) or ")
                case .read(let what): ("reads", what, "")
                case .written(let what): ("writes", what, "")
                }
            throw ValidationError(
                "\(flag) is given \(paths.count) times (\(paths.joined(separator: ", "))), but flrisk \(verb) one \(what): \(join)give the one you mean.")
        }
    }

    /// What an option that names one file names, for ``refuseRepeats(_:)``.
    enum SingleFile {
        /// A table read: several can be joined into one.
        case table(String)
        /// A file read whole (a document, a configuration, a report).
        case read(String)
        /// A file written.
        case written(String)
    }
}

extension InputOptions {
    /// The input files, each with the option that names it.
    var namedPaths: [(option: String, path: String)] {
        [("--suppliers", suppliers), ("--links", links), ("--input", input)].compactMap { option, path in path.map { (option, $0) } }
            + contracts.map { ("--contracts", $0) } + watchlists.map { ("--watchlist", $0) }
    }

    /// ``namedPaths`` with the files of `model` (`--config`, `--decisions`, `--country-risk`)
    /// and a `--baseline`.
    func namedPaths(with model: ModelOptions, baseline: String? = nil) -> [(option: String, path: String)] {
        let more: [(String, String?)] = [("--config", model.config), ("--decisions", model.decisions), ("--country-risk", model.countryRisk), ("--baseline", baseline)]
        return namedPaths + more.compactMap { option, path in path.map { (option, $0) } }
    }

    /// Refuses at once a directory or a device (`/dev/null`, a terminal) named by an input
    /// option, naming the option and the path; a FIFO or process substitution passes (it is
    /// read once into a temporary copy, see ``InputStreams``). Checked with `stat`, which never
    /// blocks on a FIFO.
    /// - Throws: ``InputError`` `file-unreadable` at line 0 of the path.
    static func refuseNonFiles(_ named: [(option: String, path: String)]) throws(InputError) {
        for (option, path) in named {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }  // a missing file is named where it is opened
            if let refusal = InputStreams.refusal(of: info.st_mode & S_IFMT) {
                throw InputError(code: "file-unreadable", "\(option) names " + refusal, at: SourceLocation(file: path, line: 0))
            }
        }
    }
}
