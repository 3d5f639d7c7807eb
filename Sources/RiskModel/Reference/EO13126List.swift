import Importers

/// One product × country row of the EO 13126 list.
public struct EO13126Listing: Sendable, Hashable {
    public var goodID: String
    /// The list's name of the product.
    public var product: String
    public var alpha2: String
    /// `current` or `unconfirmed` (removed rows are not kept).
    public var status: String
    /// The row's line in `eo13126_products.csv`.
    public var line: Int
}

/// The DOL List of Products Produced by Forced or Indentured Child Labor (Executive Order
/// 13126, `Datasets/reference/eo13126_products.csv`), by good and country. Rows marked
/// `removed` are left out.
public struct EO13126List: Sendable {
    public static let edition = "EO 13126 list of products, as of 2024-09-05 (partial)"
    private var rows: [String: EO13126Listing] = [:]

    /// - Parameter records: `good_id,product,alpha2,status,date_added,date_removed,source,notes`.
    init(records: [CSVRecord]) {
        for record in records.dropFirst() where record.fields.count >= 4 && record.fields[3] != "removed" {
            let f = record.fields
            rows[f[2] + "|" + f[0]] = EO13126Listing(goodID: f[0], product: f[1], alpha2: f[2], status: f[3], line: record.line)
        }
    }

    /// The listing of `goodID` from `alpha2`, when the product is on the list for that country.
    public func listing(alpha2: String, goodID: String) -> EO13126Listing? { rows[alpha2 + "|" + goodID] }
}
