#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits the rows of a CSR graph into contiguous ranges of about equal cost
/// (links + rows), one per worker.
public struct WorkPartition: Sendable, Hashable {
    /// `workers + 1` row boundaries.
    public let boundaries: [Int]

    /// - Parameters:
    ///   - rowOffsets: the CSR offsets (`nodeCount + 1` values).
    ///   - workers: the number of ranges wanted (at least 1).
    /// - Complexity: O(workers · log nodes).
    public init(rowOffsets: [Int], workers: Int) {
        let nodes = rowOffsets.count - 1
        let workers = max(1, workers)
        let total = rowOffsets[nodes] + nodes
        var boundaries = [0]
        for w in 1..<workers {
            let target = total * w / workers
            // First row r with rowOffsets[r] + r >= target.
            var low = boundaries.last!, high = nodes
            while low < high {
                let mid = (low + high) / 2
                if rowOffsets[mid] + mid < target { low = mid + 1 } else { high = mid }
            }
            boundaries.append(low)
        }
        boundaries.append(nodes)
        self.boundaries = boundaries
    }

    public var count: Int { boundaries.count - 1 }
    public func rows(of worker: Int) -> Range<Int> { boundaries[worker]..<boundaries[worker + 1] }

    /// The number of processors online, the default worker count.
    public static var defaultWorkers: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
