import Testing
@testable import RiskModel
import SupplyChainModel

/// Scores one supplier with the embedded reference data and the default settings.
func score(
    _ supplier: Supplier, watchlists: [WatchlistEntry] = [], decisions: MatchDecisions = MatchDecisions(),
    countryRisk: CountryRiskTable? = nil, settings: IndicatorSettings = IndicatorSettings()
) -> IntrinsicRisk {
    let reference = ReferenceData.embedded
    let matcher = WatchlistMatcher(
        entities: reference.uflpa + watchlists.map(ListedEntity.init(userEntry:)), parameters: MatchingParameters(),
        decisions: decisions, countries: reference.countries)
    return IndicatorModel(reference: reference, settings: settings, matcher: matcher, countryRisk: countryRisk).assess(supplier)
}

func supplier(
    _ name: String = "Plain Widgets Ltd", country: String? = nil, region: String? = nil, goods: [String] = [], address: String? = nil,
    lei: String? = nil, risk: Double? = nil, id: String = "S1"
) -> Supplier {
    Supplier(id: id, name: name, country: country, region: region, goods: goods, address: address, lei: lei, riskOverride: risk, location: .init(file: "s.csv", line: 2))
}

@Suite("Intrinsic-risk indicators")
struct IndicatorTests {
    /// One indicator on its own: r = weight × value (TIP weight 0.3, unknown country 0.2).
    @Test(arguments: [
        ("CN", Indicator.Kind.tipPlacement, 0.3 * 1.0),     // Tier 3
        ("HT", .tipPlacement, 0.3 * 0.8),                   // Special Case (2025)
        ("CD", .tipPlacement, 0.3 * 0.5),                   // Tier 2 Watch List
        ("MY", .tipPlacement, 0.3 * 0.2),                   // Tier 2
        ("India", .tipPlacement, 0.3 * 0.2),                // not placed in the partial 2025 table: Tier 1 or 2
        ("US", .tipPlacement, 0.3 * 0.05),                  // Tier 1
        ("Narnia", .unknownCountry, 0.2),
    ])
    func countryIndicatorAlone(country: String, kind: Indicator.Kind, expected: Double) {
        let risk = score(supplier(country: country))
        #expect(risk.indicators.map(\.kind) == [kind])
        #expect(abs(risk.value - expected) < 1e-12)
        #expect(!risk.isHardFlag && risk.basis == .indicators)
    }

    @Test func missingCountryIsUnknownNotZero() {
        let risk = score(supplier(country: nil))
        #expect(risk.indicators.map(\.kind) == [.unknownCountry])
        #expect(risk.value == 0.2)
        #expect(risk.indicators[0].reason.contains("no country given"))
    }

    /// DOL goods with TIP, by hand: r = 1 − (1 − 0.5·v_dol)(1 − 0.3·v_tip).
    @Test(arguments: [
        ("CN", "cotton", 1.0, 1.0, "cotton"),                                 // forced and child labor; Tier 3
        ("CN", "thread/yarn", 0.8, 1.0, "thread-yarn"),                       // forced labor
        ("CD", "cobalt ore (heterogenite)", 0.5, 0.5, "cobalt-ore"),          // child labor; T2WL
        ("MY", "nitrile gloves", 0.8, 0.2, "rubber-gloves"),                  // synonym of rubber gloves; Tier 2
        ("CN", "solar modules", 0.5, 1.0, "solar-modules"),                   // derived from CN polysilicon
        ("CD", "tin ore (cassiterite)", 1.0, 0.5, "tin-ore"),
        ("IN", "Combed Yarn", 1.0, 0.2, "thread-yarn"),                       // head word "yarn"; IN not placed in 2025
        ("IN", "cotton yarn", 0.5, 0.2, "cotton"),                            // a cotton synonym; IN cotton: child labor
    ])
    func dolGoodsWithTIP(country: String, good: String, dolValue: Double, tipValue: Double, goodID: String) {
        let risk = score(supplier(country: country, goods: [good]))
        let dol = risk.indicators.first { $0.kind == .dolGoods }
        #expect(dol != nil, "\(good) from \(country) should be on the DOL list")
        #expect(dol?.source.contains("dol_goods_2022.csv") == true && dol?.source.contains("\(country)/\(goodID)") == true)
        #expect(dol?.source.contains("2022 edition") == true)
        let expected = 1 - (1 - 0.5 * (dol?.value ?? -1)) * (1 - 0.3 * tipValue)
        #expect(abs(risk.value - expected) < 1e-12)
        #expect(dol?.value == dolValue)
    }

