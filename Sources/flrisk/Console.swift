import ArgumentParser
import Foundation
import Importers
import Reporting
import RiskModel
import SupplyChainModel

/// Writes diagnostics to standard error.
enum Console {
    /// Findings of one code beyond this many are summarised in one line.
    static let perCodeLimit = 20

    /// Writes one line to standard error, best effort: a closed or full standard error
    /// (`2>&-`, `2>/dev/full`) loses the line and the run goes on (`FileHandle.write` trapped
    /// there, so a run with one warning crashed before it wrote its report).
    static func error(_ line: String) {
        _ = StreamTarget.write(line + "\n", toDescriptor: STDERR_FILENO)
    }

    /// Writes `text` to standard output: a command's product (a report, an explanation).
    /// - Throws: ``ExitCode`` 3 (``ExitStatus/outputFailed``) when it cannot be written (a full
    ///   disk, a closed descriptor), after a line naming standard output and the reason.
    static func output(_ text: String, what: String) throws {
        guard let reason = StreamTarget.write(text, toDescriptor: STDOUT_FILENO) else { return }
        error("standard output: error: [output-failed] cannot write the \(what): \(reason)")
        throw ExitCode(ExitStatus.outputFailed)
    }

    /// A diagnostic made safe for a terminal: the input text it quotes (names, ids, cell
    /// values) cannot bring escape sequences (`ESC [2J`, OSC titles), line ends that forge a
    /// `file:line: error:` line, or bidirectional overrides. Those scalars (C0 and C1 controls,
    /// DEL, line and paragraph separators, bidi embeddings, overrides, isolates and marks)
    /// become U+FFFD; joiners and other format characters stay (emoji, Indic and Persian text).
    ///
    /// A diagnostic longer than ``longestDiagnostic`` (2000) characters (one quoting a cell of
    /// hundreds of kilobytes: 20 of them wrote 20 MB to standard error) keeps its start and its
    /// end (what was expected), with the count of the characters left out between them; the
    /// JSON report keeps the whole message.
    static func diagnostic(_ text: String) -> String {
        let text = elided(text)
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let unsafe = v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x061C
                || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            out.append(unsafe ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// The most characters a diagnostic line prints (see ``diagnostic(_:)``).
    static let longestDiagnostic = 2000

    /// `text`, or its first 1400 and last 500 characters around `… [N characters not shown] …`
    /// when it is longer than ``longestDiagnostic``. Characters here are Unicode scalars: one
    /// grapheme may hold any number of them (`e` and 600,000 combining accents is one
    /// `Character` of 1.2 MB), so counting graphemes would let such a line through whole.
    static func elided(_ text: String) -> String {
        guard text.utf8.count > longestDiagnostic else { return text }
        let scalars = text.unicodeScalars
        let count = scalars.count
        guard count > longestDiagnostic else { return text }
        let head = 1400, tail = 500
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars.prefix(head))
        out.append(contentsOf: "… [\(count - head - tail) characters not shown] …".unicodeScalars)
        out.append(contentsOf: scalars.suffix(tail))
        return String(out)
    }

    /// Runs `body`; a bad input file, configuration or baseline is printed as one line and
    /// becomes exit status 2 (``ExitStatus/badInput``).
    static func exitOnBadInput<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            inputError(error)
        } catch let error as ConfigurationError {
            self.error(diagnostic(error.description))
        } catch let error as BaselineError {
            self.error(diagnostic(error.description))
        }
        throw ExitCode(ExitStatus.badInput)
    }

    /// Prints a fatal input error; a resource cap that was hit gets a second line naming the
    /// command-line flag that raises it.
    static func inputError(_ error: InputError) {
        self.error(diagnostic(error.description))
        if let flag = LimitOptions.flag(for: error.code) {
            self.error("flrisk: note: the limit is set with \(flag); raise it only for a file you trust")
        }
    }

    /// Prints findings (errors always; warnings and notes unless quiet), at most
    /// ``perCodeLimit`` per code, then a count of the rest.
    static func report(findings: [Finding], quiet: Bool, all: Bool = false) {
        var shown: [String: Int] = [:]
        for finding in findings where !quiet || finding.severity == .error {
            shown[finding.code, default: 0] += 1
            if all || shown[finding.code]! <= perCodeLimit { error(diagnostic(finding.description)) }
        }
        for (code, count) in shown.sorted(by: { $0.key < $1.key }) where !all && count > perCodeLimit {
            error("flrisk: note: \(count - perCodeLimit) more [\(code)] findings not shown (all are in the JSON report)")
        }
    }
}

/// The last path component of a file name, for progress lines.
enum URLName {
    static func last(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}
