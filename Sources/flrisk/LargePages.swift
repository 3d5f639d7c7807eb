#if canImport(Glibc)
import Glibc
#endif

/// Transparent huge pages for large jobs. Where the system gives them only to memory that asks
/// for them (`/sys/kernel/mm/transparent_hugepage/enabled` is `madvise`, the usual default),
/// glibc's allocator asks only when the `glibc.malloc.hugetlb=1` tunable is in the environment
/// at start. With input files of ``minimumInputBytes`` or more, flrisk restarts itself once
/// with the tunable added: at 10^7 links the kernel's page-fault work halves and the whole
/// job takes about a tenth less time, for the same peak memory; below that size it does not
/// pay for the restart. `FLRISK_LARGE_PAGES=0` turns this off, `=1` restarts whatever the
/// input size (tests).
///
/// The restart also caps glibc's arenas at one per core (``arenaTunable``; glibc allows eight
/// per core, and memory freed into one arena is not reused by another, so Dispatch workers
/// that allocate and free in turn held more than they used): at 10^7 links the peak memory
/// fell from 1.75-1.78 GB to 1.61-1.62 GB in alternated runs, for the same CPU time. A cap
/// already in the environment (`MALLOC_ARENA_MAX` or the tunable) is kept.
enum LargePages {
    /// The environment variable that turns the restart off (`0`) or forces it (`1`).
    static let switchVariable = "FLRISK_LARGE_PAGES"
    /// The glibc tunable that makes `malloc` ask for transparent huge pages.
    static let tunable = "glibc.malloc.hugetlb"
    /// The glibc tunable that caps `malloc`'s arenas.
    static let arenaTunable = "glibc.malloc.arena_max"
    /// Input bytes (all the files named on the command line) from which the restart pays.
    static let minimumInputBytes = 64 << 20

    /// Restarts this process with ``tunable`` set when that is worthwhile (see above); returns
    /// otherwise, or when the restart fails (the job then runs as it is).
    static func restartIfWorthwhile() {
        #if os(Linux) && canImport(Glibc)
        let choice = environment(switchVariable)
        let tunables = environment("GLIBC_TUNABLES") ?? ""
        guard choice != "0", !tunables.contains(tunable), pagesOnRequestOnly() else { return }
        guard choice == "1" || inputBytes(Array(CommandLine.arguments.dropFirst())) >= minimumInputBytes else { return }
        let added = "\(tunable)=1" + (tunables.contains(arenaTunable) || environment("MALLOC_ARENA_MAX") != nil ? "" : ":\(arenaTunable)=\(arenasPerCore())")
        setenv("GLIBC_TUNABLES", tunables.isEmpty ? added : "\(tunables):\(added)", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Still here: the restart failed; run as we are.
        if tunables.isEmpty { unsetenv("GLIBC_TUNABLES") } else { setenv("GLIBC_TUNABLES", tunables, 1) }
        #endif
    }

    /// One arena per online core, two at least.
    static func arenasPerCore() -> Int { max(2, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// `, malloc arenas capped at N` when the restart capped them (for `--timings`).
    static var arenaNote: String {
        let tunables = environment("GLIBC_TUNABLES") ?? ""
        guard let range = tunables.range(of: "\(arenaTunable)=") else { return "" }
        return ", malloc arenas capped at " + tunables[range.upperBound...].prefix { $0.isNumber }
    }

    /// Whether this process's allocator asks for huge pages (for `--timings`).
    static var inUse: Bool { (environment("GLIBC_TUNABLES") ?? "").contains("\(tunable)=1") }

    /// The total size of the regular files among `arguments` (`--option=path` included).
    static func inputBytes(_ arguments: [String]) -> Int {
        var total = 0
        for argument in arguments {
            let path = argument.hasPrefix("-") ? argument.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) : argument
            guard let path, !path.isEmpty else { continue }
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { total += Int(info.st_size) }
        }
        return total
    }

    /// Whether transparent huge pages are given only on request (`[madvise]`).
    private static func pagesOnRequestOnly() -> Bool {
        guard let file = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r") else { return false }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: 128)
        let count = fread(&bytes, 1, bytes.count, file)
        return String(decoding: bytes[..<count], as: UTF8.self).contains("[madvise]")
    }

    private static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}
