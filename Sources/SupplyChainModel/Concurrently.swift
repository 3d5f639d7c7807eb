import Dispatch
import Synchronization

/// Runs independent pieces of work at the same time on Dispatch workers: reading the contracts
/// while the suppliers and links are read, building the graph while suppliers are scored, and
/// slices of one array. Results come back in argument order, and so do errors: when several
/// pieces fail, the error of the first is thrown, as if they had run one after another.
public enum Concurrently {
    /// `first` and `second` at the same time: `second` on a thread of its own, `first` on the
    /// calling thread (one after the other if no thread can be made).
    ///
    /// Not one `concurrentPerform` of two iterations: a `concurrentPerform` nested inside
    /// another gets the outer one's width divided by its iterations, so the slices or chunks
    /// that either piece spreads over the workers would run one after another. Not a Dispatch
    /// worker either: while `second` waits for the workers it spreads its work over, it would
    /// hold one of the pool's threads (reading the contracts while the suppliers were read
    /// left the two files' parsing one worker for the first second at 10^7 links).
    public static func run<A, B, Failure: Error>(_ first: () throws(Failure) -> A, _ second: () throws(Failure) -> B) throws(Failure) -> (A, B) {
        let (a, b) = withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let pair = Pair(first: first, second: second)
                let thread = OwnThread { pair.b.initialize(to: Result { () throws(Failure) -> B in try pair.second() }) }
                pair.a.initialize(to: Result { () throws(Failure) -> A in try pair.first() })
                switch consume thread {
                case .some(let thread): thread.join()
                case .none: pair.b.initialize(to: Result { () throws(Failure) -> B in try pair.second() })
                }
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

    /// An array of `count` elements made by `workers` Dispatch workers that take `chunk`
    /// consecutive indices at a time as they become free: element `i` is `element(&state, i)`,
    /// with `state` the worker's own, from `makeState()` (a cache such as a memo, which must
    /// not change any element). Unlike fixed slices, chunks keep every worker busy to the end
    /// when another job shares the cores for part of the time.
    public static func array<T, State>(
        count: Int, workers: Int, chunk: Int, state makeState: () -> State, _ element: (inout State, Int) -> T
    ) -> [T] {
        let workers = max(1, min(workers, count))
        if workers == 1 {
            var state = makeState()
            return (0..<count).map { element(&state, $0) }
        }
        let chunk = max(1, chunk)
        return withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(element) { element in
                Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                    let work = Chunks(base: buffer.baseAddress!, makeState: makeState, element: element)
                    DispatchQueue.concurrentPerform(iterations: workers) { _ in
                        var state = work.makeState()
                        while true {
                            let start = work.next.wrappingAdd(chunk, ordering: .relaxed).oldValue
                            if start >= count { break }
                            for i in start..<min(count, start + chunk) { (work.base + i).initialize(to: work.element(&state, i)) }
                        }
                    }
                    initialized = count
                }
            }
        }
    }

    /// The storage ``array(count:slices:_:)`` fills: each worker initialises only the
    /// elements of its own slice.
    private struct Target<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
        let element: (Int) -> T
    }

    /// The storage and the next free index of ``array(count:workers:chunk:state:_:)``: each
    /// chunk of indices is taken by exactly one worker (an atomic counter), which initialises
    /// only those elements.
    private final class Chunks<T, State>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
        let makeState: () -> State
        let element: (inout State, Int) -> T
        let next = Atomic<Int>(0)

        init(base: UnsafeMutablePointer<T>, makeState: @escaping () -> State, element: @escaping (inout State, Int) -> T) {
            self.base = base
            self.makeState = makeState
            self.element = element
        }
    }

    /// The two pieces of ``run(_:_:)`` and their result slots. Each thread initialises only
    /// its own slot (separate allocations: no shared stored property is written), and both are
    /// moved out after both have run.
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
