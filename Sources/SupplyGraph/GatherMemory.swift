#if canImport(Glibc)
import Glibc
#endif

/// Memory read at random: the per-node state the propagation gathers from, and the slots of
/// the id interner. Large buffers are marked for transparent huge pages on Linux: a gather
/// from a multi-megabyte array of 4 KiB pages misses the TLB on almost every link, which costs
/// about as much as the cache miss itself (measured: the fused propagation at 10^7 links runs
/// about 25 % faster).
enum GatherMemory {
    /// The huge page size on x86-64 and most ARM64 Linux kernels.
    static let hugePage = 2 << 20

    /// Room for `capacity` values, uninitialised, aligned to 2 MiB when it spans one; release
    /// it with ``deallocate(_:)``.
    static func allocate<T>(_ type: T.Type, capacity: Int) -> UnsafeMutableBufferPointer<T> {
        let bytes = max(1, capacity) * MemoryLayout<T>.stride
        let alignment = bytes >= hugePage ? hugePage : max(64, MemoryLayout<T>.alignment)
        let rounded = (bytes + alignment - 1) / alignment * alignment
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, alignment, rounded) == 0, let raw else {
            fatalError("out of memory: \(rounded) bytes for the propagation state")
        }
        if alignment == hugePage { adviseHugePages(raw, bytes: rounded) }
        return UnsafeMutableBufferPointer(start: raw.bindMemory(to: T.self, capacity: capacity), count: capacity)
    }

    /// An array of `count` copies of `value` whose storage is marked for huge pages before it
    /// is first written (the whole 2 MiB pages inside it; small arrays are left as they are).
    /// For hash tables probed at random (id interning), where the same TLB misses arise.
    static func array<T>(repeating value: T, count: Int) -> [T] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                adviseHugePages(UnsafeMutableRawPointer(base), bytes: count * MemoryLayout<T>.stride)
            }
            buffer.initialize(repeating: value)
            initialized = count
        }
    }

    /// Marks the whole huge pages inside `bytes` bytes at `start` for transparent huge pages.
    private static func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        let address = UInt(bitPattern: start)
        let first = (address + UInt(hugePage) - 1) / UInt(hugePage) * UInt(hugePage)
        let end = (address + UInt(bytes)) / UInt(hugePage) * UInt(hugePage)
        guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, Int(end - first), MADV_HUGEPAGE)
        #endif
    }

    /// Releases memory from ``allocate(_:capacity:)``.
    static func deallocate<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        free(buffer.baseAddress)
    }
}
