import Dispatch
import Foundation
import Testing
@testable import Reporting

/// ``PathDrawings`` draws each path once and then gives the same drawing, from any worker, and
/// stops keeping drawings at its capacity (a drawing it does not keep is drawn again, the same).
struct PathDrawingsTests {
    @Test func drawsEachPathOnceAcrossWorkers() {
        let drawings = PathDrawings()
        let calls = CallCounter()
        let paths = (0..<50).map { [$0, $0 + 1, $0 * 7] }
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for round in 0..<3 {
                for path in paths.shuffled() {
                    let drawing = drawings.drawing(of: path) {
                        calls.add()
                        return path.map(String.init).joined(separator: ">")
                    }
                    #expect(drawing == path.map(String.init).joined(separator: ">"), "worker \(worker) round \(round)")
                }
            }
        }
        // A path may be drawn by two workers at once the first time, never after.
        #expect(calls.count >= paths.count && calls.count <= paths.count * 4)
        var again = 0
        for path in paths { _ = drawings.drawing(of: path) { again += 1; return "" } }
        #expect(again == 0)
    }

    @Test func keepsAtMostItsCapacity() {
        let drawings = PathDrawings()
        for i in 0..<(PathDrawings.capacity + 10) { _ = drawings.drawing(of: [i, -1]) { "d\(i)" } }
        var redrawn = 0
        let beyond = [PathDrawings.capacity + 5, -1]
        #expect(drawings.drawing(of: beyond) { redrawn += 1; return "d\(PathDrawings.capacity + 5)" } == "d\(PathDrawings.capacity + 5)")
        #expect(redrawn == 1)
        #expect(drawings.drawing(of: [0, -1]) { "other" } == "d0")
    }
}

/// A counter several threads add to.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
