import SupplyChainModel

/// Reads FPDS-NG ATOM feeds (the `https://www.fpds.gov/ezsearch/FEEDS/ATOM` search results)
/// as contracts, streaming, with any namespace prefixes.
///
/// A file may hold one feed page or several pages one after another; several files may be
/// given. Each Atom `<entry>` holding an FPDS `<award>` or `<IDV>` becomes one ``Contract``:
///
/// | Contract field | FPDS element (inside the entry) |
/// |---|---|
/// | id | `PIID` of `awardContractID` / `IDVID`; `PIID/modNumber` when the modification is not `0` |
/// | agency | `contractingOfficeAgencyID/@departmentName` (else its `@name`, else `agencyID/@name`) |
/// | fundingAgency | `fundingRequestingAgencyID/@departmentName` (else `@name`) |
/// | amount | `dollarValues/obligatedAmount` |
/// | potentialValue | `totalDollarValues/totalBaseAndAllOptionsValue`, else `dollarValues/baseAndAllOptionsValue` |
/// | psc, productOrServiceType | `productOrServiceCode` and its `@productOrServiceType` |
/// | naics | `principalNAICSCode` |
/// | countryOfOrigin, placeOfManufacture | `countryOfOrigin`, `placeOfManufacture` |
/// | vendorName | `vendorHeader/vendorName`, else `UEILegalBusinessName`, else `contractorName` |
/// | vendorUEI, vendorParentUEI | `vendorUEIInformation/UEI`, `…/ultimateParentUEI` |
/// | vendorCountry | `vendorLocation/countryCode` |
/// | placeOfPerformance | `principalPlaceOfPerformance/countryCode` |
/// | description | `descriptionOfContractRequirement` |
/// | awardDate | `relevantContractDates/signedDate` |
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
        let reader = FPDSEntryReader(file: paths.joined(separator: ", "))
        for path in paths {
            reader.path = path
            reader.rows.path = path
            try XMLStream(path: path, handler: reader, limits: limits).run()
        }
        return reader.rows.finish()
    }
}

/// The state machine behind ``FPDSFeed``: collects one entry's fields while the stream runs.
final class FPDSEntryReader: XMLStreamHandler {
    var rows: RowAccumulator<Contract>
    var path: String
    private var stack: [String] = []
    private var depth = 0
    private var entry: Fields?
    private var firstSeen: [String: SourceLocation] = [:]

    struct Fields {
        var line: Int
        var sawAward = false
        var piid: String?, mod: String?, agencyIDName: String?, agency: String?, fundingAgency: String?
        var amount: String?, potential: String?, potentialTotal: String?
        var psc: String?, pscType: String?, naics: String?, origin: String?, manufacture: String?
        var vendorName: String?, legalName: String?, contractorName: String?, uei: String?, parentUEI: String?
        var vendorCountry: String?, performanceCountry: String?, description: String?, signed: String?
    }

    init(file: String) {
        rows = RowAccumulator(path: file)
        path = file
    }

