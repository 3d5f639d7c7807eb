/// References to one object, counted up front on the calling thread, for values built on
/// several Dispatch workers that each hold the object (every contract assessment holds the run's
/// records). Each value takes one reference already counted, so the workers never write the
/// object's reference count: when they did, every value was a contended atomic increment of one
/// cache line shared by the two cores (about 0.2 µs per contract at 10^7 links).
///
/// Take exactly `count` references, one per value: fewer leaves the object alive (a leak),
/// more would release it while values still hold it.
public struct CountedReferences<Object: AnyObject>: @unchecked Sendable {
    private let object: Unmanaged<Object>

    /// Counts `count` references to `object` (the caller holds its own besides).
    public init(to object: Object, count: Int) {
        self.object = .passUnretained(object)
        for _ in 0..<count { _ = self.object.retain() }
    }

    /// One of the counted references, owned by the caller (no count is written).
    @inline(__always)
    public func take() -> Object { object.takeRetainedValue() }
}
