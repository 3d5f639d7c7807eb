import SupplyChainModel

/// Reads FPDS-NG ATOM feeds (the `https://www.fpds.gov/ezsearch/FEEDS/ATOM` search results)
/// as contracts, streaming, with any namespace prefixes.
///
/// A file may hold one feed page or several pages one after another; several files may be
/// given. Each Atom `<entry>` holding an FPDS `<award>` or `<IDV>` becomes one ``Contract``:
///
/// | Contract field | FPDS element (inside the entry) |
/// |---|---|
/// | id | `PIID` of `awardContractID` / `IDVID`; `PIID/modNumber` when the modification is not `0`; for a second award with that id (another agency, IDV or transaction: order numbers such as `0001` were reused under many IDVs before 2016), its transaction key, as USAspending's `contract_transaction_unique_key` (below) |
/// | agency | `contractingOfficeAgencyID/@departmentName` (else its `@name`, else `agencyID/@name`) |
/// | fundingAgency | `fundingRequestingAgencyID/@departmentName` (else `@name`) |
/// | amount | `dollarValues/obligatedAmount` |
/// | potentialValue | `totalDollarValues/totalBaseAndAllOptionsValue`, else `dollarValues/baseAndAllOptionsValue` |
/// | psc, productOrServiceType | `productOrServiceCode` and its `@productOrServiceType` |
/// | naics | `principalNAICSCode` |
/// | countryOfOrigin, placeOfManufacture | `countryOfOrigin`, `placeOfManufacture` |
/// | vendorName | `vendorHeader/vendorName`, else `UEILegalBusinessName`, else `contractorName` |
/// | vendorUEI, vendorParentUEI | `vendorUEIInformation/UEI`, `…/ultimateParentUEI` |
/// | vendorDUNS | `vendorDUNSInformation/DUNSNumber` (records before April 2022) |
/// | vendorCountry | `vendorLocation/countryCode` |
/// | placeOfPerformance | `principalPlaceOfPerformance/countryCode` |
/// | description | `descriptionOfContractRequirement` |
/// | awardDate | `relevantContractDates/signedDate` |
///
/// The transaction key is `agencyID_IDVagencyID_PIID_modNumber_IDVPIID_transactionNumber`, the
/// parts of `awardContractID` / `IDVID` and `referencedIDVID`, `-NONE-` for a missing one (as
/// USAspending writes it). An entry whose id and transaction key were both met before is a
/// repeat (`duplicate-id`, e.g. overlapping feed pages); one whose id was met with another key
/// is another award, read under its key with a `qualified-id` note.
public enum FPDSFeed {
    public static let atomNamespace = "http://www.w3.org/2005/Atom"
    public static let fpdsNamespace = "https://www.fpds.gov/FPDS"

    /// Reads one feed file (one or more concatenated pages).
    /// - Throws: ``InputError`` for an unreadable file, a DTD (refused), malformed or truncated
    ///   XML (with line and column), or a root element that is not an Atom `feed`.
    public static func contracts(path: String, limits: ImportLimits = .default) throws -> ImportResult<Contract> {
        try contracts(paths: [path], limits: limits)
    }

    /// Reads several feed files as one input (ids must be unique across them); the summary
    /// names the files joined with `, `.
    /// Breaking one of `limits` (depth, text size, element count) is fatal.
    public static func contracts(paths: [String], limits: ImportLimits = .default) throws -> ImportResult<Contract> {
        try contracts(paths: paths, limits: limits, parallel: FPDSParallelism())
    }

    /// ``contracts(paths:limits:)`` with the parallel reading of large files tuned by `parallel`.
    static func contracts(paths: [String], limits: ImportLimits, parallel: FPDSParallelism) throws -> ImportResult<Contract> {
        let reader = FPDSEntryReader(file: paths.joined(separator: ", "))
        for path in paths {
            reader.path = path
            reader.rows.path = path
            try ParallelFPDS(path: path, limits: limits, parallelism: parallel).run(into: reader)
        }
        if reader.qualifiedCount > FPDSEntryReader.qualifiedNotes {
            reader.rows.findings.append(Finding(
                .note, code: "qualified-id",
                "\(reader.qualifiedCount) awards in all share their PIID and modification with an earlier award of another agency, IDV or transaction; they are read under their transaction keys",
                at: SourceLocation(file: reader.rows.path, line: 0)))
        }
        return reader.rows.finish()
    }
}