    func startElement(namespace: String, name: String, attributes: [(name: String, value: String)], line: Int, stream: XMLStream) {
        depth += 1
        if depth == 1 {
            guard namespace == FPDSFeed.atomNamespace, name == "feed" else {
                stream.fail(InputError(
                    code: "unknown-format",
                    "the root element is {\(namespace)}\(name); an FPDS-NG feed has an Atom <feed> ({\(FPDSFeed.atomNamespace)}feed)",
                    at: SourceLocation(file: path, line: line)))
                return
            }
        }
        if namespace == FPDSFeed.atomNamespace, name == "entry" {
            entry = Fields(line: line)
            stack = []
            return
        }
        guard entry != nil, namespace == FPDSFeed.fpdsNamespace else { return }
        stack.append(name)
        func attribute(_ key: String) -> String? {
            attributes.first { $0.name == key }.map { $0.value.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        }
        switch name {
        case "award", "IDV": entry!.sawAward = true
        case "agencyID" where parent(1) == "awardContractID" || parent(1) == "IDVID": entry!.agencyIDName = attribute("name")
        case "contractingOfficeAgencyID": entry!.agency = attribute("departmentName") ?? attribute("name")
        case "fundingRequestingAgencyID": entry!.fundingAgency = attribute("departmentName") ?? attribute("name")
        case "productOrServiceCode": entry!.pscType = attribute("productOrServiceType")
        default: break
        }
    }

    /// The name `levels` above the current element in the entry (1 = its parent).
    private func parent(_ levels: Int) -> String? {
        stack.count > levels ? stack[stack.count - 1 - levels] : nil
    }

    func endElement(namespace: String, name: String, stream: XMLStream) {
        defer { depth -= 1 }
        if namespace == FPDSFeed.atomNamespace, name == "entry", let fields = entry {
            finish(fields)
            entry = nil
            return
        }
        guard entry != nil, namespace == FPDSFeed.fpdsNamespace else { return }
        defer { if !stack.isEmpty { stack.removeLast() } }
        guard Self.fieldNames.contains(name) else { return }
        let value = stream.text.trimmingWhitespace()
        let v: String? = value.isEmpty ? nil : value
        let up = parent(1)
        switch name {
        case "PIID" where up == "awardContractID" || up == "IDVID": entry!.piid = v
        case "modNumber" where up == "awardContractID" || up == "IDVID": entry!.mod = v
        case "obligatedAmount" where up == "dollarValues": entry!.amount = v
        case "baseAndAllOptionsValue" where up == "dollarValues": entry!.potential = v
        case "totalBaseAndAllOptionsValue": entry!.potentialTotal = v
        case "productOrServiceCode": entry!.psc = v
        case "principalNAICSCode": entry!.naics = v
        case "countryOfOrigin": entry!.origin = v
        case "placeOfManufacture": entry!.manufacture = v
        case "vendorName" where up == "vendorHeader": entry!.vendorName = v
        case "UEILegalBusinessName": entry!.legalName = v
        case "contractorName": entry!.contractorName = v
        case "UEI" where up == "vendorUEIInformation": entry!.uei = v
        case "ultimateParentUEI": entry!.parentUEI = v
        case "countryCode" where up == "vendorLocation": entry!.vendorCountry = v
        case "countryCode" where up == "principalPlaceOfPerformance": entry!.performanceCountry = v
        case "descriptionOfContractRequirement": entry!.description = v
        case "signedDate" where up == "relevantContractDates": entry!.signed = v
        default: break
        }
    }

    /// The elements whose text ``endElement(namespace:name:stream:)`` reads.
    private static let fieldNames: Set<String> = [
        "PIID", "modNumber", "obligatedAmount", "baseAndAllOptionsValue", "totalBaseAndAllOptionsValue", "productOrServiceCode",
        "principalNAICSCode", "countryOfOrigin", "placeOfManufacture", "vendorName", "UEILegalBusinessName", "contractorName", "UEI",
        "ultimateParentUEI", "countryCode", "descriptionOfContractRequirement", "signedDate",
    ]

    func documentEnded(stream: XMLStream) {
        depth = 0
    }

    private func finish(_ f: Fields) {
        let location = SourceLocation(file: path, line: f.line)
        let record = CSVRecord(line: f.line, fields: [
            f.piid, f.mod, f.vendorName ?? f.legalName ?? f.contractorName, f.uei, f.amount, f.signed,
        ].map { $0 ?? "" })
        var id = f.piid ?? ""
        if let mod = f.mod, mod != "0" { id += "/" + mod }
        let rejection: RowRejection?
        var amount: Double?, potential: Double?, date: String?
        if !f.sawAward {
            rejection = RowRejection("missing-value", "the entry holds no FPDS <award> or <IDV> in the namespace \(FPDSFeed.fpdsNamespace)")
        } else if f.piid == nil {
            rejection = RowRejection("missing-value", "the award has no PIID")
        } else if let first = firstSeen[id] {
            let place = first.file == path ? "line \(first.line)" : "\(first.file):\(first.line)"
            rejection = RowRejection("duplicate-id", "contract '\(id)' is already used at \(place)")
        } else if let text = f.amount, NumberParsing.plausibleAmount(text) == nil {
            rejection = RowRejection("invalid-number", "obligatedAmount is '\(text)'; expected an amount below 10^15")
        } else if let text = f.potentialTotal ?? f.potential, NumberParsing.plausibleAmount(text) == nil {
            rejection = RowRejection("invalid-number", "the base and all options value is '\(text)'; expected an amount below 10^15")
        } else if let text = f.signed, DateParsing.isoDate(text) == nil {
            rejection = RowRejection("invalid-date", "signedDate is '\(text)'; expected a date")
        } else if f.vendorName == nil && f.legalName == nil && f.contractorName == nil && f.uei == nil {
            rejection = RowRejection("missing-value", "the award names no vendor (no vendorName, UEI or contractorName)")
        } else {
            rejection = nil
            amount = f.amount.flatMap(NumberParsing.amount)
            potential = (f.potentialTotal ?? f.potential).flatMap(NumberParsing.amount)
            date = f.signed.flatMap(DateParsing.isoDate)
        }
        if let rejection {
            rows.rejectRead(record, rejection)
            return
        }
        firstSeen[id] = location
        rows.accept(Contract(
            id: id, vendorUEI: f.uei, vendorName: f.vendorName ?? f.legalName ?? f.contractorName,
            vendorParentUEI: f.parentUEI, vendorCountry: f.vendorCountry,
            agency: f.agency ?? f.agencyIDName, fundingAgency: f.fundingAgency,
            amount: amount, potentialValue: potential, currency: "USD",
            placeOfPerformance: f.performanceCountry, countryOfOrigin: f.origin, placeOfManufacture: f.manufacture,
            psc: f.psc, productOrServiceType: f.pscType, naics: f.naics, description: f.description,
            awardDate: date, location: location))
    }
}
