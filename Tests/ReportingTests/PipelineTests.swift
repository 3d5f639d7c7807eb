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
