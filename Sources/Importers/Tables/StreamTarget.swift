#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output paths that are not files: a character device (`/dev/null`, a terminal), a FIFO or a
/// socket, or an open descriptor (`/dev/stdout`, `/dev/fd/3`, whatever it is open on). Writing
/// one atomically (a temporary file renamed over it) would replace the device, pipe or link by
/// a regular file, or fail for want of write access to its directory (`/dev`); such a target
/// is written in place instead.
public enum StreamTarget {
    /// Whether `path` exists (following symbolic links) and is a device, FIFO or socket, or
    /// names an open descriptor (``descriptor(_:)``).
    public static func isStream(_ path: String) -> Bool {
        if descriptor(path) != nil { return true }
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFCHR || type == S_IFIFO || type == S_IFSOCK
    }

    /// The open descriptor `path` names, directly or through symbolic links: `/dev/fd/N` or
    /// `/proc/self/fd/N` (on Linux `/dev/stdout` and `/dev/stderr` link there); nil for other
    /// paths. Standard output redirected to a regular file (`--output /dev/stdout > r.json`)
    /// is such a path to a regular file: it is written through the descriptor, at its offset
    /// and in its append mode, not replaced.
    public static func descriptor(_ path: String) -> Int32? {
        var current = path
        for _ in 0..<16 {
            let parts = current.split(separator: "/", omittingEmptySubsequences: false)
            let isFDFolder = parts.count == 4 && parts[0].isEmpty && parts[1] == "dev" && parts[2] == "fd"
            let isProcFolder = parts.count == 5 && parts[0].isEmpty && parts[1] == "proc"
                && (parts[2] == "self" || parts[2] == Substring(String(getpid()))) && parts[3] == "fd"
            if isFDFolder || isProcFolder, let last = parts.last, last.allSatisfy(\.isASCII), let fd = Int32(last), fd >= 0 {
                return fcntl(fd, F_GETFD) == -1 ? nil : fd
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, Int(PATH_MAX))
            guard length > 0 else { return nil }
            let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + target
            } else {
                current = target
            }
        }
        return nil
    }

    /// Whether `path` is the file standard output is open on (`/dev/stdout`, or the terminal
    /// or file it goes to): what is written there is mixed with what is printed.
    public static func isStandardOutput(_ path: String) -> Bool {
        var target = stat(), standard = stat()
        guard stat(path, &target) == 0, fstat(STDOUT_FILENO, &standard) == 0 else { return false }
        return target.st_dev == standard.st_dev && target.st_ino == standard.st_ino
    }

    /// Writes the UTF-8 of `text` to the stream at `path`, in place (no copy of a native
    /// string); nil on success, else the system's reason.
    public static func write(_ text: String, to path: String) -> String? {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: path) }
    }

    /// Writes `bytes` to the stream at `path` (an open descriptor it names: through that
    /// descriptor, left open); nil on success, else the system's reason.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) -> String? {
        let open = descriptor(path)
        let fd = open ?? Glibc.open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        if let reason = write(bytes, toDescriptor: fd) {
            if open == nil { _ = close(fd) }
            return reason
        }
        if open != nil { return nil }
        return close(fd) == 0 ? nil : String(cString: strerror(errno))
    }

    /// Writes the UTF-8 of `text` to the open descriptor `fd` (standard output or error), in
    /// place; nil on success, else the system's reason (`No space left on device` for
    /// `> /dev/full`, `Bad file descriptor` when it was closed with `>&-`). `FileHandle.write`
    /// trapped on these instead: the process crashed.
    public static func write(_ text: String, toDescriptor fd: Int32) -> String? {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), toDescriptor: fd) }
    }

    /// Writes all of `bytes` to the open descriptor `fd`, retrying short writes and `EINTR`;
    /// nil on success, else the system's reason.
    public static func write(_ bytes: UnsafeRawBufferPointer, toDescriptor fd: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += n
        }
        return nil
    }
}
