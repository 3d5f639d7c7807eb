import Testing
@testable import RiskModel

/// Fourth QA pass: country abbreviations written with dots.
@Suite("QA4: dotted country abbreviations")
struct QA4CountryTests {
    let countries = ReferenceData.embedded.countries

    /// `U.S.A.` was an unknown country (a `warning: [unknown-country]` and the unknown-country
    /// indicator) while `USA` is the United States. A dotted abbreviation now resolves as its
    /// letters do.
    @Test(arguments: [
        ("U.S.A.", "US"), ("U.S.A", "US"), ("u.s.a.", "US"), ("U.S.", "US"), ("U. S. A.", "US"), (" U.S. ", "US"),
        ("U.K.", "GB"), ("P.R.C.", nil), ("C.N.", "CN"), ("R.O.C.", nil),
    ] as [(String, String?)])
    func dottedAbbreviationsResolveAsTheirLetters(text: String, alpha2: String?) {
        let undotted = String(text.filter(\.isLetter))
        #expect(countries.resolve(undotted)?.alpha2 == alpha2, "the undotted form decides")
        #expect(countries.resolve(text)?.alpha2 == alpha2, "\(text)")
    }

    /// No country is invented: dots around letters that name none, or around words, change nothing.
    @Test(arguments: ["X.Y.", "Q.", "U.S.A.B.", "U..S.", "U.S.-A.", ".U.S.", "US.A", "U. S A.", "A.-B."])
    func otherDottedTextStaysUnknown(text: String) {
        #expect(countries.resolve(text) == nil, "\(text)")
    }
}
