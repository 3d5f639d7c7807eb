import Benchmark
import BenchmarkSupport
import Synchronization
import SupplyGraph

/// Graph sizes (links) measured by default; 10^8 links is the compare script's `--huge`.
let sizes = [10_000, 100_000, 1_000_000, 10_000_000]

/// Synthetic graphs built once per process, outside the measurements.
final class GraphCache: Sendable {
    private let graphs = Mutex<[Int: (SyntheticGraph, SupplyGraph)]>([:])

    func graph(links: Int) -> (SyntheticGraph, SupplyGraph) {
        graphs.withLock { cache in
            if let hit = cache[links] { return hit }
            let synthetic = SyntheticGraph(nodes: max(100, links * 10 / 104), links: links, seed: 42)
            let graph = SupplyGraphBuilder.build(nodeCount: synthetic.nodeCount, links: synthetic.links).graph
            cache[links] = (synthetic, graph)
            return (synthetic, graph)
        }
    }
}

let cache = GraphCache()

/// Link·rounds per second of the last measured run, as a custom metric.
let linkRoundsPerSecond = BenchmarkMetric.custom("link_rounds_per_s", polarity: .prefersLarger, useScalingFactor: false)

func label(_ links: Int) -> String {
    links >= 1_000_000 ? "\(links / 1_000_000)M" : "\(links / 1_000)k"
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, linkRoundsPerSecond],
        warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 10)

    for links in sizes {
        Benchmark("propagation K=6 \(label(links)) links") { benchmark in
            let (synthetic, graph) = cache.graph(links: links)
            let parameters = PropagationParameters(tiers: 6, decay: 0.8)
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let start = clock.now
            for _ in benchmark.scaledIterations {
                blackHole(TierPropagation.run(graph: graph, risk: synthetic.risk, marked: synthetic.marked, parameters: parameters))
            }
            let elapsed = clock.now - start
            benchmark.stopMeasurement()
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let rounds = Double(graph.linkCount * 5 * benchmark.scaledIterations.count)
            benchmark.measurement(linkRoundsPerSecond, Int(rounds / seconds))
        }

        Benchmark("graph build \(label(links)) links") { benchmark in
            let (synthetic, _) = cache.graph(links: links)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(SupplyGraphBuilder.build(nodeCount: synthetic.nodeCount, links: synthetic.links))
            }
            benchmark.stopMeasurement()
        }
    }
}
