internal import CPrefetch
import RiskModel
import SupplyChainModel

/// Starts loading, some contracts ahead of a writer walking the queue, the memory that the
/// writer's rows will read: each contract's assessment, record and flags, each flag's message,
/// path and fields, the vendor's name and the path's supplier ids. They are scattered over the heap
/// (each was allocated by the worker that assessed its contract), so a writer that waits for
/// each in turn spends most of its time on cache misses.
///
/// Each stage reads only what an earlier stage requested, and finds the heap objects by reading
/// stored references as plain bits: nothing is retained and nothing waits for memory that was
/// not requested. A prefetch has no effect on results (a wrong address is ignored).
struct QueuePrefetch {
    let contracts: UnsafeBufferPointer<ContractAssessment>
    /// The run's supplier records (``RiskModel/Assessment/supplierRecords``), by node.
    let suppliers: UnsafeBufferPointer<Supplier>
    /// The run's contract records (``RiskModel/Assessment/contractRecords``), in input order:
    /// in queue order they are read at random.
    let records: UnsafeBufferPointer<Contract>
    let ids: SupplierIDBytes.View

    /// How far ahead (in contracts) each stage works: the contract's record; its flags buffer
    /// and vendor record; its flags' arrays, messages and vendor name; its path ids.
    private static let recordAhead = 24, flagsAhead = 16, contentsAhead = 8, idsAhead = 4
    /// Flags per contract, and nodes per path, whose memory is requested.
    private static let flagLimit = 4, nodeLimit = 8

    static let flagsOffset = MemoryLayout<ContractAssessment>.offset(of: \.flags)!
    private static let vendorOffset = MemoryLayout<ContractAssessment>.offset(of: \.vendor)!
    static let messageOffset = MemoryLayout<ReviewFlag>.offset(of: \.message)!
    static let pathOffset = MemoryLayout<ReviewFlag>.offset(of: \.path)!
    private static let fieldsOffset = MemoryLayout<ReviewFlag>.offset(of: \.fields)!
    static let nameOffset = MemoryLayout<Supplier>.offset(of: \.name)!
    /// Bytes of a native array buffer's header (metadata, reference count, count, capacity)
    /// before its first element; the count is at offset 16.
    private static let arrayHeader = 32

    /// Requests the memory of the contracts a stage's distance after `rank`.
    @inline(__always)
    func ahead(of rank: Int) {
        if rank + Self.recordAhead < contracts.count {
            let record = UnsafeRawPointer(contracts.baseAddress! + rank + Self.recordAhead)
            flrisk_prefetch(record + Self.flagsOffset)
            flrisk_prefetch(record + Self.vendorOffset)
        }
        if rank + Self.flagsAhead < contracts.count {
            let k = rank + Self.flagsAhead
            flrisk_prefetch(Self.object(storedAt: UnsafeRawPointer(contracts.baseAddress! + k) + Self.flagsOffset))
            if records.indices.contains(contracts[k].offset) {
                let record = UnsafeRawPointer(records.baseAddress! + contracts[k].offset)
                for line in stride(from: 0, to: MemoryLayout<Contract>.size, by: 64) { flrisk_prefetch(record + line) }
            }
            if let vendor = contracts[k].vendor, suppliers.indices.contains(vendor) {
                flrisk_prefetch(UnsafeRawPointer(suppliers.baseAddress! + vendor) + Self.nameOffset)
            }
        }
        if rank + Self.contentsAhead < contracts.count {
            let k = rank + Self.contentsAhead
            forEachFlag(of: k) { flag in
                flrisk_prefetch(Self.object(storedAt: flag + Self.pathOffset))
                flrisk_prefetch(Self.object(storedAt: flag + Self.fieldsOffset))
                Self.prefetchString(storedAt: flag + Self.messageOffset)
            }
            if let vendor = contracts[k].vendor, suppliers.indices.contains(vendor) {
                Self.prefetchString(storedAt: UnsafeRawPointer(suppliers.baseAddress! + vendor) + Self.nameOffset)
            }
        }
        if rank + Self.idsAhead < contracts.count {
            forEachFlag(of: rank + Self.idsAhead) { flag in
                let path = Self.elements(ofArrayStoredAt: flag + Self.pathOffset)
                for n in 0..<max(0, min(path.count, Self.nodeLimit)) { ids.prefetch(path.start.load(fromByteOffset: n * MemoryLayout<Int>.stride, as: Int.self)) }
            }
        }
    }

    /// Calls `body` with the address of each of the first flags of contract `k`.
    @inline(__always)
    private func forEachFlag(of k: Int, _ body: (UnsafeRawPointer) -> Void) {
        let flags = Self.elements(ofArrayStoredAt: UnsafeRawPointer(contracts.baseAddress! + k) + Self.flagsOffset)
        for f in 0..<max(0, min(flags.count, Self.flagLimit)) { body(flags.start + f * MemoryLayout<ReviewFlag>.stride) }
    }

    /// The elements of the native `Array` stored at `address`: its buffer's first element and
    /// count (read from the buffer, which must be in the cache by then).
    @inline(__always)
    static func elements(ofArrayStoredAt address: UnsafeRawPointer) -> (start: UnsafeRawPointer, count: Int) {
        let buffer = object(storedAt: address)
        return (buffer + arrayHeader, buffer.load(fromByteOffset: 16, as: Int.self))
    }

    /// The heap object whose reference is stored at `address`, from the reference's bits.
    @inline(__always)
    private static func object(storedAt address: UnsafeRawPointer) -> UnsafeRawPointer {
        UnsafeRawPointer(bitPattern: address.load(as: UInt.self))!
    }

    /// Requests the bytes of the `String` stored at `address`. A native string's second word is
    /// its storage's address under four flag bits, the bytes after a 32-byte header; for a small
    /// or literal string the address is meaningless, and the prefetch is ignored.
    @inline(__always)
    private static func prefetchString(storedAt address: UnsafeRawPointer) {
        if let bytes = stringBytes(storedAt: address) { flrisk_prefetch(bytes) }
    }

    /// Where the bytes of the native `String` stored at `address` are; meaningless for a small
    /// or literal string (see ``prefetchString(storedAt:)``).
    @inline(__always)
    static func stringBytes(storedAt address: UnsafeRawPointer) -> UnsafeRawPointer? {
        UnsafeRawPointer(bitPattern: address.load(fromByteOffset: 8, as: UInt.self) & 0x0FFF_FFFF_FFFF_FFFF).map { $0 + 32 }
    }
}
