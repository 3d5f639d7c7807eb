import SupplyChainModel

/// The formats a suppliers file may have.
public enum SupplierFormat: String, Sendable, CaseIterable {
    /// Detect from the content (see ``InputSniffer``).
    case auto
    /// flrisk's suppliers CSV.
    case native
    /// A facility list as Open Supply Hub publishes them (country, name, address, sector, …).
    case facilityList = "facility-list"
    /// The `<suppliers>` of a native XML document.
    case nativeXML = "native-xml"
}

/// The formats a links file may have.
public enum LinkFormat: String, Sendable, CaseIterable {
    case auto, native
    /// A USAspending contract subawards download (prime awardee → subawardee).
    case usaspendingSubawards = "usaspending-subawards"
    case nativeXML = "native-xml"
}

/// The formats a contracts file may have.
public enum ContractFormat: String, Sendable, CaseIterable {
    case auto, native
    /// A USAspending prime award summaries or prime transactions download.
    case usaspending
    /// An FPDS-NG ATOM feed (one or more pages).
    case fpds
    case nativeXML = "native-xml"
}

/// The formats a watchlist file may have.
public enum WatchlistFormat: String, Sendable, CaseIterable {
    case auto
    /// flrisk's watchlist CSV (name, aliases, country, list, date_added, source).
    case native
    /// OpenSanctions `targets.simple.csv`.
    case opensanctionsCSV = "opensanctions-csv"
    /// FollowTheMoney entities, one JSON object per line (OpenSanctions `entities.ftm.json`).
    case ftmJSON = "ftm-json"
}

/// What the first bytes of a file say about its format.
public enum InputSniffer {
    /// The broad kind of a file: XML (with the namespaces seen near its start), JSON lines, or
    /// CSV (with its normalised header names).
    public enum Kind: Sendable, Equatable {
        case xml(namespaces: Set<String>)
        case jsonLines
        case csv(header: Set<String>)
    }

    /// Looks at the start of `path`: `<` → XML, `{` → JSON lines, otherwise CSV.
    /// - Throws: ``InputError`` when the file cannot be read or is empty.
    public static func kind(of path: String) throws -> Kind {
        let file = try InputFile(path: path)
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = try file.read(into: &bytes)
        file.close()
        if let error = wideEncodingXML(bytes[..<count], path: path) { throw error }
        var i = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        while i < count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < count else {
            throw InputError(code: "empty-file", "the file is empty", at: SourceLocation(file: path, line: 0))
        }
        if bytes[i] == UInt8(ascii: "<") {
            let text = String(decoding: bytes[i..<count], as: UTF8.self)
            var namespaces: Set<String> = []
            for known in [FPDSFeed.atomNamespace, FPDSFeed.fpdsNamespace, NativeXML.namespace] where text.contains(known) {
                namespaces.insert(known)
            }
            return .xml(namespaces: namespaces)
        }
        if bytes[i] == UInt8(ascii: "{") { return .jsonLines }
        if isJSONArray(bytes[i..<count]) { throw jsonArray(path) }
        let header = try TableImport.header(path: path)?.fields ?? []
        return .csv(header: Set(header.map(HeaderMap.normalise)))
    }

    /// The error for XML in UTF-16 or UTF-32, when `start` (a file's first bytes) is that: a
    /// byte-order mark (UTF-32 `FF FE 00 00` or `00 00 FE FF`, UTF-16 `FF FE` or `FE FF`)
    /// followed, after blanks, by `<`, or no mark and `<` as the first code unit (`3C 00 00 00`,
    /// `00 00 00 3C`, `3C 00`, `00 3C`). The XML readers work on UTF-8 bytes (DTD refusal,
    /// namespace detection, parallel chunks, concatenated pages), so such a file is refused
    /// rather than half read.
    /// - Returns: nil for anything else (a UTF-16 CSV stays a `binary-content` error).
    static func wideEncodingXML(_ start: ArraySlice<UInt8>, path: String) -> InputError? {
        let bytes = Array(start.prefix(512))
        // UTF-32 first: its little-endian mark begins with UTF-16's.
        let layouts: [(mark: [UInt8], width: Int, littleEndian: Bool, skip: Int)] = [
            ([0xFF, 0xFE, 0, 0], 4, true, 4), ([0, 0, 0xFE, 0xFF], 4, false, 4),
            ([0x3C, 0, 0, 0], 4, true, 0), ([0, 0, 0, 0x3C], 4, false, 0),
            ([0xFF, 0xFE], 2, true, 2), ([0xFE, 0xFF], 2, false, 2),
            ([0x3C, 0], 2, true, 0), ([0, 0x3C], 2, false, 0),
        ]
        guard let layout = layouts.first(where: { bytes.starts(with: $0.mark) }) else { return nil }
        var i = layout.skip
        while i + layout.width <= bytes.count {
            let unit = (0..<layout.width).reduce(UInt32(0)) { unit, k in
                unit << 8 | UInt32(bytes[i + (layout.littleEndian ? layout.width - 1 - k : k)])
            }
            if [0x20, 0x09, 0x0A, 0x0D].contains(unit) {
                i += layout.width
                continue
            }
            guard unit == 0x3C else { return nil }
            let encoding = layout.width == 2 ? "UTF-16" : "UTF-32"
            return InputError(
                code: "unsupported-encoding",
                "the file is XML in \(encoding) (\(layout.littleEndian ? "little" : "big")-endian); flrisk reads XML in UTF-8 only: save it as UTF-8 (for example `iconv -f \(encoding) -t UTF-8`)",
                at: SourceLocation(file: path, line: 0))
        }
        return nil
    }

