import SupplyChainModel
import Testing

/// `CountedReferences`, through which the contract and supplier assessments built on workers
/// hold the run's shared records: each taken reference is one counted up front, so the object
/// lives exactly as long as the values that took them (no early release, no leak).
@Suite("Counted references")
struct CountedReferencesTests {
    final class Shared: Sendable {
        let value: Int
        init(value: Int) { self.value = value }
    }

    struct Holder: Sendable {
        let shared: Shared
        let index: Int
    }

    @Test(arguments: [0, 1, 2, 1000])
    func theObjectLivesWhileAHolderDoesAndNoLonger(count: Int) {
        weak var watched: Shared?
        var holders: [Holder] = []
        do {
            let shared = Shared(value: 42)
            watched = shared
            let references = CountedReferences(to: shared, count: count)
            holders = Concurrently.array(count: count, slices: 3) { Holder(shared: references.take(), index: $0) }
        }
        #expect(holders.map(\.index) == Array(0..<count))
        #expect(holders.allSatisfy { $0.shared.value == 42 })
        if count > 0 {
            // The caller's own reference is gone: the holders keep the object alive.
            #expect(watched != nil)
            holders.removeSubrange(0..<(count / 2))
            #expect(watched?.value == 42)
        }
        holders = []
        #expect(watched == nil)
    }
}
