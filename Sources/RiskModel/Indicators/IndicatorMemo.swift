/// What ``IndicatorModel`` works out once per distinct value in a run: suppliers repeat a
/// few country texts and goods lists many times, and the indicators that depend only on them
/// are the same each time. Each table stops growing at ``capacity`` entries, so that input with
/// mostly distinct values (free-text goods) costs no more memory than a bounded table.
struct IndicatorMemo {
    /// The most entries a table keeps.
    static let capacity = 1 << 16

    /// The inputs of ``IndicatorModel/countryIndicators(goods:country:)``.
    struct CountryKey: Hashable {
        var goods: [String]
        var alpha2: String
    }

    /// Name matches and normalised words of supplier names, for the watchlist matcher.
    var nameMatches = NameMatchMemo()
    private var countries: [String: Country?] = [:]
    private var countryIndicators: [CountryKey: [Indicator]] = [:]
    private var unknownCountry: [String?: Indicator] = [:]

    /// ``CountryDirectory/resolve(_:)``, once per text.
    mutating func country(named text: String, in directory: CountryDirectory) -> Country? {
        if let known = countries[text] { return known }
        let country = directory.resolve(text)
        if countries.count < Self.capacity { countries[text] = country }
        return country
    }

    /// `make(goods, country)`, once per goods list and country.
    mutating func countryIndicators(goods: [String], country: Country, make: ([String], Country) -> [Indicator]) -> [Indicator] {
        let key = CountryKey(goods: goods, alpha2: country.alpha2)
        if let known = countryIndicators[key] { return known }
        let indicators = make(goods, country)
        if countryIndicators.count < Self.capacity { countryIndicators[key] = indicators }
        return indicators
    }

    /// `make(written)`, once per written country (nil: none given).
    mutating func unknownCountryIndicator(written: String?, make: (String?) -> Indicator) -> Indicator {
        if let known = unknownCountry[written] { return known }
        let indicator = make(written)
        if unknownCountry.count < Self.capacity { unknownCountry[written] = indicator }
        return indicator
    }
}
