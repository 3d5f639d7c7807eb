import Foundation
import Reporting
import SyntheticSupplyChain

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM during a run: no half-written report, a sentence, exit 130 or 143.
///
/// The signal handler itself only writes the signal number to a pipe (`write` is
/// async-signal-safe; nothing else is). A dedicated thread blocked on the other end of the pipe
/// then does the real work outside signal context: ``AtomicFile/abandonPendingWrites()``
/// removes every temporary report file and blocks any rename that has not happened yet (under
/// its lock, so a rename is either complete or never done), the message goes to standard
/// error, and the process ends with `_exit(128 + signal)` (130 for SIGINT, 143 for SIGTERM),
/// without running atexit handlers while the main thread is still working.
///
/// The signals are unblocked first (a parent may have started the process with them blocked).
/// SIGXFSZ is ignored as well, so that a write past a file-size limit fails with `EFBIG` and is
/// reported as an output error (exit 3) instead of killing the process.
enum Interruption {
    /// What a run writes, and so what an interruption removes and how the message says it.
    enum Work {
        /// `score`: the report files (``AtomicFile``).
        case reports
        /// `generate`: the suppliers, links and contracts files (``SupplyChainGenerator``).
        case generatedFiles
    }

    /// Installs the handlers (once; later calls do nothing).
    static func install(_ work: Work = .reports) {
        interruptedWork = work
        _ = installed
    }

    private static let installed: Void = {
        _ = signal(SIGXFSZ, SIG_IGN)
        // A parent may start us with the signals blocked (Foundation's `Process` does): unblock
        // them, before any worker thread exists, so they reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        signalPipe = ends[1]
        let readEnd = ends[0]
        Thread.detachNewThread { watch(readEnd) }
        for number in [SIGINT, SIGTERM] {
            _ = signal(number) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipe, &byte, 1)
            }
        }
    }()

    /// Waits for a signal number on the pipe, then cleans up and exits.
    private static func watch(_ readEnd: Int32) -> Never {
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) != 1 {}
        let number = Int32(byte)
        let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "signal \(number)"
        if interruptedWork == .generatedFiles {
            SupplyChainGenerator.abandonPendingWrites()
            let bytes = Array("flrisk: interrupted by \(name); no file written (previous files are unchanged)\n".utf8)
            _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress!, $0.count) }
            _exit(128 + number)
        }
        let written = AtomicFile.abandonPendingWrites()
        let message = written.isEmpty
            ? "flrisk: interrupted by \(name); no report written (the previous report is unchanged)\n"
            : "flrisk: interrupted by \(name) after writing \(written.joined(separator: ", ")); no other report written (their previous versions are unchanged)\n"
        let bytes = Array(message.utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress!, $0.count) }
        _exit(128 + number)
    }
}

/// The write end of the self-pipe, set before the handlers are installed and never changed.
nonisolated(unsafe) private var signalPipe: Int32 = -1
/// What the run writes, set once on the command's thread before the handlers are installed.
nonisolated(unsafe) private var interruptedWork = Interruption.Work.reports
