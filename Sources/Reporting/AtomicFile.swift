import Foundation
import SupplyChainModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to write a report file.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: [output-failed] cannot write the report: \(reason)" }
}

/// Writes files so that readers see either the old file or the complete new one, never a
/// partial file: the content goes to a temporary file in the same directory (created with
/// `O_EXCL`, written, `fsync`ed), which is then renamed over the target.
///
/// Every temporary file being written is listed in a lock-protected registry, so that an
/// interruption (SIGINT, SIGTERM; see ``abandonPendingWrites()``) can remove it and stop any
/// rename that has not happened yet. A write that fails (`EFBIG` past a file-size limit,
/// `ENOSPC` on a full disk, `EACCES`, …) removes its temporary file and throws an
/// ``OutputError`` naming the target and the system's reason.
public enum AtomicFile {
    /// - Throws: ``OutputError`` naming the path; the temporary file is removed on failure,
    ///   and the previous file at `path`, if any, is left as it was.
    /// - Complexity: O(`text.utf8.count`), plus one `fsync`.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(to: path) { (file: inout Writer) throws(OutputError) in
            // A native string's UTF-8 is written in place (reports can be hundreds of MB: no copy).
            var text = text
            let failure: OutputError? = text.withUTF8 { bytes in
                do throws(OutputError) { try file.write(UnsafeRawBufferPointer(bytes)) } catch { return error }
                return nil
            }
            if let failure { throw failure }
        }
    }

    /// Streams a file: `produce` writes the content piece by piece through the ``Writer``
    /// (so a large report never has to be held whole in memory); the file appears at `path`
    /// only once `produce` has returned and everything is on disk.
    /// - Throws: ``OutputError`` naming the path, from a failed write or from `produce`; the
    ///   temporary file is removed, and the previous file at `path`, if any, is left as it was.
    public static func write(to path: String, _ produce: (inout Writer) throws(OutputError) -> Void) throws(OutputError) {
        try commit([stage(to: path, produce)])
    }

    /// A temporary file written in full and on disk, not yet renamed over its target: a run
    /// that writes several reports stages them all, then commits them together, so that a
    /// failure while writing any of them replaces none of the previous ones.
    public struct StagedFile: Sendable {
        fileprivate let temporary: String
        /// The path the file will have once committed.
        public let target: String
        /// The folders made for it (`--output new/dir/`), outermost first: removed again, when
        /// empty, if the file is discarded.
        fileprivate let madeFolders: [String]
    }

    /// ``write(to:_:)`` up to, not including, the rename: the content is complete and synced
    /// in a temporary file beside `path`. Pass the result to ``commit(_:)`` or ``discard(_:)``.
    /// - Throws: ``OutputError`` naming the path; the temporary file is then removed.
    public static func stage(to path: String, _ produce: (inout Writer) throws(OutputError) -> Void) throws(OutputError) -> StagedFile {
        ignoreFileSizeSignal
        // A link is followed to the file it names: that file gets the new content and the link
        // stays (renamed over, the link itself was replaced and its file kept the old report).
        let url = URL(fileURLWithPath: Self.followingLinks(path))
        let directory = url.deletingLastPathComponent()
        let madeFolders = Self.missingFolders(directory)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            removeEmpty(madeFolders)
            throw OutputError(path: path, reason: Self.blockedByFile(directory) ? String(cString: strerror(ENOTDIR)) : Self.reason(error))
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        guard let fd = registry.create(temporary) else {
            let error = OutputError(path: path, reason: registry.isAbandoned ? "interrupted" : String(cString: strerror(errno)))
            removeEmpty(madeFolders)
            throw error
        }
        func fail(_ error: OutputError) -> OutputError {
            _ = close(fd)
            registry.discard(temporary)
            removeEmpty(madeFolders)
            return error
        }
        var writer = Writer(fd: fd, path: path)
        do {
            try produce(&writer)
        } catch {
            writer.flush.wait()
            throw fail(error)
        }
        // The final fsync waits only for what the background flushes have not written yet.
        if let code = writer.flush.wait() { throw fail(OutputError(path: path, reason: String(cString: strerror(code)))) }
        if fsync(fd) != 0 { throw fail(OutputError(path: path, reason: String(cString: strerror(errno)))) }
        if close(fd) != 0 {
            let code = errno
            registry.discard(temporary)
            removeEmpty(madeFolders)
            throw OutputError(path: path, reason: String(cString: strerror(code)))
        }
        return StagedFile(temporary: temporary, target: url.path, madeFolders: madeFolders)
    }

    /// The folders of `directory`'s path that do not exist yet, outermost first.
    private static func missingFolders(_ directory: URL) -> [String] {
        var missing: [String] = []
        var url = directory.standardizedFileURL
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.path) {
            missing.insert(url.path, at: 0)
            url = url.deletingLastPathComponent()
        }
        return missing
    }

    /// Removes `folders` (made by a stage), innermost first, those that are empty: a failed run
    /// leaves no folder it made for its reports (`rmdir` never removes one that holds a file).
    private static func removeEmpty(_ folders: [String]) {
        for folder in folders.reversed() { _ = rmdir(folder) }
    }

    /// `path`, or the file it names when it is a symbolic link (through chains of links,
    /// relative ones read from the link's folder); the link's own path when the chain loops
    /// or is longer than the system allows (the rename then replaces it, as before).
    static func followingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            // Not a link (or nothing there): this is the file to write.
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/")
                ? destination : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        return path
    }

    /// Renames staged files over their targets, in order. Every target is checked first (one
    /// that is a directory could not be replaced), so that a run fails before it replaces any
    /// previous file rather than after replacing some of them.
    /// - Throws: ``OutputError`` naming the target; the files not renamed are discarded.
    public static func commit(_ files: [StagedFile]) throws(OutputError) {
        guard let (index, code) = registry.commit(files.map { ($0.temporary, $0.target) }) else { return }
        // Nothing was renamed when a target is a directory or the writes were abandoned.
        discard(code == EISDIR || code == 0 ? files[...] : files.dropFirst(index + 1))
        // The file whose rename failed leaves the folders made for it, once empty, too.
        if code != EISDIR && code != 0 { removeEmpty(files[index].madeFolders) }
        throw OutputError(path: files[index].target, reason: code == 0 ? "interrupted" : String(cString: strerror(code)))
    }

    /// Removes staged files without renaming them (a later report of the same run failed), and
    /// the folders made for them that are left empty.
    public static func discard(_ files: some Sequence<StagedFile>) {
        for file in files { registry.discard(file.temporary) }
        for file in files { removeEmpty(file.madeFolders) }
    }

    /// Appends bytes to the temporary file of one ``AtomicFile/write(to:_:)``. Every
    /// ``flushBytes`` written, the data so far is handed to the disk in the background
    /// (`fsync` on a Dispatch worker), so that writing a large report overlaps with
    /// rendering it instead of all waiting for the final `fsync`.
    public struct Writer {
        fileprivate let fd: Int32
        fileprivate let path: String
        fileprivate let flush = BackgroundFlush()
        private var unflushed = 0

        /// Bytes written between background flushes.
        public static let flushBytes = 64 << 20

        fileprivate init(fd: Int32, path: String) {
            self.fd = fd
            self.path = path
        }

        /// Writes all of `bytes` (retrying short writes and `EINTR`).
        /// - Throws: ``OutputError`` with the system's reason (`ENOSPC`, `EFBIG`, …).
        public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
            guard let base = bytes.baseAddress else { return }
            var written = 0
            while written < bytes.count {
                let n = systemWrite(fd, base + written, bytes.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: path, reason: String(cString: strerror(errno)))
                }
                written += n
            }
            unflushed += bytes.count
            if unflushed >= Self.flushBytes {
                unflushed = 0
                flush.start(fd)
            }
        }

        /// Writes `bytes`.
        public mutating func write(_ bytes: [UInt8]) throws(OutputError) {
            let failure: OutputError? = bytes.withUnsafeBytes { raw in
                do throws(OutputError) { try write(raw) } catch { return error }
                return nil
            }
            if let failure { throw failure }
        }
    }

    /// Stops every write in progress for good: removes their temporary files and makes every
    /// later ``write(_:to:)`` fail before it renames. Called once, by the interruption handler.
    /// - Returns: the targets already renamed into place by this process (normally none).
    @discardableResult
    public static func abandonPendingWrites() -> [String] { registry.abandon() }

    /// Ignores SIGXFSZ once, so that a write past `RLIMIT_FSIZE` fails with `EFBIG` (and is
    /// reported) instead of killing the process with a core dump.
    private static let ignoreFileSizeSignal: Void = { _ = signal(SIGXFSZ, SIG_IGN) }()

    /// The reports' temporary files (the generator has its own: see ``TemporaryFiles``).
    private static let registry = TemporaryFiles(mode: 0o666)

    /// Whether the nearest existing ancestor of `directory` (or itself) is not a directory:
    /// Foundation then says "A file with the same name already exists" for what is ENOTDIR.
    private static func blockedByFile(_ directory: URL) -> Bool {
        var url = directory.standardizedFileURL
        while url.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) { return !isDirectory.boolValue }
            url = url.deletingLastPathComponent()
        }
        return false
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

/// At most one `fsync` of a file being written, running on a thread of its own while the
/// writer goes on (`write` and `fsync` on one descriptor from two threads is safe). Not on a
/// Dispatch worker: waiting for the disk there would leave the workers rendering the report
/// one thread short. The first failure is kept for ``wait()``.
private final class BackgroundFlush: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchGroup()
    private var running = false
    private var failure: Int32?

    /// Starts a flush of `fd` unless one is still running (the next one will cover this data).
    func start(_ fd: Int32) {
        let idle: Bool = lock.withLock {
            guard !running else { return false }
            running = true
            return true
        }
        guard idle else { return }
        done.enter()
        OwnThread.detach {
            let code: Int32? = fsync(fd) == 0 ? nil : errno
            self.lock.withLock {
                if self.failure == nil { self.failure = code }
                self.running = false
            }
            self.done.leave()
        }
    }

    /// Waits for the flush in progress, if any; the first flush failure (`errno`), if any.
    @discardableResult
    func wait() -> Int32? {
        done.wait()
        return lock.withLock { failure }
    }
}

// Top-level so that the names `open` and `write` mean the system calls, not members.

/// `open(O_CREAT | O_EXCL)`: never follows a link planted at the temporary path.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
