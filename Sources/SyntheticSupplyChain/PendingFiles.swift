import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files of the generation runs in progress, behind a lock, so that an
/// interruption (SIGINT, SIGTERM; see ``SupplyChainGenerator/abandonPendingWrites()``) can
/// remove them and stop any rename that has not happened yet, and so that a run renames its
/// three files together or not at all.
///
/// `NSLock` rather than `Synchronization.Mutex`, as in `Reporting`'s `AtomicFile`, because the
/// package still supports macOS 13.
final class PendingFiles: @unchecked Sendable {
    static let shared = PendingFiles()

    private let lock = NSLock()
    private var pending: Set<String> = []
    private var abandoned = false

    /// Creates `temporary` exclusively (`O_EXCL`: never through a link planted there, as the
    /// reports' `AtomicFile` does; a leftover of a crashed run with the same pid is removed
    /// first) and lists it.
    /// - Returns: the descriptor, or nil with `errno` set; nil with `errno` 0 once abandoned.
    func create(_ temporary: String) -> Int32? {
        lock.withLock {
            guard !abandoned else {
                errno = 0
                return nil
            }
            _ = unlink(temporary)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return nil }
            pending.insert(temporary)
            return fd
        }
    }

    /// Removes `temporary` and forgets it.
    func discard(_ temporary: String) {
        lock.withLock {
            _ = unlink(temporary)
            pending.remove(temporary)
        }
    }

    /// Renames every `(temporary, target)` pair, in order, unless the run was abandoned. Every
    /// target is checked first (a directory cannot be replaced by a file), so that a run fails
    /// before it replaces any previous file rather than after replacing some of them.
    /// - Returns: nil on success, else the target that failed and its reason.
    func commit(_ files: [(temporary: String, target: String)]) -> (target: String, reason: String)? {
        lock.withLock {
            guard !abandoned else { return (files.first?.target ?? "", "interrupted") }
            for file in files {
                var status = stat()
                if lstat(file.target, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR {
                    return (file.target, "cannot replace it with a file: \(String(cString: strerror(EISDIR)))")
                }
            }
            for file in files {
                if rename(file.temporary, file.target) != 0 {
                    return (file.target, "cannot rename \(file.temporary): \(String(cString: strerror(errno)))")
                }
                pending.remove(file.temporary)
            }
            return nil
        }
    }

    /// Removes every temporary file and makes every later ``create(_:)`` and ``commit(_:)`` fail.
    func abandon() {
        lock.withLock {
            abandoned = true
            for temporary in pending { _ = unlink(temporary) }
            pending = []
        }
    }
}

extension SupplyChainGenerator {
    /// Stops every generation in progress for good: removes their temporary files and makes
    /// any later rename fail, so that no file of theirs appears or is replaced. Called once, by
    /// the command line's interruption handler (SIGINT, SIGTERM).
    public static func abandonPendingWrites() { PendingFiles.shared.abandon() }
}
