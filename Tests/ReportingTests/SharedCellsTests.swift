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
