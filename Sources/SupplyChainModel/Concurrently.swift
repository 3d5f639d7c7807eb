import Dispatch

/// Runs independent pieces of work at the same time on Dispatch workers: reading the contracts
/// while the suppliers and links are read, building the graph while suppliers are scored, and
/// slices of one array. Results come back in argument order, and so do errors: when several
/// pieces fail, the error of the first is thrown, as if they had run one after another.
public enum Concurrently {
    /// `first` and `second` at the same time: `second` on a Dispatch worker, `first` on the
    /// calling thread.
    ///
    /// Not one `concurrentPerform` of two iterations: a `concurrentPerform` nested inside
    /// another gets the outer one's width divided by its iterations, so the slices or chunks
    /// that either piece spreads over the workers would run one after another.
    public static func run<A, B, Failure: Error>(_ first: () throws(Failure) -> A, _ second: () throws(Failure) -> B) throws(Failure) -> (A, B) {
        let (a, b) = withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let pair = Pair(first: first, second: second)
                let done = DispatchGroup()
                DispatchQueue.global().async(group: done) {
                    pair.b.initialize(to: Result { () throws(Failure) -> B in try pair.second() })
                }
                pair.a.initialize(to: Result { () throws(Failure) -> A in try pair.first() })
                done.wait()
                return (pair.a.move(), pair.b.move())
            }
        }
        return (try a.get(), try b.get())
    }

    /// `transform` of each of `slices` contiguous slices of `0..<count`, at the same time; the
    /// results in slice order.
    public static func map<T>(slicing count: Int, into slices: Int, _ transform: (Range<Int>) -> T) -> [T] {
        let slices = max(1, min(slices, count))
        let ranges = (0..<slices).map { k in (count * k / slices)..<(count * (k + 1) / slices) }
        if slices == 1 { return ranges.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = Slots<T>(count: slices, transform: transform)
            DispatchQueue.concurrentPerform(iterations: slices) { k in
                (results.values + k).initialize(to: results.transform(ranges[k]))
            }
            return (0..<slices).map { (results.values + $0).move() }
        }
    }

    /// An array of `count` elements built in `slices` contiguous slices at the same time:
    /// element `i` is `element(i)`. The elements are made in place (no per-slice arrays to
    /// join), which matters when they are large structs.
    public static func array<T>(count: Int, slices: Int, _ element: (Int) -> T) -> [T] {
        let slices = max(1, min(slices, count))
        if slices == 1 { return (0..<count).map(element) }
        return withoutActuallyEscaping(element) { element in
            Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                let target = Target(base: buffer.baseAddress!, element: element)
                DispatchQueue.concurrentPerform(iterations: slices) { k in
                    for i in (count * k / slices)..<(count * (k + 1) / slices) {
                        (target.base + i).initialize(to: target.element(i))
                    }
                }
                initialized = count
            }
        }
    }

    /// `0..<count` rendered in batches of `batchSize`, each batch in `slices` contiguous
    /// slices at the same time (`render` gets each slice's range of indices), and each batch's
    /// pieces, in slice order, handed to `emit` on the calling thread while the next batch is
    /// rendered: writing a report overlaps with rendering the rest of it. Memory holds at most
    /// two batches.
    public static func pipeline<Piece>(count: Int, batchSize: Int, slices: Int, render: (Range<Int>) -> Piece, emit: ([Piece]) -> Void) {
        guard count > 0 else { return }
        let batchSize = max(1, batchSize)
        func batch(_ start: Int) -> [Piece] {
            let end = min(count, start + batchSize)
            return map(slicing: end - start, into: slices) { render((start + $0.lowerBound)..<(start + $0.upperBound)) }
        }
        var pending = batch(0)
        var start = batchSize
        while start < count {
            let next = start, current = pending
            pending = run({ emit(current) }, { batch(next) }).1
            start += batchSize
        }
        emit(pending)
    }

    /// The storage ``array(count:slices:_:)`` fills: each worker initialises only the
    /// elements of its own slice.
    private struct Target<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
        let element: (Int) -> T
    }

    /// The two pieces of ``run(_:_:)`` and their result slots. Each thread initialises only
    /// its own slot (separate allocations: no shared stored property is written), and both are
    /// moved out after `concurrentPerform` returns.
    private final class Pair<A, B, Failure: Error>: @unchecked Sendable {
        let first: () throws(Failure) -> A
        let second: () throws(Failure) -> B
        let a = UnsafeMutablePointer<Result<A, Failure>>.allocate(capacity: 1)
        let b = UnsafeMutablePointer<Result<B, Failure>>.allocate(capacity: 1)

        init(first: @escaping () throws(Failure) -> A, second: @escaping () throws(Failure) -> B) {
            self.first = first
            self.second = second
        }

        deinit {
            a.deallocate()
            b.deallocate()
        }
    }

    /// One result slot per slice for ``map(slicing:into:_:)``; each worker initialises its own
    /// slot, and the caller moves every value out after `concurrentPerform` returns.
    private final class Slots<T>: @unchecked Sendable {
        let transform: (Range<Int>) -> T
        let values: UnsafeMutablePointer<T>

        init(count: Int, transform: @escaping (Range<Int>) -> T) {
            self.transform = transform
            values = .allocate(capacity: count)
        }

        deinit { values.deallocate() }
    }
}