/// The state machine behind ``FPDSFeed``: collects one entry's fields while the stream runs.
/// Its per-element state is `@exclusivity(unchecked)` (one thread, no overlapping accesses).
final class FPDSEntryReader: XMLStreamHandler {
    var rows: RowAccumulator<Contract>
    var path: String
    /// The names the reader matches, at the ids of ``Name`` and ``atom``/``fpds``.
    let names = XMLNameTable(locals: Name.allCases.map(\.text), namespaces: [FPDSFeed.atomNamespace, FPDSFeed.fpdsNamespace])
    private static let atom: Int32 = 0, fpds: Int32 = 1
    /// The FPDS-namespace elements open in the current entry, innermost last.
    @exclusivity(unchecked) private var stack: [Int32] = []
    @exclusivity(unchecked) private var depth = 0
    /// Whether an entry is open; `entry` holds its fields so far.
    @exclusivity(unchecked) private var inEntry = false
    @exclusivity(unchecked) private var entry = Fields(line: 0)
    /// Awards read under their transaction key (``qualifiedNotes`` of them are noted one by one).
    private(set) var qualifiedCount = 0
    static let qualifiedNotes = 20
    /// Ids accepted so far: where, and the entry's transaction key.
    private var firstSeen: [String: (location: SourceLocation, key: String)] = [:]
    /// When set, finished entries are kept here to be committed later (a chunk read in
    /// parallel) instead of committed to ``rows``.
    @exclusivity(unchecked) var outcomes: [Outcome]?

    /// The element and attribute names the reader matches; raw values are their ids.
    enum Name: Int32, CaseIterable {
        case feed, entry, award, IDV, awardContractID, IDVID, referencedIDVID, contractingOfficeAgencyID, fundingRequestingAgencyID
        case productOrServiceCode, name, departmentName, productOrServiceType
        // Elements whose text is read.
        case agencyID, PIID, modNumber, transactionNumber, obligatedAmount, baseAndAllOptionsValue, totalBaseAndAllOptionsValue, principalNAICSCode
        case countryOfOrigin, placeOfManufacture, vendorName, UEILegalBusinessName, contractorName, UEI, ultimateParentUEI, DUNSNumber
        case countryCode, descriptionOfContractRequirement, signedDate
        // Parents that qualify some of them.
        case dollarValues, vendorHeader, vendorUEIInformation, vendorDUNSInformation, vendorLocation, principalPlaceOfPerformance, relevantContractDates

        var text: String { "\(self)" }
    }

    struct Fields {
        var line: Int
        var sawAward = false
        var piid: String?, mod: String?, agencyIDName: String?, agency: String?, fundingAgency: String?
        /// The rest of the transaction key: `agencyID` and `transactionNumber` of the award,
        /// `agencyID` and `PIID` of the referenced IDV.
        var agencyCode: String?, transaction: String?, idvAgencyCode: String?, idvPIID: String?
        var amount: String?, potential: String?, potentialTotal: String?
        var psc: String?, pscType: String?, naics: String?, origin: String?, manufacture: String?
        var vendorName: String?, legalName: String?, contractorName: String?, uei: String?, parentUEI: String?, duns: String?
        var vendorCountry: String?, performanceCountry: String?, description: String?, signed: String?
        /// The first element read for its text that held an element, and that element: only
        /// the text after it would be read.
        var nested: (field: String, child: String)?
        /// Whether an Atom `<entry>` came inside this one (entries do not nest: the inner one's
        /// end would finish the entry and the rest of the outer one be lost), and how many such
        /// entries are open.
        var innerEntry = false
        var openInnerEntries = 0
        /// The fields set so far, a bit per ``Field``.
        var seen: UInt32 = 0
        /// The first element read for its text (or attribute) that came again with another value
        /// (the first value is kept), the attribute's name, the two values and the line of the second.
        var repeated: (field: String, attribute: String?, first: String, second: String, line: Int)?

