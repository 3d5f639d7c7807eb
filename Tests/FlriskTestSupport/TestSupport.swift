import Foundation

/// SplitMix64: a small, seedable generator so every property-test case can be replayed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0).
    public mutating func next(below bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }
}

/// A scratch directory for one test, removed when the value is deinitialised.
public final class ScratchDirectory {
    public let url: URL

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("flrisk-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` and returns its path.
    @discardableResult
    public func file(_ name: String, bytes: [UInt8]) -> String {
        let path = url.appendingPathComponent(name).path
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "could not write \(path)")
        return path
    }

    /// Writes `text` as UTF-8 to `name` and returns its path.
    @discardableResult
    public func file(_ name: String, _ text: String) -> String { file(name, bytes: Array(text.utf8)) }

    /// Writes a file piece by piece (so the test never holds it whole) and returns its path.
    public func stream(_ name: String, _ write: (FileHandle) -> Void) -> String {
        let path = url.appendingPathComponent(name).path
        precondition(FileManager.default.createFile(atPath: path, contents: nil), "could not create \(path)")
        let handle = FileHandle(forWritingAtPath: path)!
        write(handle)
        try! handle.close()
        return path
    }
}