    @Test func goodsNotListedForTheCountryAddNothing() {
        // Cotton is on the list for CN, not for the US.
        #expect(score(supplier(country: "US", goods: ["cotton"])).indicators.map(\.kind) == [.tipPlacement])
        // Unknown goods add nothing either.
        #expect(score(supplier(country: "CN", goods: ["management consulting"])).indicators.map(\.kind) == [.tipPlacement])
    }

    @Test func severalListedGoodsDoNotCompound() {
        let risk = score(supplier(country: "CN", goods: ["cotton", "thread/yarn", "garments"]))
        let dol = risk.indicators.filter { $0.kind == .dolGoods }
        #expect(dol.count == 1 && dol[0].value == 1.0)
        #expect(dol[0].reason.contains("Cotton") && dol[0].reason.contains("Thread/Yarn") && dol[0].reason.contains("Garments"))
        #expect(abs(risk.value - 0.65) < 1e-12)
    }

    /// The presumption region needs China context: the country, or "China" in the text.
    @Test(arguments: [
        ("CN", "XUAR", nil, true), ("China", "Xinjiang Uyghur Autonomous Region", nil, true), ("CHN", "Xinjiang", nil, true),
        ("CN", "Xinjiang Uighur Autonomous Region", nil, true), ("CN", nil, "No. 8 Beijing Road, Ürümqi 830000", true),
        ("CN", "Aksu Prefecture", nil, true), (nil, "Xinjiang", nil, true), (nil, nil, "Urumqi, Xinjiang, China", true),
        (nil, nil, "新疆维吾尔自治区乌鲁木齐市", true),
        // Not: a place name without China context, another country, a word inside another word.
        (nil, "Aksu", nil, false), ("KZ", "Aral", nil, false), ("TR", "Aksu", nil, false), ("US", "Xinjiang", nil, false),
        ("CN", "Jiangsu", nil, false), ("CN", "Hamilton", nil, false), ("CN", "Guangdong", "Xinjiang Road, Shenzhen", true),
    ] as [(String?, String?, String?, Bool)])
    func presumptionRegion(country: String?, region: String?, address: String?, hard: Bool) {
        let risk = score(supplier(country: country, region: region, address: address))
        #expect(risk.isHardFlag == hard)
        if hard {
            #expect(risk.value == 1 && risk.basis == .hardFlag)
            #expect(risk.hardFlagIndicator?.kind == .presumptionRegion)
            #expect(risk.hardFlagIndicator?.source.contains("presumption_regions.csv:") == true)
        }
    }

    @Test func watchlistMatchIsAHardFlag() {
        let risk = score(supplier("Xinjiang Junggar Cotton & Linen Co., Ltd.", country: "CN", goods: ["cotton"]))
        #expect(risk.isHardFlag && risk.value == 1 && risk.basis == .hardFlag)
        let indicator = risk.hardFlagIndicator!
        #expect(indicator.kind == .watchlistMatch && indicator.weight == 1 && indicator.value == 1)
        #expect(indicator.reason.contains("UFLPA Entity List entry UFLPA-0007"))
        #expect(indicator.source.contains("DHS UFLPA Entity List") && indicator.source.contains("133 of 144") && indicator.source.contains("uflpa_entities.csv:"))
    }

    @Test func possibleMatchIsWeightedNotHard() {
        // "Huafu Fashion Trading" is close to, not the same as, "Huafu Fashion Co., Ltd." (UFLPA-0111).
        let risk = score(supplier("Huafu Fashion Trading", country: "US"))
        let possible = risk.indicators.first { $0.kind == .watchlistPossibleMatch }
        #expect(!risk.isHardFlag)
        #expect(possible != nil && possible!.weight == 0.5)
        let expected = 1 - (1 - 0.5 * possible!.value) * (1 - 0.3 * 0.05)
        #expect(abs(risk.value - expected) < 1e-12)
        #expect(risk.matches.first?.entryID == "UFLPA-0111" && risk.matches.first?.strength == .possible)
    }

