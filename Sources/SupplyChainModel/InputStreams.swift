import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens input files for reading, whatever the path names.
///
/// A regular file is opened as it is. A FIFO (`mkfifo`, a process substitution such as
/// `--contracts <(zcat c.csv.gz)`, `/dev/stdin` on a pipe) can be read only once, while flrisk
/// opens an input several times (format detection, header, rows): its stream is copied once,
/// on the first open, into an unlinked temporary file (in `TMPDIR`; nothing is left behind,
/// even on a crash), and every open of the path reads that copy, so large copies are read in
/// parallel chunks like files. A directory or a device (`/dev/null`, a terminal) is refused at
/// once. Opening never blocks: a FIFO that no program has opened for writing is waited for at
/// most ``writerWait`` milliseconds, then refused.
public enum InputStreams {
    /// How long a FIFO without a writer is waited for, in milliseconds.
    public static let writerWait: Int32 = 10_000

    /// Opens `path` for reading (see the type's description).
    /// - Returns: a descriptor positioned at the start, for the caller to close.
    /// - Throws: ``InputError`` at line 0 of `path`: `file-not-found`, or `file-unreadable` for a
    ///   directory, a device, a FIFO without a writer, a failed copy or another open error.
    /// - Complexity: O(1) for a regular file; the first open of a FIFO reads it to its end.
    public static func open(_ path: String) throws(InputError) -> Int32 {
        if let copy = copies.descriptor(for: path) { return try reopen(copy, path: path) }
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno == ENOENT ? "file-not-found" : "file-unreadable"
            throw error(code, "cannot open the file: " + String(cString: strerror(errno)), path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw error("file-unreadable", "cannot open the file: " + reason, path)
        }
        let kind = info.st_mode & S_IFMT
        if let refusal = refusal(of: kind) {
            Glibc.close(fd)
            throw error("file-unreadable", "is " + refusal, path)
        }
        if kind == S_IFREG {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return fd
        }
        return try copies.copy(fd, path: path)
    }

    /// An error of ``open(_:)`` or ``contents(of:)`` as the end of a sentence about an input
    /// read whole ("cannot read the … : "): "no such file", "it is a directory, expected
    /// `expected`", "it is a device …", or the reason itself.
    public static func clause(_ error: InputError, expected: String) -> String {
        if error.code == "file-not-found" { return "no such file" }
        if error.message == "is " + refusal(of: S_IFDIR)! { return "it is a directory, expected " + expected }
        return error.message.hasPrefix("is ") ? "it " + error.message : error.message
    }

    /// Why a file of type `kind` (`st_mode & S_IFMT`) cannot be an input, as a noun phrase
    /// ("a directory, expected a file"); nil for a regular file, a FIFO or a socket.
    public static func refusal(of kind: mode_t) -> String? {
        switch kind {
        case S_IFREG, S_IFIFO, S_IFSOCK: nil
        case S_IFDIR: "a directory, expected a file"
        default: "a device (such as /dev/null or a terminal), not a file: give a file, a FIFO or a process substitution such as <(zcat data.csv.gz)"
        }
    }

