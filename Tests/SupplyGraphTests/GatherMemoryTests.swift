import Testing
@testable import SupplyGraph

/// Huge-page memory is ordinary memory to its users: every element there, writable, and
/// large buffers aligned to the huge page.
@Suite("Gather memory")
struct GatherMemoryTests {
    @Test(arguments: [0, 1, 1000, 300_000, 1_000_003])
    func arraysHoldEveryElement(count: Int) {
        var array = GatherMemory.array(repeating: IDInterner.Slot(prefix: 7, meta: 9), count: count)
        #expect(array.count == count)
        #expect(array.allSatisfy { $0.prefix == 7 && $0.meta == 9 })
        if count > 0 {
            array[count - 1].meta = 1
            #expect(array[count - 1].meta == 1 && (count == 1 || array[0].meta == 9))
        }
    }

    @Test(arguments: [1, 100, 131_072, 1_000_000])
    func buffersAreWritableAndLargeOnesAligned(count: Int) {
        let buffer = GatherMemory.allocate(Double.self, capacity: count)
        defer { GatherMemory.deallocate(buffer) }
        #expect(buffer.count == count)
        _ = buffer.initialize(from: (0..<count).lazy.map(Double.init))
        #expect(buffer[count - 1] == Double(count - 1))
        let address = UInt(bitPattern: buffer.baseAddress)
        #expect(address % 64 == 0)
        if count * MemoryLayout<Double>.stride >= GatherMemory.hugePage { #expect(address % UInt(GatherMemory.hugePage) == 0) }
    }
}
