#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through one large byte buffer and `write(2)`, under a temporary name that
/// ``TemporaryFiles/commit(_:)`` (``SupplyChainGenerator/temporaryFiles``) renames to the final one once ``close()`` has written it all;
/// ``discard()`` removes it. A failed run therefore never leaves a partial file under the final name.
///
/// The append methods format numbers by hand into the buffer: no `String` is made per row. It is
/// a non-copyable struct passed `inout`, so the hot loops pay no reference counting and no
/// dynamic exclusivity checks.
struct OutputFile: ~Copyable {
    let path: String
    let temporaryPath: String
    private var descriptor: Int32
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var flushed: UInt64 = 0
    /// Bytes written so far (flushed or buffered).
    var bytesWritten: UInt64 { flushed + UInt64(count) }

    /// Creates `path`'s temporary sibling (`.<name>.tmp-<pid>`), exclusively, listed in
    /// ``SupplyChainGenerator/temporaryFiles`` so that an interruption removes it.
    /// - Throws: ``GeneratorError/outputFailed(path:reason:)`` when it cannot be created.
    init(path: String, bufferSize: Int = 1 << 22) throws(GeneratorError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = "\(directory).\(name).tmp-\(getpid())"
        guard let fd = SupplyChainGenerator.temporaryFiles.create(temporaryPath) else {
            throw .outputFailed(path: path, reason: errno == 0 ? "interrupted" : "cannot create \(temporaryPath): \(Self.errorText())")
        }
        descriptor = fd
        capacity = bufferSize
        buffer = .allocate(capacity: bufferSize)
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
        buffer.deallocate()
    }

    static func errorText() -> String { String(cString: strerror(errno)) }

    /// Writes the buffer out, retrying short writes and EINTR.
    mutating func flush() throws(GeneratorError) {
        var offset = 0
        while offset < count {
            let n = write(descriptor, buffer + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw .outputFailed(path: path, reason: "write failed: \(Self.errorText())")
            }
            offset += n
        }
        flushed += UInt64(count)
        count = 0
    }

    /// Makes room for `needed` bytes (at most the buffer size).
    @inline(__always)
    mutating func reserve(_ needed: Int) throws(GeneratorError) {
        if count + needed > capacity { try flush() }
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        buffer[count] = b
        count += 1
    }

    /// Appends bytes; large arrays are written through in pieces.
    mutating func bytes(_ source: [UInt8]) throws(GeneratorError) {
        var start = 0
        while start < source.count {
            let end = min(source.count, start + capacity / 2)
            try reserve(end - start)
            let destination = buffer + count
            source[start..<end].withUnsafeBufferPointer { destination.update(from: $0.baseAddress!, count: $0.count) }
            count += end - start
            start = end
        }
    }

    /// Appends bytes already known to fit (after ``reserve(_:)``).
    @inline(__always)
    mutating func bytesReserved(_ source: [UInt8]) {
        let destination = buffer + count
        source.withUnsafeBufferPointer { if let base = $0.baseAddress { destination.update(from: base, count: $0.count) } }
        count += source.count
    }

    /// Appends entry `index` of `table` (after ``reserve(_:)``).
    @inline(__always)
    mutating func append(_ table: ByteTable, _ index: Int) {
        let start = table.starts[index]
        let length = table.starts[index + 1] - start
        (buffer + count).update(from: table.storage + start, count: length)
        count += length
    }

    /// Appends a non-negative integer in decimal (at most 20 bytes; reserve first).
    @inline(__always)
    mutating func decimal(_ value: UInt64) {
        var length = 1
        var rest = value
        while rest >= 10 { rest /= 10; length += 1 }
        var v = value
        var i = count + length - 1
        repeat {
            buffer[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
            v /= 10
            i -= 1
        } while v > 0
        count += length
    }

    /// Appends `value` padded with zeros to `width` digits.
    @inline(__always)
    mutating func decimal(_ value: UInt64, width: Int) {
        var v = value
        for i in stride(from: width - 1, through: 0, by: -1) {
            buffer[count + i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
            v /= 10
        }
        count += width
    }

    /// Appends `units / 10^digits` as a decimal in (0, 1): `0.` then the digits without trailing
    /// zeros (units must be in 1 ..< 10^digits).
    @inline(__always)
    mutating func fraction(units: UInt64, digits: Int) {
        var v = units
        var width = digits
        while v % 10 == 0 { v /= 10; width -= 1 }
        buffer[count] = 48
        buffer[count + 1] = 46
        count += 2
        decimal(v, width: width)
    }

    /// Appends `cents` as an amount with two decimals (`1234.50`).
    @inline(__always)
    mutating func amount(cents: UInt64) {
        decimal(cents / 100)
        byte(46)
        decimal(cents % 100, width: 2)
    }

    /// Flushes and closes the temporary file, complete, for ``TemporaryFiles/commit(_:)``.
    mutating func close() throws(GeneratorError) {
        try flush()
        let status = systemClose(descriptor)
        descriptor = -1
        if status != 0 { throw .outputFailed(path: path, reason: "close failed: \(Self.errorText())") }
    }

    /// Closes and removes the temporary file (after a failure).
    mutating func discard() {
        if descriptor >= 0 { _ = systemClose(descriptor); descriptor = -1 }
        SupplyChainGenerator.temporaryFiles.discard(temporaryPath)
    }
}

/// `close(2)`, named apart from ``OutputFile/close()``.
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
