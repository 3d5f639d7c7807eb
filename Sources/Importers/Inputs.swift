import SupplyChainModel

/// Links read from a file, with the suppliers the file itself names (subaward downloads name
/// both ends of each link; other formats name none).
public struct LinkImport: Sendable {
    public var links: ImportResult<SupplyLink>
    public var suppliers: [Supplier]
}

/// One entry point per input role: detects or takes the format, reads the file, and returns
/// typed records with their findings and counts. This is what the command line calls.
public enum Inputs {
    /// Reads a suppliers file in `format` (``SupplierFormat/auto`` detects it).
    public static func suppliers(path: String, format: SupplierFormat = .auto, options: ImportOptions = ImportOptions()) throws -> ImportResult<Supplier> {
        switch try InputSniffer.checked(format, path: path) {
        case .auto, .native: return try NativeCSVImporter.suppliers(path: path, options: options)
        case .facilityList: return try FacilityList.suppliers(path: path, options: options)
        case .nativeXML: return try NativeXML.read(path: path, limits: options.limits, dateOrder: options.dateOrder).checked(for: "suppliers", path: path).suppliers
        }
    }

    /// Reads a links file in `format`.
    public static func links(path: String, format: LinkFormat = .auto, options: ImportOptions = ImportOptions()) throws -> LinkImport {
        switch try InputSniffer.checked(format, path: path) {
        case .auto, .native: return LinkImport(links: try NativeCSVImporter.links(path: path, options: options), suppliers: [])
        case .usaspendingSubawards:
            let read = try USAspendingSubawards.read(path: path, options: options)
            return LinkImport(links: read.links, suppliers: read.suppliers)
        case .nativeXML: return LinkImport(links: try NativeXML.read(path: path, limits: options.limits, dateOrder: options.dateOrder).checked(for: "links", path: path).links, suppliers: [])
        }
    }

    /// Checks a links file without its suppliers, for `flrisk validate`: the counts and findings
    /// of ``links(path:format:options:)``. A native CSV file takes the byte path of
    /// ``NativeCSVImporter/linkTable(path:options:supplier:)`` with every id taken as known
    /// (the same checks and messages, without a `String` per field: about five times faster on
    /// large files); the other formats are read as ``links(path:format:options:)`` reads them.
    public static func checkLinks(path: String, format: LinkFormat = .auto, options: ImportOptions = ImportOptions()) throws -> (summary: ImportSummary, findings: [Finding]) {
        switch try InputSniffer.checked(format, path: path) {
        case .auto, .native:
            var options = options
            options.keepRecords = false
            let table = try NativeCSVImporter.linkTable(path: path, options: options) { _, ends in [Int32](repeating: 0, count: ends.count) }
            return (table.summary, table.findings)
        case let known:
            let read = try links(path: path, format: known, options: options).links
            return (read.summary, read.findings)
        }
    }

    /// Reads one or more contracts files in `format` as one input. FPDS feeds share one reader
    /// (ids unique across files, read where the first feed stands); other formats are read one
    /// by one and merged.
    public static func contracts(paths: [String], format: ContractFormat = .auto, options: ImportOptions = ImportOptions()) throws -> ImportResult<Contract> {
        var formats: [ContractFormat] = []
        for path in paths { formats.append(try InputSniffer.checked(format, path: path)) }
        if !paths.isEmpty, formats.allSatisfy({ $0 == .fpds }) { return try FPDSFeed.contracts(paths: paths, limits: options.limits) }
        // The feeds share one reader among other files too, where the first of them stands:
        // read one by one, a later award reusing an earlier feed's PIID under another agency
        // or IDV was a `duplicate-id` instead of an award read under its transaction key.
        let feeds = zip(paths, formats).filter { $0.1 == .fpds }.map(\.0)
        var results: [ImportResult<Contract>] = []
        var feedsRead = false
        for (path, format) in zip(paths, formats) {
            switch format {
            case .auto, .native: results.append(try NativeCSVImporter.contracts(path: path, options: options))
            case .usaspending: results.append(try USAspendingContracts.contracts(path: path, options: options))
            case .fpds where !feedsRead:
                results.append(try FPDSFeed.contracts(paths: feeds, limits: options.limits))
                feedsRead = true
            case .fpds: continue
            case .nativeXML: results.append(try NativeXML.read(path: path, limits: options.limits, dateOrder: options.dateOrder).checked(for: "contracts", path: path).contracts)
            }
        }
        return merge(rejectingRepeatedIDs(results))
    }

    /// Contract ids are unique across the files of one input, as across FPDS pages: a contract
    /// whose id (byte for byte) an earlier file already used is rejected as `duplicate-id`,
    /// naming the first file and line. Its rejected row holds the contract's id, vendor id,
    /// UEI and name (the original fields are not kept once a row is accepted).
    static func rejectingRepeatedIDs(_ results: [ImportResult<Contract>]) -> [ImportResult<Contract>] {
        guard results.count > 1 else { return results }
        var first: [[UInt8]: SourceLocation] = [:]
        var checked = results
        for i in checked.indices {
            var kept: [Contract] = []
            kept.reserveCapacity(checked[i].records.count)
            var met: [[UInt8]: SourceLocation] = [:]
            for contract in checked[i].records {
                let key = Array(contract.id.utf8)
                guard let earlier = first[key] else {
                    if met[key] == nil { met[key] = contract.location }
                    kept.append(contract)
                    continue
                }
                let reason = "contract '\(contract.id)' is already used at \(earlier.file):\(earlier.line)"
                checked[i].summary.accepted -= 1
                checked[i].summary.reject(reason: "duplicate-id")
                checked[i].findings.append(Finding(.error, code: "duplicate-id", "row rejected: " + reason, at: contract.location))
                checked[i].rejectedRows.append(RejectedRow(
                    location: contract.location, code: "duplicate-id", reason: reason,
                    fields: [contract.id, contract.vendorID ?? "", contract.vendorUEI ?? "", contract.vendorName ?? ""]))
            }
            first.merge(met) { earlier, _ in earlier }
            checked[i].records = kept
        }
        return checked
    }

