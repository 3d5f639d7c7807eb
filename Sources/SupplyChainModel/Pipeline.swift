import Dispatch
import Synchronization

extension Concurrently {
    /// `0..<count` rendered in pieces of `pieceSize` consecutive indices by `workers` Dispatch
    /// workers, each taking the next piece as it becomes free, and every piece handed to `emit`
    /// on the calling thread, in index order, as soon as it and the pieces before it are
    /// rendered: writing a report overlaps with rendering the rest of it, and no worker waits
    /// for another's slice to finish. Memory holds at most ``piecesAhead(workers:)`` pieces
    /// rendered and not yet emitted, and a piece is usually emitted soon after it is rendered
    /// (still in the cache when it is written).
    public static func pipeline<Piece>(count: Int, pieceSize: Int, workers: Int, render: (Range<Int>) -> Piece, emit: (Piece) -> Void) {
        guard count > 0 else { return }
        let size = max(1, pieceSize)
        let pieces = (count + size - 1) / size
        if pieces == 1 { return emit(render(0..<count)) }
        let workers = max(1, min(workers, pieces))
        withoutActuallyEscaping(render) { render in
            let queue = PieceQueue(count: count, size: size, ahead: piecesAhead(workers: workers), render: render)
            let done = DispatchGroup()
            for _ in 0..<workers { DispatchQueue.global().async(group: done) { queue.work() } }
            for k in 0..<pieces {
                emit(queue.take(k))
                queue.emitted()
            }
            done.wait()
        }
    }

    /// How many pieces ``pipeline(count:pieceSize:workers:render:emit:)`` renders ahead of the
    /// one being emitted, at most.
    public static func piecesAhead(workers: Int) -> Int { 4 * max(1, workers) }

    /// The pieces of one ``pipeline(count:pieceSize:workers:render:emit:)``: workers take piece
    /// numbers from a counter, and a ring of `ahead` slots, each with its own semaphore, hands
    /// them to the emitting thread. A worker takes a token from `free` before a piece number
    /// and the emitter gives one back after each piece it has emitted, so the pieces in flight
    /// are consecutive and at most `ahead`: piece `k` and piece `k + ahead` never share a slot.
    private final class PieceQueue<Piece>: @unchecked Sendable {
        let count: Int, size: Int, ahead: Int
        let render: (Range<Int>) -> Piece
        let slots: UnsafeMutablePointer<Piece>
        let ready: [DispatchSemaphore]
        let free: DispatchSemaphore
        let next = Atomic<Int>(0)

        /// How many pieces `0..<count` makes.
        var pieces: Int { (count + size - 1) / size }

        init(count: Int, size: Int, ahead: Int, render: @escaping (Range<Int>) -> Piece) {
            self.count = count
            self.size = size
            self.ahead = ahead
            self.render = render
            slots = .allocate(capacity: ahead)
            ready = (0..<ahead).map { _ in DispatchSemaphore(value: 0) }
            free = DispatchSemaphore(value: ahead)
        }

        deinit { slots.deallocate() }

        /// A worker's loop: render pieces until none is left.
        func work() {
            while true {
                free.wait()
                let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if k >= pieces {
                    free.signal()
                    return
                }
                (slots + k % ahead).initialize(to: render((k * size)..<min(count, (k + 1) * size)))
                ready[k % ahead].signal()
            }
        }

        /// Piece `k`, once rendered (the emitter takes every piece, in order).
        func take(_ k: Int) -> Piece {
            ready[k % ahead].wait()
            return (slots + k % ahead).move()
        }

        /// The piece taken last has been emitted: a worker may render one more.
        func emitted() { free.signal() }
    }
}
