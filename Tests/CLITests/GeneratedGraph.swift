import FlriskTestSupport
import Foundation

/// A seeded random supply graph written as the three native CSV files, for runs too large to
/// commit: vendors `V…` and suppliers `S…` in a handful of countries, links drawn uniformly
/// (so the graph has cycles), and contracts on the vendors. Written in blocks, never held whole.
struct GeneratedGraph {
    var suppliers: String
    var links: String
    var contracts: String

    /// `score` arguments naming the three files.
    var arguments: [String] { ["--suppliers", suppliers, "--links", links, "--contracts", contracts] }

    init(in directory: URL, vendors: Int = 200, suppliers count: Int, links linkCount: Int, seed: UInt64 = 42) {
        var random = SeededGenerator(seed: seed)
        let countries = ["US", "CN", "MY", "VN", "BD", "IN", "TR", "DE", "MX", "UZ"]
        let goods = ["cotton", "garments", "polysilicon", "electronics", "gloves", "tomatoes", "steel"]
        func id(_ k: Int) -> String { k < vendors ? "V\(k)" : "S\(k)" }

        suppliers = Self.write(directory.appendingPathComponent("suppliers.csv"), header: "supplier_id,name,country,goods\n", rows: count) { k in
            "\(id(k)),Company \(k),\(countries[Int(random.next() % UInt64(countries.count))]),\(goods[Int(random.next() % UInt64(goods.count))])\n"
        }
        links = Self.write(directory.appendingPathComponent("links.csv"), header: "buyer_id,supplier_id,share,good\n", rows: linkCount) { k in
            let buyer = k < count ? k : Int(random.next() % UInt64(count))
            let supplier = Int(random.next() % UInt64(count))
            let share = Double(random.next() % 1000 + 1) / 1000
            return "\(id(buyer)),\(id(supplier)),\(share),\(goods[Int(random.next() % UInt64(goods.count))])\n"
        }
        contracts = Self.write(directory.appendingPathComponent("contracts.csv"), header: "contract_id,vendor_id,amount,psc,description\n", rows: vendors * 2) { k in
            "C\(k),V\(k % vendors),\(random.next() % 1_000_000 + 1000),8440,Cotton socks lot \(k)\n"
        }
    }

    private static func write(_ url: URL, header: String, rows: Int, _ row: (Int) -> String) -> String {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = FileHandle(forWritingAtPath: url.path)!
        var block = header
        for k in 0..<rows {
            block += row(k)
            if block.utf8.count > 1 << 20 {
                handle.write(Data(block.utf8))
                block = ""
            }
        }
        handle.write(Data(block.utf8))
        try! handle.close()
        return url.path
    }
}
