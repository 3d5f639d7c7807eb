import Foundation
import SupplyChainModel
import Testing

/// `Concurrently.pipeline`, which every report writer streams through: each index rendered
/// exactly once, pieces emitted in order, and every emit on the calling thread (the file
/// writer is not shared with the workers).
@Suite("Rendering pipeline")
struct PipelineTests {
    @Test(arguments: [(0, 3, 2), (1, 1, 1), (7, 1, 2), (10, 3, 2), (10, 3, 8), (1000, 64, 3), (1001, 1000, 2), (5, 100, 2)])
    func everyIndexOnceInOrderOnTheCallingThread(count: Int, batchSize: Int, slices: Int) {
        let caller = pthread_self()
        var emitted: [Int] = []
        var batches = 0
        var otherThread = false
        Concurrently.pipeline(
            count: count, batchSize: batchSize, slices: slices,
            render: { range in Array(range) },
            emit: { pieces in
                if pthread_equal(pthread_self(), caller) == 0 { otherThread = true }
                batches += 1
                for piece in pieces { emitted += piece }
            })
        #expect(emitted == Array(0..<count))
        #expect(batches == (count + batchSize - 1) / batchSize)
        #expect(!otherThread)
    }
}

/// `Concurrently.array(count:workers:chunk:state:_:)`, which scores suppliers in chunks: every
/// element made exactly once, in its place, each worker with its own state.
@Suite("Chunked arrays")
struct ChunkedArrayTests {
    final class Made: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var indices: [Int] = []
        private(set) var states = 0
        func made(_ i: Int) { lock.lock(); indices.append(i); lock.unlock() }
        func newState() -> Int { lock.lock(); defer { lock.unlock() }; states += 1; return states }
    }

    @Test(arguments: [(0, 2, 3), (1, 2, 1), (10, 1, 3), (10, 3, 1), (1000, 2, 7), (1000, 4, 4096), (5000, 3, 64)])
    func everyElementOnceInItsPlace(count: Int, workers: Int, chunk: Int) {
        let made = Made()
        let array = Concurrently.array(count: count, workers: workers, chunk: chunk, state: { (made.newState(), 0) }) { state, i in
            made.made(i)
            state.1 += 1
            return i * 3 + 1
        }
        #expect(array == (0..<count).map { $0 * 3 + 1 })
        #expect(made.indices.sorted() == Array(0..<count))
        #expect(made.states <= max(1, min(workers, count)))
    }
}
