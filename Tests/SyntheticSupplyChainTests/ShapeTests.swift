import Importers
import SupplyChainModel
import SyntheticSupplyChain
import Testing

/// Shape properties of a graph of about 20,000 links.
@Suite("Generator: the graph is shaped like a supply chain")
struct ShapeTests {
    struct Graph {
        var layout: SupplierLayout
        var edges: [(buyer: Int, supplier: Int, share: Double)]
    }

    static let graph: Graph = {
        let files = try! GeneratedFiles(GeneratorOptions(suppliers: 2_000, links: 20_000, contracts: 100, seed: 2026))
        let links = try! NativeCSVImporter.links(path: files.linksPath)
        return Graph(
            layout: files.summary.layout,
            edges: links.records.map { (SupplierLayout.index(of: $0.buyerID)!, SupplierLayout.index(of: $0.supplierID)!, $0.share!) })
    }()

    @Test func about85PercentOfLinksGoOneTierDownSomeSkipSomeGoUp() {
        let g = Self.graph
        var down = 0, skip = 0, up = 0
        for e in g.edges {
            let d = g.layout.tier(of: e.supplier) - g.layout.tier(of: e.buyer)
            if d == 1 { down += 1 } else if d > 1 { skip += 1 } else if d < 0 { up += 1 }
        }
        let fraction = Double(down) / Double(g.edges.count)
        #expect((0.80...0.90).contains(fraction), "one tier down: \(fraction)")
        #expect(skip > g.edges.count / 20 && up > 0 && up < g.edges.count / 10, "skips \(skip), up \(up)")
    }

    @Test func linksBackUpCloseCycles() {
        // Kahn's algorithm: a graph with a cycle cannot be emptied.
        let g = Self.graph
        var indegree = [Int](repeating: 0, count: g.layout.count)
        var out = [[Int]](repeating: [], count: g.layout.count)
        for e in g.edges {
            out[e.buyer].append(e.supplier)
            indegree[e.supplier] += 1
        }
        var stack = indegree.indices.filter { indegree[$0] == 0 }
        var removed = 0
        while let v = stack.popLast() {
            removed += 1
            for w in out[v] {
                indegree[w] -= 1
                if indegree[w] == 0 { stack.append(w) }
            }
        }
        #expect(removed < g.layout.count)
    }

    @Test func sharesAreFractionsAndRowSumsLieBetween06And1() {
        var sums: [Int: Double] = [:]
        for e in Self.graph.edges {
            #expect(e.share > 0 && e.share <= 1)
            sums[e.buyer, default: 0] += e.share
        }
        let outside = sums.values.filter { $0 < 0.6 - 1e-9 || $0 > 1 + 1e-9 }
        #expect(outside.isEmpty, "\(outside.prefix(5))")
    }

    @Test func noSelfLinksAndNoRepeatedPairs() {
        let g = Self.graph
        #expect(g.edges.count == 20_000)
        #expect(!g.edges.contains { $0.buyer == $0.supplier })
        #expect(Set(g.edges.map { $0.buyer * g.layout.count + $0.supplier }).count == g.edges.count)
    }

    @Test func degreesAreHeavyTailed() {
        let g = Self.graph
        var outDegree: [Int: Int] = [:], inDegree: [Int: Int] = [:]
        for e in g.edges {
            outDegree[e.buyer, default: 0] += 1
            inDegree[e.supplier, default: 0] += 1
        }
        let meanOut = Double(g.edges.count) / Double(outDegree.count)
        let meanIn = Double(g.edges.count) / Double(inDegree.count)
        #expect(Double(outDegree.values.max()!) > 8 * meanOut, "max out \(outDegree.values.max()!), mean \(meanOut)")
        #expect(Double(inDegree.values.max()!) > 8 * meanIn, "max in \(inDegree.values.max()!), mean \(meanIn)")
    }
}