    @Test func nonHardListMatchIsWeighted() {
        let entry = WatchlistEntry(id: "W-1", name: "Nordwind Textil Handels GmbH", list: "Audit watchlist", isHardFlag: false)
        let risk = score(supplier("Nordwind Textil Handels GmbH", country: "DE"), watchlists: [entry])
        #expect(!risk.isHardFlag)
        #expect(abs(risk.value - (1 - (1 - 0.7) * (1 - 0.3 * 0.05))) < 1e-12)
    }

    @Test func countryRiskFileIsWeightedIn() {
        let table = CountryRiskTable(scores: [CountryRiskScore(alpha2: "CN", score: 0.6, source: "test index", location: .init(file: "risk.csv", line: 2))])
        let risk = score(supplier(country: "CN", goods: ["cotton"]), countryRisk: table)
        // 1 − (1 − 0.5·1)(1 − 0.3·1)(1 − 0.25·0.6)
        #expect(abs(risk.value - (1 - 0.5 * 0.7 * 0.85)) < 1e-12)
        #expect(risk.indicators.map(\.kind) == [.dolGoods, .tipPlacement, .countryRisk])
        #expect(risk.indicators.last?.source == "risk.csv:2 (test index)")
    }

    @Test func weightsComeFromTheSettings() {
        var settings = IndicatorSettings()
        settings.weights.tip = 0.5
        settings.tip.tier3 = 0.6
        #expect(abs(score(supplier(country: "CN"), settings: settings).value - 0.3) < 1e-12)
    }

    @Test func everyIndicatorExplainsItself() {
        let risk = score(supplier("Aksu Huafu Colour Spinning Co. Ltd", country: "China", region: "Xinjiang", goods: ["thread/yarn"]))
        #expect(risk.indicators.map(\.kind) == [.watchlistMatch, .presumptionRegion, .dolGoods, .tipPlacement])
        for indicator in risk.indicators {
            #expect(!indicator.source.isEmpty && !indicator.reason.isEmpty)
            #expect((0...1).contains(indicator.value) && (0...1).contains(indicator.weight))
        }
    }

    // MARK: Override

    @Test func overrideWinsAndTheReportKeepsTheModelValue() {
        let risk = score(supplier(country: "CN", goods: ["cotton"], risk: 0.2))
        #expect(risk.value == 0.2)
        #expect(abs(risk.modelValue - 0.65) < 1e-12)
        #expect(risk.basis == .override(note: nil, modelValue: risk.modelValue))
        #expect(risk.explanation == "analyst override (model: 0.65)")
    }

    @Test func overrideDoesNotLiftAHardFlag() {
        let risk = score(supplier(country: "CN", region: "XUAR", risk: 0.1))
        #expect(risk.value == 0.1 && risk.modelValue == 1)
        #expect(risk.isHardFlag)
        #expect(risk.explanation.contains("the hard flag stands"))
    }

    // MARK: Noisy-OR

    static let noisyOrCases: [([(Double, Double)], Double)] = {
        let three: Double = 1 - (1 - 0.4) * (1 - 0.06) * (1 - 0.1)
        return [([], 0.0), ([(0.5, 1.0)], 0.5), ([(0.5, 1.0), (0.3, 1.0)], 0.65), ([(0.5, 0.8), (0.3, 0.2), (0.25, 0.4)], three), ([(1, 1), (0.3, 0.5)], 1.0)]
    }()

    /// (weight, value) pairs and the hand-computed noisy-OR.
    @Test(arguments: noisyOrCases)
    func noisyOr(terms: [(Double, Double)], expected: Double) {
        let indicators = terms.map { Indicator(kind: .countryRisk, value: $0.1, weight: $0.0, source: "test", reason: "test") }
        #expect(abs(Indicator.noisyOr(indicators) - expected) < 1e-12)
    }

    @Test func aHardFlagIsOneWhateverTheWeights() {
        let hard = Indicator(kind: .presumptionRegion, value: 1, weight: 1, isHardFlag: true, source: "t", reason: "t")
        let soft = Indicator(kind: .tipPlacement, value: 0.1, weight: 0.1, source: "t", reason: "t")
        #expect(Indicator.noisyOr([soft, hard]) == 1)
    }
}
