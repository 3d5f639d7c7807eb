import FlriskTestSupport
import Testing
@testable import Reporting
import SupplyChainModel

/// ``SharedCells`` finds a value's rendered cell by the bits it is stored as: it must give the
/// cell a fresh rendering gives, for short (inline) and long (allocated) strings, for equal
/// strings stored separately, and after collisions replace entries.
struct SharedCellsTests {
    @Test func givesWhatRenderingGives() {
        var rng = SeededGenerator(seed: 5)
        let words = ["a.csv", "contracts.csv", "=formula.csv", "/tmp/a very long path/that is not inline/contracts.csv", "\"quoted\".csv", "é.csv", ""]
        // Distinct string values, some equal in content but built separately (other storage).
        let values: [String] = (0..<200).map { i in
            let word = words[i % words.count]
            return i % 3 == 0 ? word : String(decoding: Array(word.utf8) + Array("/\(i % 40)".utf8), as: UTF8.self)
        }
        var cells = SharedCells<String>(slots: 4)
        var renders = 0
        for step in 0..<3000 {
            let value = values[Int(rng.next() % UInt64(values.count))]
            var out: [UInt8] = Array("x,".utf8)
            withUnsafePointer(to: value) { stored in
                cells.append(storedAt: UnsafeRawPointer(stored), value: { stored.pointee }, to: &out) { text, cell in
                    renders += 1
                    CSVReport.appendText(text, to: &cell)
                }
            }
            var expected: [UInt8] = Array("x,".utf8)
            CSVReport.appendText(value, to: &expected)
            #expect(out == expected, "step \(step): \(value)")
        }
        #expect(renders < 3000, "some look-ups hit")
        #expect(renders > 200, "4 slots for 200 values: entries are replaced")
    }
}

/// ``StoredBitsCache`` with arrays (one word) and optional strings (two words) as keys.
struct StoredBitsCacheTests {
    @Test func arraysAndOptionalStrings() {
        let a = [1, 2, 3], b = [1, 2, 3], empty: [Int] = []
        var arrays = StoredBitsCache<[Int], String>(slots: 8)
        func bits(_ array: [Int]) -> (UInt64, UInt64) { withUnsafePointer(to: array) { StoredBitsCache<[Int], String>.bits(at: UnsafeRawPointer($0)) } }
        // Equal arrays in separate buffers are separate keys; a copy shares its buffer's bits.
        let copy = a
        #expect(bits(a) != bits(b))
        #expect(bits(copy) == bits(a))
        let slot = arrays.slot(for: bits(a))
        #expect(arrays.value(for: bits(a), in: slot) == nil)
        arrays.store("a", for: bits(a), of: a, in: slot)
        #expect(arrays.value(for: bits(a), in: slot) == "a")
        #expect(arrays.value(for: bits(empty), in: arrays.slot(for: bits(empty))) == nil)
        arrays.removeAll()
        #expect(arrays.value(for: bits(a), in: slot) == nil)

        var dates = StoredBitsCache<String?, Int>(slots: 2)
        let values: [String?] = [nil, "2025-10-01", "2025-10-02", String(repeating: "2025-10-01T00:00:00Z", count: 2)]
        for (k, value) in values.enumerated() {
            let key = withUnsafePointer(to: value) { StoredBitsCache<String?, Int>.bits(at: UnsafeRawPointer($0)) }
            let slot = dates.slot(for: key)
            dates.store(k, for: key, of: value, in: slot)
            #expect(dates.value(for: key, in: slot) == k)
        }
        // Inline strings: equal text, equal bits, wherever they were made.
        let made = String(decoding: Array("2025-10-02".utf8), as: UTF8.self)
        let key = withUnsafePointer(to: Optional(made)) { StoredBitsCache<String?, Int>.bits(at: UnsafeRawPointer($0)) }
        let other = withUnsafePointer(to: Optional("2025-10-02")) { StoredBitsCache<String?, Int>.bits(at: UnsafeRawPointer($0)) }
        #expect(key == other)
    }

    /// Keys that differ only in a few bytes (ten years of ISO dates, inline strings) spread over
    /// the slots: a slot from a shift and a mask of the key dropped the year and the month's
    /// second digit, and every date went to one of a few dozen slots.
    @Test func slotsSpreadKeysThatDifferInFewBytes() {
        let cache = StoredBitsCache<String?, Int>(slots: 4096)
        var slots = Set<Int>()
        for year in 2015..<2025 {
            for month in 1...12 {
                for day in 1...28 {
                    let date: String? = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                    let key = withUnsafePointer(to: date) { StoredBitsCache<String?, Int>.bits(at: UnsafeRawPointer($0)) }
                    let slot = cache.slot(for: key)
                    #expect((0..<4096).contains(slot))
                    slots.insert(slot)
                }
            }
        }
        // 3,360 dates: about 4096 × (1 − e^(−3360/4096)) ≈ 2,300 distinct slots if spread at random.
        #expect(slots.count > 2000)
        let single = StoredBitsCache<String?, Int>(slots: 1)
        #expect(single.slot(for: (.max, .max)) == 0 && single.slot(for: (0, 0)) == 0)
    }
}