        /// Sets `field` to `value` the first time it has one (an empty element or a missing
        /// attribute is no value); a later other value is noted in ``repeated``, the first kept.
        /// - Parameters:
        ///   - element, line: the element's local name and the line, for the note (worked out only for one).
        ///   - attribute: the attribute the value came from; nil for an element's text.
        mutating func keep(_ field: Field, _ value: String?, element: @autoclosure () -> String, attribute: String? = nil, line: @autoclosure () -> Int) {
            let mask: UInt32 = 1 << UInt32(field.rawValue)
            if seen & mask == 0 {
                guard value != nil else { return }
                seen |= mask
                self[field] = value
            } else if repeated == nil, self[field] != value {
                repeated = (element(), attribute, self[field] ?? "", value ?? "", line())
            }
        }

        /// A field by number (a switch: key paths were built at run time, per element).
        subscript(field: Field) -> String? {
            get {
                switch field {
                case .piid: piid
                case .idvPIID: idvPIID
                case .agencyCode: agencyCode
                case .idvAgencyCode: idvAgencyCode
                case .transaction: transaction
                case .mod: mod
                case .amount: amount
                case .potential: potential
                case .potentialTotal: potentialTotal
                case .psc: psc
                case .naics: naics
                case .origin: origin
                case .manufacture: manufacture
                case .vendorName: vendorName
                case .legalName: legalName
                case .contractorName: contractorName
                case .uei: uei
                case .parentUEI: parentUEI
                case .duns: duns
                case .vendorCountry: vendorCountry
                case .performanceCountry: performanceCountry
                case .description: description
                case .signed: signed
                case .agencyIDName: agencyIDName
                case .agency: agency
                case .fundingAgency: fundingAgency
                case .pscType: pscType
                }
            }
            set {
                switch field {
                case .piid: piid = newValue
                case .idvPIID: idvPIID = newValue
                case .agencyCode: agencyCode = newValue
                case .idvAgencyCode: idvAgencyCode = newValue
                case .transaction: transaction = newValue
                case .mod: mod = newValue
                case .amount: amount = newValue
                case .potential: potential = newValue
                case .potentialTotal: potentialTotal = newValue
                case .psc: psc = newValue
                case .naics: naics = newValue
                case .origin: origin = newValue
                case .manufacture: manufacture = newValue
                case .vendorName: vendorName = newValue
                case .legalName: legalName = newValue
                case .contractorName: contractorName = newValue
                case .uei: uei = newValue
                case .parentUEI: parentUEI = newValue
                case .duns: duns = newValue
                case .vendorCountry: vendorCountry = newValue
                case .performanceCountry: performanceCountry = newValue
                case .description: description = newValue
                case .signed: signed = newValue
                case .agencyIDName: agencyIDName = newValue
                case .agency: agency = newValue
                case .fundingAgency: fundingAgency = newValue
                case .pscType: pscType = newValue
                }
            }
        }
    }

    /// The fields of ``Fields`` read from an element's text, then those read from attributes,
    /// by number (a bit of ``Fields/seen``: at most 32).
    enum Field: Int {
        case piid, idvPIID, agencyCode, idvAgencyCode, transaction, mod, amount, potential, potentialTotal, psc, naics, origin
        case manufacture, vendorName, legalName, contractorName, uei, parentUEI, duns, vendorCountry, performanceCountry
        case description, signed
        case agencyIDName, agency, fundingAgency, pscType
    }

    init(file: String) {
        rows = RowAccumulator(path: file)
        path = file
        stack.reserveCapacity(64)
    }

