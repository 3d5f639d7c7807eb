import ArgumentParser
import Foundation
import Reporting
import RiskModel
import SupplyChainModel

/// Writes diagnostics to standard error.
enum Console {
    /// Findings of one code beyond this many are summarised in one line.
    static let perCodeLimit = 20

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Runs `body`; a bad input file, configuration or baseline is printed as one line and
    /// becomes exit status 2 (``ExitStatus/badInput``).
    static func exitOnBadInput<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            inputError(error)
        } catch let error as ConfigurationError {
            self.error(error.description)
        } catch let error as BaselineError {
            self.error(error.description)
        }
        throw ExitCode(ExitStatus.badInput)
    }

    /// Prints a fatal input error; a resource cap that was hit gets a second line naming the
    /// command-line flag that raises it.
    static func inputError(_ error: InputError) {
        self.error(error.description)
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
            if all || shown[finding.code]! <= perCodeLimit { error(finding.description) }
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
