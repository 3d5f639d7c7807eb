import CFuzzDriver
import Foundation
import Importers
import SupplyChainModel

/// One fuzz input written to a per-process scratch file, because the importers read paths.
///
/// The file lives in `/dev/shm` when it exists (no disk I/O per execution) and is rewritten
/// for every input.
public enum ScratchInput {
    nonisolated(unsafe) private static var paths: [String: String] = [:]

    /// Writes `bytes` to the scratch file named `name` and returns its path.
    public static func write(_ data: UnsafePointer<UInt8>?, _ size: Int, name: String) -> String {
        let path: String
        if let known = paths[name] {
            path = known
        } else {
            let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
            path = "\(folder)/flrisk-fuzz-\(getpid())-\(name)"
            if paths.isEmpty { atexit { ScratchInput.removeAll() } }
            paths[name] = path
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write the scratch file \(path)")
        var written = 0
        while written < size, let data {
            let n = Foundation.write(fd, data + written, size - written)
            precondition(n > 0, "cannot write the scratch file \(path)")
            written += n
        }
        close(fd)
        return path
    }

    /// Removes the scratch files (at exit; libFuzzer exits through `exit`).
    static func removeAll() {
        for path in paths.values { unlink(path) }
    }

    /// Runs `body`; an ``InputError`` is an allowed outcome, any other error is a bug.
    public static func expectingInputErrors(_ body: () throws -> Void) {
        do {
            try body()
        } catch is InputError {
        } catch {
            fatalError("an importer threw something other than InputError: \(error)")
        }
    }
}

/// Hands control to libFuzzer with `body` as the function under test; returns its exit code.
///
/// Each fuzz executable's `main.swift` calls this: SwiftPM gives executables their own `main`,
/// so libFuzzer's is not linked and its driver is started explicitly.
public func runLibFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, body)
}
