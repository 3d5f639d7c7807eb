import Foundation
import Testing

/// The same inputs give byte-identical reports in every format across 20 runs of the binary,
/// with worker counts from 1 to 8 and runs overlapping each other (so the machine is loaded).
@Suite("Determinism under load", .serialized)
struct DeterminismTests {
    static let formats = ["json", "md", "csv", "sarif", "html"]
    static let workerCounts = [1, 2, 3, 4, 5, 6, 7, 8]

    /// Runs `score` 20 times into separate directories and returns each run's reports by file name.
    static func twentyRuns(_ inputs: [String], in scratch: Scratch) throws -> [[String: Data]] {
        let results = Results()
        let root = scratch.url
        DispatchQueue.concurrentPerform(iterations: 20) { run in
            let out = root.appendingPathComponent("run\(run)")
            let workers = workerCounts[run % workerCounts.count]
            do {
                let result = try CLI.run(["score"] + inputs + ["--format"] + formats + ["--output", out.path + "/", "--quiet", "--workers", "\(workers)"])
                guard result.status == 0 else { throw Failure(text: "run \(run) (--workers \(workers)): exit \(result.status): \(result.stderr)") }
                var files: [String: Data] = [:]
                for format in formats {
                    let name = "report.\(format)"
                    files[name] = try Data(contentsOf: out.appendingPathComponent(name))
                }
                results.set(run, files)
            } catch {
                results.fail("\(error)")
            }
        }
        #expect(results.failures.isEmpty, "\(results.failures)")
        return results.runs
    }

    static func expectIdentical(_ runs: [[String: Data]]) {
        #expect(runs.count == 20)
        guard let first = runs.first else { return }
        #expect(first.count == formats.count)
        for (k, run) in runs.enumerated().dropFirst() {
            for (name, bytes) in first {
                #expect(run[name] == bytes, "\(name) of run \(k) (--workers \(workerCounts[k % workerCounts.count])) differs from run 0 (--workers 1)")
            }
        }
    }

    @Test func demoReportsAreByteIdentical() throws {
        let scratch = Scratch()
        Self.expectIdentical(try Self.twentyRuns(CLI.demo, in: scratch))
    }

    /// 5 000 suppliers and 25 000 uniformly drawn links: many cycles, every tier populated.
    /// (Kept small: 20 debug-build runs of 20 000 suppliers took 11 minutes on a loaded 2-core machine.)
    @Test func generatedGraphWithCyclesGivesByteIdenticalReports() throws {
        let scratch = Scratch()
        let graph = GeneratedGraph(in: scratch.url, suppliers: 5_000, links: 25_000, seed: 7)
        Self.expectIdentical(try Self.twentyRuns(graph.arguments, in: scratch))
    }

    struct Failure: Error, CustomStringConvertible {
        var text: String
        var description: String { text }
    }

    /// Reports and failures collected from the concurrent runs.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var byRun: [Int: [String: Data]] = [:]
        private var errors: [String] = []

        func set(_ run: Int, _ files: [String: Data]) { lock.withLock { byRun[run] = files } }
        func fail(_ text: String) { lock.withLock { errors.append(text) } }
        var failures: [String] { lock.withLock { errors } }
        var runs: [[String: Data]] { lock.withLock { byRun.keys.sorted().map { byRun[$0]! } } }
    }
}
