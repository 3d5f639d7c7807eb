#if canImport(Glibc)
import Glibc
#endif

/// Small helpers shared by the benchmark drivers (`graph-bench`, `ingest-bench`).
public enum BenchCommandLine {
    /// Prints `message` and exits with status 2.
    public static func fail(_ tool: String, _ message: String) -> Never {
        print("\(tool): \(message)")
        exit(2)
    }

    /// The value after `name` in `arguments`, or `value`; fails when neither exists.
    public static func option(_ tool: String, _ name: String, _ arguments: [String], default value: String? = nil) -> String {
        if let i = arguments.firstIndex(of: name), i + 1 < arguments.count { return arguments[i + 1] }
        if let value { return value }
        fail(tool, "missing \(name)")
    }

    /// Monotonic seconds.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Peak resident memory of this process, in bytes.
    public static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
