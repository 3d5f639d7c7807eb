import FlriskTestSupport

/// The seeded generator comes from FlriskTestSupport.
typealias SeededGenerator = FlriskTestSupport.SeededGenerator
