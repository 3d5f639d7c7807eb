/// A company in the supply chain as the suppliers file describes it.
public struct Supplier: Sendable, Hashable {
    /// The identifier links and contracts use to name this supplier; unique in a file.
    public var id: String
    public var name: String
    /// The country as written in the input (ISO alpha-2, alpha-3 or an English name).
    public var country: String?
    /// A sub-national area such as a province, e.g. "Xinjiang".
    public var region: String?
    /// Goods the supplier makes or sells, as written in the input.
    public var goods: [String]
    /// A postal address, when the input has one (facility lists do).
    public var address: String?
    public var uei: String?
    public var lei: String?
    public var duns: String?
    /// An analyst's override of the computed intrinsic risk, in [0, 1].
    public var riskOverride: Double?
    public var riskNote: String?
    public var location: SourceLocation

    @inlinable public init(
        id: String, name: String, country: String? = nil, region: String? = nil, goods: [String] = [],
        address: String? = nil, uei: String? = nil, lei: String? = nil, duns: String? = nil, riskOverride: Double? = nil,
        riskNote: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.region = region
        self.goods = goods
        self.address = address
        self.uei = uei
        self.lei = lei
        self.duns = duns
        self.riskOverride = riskOverride
        self.riskNote = riskNote
        self.location = location
    }
}

/// "Buyer sources from supplier": an edge of the supply graph, pointing upstream.
public struct SupplyLink: Sendable, Hashable {
    public var buyerID: String
    public var supplierID: String
    /// Fraction in (0, 1] of the buyer's sourcing that comes from this supplier, when known.
    public var share: Double?
    public var good: String?
    public var location: SourceLocation

    public init(buyerID: String, supplierID: String, share: Double? = nil, good: String? = nil, location: SourceLocation) {
        self.buyerID = buyerID
        self.supplierID = supplierID
        self.share = share
        self.good = good
        self.location = location
    }
}

/// A public-procurement contract award to review.
public struct Contract: Sendable, Hashable {
    public var id: String
    /// The vendor, named by supplier id, UEI, DUNS number or name (tried in that order).
    public var vendorID: String?
    public var vendorUEI: String?
    /// The vendor's DUNS number (awards before April 2022 name vendors by it), as written.
    public var vendorDUNS: String?
    public var vendorName: String?
    /// The vendor's ultimate parent UEI, when the input has it.
    public var vendorParentUEI: String?
    /// The vendor's country (its address), as written in the input.
    public var vendorCountry: String?
    /// The awarding agency.
    public var agency: String?
    /// The funding agency, when different (e.g. a DoD component funding another agency's award).
    public var fundingAgency: String?
    /// The award amount in `currency` (for award data: the obligated amount).
    public var amount: Double?
    /// The potential total value of the award (base and all options), when known.
    public var potentialValue: Double?
    public var currency: String
    /// Country of the place of performance, as written in the input.
    public var placeOfPerformance: String?
    /// Country of origin of the product or service, as written in the input.
    public var countryOfOrigin: String?
    /// Place of manufacture code or text (e.g. FPDS "manufactured outside the US"), as written.
    public var placeOfManufacture: String?
    /// Federal Product and Service Code.
    public var psc: String?
    /// Whether the PSC names a product or a service (FPDS `productOrServiceType`: `PRODUCT`,
    /// `SERVICE`, `R&D`), when the input says.
    public var productOrServiceType: String?
    public var naics: String?
    public var description: String?
    /// ISO date (YYYY-MM-DD) when known.
    public var awardDate: String?
    public var location: SourceLocation

    @inlinable public init(
        id: String, vendorID: String? = nil, vendorUEI: String? = nil, vendorDUNS: String? = nil, vendorName: String? = nil,
        vendorParentUEI: String? = nil, vendorCountry: String? = nil,
        agency: String? = nil, fundingAgency: String? = nil, amount: Double? = nil, potentialValue: Double? = nil,
        currency: String = "USD", placeOfPerformance: String? = nil, countryOfOrigin: String? = nil,
        placeOfManufacture: String? = nil,
        psc: String? = nil, productOrServiceType: String? = nil, naics: String? = nil, description: String? = nil,
        awardDate: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.vendorID = vendorID
        self.vendorUEI = vendorUEI
        self.vendorDUNS = vendorDUNS
        self.vendorName = vendorName
        self.vendorParentUEI = vendorParentUEI
        self.vendorCountry = vendorCountry
        self.agency = agency
        self.fundingAgency = fundingAgency
        self.amount = amount
        self.potentialValue = potentialValue
        self.currency = currency
        self.placeOfPerformance = placeOfPerformance
        self.countryOfOrigin = countryOfOrigin
        self.placeOfManufacture = placeOfManufacture
        self.psc = psc
        self.productOrServiceType = productOrServiceType
        self.naics = naics
        self.description = description
        self.awardDate = awardDate
        self.location = location
    }
}
