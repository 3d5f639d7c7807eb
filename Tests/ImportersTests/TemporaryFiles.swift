import Foundation
import FlriskTestSupport

/// Scratch directories and the seeded generator come from FlriskTestSupport.
typealias TemporaryDirectory = ScratchDirectory
typealias SplitMix64 = SeededGenerator

/// The fixture files under Tests/ImportersTests/Fixtures.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

}
