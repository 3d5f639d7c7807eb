import SupplyChainModel

/// A contract record read in place by the rules: each property copies one field, so a rule
/// retains only the strings it reads (see ``ReviewRules/flags(for:vendor:)``). Valid while the
/// record it points to is.
struct ContractFields {
    let record: UnsafePointer<Contract>

    init(_ record: UnsafePointer<Contract>) { self.record = record }

    var amount: Double? { record.pointee.amount }
    var potentialValue: Double? { record.pointee.potentialValue }
    var currency: String { record.pointee.currency }
    var agency: String? { record.pointee.agency }
    var fundingAgency: String? { record.pointee.fundingAgency }
    var psc: String? { record.pointee.psc }
    var naics: String? { record.pointee.naics }
    var description: String? { record.pointee.description }
    var productOrServiceType: String? { record.pointee.productOrServiceType }

    /// The bits of an optional text field of the record, at `offset` (one of the offsets below).
    func bits(at offset: Int) -> (UInt64, UInt64) {
        StoredBitsCache<String?, Never>.bits(at: UnsafeRawPointer(record) + offset)
    }

    /// The optional text field of the record at `offset` (one of the offsets below).
    func text(at offset: Int) -> String? {
        UnsafeRawPointer(record).load(fromByteOffset: offset, as: String?.self)
    }

    /// What `compute` makes of the text field at `offset`: from `cache` when the field's bits
    /// were met lately, else computed and stored there (a nil result is not stored).
    ///
    /// Always inlined: a closure that captures the rules' value would otherwise copy it (and
    /// retain everything it holds) on every call.
    @inline(__always)
    func recent<Value>(_ cache: inout StoredBitsCache<String?, Value>, at offset: Int, _ compute: (String?) -> Value?) -> Value? {
        let bits = bits(at: offset)
        let slot = cache.slot(for: bits)
        if let known = cache.value(for: bits, in: slot) { return known }
        let text = text(at: offset)
        guard let value = compute(text) else { return nil }
        cache.store(value, for: bits, of: text, in: slot)
        return value
    }

    static let awardDate = MemoryLayout<Contract>.offset(of: \Contract.awardDate)!
    static let agency = MemoryLayout<Contract>.offset(of: \Contract.agency)!
    static let fundingAgency = MemoryLayout<Contract>.offset(of: \Contract.fundingAgency)!
    static let countryOfOrigin = MemoryLayout<Contract>.offset(of: \Contract.countryOfOrigin)!
    static let placeOfPerformance = MemoryLayout<Contract>.offset(of: \Contract.placeOfPerformance)!
    static let vendorCountry = MemoryLayout<Contract>.offset(of: \Contract.vendorCountry)!
}

/// The facts several contract rules read, computed once per contract.
struct ContractFacts {
    /// ``ReviewRules/goods(of:)``.
    var goods: [ReviewRules.NamedGood]
    /// ``ReviewRules/countries(of:)``.
    var countries: [ReviewRules.NamedCountry]
    /// ``ReviewRules/isSupplies(_:)``.
    var isSupplies: Bool
}

/// What the review rules compute once per run and reuse across contracts: the terms of each
/// vendor (``VendorTerms``), and everything that depends only on a few distinct texts (country
/// names, PSC, NAICS and description, agencies, award dates), down to the finished parts of the
/// flag messages (``FactTerms``, ``DateTerms``). Contracts repeat these texts many times, so a
/// look-up replaces the text processing and the message writing.
///
/// Each text table stops growing at ``capacity`` entries, so that input with mostly distinct
/// values (free-text descriptions) costs no more memory than a bounded table.
///
/// Not thread-safe: one ``ReviewRules`` value checks the contracts of a run in sequence.
final class RuleMemo {
    /// The most entries a text table keeps.
    static let capacity = 1 << 16

    /// The inputs ``ReviewRules/goods(of:)`` reads.
    struct GoodsKey: Hashable {
        var psc: String?
        var naics: String?
        var description: String?
    }

    /// The inputs ``ReviewRules/isSupplies(_:)`` reads.
    struct SuppliesKey: Hashable {
        var productOrServiceType: String?
        var psc: String?
    }

    /// ``ReviewRules/switches()``, once read.
    var switches: RuleSwitches?
    /// The rule terms of each vendor node, once computed (empty until first use).
    var vendorTerms: [VendorTerms?] = []
    /// Goods of a PSC, NAICS and description (``goodsLists`` index) and the goods lists.
    var goodsIDs: [GoodsKey: Int32] = [:]
    var goodsLists: [[ReviewRules.NamedGood]] = []
    /// Country texts (``countryTable`` index) and what they resolve to.
    var countryIDs: [String: Int32] = [:]
    var countryTable: [Country?] = []
    /// The terms of the goods and countries a contract names.
    var factTerms: [FactTerms.Key: FactTerms] = [:]
    /// The terms of an award date.
    var dateTerms: [String?: DateTerms] = [:]
    /// The terms of the award dates met last, by the bits of the stored date: a hit neither
    /// hashes nor compares the text.
    var recentDates = StoredBitsCache<String?, DateTerms>(slots: 4096)
    /// The country ids and DoD answers of the country and agency texts met last, likewise.
    var recentCountries = StoredBitsCache<String?, Int32>(slots: 256)
    var recentAgencies = StoredBitsCache<String?, Bool>(slots: 64)
    var supplies: [SuppliesKey: Bool] = [:]
    var dod: [String: Bool] = [:]
}

extension ReviewRules {
    /// ``isSupplies(_:)``, memoised by product-or-service type and PSC.
    func isSuppliesMemoised(_ contract: ContractFields) -> Bool {
        let key = RuleMemo.SuppliesKey(productOrServiceType: contract.productOrServiceType, psc: contract.psc)
        if let known = memo.supplies[key] { return known }
        let supplies = Self.isSupplies(contract.record.pointee)
        if memo.supplies.count < RuleMemo.capacity { memo.supplies[key] = supplies }
        return supplies
    }

    /// ``isDoDMemoised(_:)`` of the agency text stored at `offset` of the record, from the
    /// recent agencies when its bits were met lately.
    func isDoDMemoised(_ contract: ContractFields, at offset: Int) -> Bool {
        contract.recent(&memo.recentAgencies, at: offset) { isDoDMemoised($0) }!
    }

    /// ``isDoD(_:)``, memoised by agency text.
    func isDoDMemoised(_ agency: String?) -> Bool {
        guard let agency else { return false }
        if let known = memo.dod[agency] { return known }
        let dod = Self.isDoD(agency)
        if memo.dod.count < RuleMemo.capacity { memo.dod[agency] = dod }
        return dod
    }

    /// The position of a rule in ``RuleID/allCases`` (the tie-break of the flag order).
    static func order(of rule: RuleID) -> Int {
        switch rule {
        case .entity: 0
        case .exposure: 1
        case .goods: 2
        case .compliancePlan: 3
        case .eo13126: 4
        case .dfars: 5
        case .unmapped: 6
        }
    }
}
