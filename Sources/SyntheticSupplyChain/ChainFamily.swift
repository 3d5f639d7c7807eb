/// One kind of product chain, from the brand's finished good down to its raw material, with the
/// good each tier supplies (ids of `Datasets/reference/goods.csv`, all on the DOL list for some
/// country), where assemblers of it typically sit, and the PSC/NAICS codes a federal contract for
/// the finished good would carry (codes the goods vocabulary maps back to the good).
struct ChainFamily: Sendable {
    var name: String
    /// Fraction of suppliers in this family.
    var weight: Double
    /// The good of each tier, brands (0) to raw material (4).
    var goods: [String]
    /// Countries of assemblers and component makers when the supplier is not on a DOL row.
    var makerCountries: [String]
    /// Raw-material and processing countries when the supplier is not on a DOL row.
    var cleanSourceCountries: [String]
    var psc: String
    var naics: String
    /// Words for company names of the family.
    var nameWords: [String]

    static let all: [ChainFamily] = [
        ChainFamily(
            name: "apparel", weight: 0.35, goods: ["garments", "garments", "textiles", "thread-yarn", "cotton"],
            makerCountries: ["CN", "BD", "VN", "IN", "KH", "TR", "PK", "ID", "MX", "LK"],
            cleanSourceCountries: ["US", "AU", "GR", "ES", "IL"], psc: "8405", naics: "315250",
            nameWords: ["Apparel", "Garment", "Textile", "Knitting", "Weaving", "Spinning", "Fashion", "Cotton"]),
        ChainFamily(
            name: "electronics", weight: 0.25, goods: ["electronics", "electronics", "lithium-ion-batteries", "tin", "cobalt-ore"],
            makerCountries: ["CN", "VN", "MY", "TH", "MX", "TW", "KR", "PH"],
            cleanSourceCountries: ["AU", "CA", "CL", "FI", "PE"], psc: "7025", naics: "334111",
            nameWords: ["Electronics", "Technology", "Precision", "Components", "Battery", "Metals", "Circuit", "Digital"]),
        ChainFamily(
            name: "solar", weight: 0.15, goods: ["solar-modules", "solar-modules", "solar-cells", "photovoltaic-wafers", "polysilicon"],
            makerCountries: ["CN", "VN", "MY", "TH", "IN", "KR"],
            cleanSourceCountries: ["DE", "US", "NO", "JP", "KR"], psc: "6117", naics: "334413",
            nameWords: ["Solar", "Photovoltaic", "Energy", "Silicon", "New Energy", "Power", "Sun", "Materials"]),
        ChainFamily(
            name: "gloves", weight: 0.10, goods: ["rubber-gloves", "rubber-gloves", "rubber-gloves", "rubber", "rubber"],
            makerCountries: ["MY", "TH", "CN", "ID", "VN", "LK"],
            cleanSourceCountries: ["TH", "CI", "IN", "LK"], psc: "6515", naics: "339113",
            nameWords: ["Glove", "Rubber", "Latex", "Medical", "Healthcare", "Plantation", "Polymer", "Care"]),
        ChainFamily(
            name: "footwear", weight: 0.15, goods: ["footwear", "footwear", "leather", "leather", "cattle"],
            makerCountries: ["CN", "VN", "ID", "IN", "BR", "IT", "KH"],
            cleanSourceCountries: ["US", "AU", "AR", "UY", "NZ"], psc: "8430", naics: "316210",
            nameWords: ["Footwear", "Shoes", "Leather", "Tannery", "Hides", "Ranch", "Sole", "Livestock"]),
    ]
}

/// The tier structure: how many suppliers each tier holds and where each tier's links go.
enum TierShape {
    /// Tier names, top down.
    static let names = ["brand", "assembler", "component maker", "processor", "raw material"]
    static var count: Int { names.count }
    /// Fraction of suppliers in each tier.
    static let sizeFractions = [0.04, 0.10, 0.20, 0.28, 0.38]
    /// Countries of brands (the federal contracts' vendors).
    static let brandCountries = ["US", "US", "US", "US", "US", "GB", "DE", "FR", "JP", "CA", "NL", "SE", "IT", "KR"]

    /// Where a link from a buyer of each tier goes, as tier offsets with probabilities:
    /// mostly one tier down, some skips, a few lateral (processors buying from processors) and
    /// a few back up, which close cycles. Raw-material suppliers buy nothing (except when more
    /// links are requested than the tiers above can hold).
    static let targets: [[(offset: Int, probability: Double)]] = [
        [(1, 0.86), (2, 0.11), (3, 0.03)],
        [(1, 0.85), (2, 0.10), (3, 0.03), (-1, 0.02)],
        [(1, 0.85), (2, 0.12), (-1, 0.03)],
        [(1, 0.85), (0, 0.12), (-1, 0.03)],
        [(-1, 1.0)],
    ]
    /// Probability that a link stays within the buyer's product family.
    static let sameFamily = 0.92
    /// Probability that a supplier of tiers 2–4 sits in a country the DOL list names for its good.
    static let listedCountryProbability = [0.0, 0.0, 0.20, 0.30, 0.40]
    /// Fraction of suppliers of tiers 2–4 named exactly like a UFLPA Entity List entity.
    static let watchlistFraction = 0.002
    /// Fraction of Chinese processors and raw-material suppliers in the Xinjiang region.
    static let xinjiangFraction = 0.05
}
