import Foundation
import SupplyChainModel

/// Finds a contract's vendor among the suppliers: by supplier id, then UEI, then DUNS number
/// (see ``dunsKey(_:)``), then exact name (compared without case, punctuation or extra spaces;
/// a name without letters or digits matches nothing). Fuzzy matching is not used here: a wrong
/// vendor would be a silent wrong answer.
struct VendorResolver {
    private var byUEI: [String: Int] = [:]
    private var byDUNS: [String: Int] = [:]
    /// Built on the first look-up by name: most contracts name their vendor by id or UEI.
    private var byName: [String: Int]?
    /// The suppliers (in file order, the one used first) of a UEI or a normalised name that
    /// more than one supplier has; only such keys are here.
    private var sharedUEIs: [String: [Int]] = [:]
    private var sharedDUNS: [String: [Int]] = [:]
    private var sharedNames: [String: [Int]] = [:]
    private let suppliers: [Supplier]
    private let network: SupplyNetwork

    init(suppliers: [Supplier], network: SupplyNetwork) {
        self.network = network
        self.suppliers = suppliers
        // By index: iterating the suppliers would copy every record (and its strings).
        byUEI.reserveCapacity(suppliers.count)
        for index in suppliers.indices {
            if let uei = suppliers[index].uei.map(Self.uppercased) { Self.add(uei, index, to: &byUEI, shared: &sharedUEIs) }
            if let duns = suppliers[index].duns.flatMap(Self.dunsKey) { Self.add(duns, index, to: &byDUNS, shared: &sharedDUNS) }
        }
    }

    /// Indexes `key` of supplier `index`: the first supplier with a key is the one used, and a
    /// key that several have lists them all in `shared`.
    private static func add(_ key: String, _ index: Int, to first: inout [String: Int], shared: inout [String: [Int]]) {
        if let known = first[key] {
            shared[key, default: [known]].append(index)
        } else {
            first[key] = index
        }
    }

    /// Whether some UEI, DUNS number or name (of those looked up so far) belongs to several
    /// suppliers.
    var hasSharedKeys: Bool { !sharedUEIs.isEmpty || !sharedDUNS.isEmpty || !sharedNames.isEmpty }

    /// The suppliers that all fit the vendor a contract was resolved to by UEI or name, when
    /// there are several (the first is the one used); nil when the vendor is the only one.
    func suppliersSharing(_ match: VendorMatch, vendorUEI: String?, vendorDUNS: String?, vendorName: String?) -> [Int]? {
        switch match {
        case .uei: sharedUEIs.isEmpty ? nil : vendorUEI.flatMap { sharedUEIs[Self.uppercased($0)] }
        case .duns: sharedDUNS.isEmpty ? nil : vendorDUNS.flatMap(Self.dunsKey).flatMap { sharedDUNS[$0] }
        case .name: sharedNames.isEmpty ? nil : vendorName.flatMap { sharedNames[Self.normalise($0)] }
        case .id, .none: nil
        }
    }

    /// The vendor by id, UEI or DUNS number, the look-ups that need no lazily built index (so
    /// slices of the contracts can be resolved at the same time); nil when none finds it.
    func resolveDirectly(_ contract: Contract) -> (Int, VendorMatch)? {
        resolveDirectly(vendorID: contract.vendorID, vendorUEI: contract.vendorUEI, vendorDUNS: contract.vendorDUNS)
    }

    /// ``resolveDirectly(_:)`` from the fields it reads (a caller reading contracts in place
    /// then copies three strings, not the whole record).
    func resolveDirectly(vendorID: String?, vendorUEI: String?, vendorDUNS: String?) -> (Int, VendorMatch)? {
        if let id = vendorID, let index = network.index(of: id) { return (index, .id) }
        if let uei = vendorUEI.map(Self.uppercased), let index = byUEI[uei] { return (index, .uei) }
        if !byDUNS.isEmpty, let duns = vendorDUNS.flatMap(Self.dunsKey), let index = byDUNS[duns] { return (index, .duns) }
        return nil
    }

    /// A DUNS number as compared: its nine digits, without the dashes, spaces or dots it may be
    /// written with, the zeros a spreadsheet dropped from its front put back (`12345678` is
    /// `012345678`), and the four digits of a DUNS+4 dropped; nil for anything else (letters,
    /// or another number of digits).
    static func dunsKey(_ text: String) -> String? {
        var digits: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "."): continue
            default: return nil
            }
        }
        if digits.count == 13 { digits.removeLast(4) }
        guard (1...9).contains(digits.count), digits.contains(where: { $0 != UInt8(ascii: "0") }) else { return nil }
        return String(decoding: Array(repeating: UInt8(ascii: "0"), count: 9 - digits.count) + digits, as: UTF8.self)
    }

    mutating func resolve(_ contract: Contract) -> (Int?, VendorMatch) {
        if let (index, match) = resolveDirectly(contract) { return (index, match) }
        return resolve(vendorName: contract.vendorName)
    }

    /// The vendor by exact name (the index is built on first use), for a contract that
    /// ``resolveDirectly(_:)`` did not resolve.
    mutating func resolve(vendorName name: String?) -> (Int?, VendorMatch) {
        if let name {
            if byName == nil {
                var index: [String: Int] = [:]
                // By index, first supplier of a name kept: iterating would copy every record.
                for position in suppliers.indices {
                    let key = Self.normalise(suppliers[position].name)
                    // A name without letters or digits ("-", "N/A" is not one) says nothing.
                    guard !key.isEmpty else { continue }
                    if let first = index[key] {
                        sharedNames[key, default: [first]].append(position)
                    } else {
                        index[key] = position
                    }
                }
                byName = index
            }
            // A name without letters or digits ("???", "—") names no one: it would find
            // every such supplier.
            let key = Self.normalise(name)
            if !key.isEmpty, let index = byName![key] { return (index, .name) }
        }
        return (nil, .none)
    }

    /// `text.uppercased()`; UEIs are nearly always written in upper case already, and then
    /// returned as they are.
    static func uppercased(_ text: String) -> String {
        text.utf8.contains(where: { $0 >= 0x61 }) ? text.uppercased() : text
    }

    static func describe(_ contract: Contract) -> String {
        [contract.vendorID.map { "id '\($0)'" }, contract.vendorUEI.map { "UEI '\($0)'" }, contract.vendorDUNS.map { "DUNS '\($0)'" },
         contract.vendorName.map { "name '\($0)'" }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    static func normalise(_ name: String) -> String {
        // ASCII names (most) without Foundation: lowercase letters and digits, one space between runs.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            var pendingSpace = false
            for byte in name.utf8 {
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                    if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(lower)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }
}
