import Foundation
import SupplyChainModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes rejected rows to a CSV file (`--rejects PATH`), atomically: the rows go to a
/// temporary file next to `PATH`, which is then renamed over it, so a failed run never leaves
/// a partial rejects file. A missing folder is made, as the reports' are.
///
/// Columns: `file`, `line`, `column`, `code`, `reason`, then the row's own fields as
/// `field_1`, `field_2`, … (as many as the widest rejected row; shorter rows end with empty
/// cells). Every cell is quoted, quotes doubled, so the file reads back with any CSV reader.
public enum RejectsFile {
    /// - Throws: ``InputError`` `rejects-unwritable` when the file cannot be written.
    /// - Complexity: O(total size of the rows).
    public static func write(_ rows: [RejectedRow], to path: String) throws {
        let width = rows.map(\.fields.count).max() ?? 0
        var text = ["file", "line", "column", "code", "reason"].map(quote).joined(separator: ",")
        for k in 0..<width { text += ",\"field_\(k + 1)\"" }
        text += "\n"
        for row in rows {
            var cells = [row.location.file, String(row.location.line), row.location.column.map(String.init) ?? "", row.code, row.reason]
            cells += row.fields
            cells += Array(repeating: "", count: width - row.fields.count)
            text += cells.map(quote).joined(separator: ",") + "\n"
        }
        try writeAtomically(Array(text.utf8), to: path)
    }

    static func quote(_ cell: String) -> String {
        "\"" + cell.replacingQuotes() + "\""
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        func failure(_ what: String) -> InputError {
            InputError(code: "rejects-unwritable", "cannot write the rejects file: \(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path, line: 0))
        }
        // `--rejects /dev/null` (or a pipe): written in place, never replaced by a file.
        if StreamTarget.isStream(path) {
            if let reason = bytes.withUnsafeBytes({ StreamTarget.write($0, to: path) }) {
                throw InputError(code: "rejects-unwritable", "cannot write the rejects file: write: \(reason)", at: SourceLocation(file: path, line: 0))
            }
            return
        }
        // Its folder is made when missing, as the reports' folders are.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(
                code: "rejects-unwritable", "cannot write the rejects file: cannot create its folder '\(folder.path)'",
                at: SourceLocation(file: path, line: 0))
        }
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure("create") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let error = failure("write")
                _ = Glibc.close(fd)
                unlink(temporary)
                throw error
            }
            written += n
        }
        if fsync(fd) != 0 || Glibc.close(fd) != 0 {
            let error = failure("flush")
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let error = failure("rename")
            unlink(temporary)
            throw error
        }
    }
}

extension String {
    /// The string with every `"` doubled, for a quoted CSV cell. Scalar by scalar: a quote
    /// followed by a combining mark is one Character, which a Character comparison misses.
    func replacingQuotes() -> String {
        guard utf8.contains(UInt8(ascii: "\"")) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\"" { result.append("\"") }
            result.append(scalar)
        }
        return String(result)
    }
}
