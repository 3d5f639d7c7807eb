import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own for work that spends its time waiting (a reader waiting for its parsing
/// workers, an `fsync`): on a Dispatch worker such work would hold one of the pool's threads,
/// which is as wide as the machine, and leave the work it waits for one thread short.
public struct OwnThread: ~Copyable {
    private let thread: pthread_t

    /// Starts `body` on a new thread; `nil` when the system cannot make one (the caller runs
    /// the work some other way).
    public init?(_ body: @escaping @Sendable () -> Void) {
        let start = Unmanaged.passRetained(Start(body)).toOpaque()
        #if canImport(Darwin)
        var made: pthread_t?
        #else
        var made = pthread_t()
        #endif
        let status = pthread_create(&made, nil, { raw in
            Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, start)
        guard status == 0 else {
            Unmanaged<Start>.fromOpaque(start).release()
            return nil
        }
        #if canImport(Darwin)
        thread = made!
        #else
        thread = made
        #endif
    }

    /// Waits for the thread's work to end.
    public consuming func join() {
        pthread_join(thread, nil)
        discard self
    }

    /// Runs `body` on a new thread without waiting for it (on a Dispatch worker if no thread
    /// can be made).
    public static func detach(_ body: @escaping @Sendable () -> Void) {
        guard let thread = OwnThread(body) else { return DispatchQueue.global().async(execute: body) }
        thread.detach()
    }

    /// Lets the thread end on its own.
    private consuming func detach() {
        pthread_detach(thread)
        discard self
    }

    deinit { pthread_join(thread, nil) }

    /// The closure handed to the new thread (retained until it has run).
    private final class Start: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
