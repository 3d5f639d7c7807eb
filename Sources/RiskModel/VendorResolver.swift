import Foundation
import SupplyChainModel

/// Finds a contract's vendor among the suppliers: by supplier id, then UEI, then exact name
/// (compared without case, punctuation or extra spaces). Fuzzy matching is not used here: a
/// wrong vendor would be a silent wrong answer.
struct VendorResolver {
    private var byUEI: [String: Int] = [:]
    private var byName: [String: Int] = [:]
    private let network: SupplyNetwork

    init(suppliers: [Supplier], network: SupplyNetwork) {
        self.network = network
        for (index, supplier) in suppliers.enumerated() {
            if let uei = supplier.uei?.uppercased(), byUEI[uei] == nil { byUEI[uei] = index }
            let name = Self.normalise(supplier.name)
            if byName[name] == nil { byName[name] = index }
        }
    }

    func resolve(_ contract: Contract) -> (Int?, VendorMatch) {
        if let id = contract.vendorID, let index = network.index(of: id) { return (index, .id) }
        if let uei = contract.vendorUEI?.uppercased(), let index = byUEI[uei] { return (index, .uei) }
        if let name = contract.vendorName, let index = byName[Self.normalise(name)] { return (index, .name) }
        return (nil, .none)
    }

    static func describe(_ contract: Contract) -> String {
        [contract.vendorID.map { "id '\($0)'" }, contract.vendorUEI.map { "UEI '\($0)'" }, contract.vendorName.map { "name '\($0)'" }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    static func normalise(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }
}
