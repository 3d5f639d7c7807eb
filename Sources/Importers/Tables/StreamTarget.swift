#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output paths that are not files: a character device (`/dev/null`, `/dev/stdout`, a
/// terminal), a FIFO or a socket. Writing one atomically (a temporary file renamed over it)
/// would replace the device or pipe by a regular file, or fail for want of write access to
/// its directory (`/dev`); such a target is written in place instead.
public enum StreamTarget {
    /// Whether `path` exists (following symbolic links) and is a device, FIFO or socket.
    public static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFCHR || type == S_IFIFO || type == S_IFSOCK
    }

    /// Writes the UTF-8 of `text` to the stream at `path`, in place (no copy of a native
    /// string); nil on success, else the system's reason.
    public static func write(_ text: String, to path: String) -> String? {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: path) }
    }

    /// Writes `bytes` to the stream at `path`; nil on success, else the system's reason.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        var written = 0
        while written < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                _ = close(fd)
                return reason
            }
            written += n
        }
        return close(fd) == 0 ? nil : String(cString: strerror(errno))
    }
}
