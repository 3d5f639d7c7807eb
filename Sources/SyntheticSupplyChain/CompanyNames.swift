/// Word lists for plausible company names: "<prefix> <family word> <legal suffix>", with the
/// legal form of the supplier's country ("Co., Ltd." in China, "Sdn. Bhd." in Malaysia, …).
/// Chosen to avoid the place names of the UFLPA Entity List, so that only the deliberate
/// watchlist suppliers match it.
enum CompanyNames {
    static let prefixes = [
        "Golden", "Harbor", "Evergreen", "Pacific", "Summit", "Silver", "Eastern", "Northern", "Bright", "Grand",
        "United", "Star", "Prime", "Royal", "Blue River", "Greenfield", "Sunrise", "Lotus", "Crown", "Horizon",
        "Jade", "Oakridge", "Phoenix", "Delta", "Orient", "Apex", "Unity", "Everbright", "Riverside", "Highland",
        "Coastal", "Meridian", "Pinnacle", "Heritage", "Liberty", "Keystone", "Cedar", "Falcon", "Atlas", "Vista",
    ]

    /// The legal suffix used for companies of a country.
    static func suffix(alpha2: String) -> String {
        switch alpha2 {
        case "CN", "JP", "KR", "TW", "TH": "Co., Ltd."
        case "VN": "Company Limited"
        case "MY": "Sdn. Bhd."
        case "IN", "PK", "LK", "BD": "Pvt. Ltd."
        case "US", "CA", "PH": "Inc."
        case "DE", "AT", "CH": "GmbH"
        case "FR": "SAS"
        case "BR": "Ltda."
        case "IT": "S.p.A."
        case "MX": "S.A. de C.V."
        case "TR": "A.S."
        case "NL": "B.V."
        case "SE", "NO", "FI": "AB"
        case "AU", "NZ": "Pty Ltd"
        case "ID": "Tbk"
        default: "Ltd."
        }
    }
}
