import Importers

/// One country × good row of the DOL List of Goods Produced by Child Labor or Forced Labor.
public struct DOLListing: Sendable, Hashable {
    public var alpha2: String
    public var goodID: String
    /// DOL's exact name of the good.
    public var dolGood: String
    public var forcedLabor: Bool
    public var childLabor: Bool
    /// Made with an input produced with child or forced labor (e.g. solar modules from polysilicon).
    public var derived: Bool
    /// Country of the tainted input, for derived goods.
    public var derivedInputAlpha2: String?
    /// The row's line in `dol_goods_2022.csv`.
    public var line: Int

    /// "forced and child labor", "forced labor", "child labor" or "made with inputs produced
    /// with forced or child labor (input from CN)".
    public var finding: String {
        switch (forcedLabor, childLabor) {
        case (true, true): "forced and child labor"
        case (true, false): "forced labor"
        case (false, true): "child labor"
        case (false, false):
            "made with inputs produced with forced or child labor" + (derivedInputAlpha2.map { " (input from \($0))" } ?? "")
        }
    }
}

/// The DOL TVPRA list (`Datasets/reference/dol_goods_2022.csv`), by country and good.
public struct DOLGoodsList: Sendable {
    /// The edition the shipped table holds.
    public static let edition = "DOL List of Goods Produced by Child Labor or Forced Labor, 2022 edition"
    private var rows: [String: DOLListing] = [:]
    /// All rows, in table order.
    public private(set) var listings: [DOLListing] = []

    /// - Parameter records: `alpha2,good_id,dol_good,sector,forced_labor,child_labor,forced_child_labor,derived,derived_input_alpha2`.
    init(records: [CSVRecord]) {
        for record in records.dropFirst() where record.fields.count >= 9 {
            let f = record.fields
            let listing = DOLListing(
                alpha2: f[0], goodID: f[1], dolGood: f[2], forcedLabor: f[4] == "true", childLabor: f[5] == "true",
                derived: f[7] == "true", derivedInputAlpha2: f[8].isEmpty ? nil : f[8], line: record.line)
            rows[f[0] + "|" + f[1]] = listing
            listings.append(listing)
        }
    }

    /// The listing of `goodID` from `alpha2`, if the good is on the list for that country.
    public func listing(alpha2: String, goodID: String) -> DOLListing? { rows[alpha2 + "|" + goodID] }
}
