import Testing
@testable import Importers

/// ``BytesIndex`` answers as a dictionary keyed by the bytes would, through its growth.
struct BytesIndexTests {
    @Test func agreesWithADictionaryOfBytes() {
        var rng = SplitMix64(seed: 7)
        var index = BytesIndex()
        var expected: [[UInt8]: Int32] = [:]
        for step in 0..<5000 {
            // Short and long keys, the empty key, keys that share prefixes.
            let length = Int(rng.next() % 24)
            let key = (0..<length).map { _ in UInt8(0x61 + rng.next() % 3) }
            let found = key.withUnsafeBytes { index.number(of: $0) }
            #expect(found == expected[key], "step \(step)")
            if found == nil {
                let number = Int32(expected.count) * 3
                key.withUnsafeBytes { index.insert($0, number: number) }
                expected[key] = number
            }
        }
        #expect(index.count == expected.count)
        #expect(expected.count > 1000)
        for (key, number) in expected { #expect(key.withUnsafeBytes { index.number(of: $0) } == number) }
    }
}