    static func unknownXML(_ path: String, role: String) -> InputError {
        InputError(
            code: "unknown-format",
            "an XML document that is neither an FPDS-NG ATOM feed (\(FPDSFeed.atomNamespace)) nor a native flrisk document (\(NativeXML.namespace)); cannot read it as \(role)",
            at: SourceLocation(file: path, line: 0))
    }

    /// The format of a suppliers file: XML → native XML; a CSV header without a supplier id
    /// column but with `name` and one of `address`, `sector`, `lat`, `lng`, `os_id` → facility
    /// list; otherwise native.
    public static func supplierFormat(of path: String) throws -> SupplierFormat {
        switch try kind(of: path) {
        case .xml(let ns):
            guard ns.contains(NativeXML.namespace) else { throw unknownXML(path, role: "suppliers") }
            return .nativeXML
        case .jsonLines: throw jsonLines(path, role: "suppliers")
        case .csv(let header):
            let hasID = !header.isDisjoint(with: ["supplier_id", "supplier", "id"])
            let facility = !header.isDisjoint(with: ["address", "sector", "lat", "lng", "os_id", "facility_name"])
            return !hasID && facility ? .facilityList : .native
        }
    }

    /// The format of a links file: XML → native XML; a header with `prime_awardee_uei` and
    /// `subawardee_uei` → USAspending subawards; otherwise native.
    public static func linkFormat(of path: String) throws -> LinkFormat {
        switch try kind(of: path) {
        case .xml(let ns):
            guard ns.contains(NativeXML.namespace) else { throw unknownXML(path, role: "links") }
            return .nativeXML
        case .jsonLines: throw jsonLines(path, role: "links")
        case .csv(let header):
            return USAspendingSubawards.signature.allSatisfy(header.contains) ? .usaspendingSubawards : .native
        }
    }

    /// The format of a contracts file: XML in the FPDS namespace → FPDS; XML in the native
    /// namespace → native XML; a header with `contract_award_unique_key` or `award_id_piid` →
    /// USAspending; otherwise native.
    public static func contractFormat(of path: String) throws -> ContractFormat {
        switch try kind(of: path) {
        case .xml(let ns):
            if ns.contains(FPDSFeed.fpdsNamespace) || ns.contains(FPDSFeed.atomNamespace) { return .fpds }
            guard ns.contains(NativeXML.namespace) else { throw unknownXML(path, role: "contracts") }
            return .nativeXML
        case .jsonLines: throw jsonLines(path, role: "contracts")
        case .csv(let header):
            return USAspendingContracts.signature.contains(where: header.contains) ? .usaspending : .native
        }
    }

    /// The format of a watchlist: JSON lines → FtM; a header with `schema` and `program_ids`
    /// (or `dataset`) → OpenSanctions simple CSV; otherwise native.
    public static func watchlistFormat(of path: String) throws -> WatchlistFormat {
        switch try kind(of: path) {
        case .xml: throw unknownXML(path, role: "a watchlist")
        case .jsonLines: return .ftmJSON
        case .csv(let header):
            return header.contains("schema") && (header.contains("program_ids") || header.contains("dataset")) ? .opensanctionsCSV : .native
        }
    }
}

extension InputSniffer {
    /// The content a format reads.
    enum Content: String {
        case csv = "CSV", xml = "XML", jsonLines = "JSON lines"
    }

    /// `format` after checking that the file is the content it reads (see
    /// ``expect(_:in:format:role:)``), or the detected format for ``SupplierFormat/auto``.
    /// - Throws: ``InputError`` `unknown-format` for a file of another kind, and the errors of
    ///   ``supplierFormat(of:)``.
    public static func checked(_ format: SupplierFormat, path: String) throws -> SupplierFormat {
        switch format {
        case .auto: return try supplierFormat(of: path)
        case .native, .facilityList: try expect(.csv, in: path, format: format.rawValue, role: "suppliers")
        case .nativeXML: try expect(.xml, in: path, format: format.rawValue, role: "suppliers")
        }
        return format
    }