    /// Reads a watchlist in `format`.
    public static func watchlist(path: String, format: WatchlistFormat = .auto, options: ImportOptions = ImportOptions()) throws -> ImportResult<WatchlistEntry> {
        switch try InputSniffer.checked(format, path: path) {
        case .auto, .native: return try WatchlistCSV.native(path: path, options: options)
        case .opensanctionsCSV: return try WatchlistCSV.openSanctions(path: path, options: options)
        case .ftmJSON: return try FollowTheMoney.entries(path: path, limits: options.limits, dateOrder: options.dateOrder)
        }
    }

    /// Several results as one: records and findings in order, counts added, files named
    /// together (`a.csv, b.csv`).
    public static func merge<Record>(_ results: [ImportResult<Record>]) -> ImportResult<Record> {
        guard var merged = results.first else {
            return ImportResult(records: [], findings: [], summary: ImportSummary(file: "(none)"))
        }
        for next in results.dropFirst() {
            merged.records += next.records
            merged.findings += next.findings
            merged.rejectedRows += next.rejectedRows
            merged.summary.file += ", " + next.summary.file
            merged.summary.read += next.summary.read
            merged.summary.accepted += next.summary.accepted
            merged.summary.rejected += next.summary.rejected
            merged.summary.blank += next.summary.blank
            merged.summary.rejectedByReason.merge(next.summary.rejectedByReason, uniquingKeysWith: +)
        }
        return merged
    }

    /// Suppliers for contract vendors, when no suppliers file is given: one per distinct UEI
    /// (id = the UEI, upper case), else per distinct name (id = the name), else per DUNS number
    /// (id = the number as written), with the vendor's name, country and DUNS number, located
    /// at the contract that first names it.
    /// A later contract of the same vendor fills what the first left empty (its name, when the
    /// first gave only the UEI; its country).
    public static func vendorSuppliers(of contracts: [Contract]) -> [Supplier] {
        var index: [String: Int] = [:]
        var suppliers: [Supplier] = []
        for contract in contracts {
            guard let id = contract.vendorUEI?.uppercased() ?? contract.vendorID ?? contract.vendorName ?? contract.vendorDUNS else { continue }
            let supplier = Supplier(
                id: id, name: contract.vendorName ?? id, country: contract.vendorCountry, uei: contract.vendorUEI?.uppercased(),
                duns: contract.vendorDUNS, location: contract.location)
            if let known = index[id] {
                suppliers[known].fillGaps(from: supplier)
            } else {
                index[id] = suppliers.count
                suppliers.append(supplier)
            }
        }
        return suppliers
    }

    /// Adds suppliers named by another input (subaward parties, contract vendors) to
    /// `suppliers`: a derived supplier whose UEI is already a supplier's UEI (or whose id is
    /// already an id) is that supplier, and `links` are rewritten to its id; the others are
    /// appended and counted as read and accepted. A derived party named twice (a contract
    /// vendor that is also a subaward's prime awardee) is one supplier, whose empty fields the
    /// later record fills (see ``Supplier/fillGaps(from:)``); a supplier from the suppliers file
    /// is never changed.
    public static func attach(_ derived: [Supplier], to suppliers: inout ImportResult<Supplier>, links: inout ImportResult<SupplyLink>) {
        var byUEI: [String: String] = [:]
        var ids: Set<String> = []
        for supplier in suppliers.records {
            ids.insert(supplier.id)
            if let uei = supplier.uei?.uppercased(), byUEI[uei] == nil { byUEI[uei] = supplier.id }
        }
        // Suppliers appended here, by id → position (only these may be filled in).
        var appended: [String: Int] = [:]
        var rename: [String: String] = [:]
        for supplier in derived {
            if let uei = supplier.uei?.uppercased(), let known = byUEI[uei] {
                if known != supplier.id { rename[supplier.id] = known }
                if let position = appended[known] { suppliers.records[position].fillGaps(from: supplier) }
                continue
            }
            guard ids.insert(supplier.id).inserted else {
                if let position = appended[supplier.id] { suppliers.records[position].fillGaps(from: supplier) }
                continue
            }
            if let uei = supplier.uei?.uppercased() { byUEI[uei] = supplier.id }
            appended[supplier.id] = suppliers.records.count
            suppliers.records.append(supplier)
            suppliers.summary.read += 1
            suppliers.summary.accepted += 1
        }
        guard !rename.isEmpty else { return }
        for i in links.records.indices {
            if let id = rename[links.records[i].buyerID] { links.records[i].buyerID = id }
            if let id = rename[links.records[i].supplierID] { links.records[i].supplierID = id }
        }
    }
}

extension Supplier {
    /// Fills what a supplier derived from another input lacks from a second record of the same
    /// party: the name, when it is only the id (a vendor named by UEI alone), the country and
    /// the address and the DUNS number. Nothing already known is replaced.
    mutating func fillGaps(from other: Supplier) {
        if name == id, other.name != other.id { name = other.name }
        if country == nil { country = other.country }
        if address == nil { address = other.address }
        if duns == nil { duns = other.duns }
    }
}