    /// The whole content of `path`, opened as ``open(_:)`` does (for inputs read at once: the
    /// baseline report, the configuration).
    /// - Throws: as ``open(_:)``, and `file-unreadable` when a read fails.
    public static func contents(of path: String) throws(InputError) -> Data {
        let fd = try open(path)
        defer { Glibc.close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw error("file-unreadable", "read failed: " + String(cString: strerror(errno)), path)
            }
            if n == 0 { return data }
            data.append(contentsOf: buffer[..<n])
        }
    }

    /// The size in bytes of the regular file at `path`, or of its copy when it is a FIFO that
    /// was opened; 0 for anything else or when unknown.
    public static func size(of path: String) -> Int {
        var info = stat()
        if let copy = copies.descriptor(for: path) {
            return fstat(copy, &info) == 0 ? Int(info.st_size) : 0
        }
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    private static func error(_ code: String, _ message: String, _ path: String) -> InputError {
        InputError(code: code, message, at: SourceLocation(file: path, line: 0))
    }

    /// A new descriptor on the copy `fd`, with its own offset at the start.
    private static func reopen(_ fd: Int32, path: String) throws(InputError) -> Int32 {
        #if os(Linux)
        let new = Glibc.open("/proc/self/fd/\(fd)", O_RDONLY | O_CLOEXEC)
        #else
        let new = dup(fd)
        if new >= 0 { lseek(new, 0, SEEK_SET) }
        #endif
        guard new >= 0 else { throw error("file-unreadable", "cannot reopen the copy of the stream: " + String(cString: strerror(errno)), path) }
        return new
    }

    /// The copies of the streams read so far, by path, for the life of the process.
    private static let copies = Copies()

    /// Copies streams into unlinked temporary files. Each path has a lock of its own, so two
    /// streams are copied at the same time (one program may feed both, as `tee` does: copying
    /// one after the other would wait for ever) while one stream is copied once.
    private final class Copies: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: Entry] = [:]

        /// The copy of one path, behind its lock; nil until copied (or when copying failed).
        private final class Entry: @unchecked Sendable {
            let lock = NSLock()
            var descriptor: Int32?
        }

        func descriptor(for path: String) -> Int32? {
            guard let entry = lock.withLock({ entries[path] }) else { return nil }
            return entry.lock.withLock { entry.descriptor }
        }

        /// Reads the stream `fd` (opened non-blocking) to its end into a new copy, closes it,
        /// and opens the copy; opens the copy made already when another open of `path` did.
        func copy(_ fd: Int32, path: String) throws(InputError) -> Int32 {
            defer { Glibc.close(fd) }
            let entry = lock.withLock {
                if let entry = entries[path] { return entry }
                let entry = Entry()
                entries[path] = entry
                return entry
            }
            entry.lock.lock()
            defer { entry.lock.unlock() }
            if let done = entry.descriptor { return try InputStreams.reopen(done, path: path) }
            let copy = try Self.spool(fd, path: path)
            entry.descriptor = copy
            return try InputStreams.reopen(copy, path: path)
        }

        /// Writes everything `fd` gives to an unlinked temporary file and returns it.
        private static func spool(_ fd: Int32, path: String) throws(InputError) -> Int32 {
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n == 0 {
                // No writer yet (a writer that has come and gone leaves the FIFO readable).
                var wait = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&wait, 1, InputStreams.writerWait) > 0 else {
                    throw InputStreams.error("file-unreadable", "is a FIFO that no program writes to (waited \(InputStreams.writerWait / 1000) s)", path)
                }
                n = -1
                errno = EAGAIN
            }
            if n < 0 && errno != EAGAIN && errno != EINTR {
                throw InputStreams.error("file-unreadable", "read failed: " + String(cString: strerror(errno)), path)
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            var template = Array((NSTemporaryDirectory() + "/flrisk-input-XXXXXX").utf8CString)
            let copy = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard copy >= 0 else {
                throw InputStreams.error("file-unreadable", "cannot copy the stream to a temporary file: " + String(cString: strerror(errno)), path)
            }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            _ = fcntl(copy, F_SETFD, FD_CLOEXEC)
            do throws(InputError) {
                while true {
                    if n > 0 { try write(buffer[..<n], to: copy, path: path) }
                    n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                    if n == 0 { break }
                    if n < 0 {
                        if errno == EINTR || errno == EAGAIN { continue }
                        throw InputStreams.error("file-unreadable", "read failed: " + String(cString: strerror(errno)), path)
                    }
                }
            } catch {
                Glibc.close(copy)
                throw error
            }
            return copy
        }

        /// Writes all of `bytes` to `fd`.
        private static func write(_ bytes: ArraySlice<UInt8>, to fd: Int32, path: String) throws(InputError) {
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputStreams.error("file-unreadable", "cannot copy the stream to a temporary file: " + String(cString: strerror(errno)), path)
                }
                done += n
            }
        }
    }
}
