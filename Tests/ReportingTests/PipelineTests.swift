import Foundation
import Synchronization
import SupplyChainModel
import Testing

/// `Concurrently.pipeline`, which every report writer streams through: each index rendered
/// exactly once, pieces emitted in order, and every emit on the calling thread (the file
/// writer is not shared with the workers).
@Suite("Rendering pipeline")
struct PipelineTests {
    @Test(arguments: [(0, 3, 2), (1, 1, 1), (7, 1, 2), (10, 3, 2), (10, 3, 8), (1000, 64, 3), (1001, 1000, 2), (5, 100, 2), (300, 1, 1)])
    func everyIndexOnceInOrderOnTheCallingThread(count: Int, pieceSize: Int, workers: Int) {
        let caller = pthread_self()
        var emitted: [Int] = []
        var pieces = 0
        var otherThread = false
        Concurrently.pipeline(
            count: count, pieceSize: pieceSize, workers: workers,
            render: { range in Array(range) },
            emit: { piece in
                if pthread_equal(pthread_self(), caller) == 0 { otherThread = true }
                pieces += 1
                #expect(piece.count == pieceSize || emitted.count + piece.count == count)
                emitted += piece
            })
        #expect(emitted == Array(0..<count))
        #expect(pieces == (count + pieceSize - 1) / pieceSize)
        #expect(!otherThread)
    }

    /// Pieces that take very different times (some workers finish several while one is still
    /// on its piece) still come out in order, and no more than `piecesAhead` are ever rendered
    /// and not yet emitted (the memory bound).
    @Test(arguments: [1, 2, 3])
    func unevenPiecesComeOutInOrderWithinTheBound(workers: Int) {
        let outstanding = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        var emitted: [Int] = []
        Concurrently.pipeline(
            count: 2000, pieceSize: 7, workers: workers,
            render: { range in
                if range.lowerBound % 91 == 0 { usleep(2000) }
                let now = outstanding.wrappingAdd(1, ordering: .relaxed).newValue
                _ = most.max(now, ordering: .relaxed)
                return Array(range)
            },
            emit: { piece in
                emitted += piece
                if piece.count.isMultiple(of: 2) { usleep(50) }
                outstanding.wrappingSubtract(1, ordering: .relaxed)
            })
        let mostAhead = most.load(ordering: .relaxed)
        #expect(emitted == Array(0..<2000))
        #expect(mostAhead <= Concurrently.piecesAhead(workers: workers))
        #expect(mostAhead >= 1)
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

/// `Concurrently.run`, which reads the contracts while the suppliers and links are read: both
/// pieces at the same time, results and errors in argument order.
@Suite("Two pieces at once")
struct TwoPiecesTests {
    struct Failed: Error, Equatable { let piece: Int }

    @Test func bothRunAtTheSameTimeAndResultsComeInOrder() {
        // Each piece waits for the other to have started: run one after the other, they would
        // time out.
        let first = DispatchSemaphore(value: 0), second = DispatchSemaphore(value: 0)
        let (a, b) = Concurrently.run({ () -> String in
            first.signal()
            return second.wait(timeout: .now() + 10) == .success ? "first" : "first timed out"
        }, { () -> Int in
            second.signal()
            return first.wait(timeout: .now() + 10) == .success ? 2 : -1
        })
        #expect(a == "first")
        #expect(b == 2)
    }

    @Test func theFirstPiecesErrorIsThrownWhenBothFail() {
        #expect(throws: Failed(piece: 1)) {
            try Concurrently.run({ () throws(Failed) -> Int in throw Failed(piece: 1) }, { () throws(Failed) -> Int in throw Failed(piece: 2) })
        }
        #expect(throws: Failed(piece: 2)) {
            try Concurrently.run({ () throws(Failed) -> Int in 1 }, { () throws(Failed) -> Int in throw Failed(piece: 2) })
        }
    }

    /// A detached thread runs its work (the report writer's background `fsync`).
    @Test func aDetachedThreadRunsItsWork() {
        let done = DispatchSemaphore(value: 0)
        let caller = pthread_self()
        let elsewhere = Atomic<Bool>(false)
        OwnThread.detach {
            elsewhere.store(pthread_equal(pthread_self(), caller) == 0, ordering: .relaxed)
            done.signal()
        }
        let finished = done.wait(timeout: .now() + 10) == .success
        let onAnotherThread = elsewhere.load(ordering: .relaxed)
        #expect(finished)
        #expect(onAnotherThread)
    }
}
