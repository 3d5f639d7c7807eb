import Foundation
import Testing

/// `flrisk help` lists the exit codes README.md documents. It stopped at 64: 130 and 143
/// (interrupted) were missing, and 2 and 1 left out the baseline, configuration and explain
/// cases the README gives.
@Suite("QA15: the exit codes in the help")
struct QA15HelpExitCodeTests {
    @Test func everyDocumentedCodeIsInTheHelp() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let codes = readme.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| "), let code = line.dropFirst(2).split(separator: " ").first, Int(code) != nil else { return nil }
            return String(code)
        }
        #expect(codes == ["0", "1", "2", "3", "64", "130", "143"])
        let help = try CLI.run(["help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Within the "Exit codes:" sentence, each code followed by its meaning (other numbers
        // of the help, such as option defaults, do not count).
        let sentence = try #require(help.range(of: "Exit codes:").map { String(help[$0.lowerBound...]) })
        for code in codes {
            #expect(sentence.range(of: "(:|,| and) \(code)( and [0-9]+)? [a-z]", options: .regularExpression) != nil, "exit code \(code) is not in the help")
        }
        for phrase in ["--baseline", "an unknown id for explain", "standard output", "SIGINT"] { #expect(help.contains(phrase), "\(phrase)") }
    }
}
