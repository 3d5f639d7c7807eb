import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files of the writes in progress (reports, generated inputs) and the targets
/// renamed so far, behind one lock, so that an interruption (SIGINT, SIGTERM) can remove them
/// all and stop any rename that has not happened yet (``abandon()``), and so that a group of
/// files is renamed together or not at all.
///
/// `NSLock` rather than `Synchronization.Mutex` because the package still supports macOS 13.
public final class TemporaryFiles: @unchecked Sendable {
    private let lock = NSLock()
    private let mode: mode_t
    private var pending: Set<String> = []
    private var committed: [String] = []
    private var abandoned = false

    /// - Parameter mode: the permissions a created file asks for (before the umask).
    public init(mode: mode_t) { self.mode = mode }

    /// Whether ``abandon()`` was called.
    public var isAbandoned: Bool { lock.withLock { abandoned } }

    /// Creates `temporary` exclusively (`O_EXCL`: never through a link planted there, nor
    /// reusing a file; a leftover of a crashed run with the same pid is removed first) and
    /// lists it.
    /// - Returns: the descriptor, or nil with `errno` set; nil with `errno` 0 once abandoned.
    public func create(_ temporary: String) -> Int32? {
        lock.withLock {
            guard !abandoned else {
                errno = 0
                return nil
            }
            _ = unlink(temporary)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard fd >= 0 else { return nil }
            pending.insert(temporary)
            return fd
        }
    }

    /// Removes `temporary` and forgets it.
    public func discard(_ temporary: String) {
        lock.withLock {
            _ = unlink(temporary)
            pending.remove(temporary)
        }
    }

    /// Renames every `(temporary, target)` pair, in order, unless the writes were abandoned.
    /// Every target is checked first (a directory cannot be replaced by a file), so that a
    /// group fails before it replaces any previous file rather than after replacing some.
    /// - Returns: nil on success; else the pair that failed and `errno` (`EISDIR` for a
    ///   directory target, nothing renamed; 0 when abandoned). The pairs before it are
    ///   renamed, its temporary file is removed when its rename failed, the others are left
    ///   for the caller to ``discard(_:)``.
    public func commit(_ files: [(temporary: String, target: String)]) -> (index: Int, code: Int32)? {
        lock.withLock {
            guard !abandoned else { return (0, 0) }
            for (index, file) in files.enumerated() {
                var status = stat()
                if lstat(file.target, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR { return (index, EISDIR) }
            }
            for (index, file) in files.enumerated() {
                if rename(file.temporary, file.target) != 0 {
                    let code = errno
                    _ = unlink(file.temporary)
                    pending.remove(file.temporary)
                    return (index, code)
                }
                pending.remove(file.temporary)
                committed.append(file.target)
            }
            return nil
        }
    }

    /// Removes every temporary file and makes every later ``create(_:)`` and ``commit(_:)``
    /// fail. Returns the targets renamed into place so far.
    @discardableResult
    public func abandon() -> [String] {
        lock.withLock {
            abandoned = true
            for temporary in pending { _ = unlink(temporary) }
            pending = []
            return committed
        }
    }
}