    /// ``checked(_:path:)-(SupplierFormat,_)`` for a links file.
    public static func checked(_ format: LinkFormat, path: String) throws -> LinkFormat {
        switch format {
        case .auto: return try linkFormat(of: path)
        case .native, .usaspendingSubawards: try expect(.csv, in: path, format: format.rawValue, role: "links")
        case .nativeXML: try expect(.xml, in: path, format: format.rawValue, role: "links")
        }
        return format
    }

    /// ``checked(_:path:)-(SupplierFormat,_)`` for a contracts file.
    public static func checked(_ format: ContractFormat, path: String) throws -> ContractFormat {
        switch format {
        case .auto: return try contractFormat(of: path)
        case .native, .usaspending: try expect(.csv, in: path, format: format.rawValue, role: "contracts")
        case .fpds, .nativeXML: try expect(.xml, in: path, format: format.rawValue, role: "contracts")
        }
        return format
    }

    /// ``checked(_:path:)-(SupplierFormat,_)`` for a watchlist.
    public static func checked(_ format: WatchlistFormat, path: String) throws -> WatchlistFormat {
        switch format {
        case .auto: return try watchlistFormat(of: path)
        case .native, .opensanctionsCSV: try expect(.csv, in: path, format: format.rawValue, role: "watchlist")
        case .ftmJSON: try expect(.jsonLines, in: path, format: format.rawValue, role: "watchlist")
        }
        return format
    }

    /// Refuses a file whose first non-blank byte (after a UTF-8 byte-order mark) says it is not
    /// `content`: `<` is XML, `{` JSON lines, `[` then `{` or `]` a JSON array, anything else
    /// CSV. A format named on the command line is taken at its word otherwise, and the CSV
    /// reader took an XML feed for "malformed CSV", libxml2 a CSV file for "Document is empty".
    /// An empty or blank file, and XML in UTF-16 or UTF-32, are left to the importer, which
    /// names them.
    /// - Throws: ``InputError`` `unknown-format` naming what the file is and what the format reads.
    static func expect(_ content: Content, in path: String, format: String, role: String) throws {
        let file = try InputFile(path: path)
        var bytes = [UInt8](repeating: 0, count: 1 << 12)
        let count = try file.read(into: &bytes)
        file.close()
        guard wideEncodingXML(bytes[..<count], path: path) == nil else { return }
        var i = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        while i < count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < count else { return }
        let first = bytes[i]
        let found: Content
        if first == UInt8(ascii: "<") {
            found = .xml
        } else if first == UInt8(ascii: "{") {
            found = .jsonLines
        } else if isJSONArray(bytes[i..<count]) {
            if content == .jsonLines { throw jsonArray(path) }
            found = .jsonLines
        } else {
            found = .csv
        }
        guard found != content else { return }
        let shown = first >= 0x21 && first < 0x7F ? "'\(Character(UnicodeScalar(first)))'" : (first < 0x10 ? "byte 0x0" : "byte 0x") + String(first, radix: 16, uppercase: true)
        let what: String
        switch found {
        case .xml: what = "the file is XML (its first character is \(shown))"
        case .jsonLines: what = "the file is JSON (its first character is \(shown))"
        case .csv: what = "the file is not \(content.rawValue) but CSV or other text (its first character is \(shown))"
        }
        throw InputError(
            code: "unknown-format",
            "\(what), and the \(role) format '\(format)' reads \(content.rawValue): name the format that fits the file, or none to have it detected",
            at: SourceLocation(file: path, line: 0))
    }

    /// Whether `bytes` (from the first non-blank byte) open a JSON array of objects: `[`, then
    /// after blanks `{` or `]`.
    static func isJSONArray(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.first == UInt8(ascii: "[") else { return false }
        let next = bytes.dropFirst().first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return next == UInt8(ascii: "{") || next == UInt8(ascii: "]")
    }

    /// A JSON array (a FollowTheMoney export saved as one array, not one entity per line).
    static func jsonArray(_ path: String) -> InputError {
        InputError(
            code: "unknown-format",
            "the file is a JSON array; flrisk reads JSON only as FollowTheMoney entities in JSON lines, one object per line (as OpenSanctions' entities.ftm.json): convert it with `jq -c '.[]'`",
            at: SourceLocation(file: path, line: 0))
    }

    /// JSON lines given as suppliers, links or contracts.
    static func jsonLines(_ path: String, role: String) -> InputError {
        InputError(
            code: "unknown-format",
            "the file is JSON (its first character is '{'); \(role) are read from CSV or XML (JSON lines are read only as a FollowTheMoney watchlist)",
            at: SourceLocation(file: path, line: 0))
    }
}
