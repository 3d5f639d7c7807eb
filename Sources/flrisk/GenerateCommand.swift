import ArgumentParser
import Foundation
import SyntheticSupplyChain

extension OutputFormat: ExpressibleByArgument {}

extension Flrisk {
    /// `flrisk generate`: writes a synthetic supply chain as native input files.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic supply chain (suppliers, links, contracts) as native CSV or XML files.",
            discussion: """
                Tiers brands → assemblers → component makers → processors → raw material, heavy-tailed \
                degrees, real ISO countries and DOL goods, a few UFLPA-named suppliers. The same \
                arguments give byte-identical files; links are streamed (memory grows with suppliers, \
                not links). Exit 2 for impossible sizes, 3 when a file cannot be written. See docs/GENERATOR.md.
                """)

        // The counts and the seed take their value unconditionally: `--links -1` is a negative
        // count (exit 2, a sentence naming it) and `--seed -1` an invalid seed (exit 64), not a
        // missing value followed by an unknown flag '-1'.
        @Option(parsing: .unconditional, help: "Number of suppliers (at least 10).")
        var suppliers: SizeArgument

        @Option(parsing: .unconditional, help: "Number of links (at most suppliers × (suppliers − 1)).")
        var links: SizeArgument

        @Option(parsing: .unconditional, help: "Number of contracts (default: one per supplier).")
        var contracts: SizeArgument?

        @Option(parsing: .unconditional, help: "Random seed; the same seed gives the same files.")
        var seed: UInt64 = 1

        @Option(help: "csv or xml.")
        var format: OutputFormat = .csv

        @Option(help: ArgumentHelp("Directory for suppliers, links and contracts files (created when missing).", valueName: "dir"))
        var output: String

        @Flag(help: "Print sizes, time, throughput and peak memory to standard error.")
        var verbose = false

        func validate() throws {
            if output.isEmpty { throw ValidationError("--output needs a directory path, got an empty string.") }
        }

        func run() throws {
            Interruption.install(.generatedFiles)
            let sizes: [(String, SizeArgument?)] = [("--suppliers", suppliers), ("--links", links), ("--contracts", contracts)]
            if let (flag, size) = sizes.first(where: { $0.1?.value == nil }), let size {
                Console.error("flrisk generate: error: \(flag) \(size.text) is out of range (suppliers 10 … 10^9, links 0 … suppliers × (suppliers − 1), contracts 0 … 10^12)")
                throw ExitCode(ExitStatus.badInput)
            }
            let options = GeneratorOptions(
                suppliers: suppliers.value!, links: links.value!, contracts: contracts.map { $0.value! }, seed: seed, format: format)
            let started = DispatchTime.now().uptimeNanoseconds
            let summary: GenerationSummary
            do {
                summary = try SupplyChainGenerator.generate(options, into: output)
            } catch {
                Console.error(error.description)
                switch error {
                case .invalidParameters: throw ExitCode(ExitStatus.badInput)
                case .outputFailed: throw ExitCode(ExitStatus.outputFailed)
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let total = summary.bytes.reduce(0, +)
            print("Wrote \(summary.files.joined(separator: ", ")): \(summary.suppliers) suppliers, \(summary.links) links, \(summary.contracts) contracts.")
            if verbose {
                for (file, bytes) in zip(summary.files, summary.bytes) { Console.error("flrisk: \(file): \(bytes) bytes") }
                let rate = Double(total) / 1e6 / max(seconds, 1e-9)
                Console.error("flrisk: generated \(total) bytes in \(Self.fixed(seconds, 3)) s (\(Self.fixed(rate, 1)) MB/s); peak memory \(Self.peakMemory())")
            }
        }

        static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

        /// VmHWM from /proc/self/status, or "unknown".
        static func peakMemory() -> String {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
            else { return "unknown" }
            return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
        }
    }
}

/// A size on `generate`'s command line: any decimal integer, however large, so that one past
/// `Int`'s range is an impossible size (exit 2, named as given) like any other out of range,
/// not a usage error as a word is.
struct SizeArgument: ExpressibleByArgument {
    /// The number as given.
    let text: String
    /// The number, or nil when it is past `Int`'s range.
    let value: Int?

    init?(argument: String) {
        let digits = argument.hasPrefix("-") || argument.hasPrefix("+") ? argument.dropFirst() : Substring(argument)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        text = argument
        value = Int(argument)
    }
}