    func startElement(_ element: XMLName, line: Int, stream: XMLStream) {
        depth += 1
        let name = element.local
        if depth == 1 {
            guard element.namespace == Self.atom, name == Name.feed.rawValue else {
                let namespace = names.namespace(of: element.namespace), local = names.local(of: name)
                stream.fail(InputError(
                    code: "unknown-format",
                    "the root element is {\(namespace)}\(local); an FPDS-NG feed has an Atom <feed> ({\(FPDSFeed.atomNamespace)}feed)",
                    at: SourceLocation(file: path, line: line)))
                return
            }
        }
        if element.namespace == Self.atom, name == Name.entry.rawValue {
            if inEntry {
                // One record for the outer entry and all it holds, rejected when it ends.
                entry.innerEntry = true
                entry.openInnerEntries += 1
                return
            }
            entry = Fields(line: line)
            inEntry = true
            stack.removeAll(keepingCapacity: true)
            return
        }
        if inEntry, entry.nested == nil, let open = stack.last, Self.readsText(open) {
            entry.nested = (names.local(of: open), names.local(of: name))
        }
        // Text is kept wherever endElement might read it (even where an entry starts inside).
        if element.namespace == Self.fpds, Self.readsText(name) { stream.collectText() }
        guard inEntry, element.namespace == Self.fpds else { return }
        stack.append(name)
        func attribute(_ key: Name) -> String? {
            stream.attribute(key.rawValue).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let known = Name(rawValue: name) else { return }
        /// `field` from the attribute `key` (or `fallback`) of this element, kept as text is
        /// (``Fields/keep(_:_:element:attribute:line:)``).
        func set(_ field: Field, _ key: Name, else fallback: Name? = nil) {
            var from = key
            var value = attribute(key)
            if value == nil, let fallback, let other = attribute(fallback) { (from, value) = (fallback, other) }
            entry.keep(field, value, element: names.local(of: name), attribute: from.text, line: line)
        }
        switch known {
        case .award, .IDV: entry.sawAward = true
        case .agencyID where parent(1) == Name.awardContractID.rawValue || parent(1) == Name.IDVID.rawValue: set(.agencyIDName, .name)
        case .contractingOfficeAgencyID: set(.agency, .departmentName, else: .name)
        case .fundingRequestingAgencyID: set(.fundingAgency, .departmentName, else: .name)
        case .productOrServiceCode: set(.pscType, .productOrServiceType)
        default: break
        }
    }

    /// Whether ``endElement(_:stream:)`` reads the text of the FPDS element `name`.
    private static func readsText(_ name: Int32) -> Bool {
        name == Name.productOrServiceCode.rawValue || (name >= Name.agencyID.rawValue && name <= Name.signedDate.rawValue)
    }

    /// The name `levels` above the current element in the entry (1 = its parent), or -1.
    private func parent(_ levels: Int) -> Int32 {
        stack.count > levels ? stack[stack.count - 1 - levels] : -1
    }

    func endElement(_ element: XMLName, stream: XMLStream) {
        defer { depth -= 1 }
        let name = element.local
        if element.namespace == Self.atom, name == Name.entry.rawValue, inEntry {
            if entry.openInnerEntries > 0 {
                entry.openInnerEntries -= 1
                return
            }
            inEntry = false
            finish(entry)
            return
        }
        guard inEntry, element.namespace == Self.fpds else { return }
        defer { if !stack.isEmpty { stack.removeLast() } }
        guard Self.readsText(name), let known = Name(rawValue: name) else { return }
        let value = stream.text.trimmingWhitespace()
        let v: String? = value.isEmpty ? nil : value
        let up = parent(1)
        func under(_ parent: Name) -> Bool { up == parent.rawValue }
        let field: Field
        switch known {
        case .PIID where under(.awardContractID) || under(.IDVID): field = .piid
        case .PIID where under(.referencedIDVID): field = .idvPIID
        case .agencyID where under(.awardContractID) || under(.IDVID): field = .agencyCode
        case .agencyID where under(.referencedIDVID): field = .idvAgencyCode
        case .transactionNumber where under(.awardContractID) || under(.IDVID): field = .transaction
        case .modNumber where under(.awardContractID) || under(.IDVID): field = .mod
        case .obligatedAmount where under(.dollarValues): field = .amount
        case .baseAndAllOptionsValue where under(.dollarValues): field = .potential
        case .totalBaseAndAllOptionsValue: field = .potentialTotal
        case .productOrServiceCode: field = .psc
        case .principalNAICSCode: field = .naics
        case .countryOfOrigin: field = .origin
        case .placeOfManufacture: field = .manufacture
        case .vendorName where under(.vendorHeader): field = .vendorName
        case .UEILegalBusinessName: field = .legalName
        case .contractorName: field = .contractorName
        case .UEI where under(.vendorUEIInformation): field = .uei
        case .ultimateParentUEI: field = .parentUEI
        case .DUNSNumber where under(.vendorDUNSInformation): field = .duns
        case .countryCode where under(.vendorLocation): field = .vendorCountry
        case .countryCode where under(.principalPlaceOfPerformance): field = .performanceCountry
        case .descriptionOfContractRequirement: field = .description
        case .signedDate where under(.relevantContractDates): field = .signed
        default: return
        }
        // An empty element is no value: a later one with text is read (`<signedDate/>` then a date).
        entry.keep(field, v, element: names.local(of: name), line: stream.line)
    }

    /// ``DateParsing/isoDate(_:)`` of FPDS's `YYYY-MM-DD hh:mm:ss`, without splitting strings:
    /// a valid `YYYY-MM-DD` followed by a space or `T` is the date that function returns.
    static func isoDate(_ text: String) -> String? {
        let utf8 = text.utf8
        if utf8.count > 10, let separator = utf8.dropFirst(10).first, separator == 0x20 || separator == 0x54,
            let date = DateParsing.plainISODate(String(decoding: utf8.prefix(10), as: UTF8.self))
        {
            return date
        }
        return DateParsing.isoDate(text)
    }

    func documentEnded(stream: XMLStream) {
        depth = 0
    }

    /// One finished entry, judged as far as it can be without the ids met before it.
    struct Outcome: Sendable {
        var record: CSVRecord
        /// The contract id, when the entry is rejected as a duplicate if the id was met before.
        var id: String?
        /// The entry's transaction key (see ``FPDSFeed``), with `id`.
        var key = ""
        /// The rejection when the id is new (or when `id` is nil).
        var rejection: RowRejection?
        /// The contract when the id is new and nothing else rejects it.
        var contract: Contract?
        /// An element of the entry repeated with another value (``Fields/repeated``).
        var repeated: Finding?

        /// A placeholder (no allocation).
        static let empty = Outcome(record: CSVRecord(line: 0, fields: []))
    }

    private func finish(_ f: Fields) {
        var outcome = evaluate(f)
        // An entry holding another one mixes their elements: it is rejected for that alone.
        if let (field, attribute, first, second, line) = f.repeated, !f.innerEntry {
            outcome.repeated = Finding(
                .warning, code: "extra-fields",
                "<\(field)> is repeated in its <entry> with another \(attribute.map { "@" + $0 } ?? "value") ('\(second)' after '\(first)'); the first is kept",
                at: SourceLocation(file: path, line: line))
        }
        if outcomes != nil { outcomes!.append(outcome) } else { commit(outcome) }
    }

    /// Counts `outcome`, with its lines moved by `lineShift`: accepted, unless its id was met before
    /// (duplicate ids: the first occurrence wins) or it was rejected.
    func commit(_ outcome: consuming Outcome, lineShift: Int = 0) {
        if lineShift != 0 {
            outcome.record.line += lineShift
            outcome.contract?.location.line += lineShift
            outcome.repeated?.location?.line += lineShift
        }
        if let repeated = outcome.repeated.take() { rows.findings.append(repeated) }
        // Another award under an id met before (another agency, IDV or transaction) is read
        // under its transaction key; a repeat of both is a duplicate.
        var qualified: (id: String, first: SourceLocation, key: String)?
        // The entry met before under the id it is read as (one look-up for most entries).
        var met = outcome.id.flatMap { firstSeen[$0] }
        if let id = outcome.id, let first = met, first.key != outcome.key {
            let key = outcome.key
            qualified = (id, first.location, first.key)
            outcome.id = key
            outcome.contract?.id = key
            met = firstSeen[key]
        }
        if let id = outcome.id, let first = met {
            rows.rejectRead(outcome.record, RowRejection("duplicate-id", "contract '\(id)' is already used at \(place(of: first.location))"))
        } else if let rejection = outcome.rejection {
            rows.rejectRead(outcome.record, rejection)
        } else if let contract = outcome.contract.take(), let id = outcome.id {
            if qualified != nil { qualifiedCount += 1 }
            if let qualified, qualifiedCount <= Self.qualifiedNotes {
                rows.findings.append(Finding(
                    .note, code: "qualified-id",
                    "contract '\(qualified.id)' is another award than the one at \(place(of: qualified.first)) (transaction keys '\(qualified.key)' and '\(id)'); it is read as '\(id)'",
                    at: contract.location))
            }
            firstSeen[id] = (contract.location, outcome.key)
            rows.accept(contract)
        }
    }

    /// `line N` in the file being read, else `file:N`.
    private func place(of location: SourceLocation) -> String {
        location.file == path ? "line \(location.line)" : "\(location.file):\(location.line)"
    }

    /// USAspending's `contract_transaction_unique_key` of an entry.
    static func transactionKey(_ f: Fields) -> String {
        // Appended part by part into one string (an array of the parts, mapped and joined, was
        // a few percent of reading a feed).
        var key = ""
        key.reserveCapacity(64)
        key += f.agencyCode ?? "-NONE-"
        key += "_"
        key += f.idvAgencyCode ?? "-NONE-"
        key += "_"
        key += f.piid ?? "-NONE-"
        key += "_"
        key += f.mod ?? "0"
        key += "_"
        key += f.idvPIID ?? "-NONE-"
        key += "_"
        key += f.transaction ?? "0"
        return key
    }

    private func evaluate(_ f: Fields) -> Outcome {
        let location = SourceLocation(file: path, line: f.line)
        let record = CSVRecord(line: f.line, fields: [
            f.piid, f.mod, f.vendorName ?? f.legalName ?? f.contractorName, f.uei, f.amount, f.signed,
        ].map { $0 ?? "" })
        var id = f.piid ?? ""
        if let mod = f.mod, mod != "0" { id += "/" + mod }
        let rejection: RowRejection?
        // Each value is parsed once (plausible amounts are the amounts below the cap).
        let potentialText = f.potentialTotal ?? f.potential
        let amount = f.amount.flatMap(NumberParsing.plausibleAmount)
        let potential = potentialText.flatMap(NumberParsing.plausibleAmount)
        let date = f.signed.flatMap(Self.isoDate)
        if !f.sawAward {
            return Outcome(record: record, rejection: RowRejection("missing-value", "the entry holds no FPDS <award> or <IDV> in the namespace \(FPDSFeed.fpdsNamespace)"))
        } else if f.innerEntry {
            // Its fields and the inner entry's are mixed: neither award can be told apart.
            return Outcome(record: record, rejection: RowRejection("invalid-value", "the <entry> holds another <entry>; an Atom entry holds one award, and entries do not nest"))
        } else if let (field, child) = f.nested {
            // '<vendorName>A <b>B</b> C</vendorName>' would be read as 'C'.
            return Outcome(record: record, rejection: RowRejection("invalid-value", "<\(field)> holds an element <\(child)>; it holds text only"))
        } else if f.piid == nil {
            return Outcome(record: record, rejection: RowRejection("missing-value", "the award has no PIID"))
        } else if let text = f.amount, amount == nil {
            rejection = RowRejection("invalid-number", "obligatedAmount is '\(text)'; expected an amount below 10^15")
        } else if let text = potentialText, potential == nil {
            rejection = RowRejection("invalid-number", "the base and all options value is '\(text)'; expected an amount below 10^15")
        } else if let text = f.signed, date == nil {
            rejection = RowRejection("invalid-date", "signedDate is '\(text)'; expected a date")
        } else if f.vendorName == nil && f.legalName == nil && f.contractorName == nil && f.uei == nil && f.duns == nil {
            rejection = RowRejection("missing-value", "the award names no vendor (no vendorName, UEI, DUNSNumber or contractorName)")
        } else {
            rejection = nil
        }
        let key = Self.transactionKey(f)
        if let rejection { return Outcome(record: record, id: id, key: key, rejection: rejection) }
        return Outcome(record: record, id: id, key: key, contract: Contract(
            id: id, vendorUEI: f.uei, vendorDUNS: f.duns, vendorName: f.vendorName ?? f.legalName ?? f.contractorName,
            vendorParentUEI: f.parentUEI, vendorCountry: f.vendorCountry,
            agency: f.agency ?? f.agencyIDName, fundingAgency: f.fundingAgency,
            amount: amount, potentialValue: potential, currency: "USD",
            placeOfPerformance: f.performanceCountry, countryOfOrigin: f.origin, placeOfManufacture: f.manufacture,
            psc: f.psc, productOrServiceType: f.pscType, naics: f.naics, description: f.description,
            awardDate: date, location: location))
    }
}
