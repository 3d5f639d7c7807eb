import ArgumentParser
import Foundation
import Importers
import Reporting
import RiskModel
import SupplyChainModel

/// Report formats `score` can write.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, md

    var fileExtension: String { rawValue }

    func render(_ context: ReportContext) -> String {
        switch self {
        case .json: JSONReport.render(context)
        case .md: MarkdownReport.render(context)
        }
    }
}

/// The lowest severity that makes `score` exit with status 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case high, medium, low, info, never
}

extension Flrisk {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score suppliers through the supply graph and flag contracts for review.")

        @Option(help: ArgumentHelp("Suppliers CSV (supplier_id, name, country, …).", valueName: "path"))
        var suppliers: String

        @Option(help: ArgumentHelp("Supply links CSV (buyer_id, supplier_id, share, good).", valueName: "path"))
        var links: String

        @Option(help: ArgumentHelp("Contracts CSV (contract_id, vendor_id | vendor_uei | vendor_name, amount, …).", valueName: "path"))
        var contracts: String

        @Option(help: "Tiers K, from 1 (the vendor only) to 32.")
        var tiers: Int = 6

        @Option(help: "Tier decay d in [0, 1].")
        var decay: Double = 0.8

        @Option(help: "FL-EXPOSURE flags a vendor with exposure at or above this.")
        var exposureThreshold: Double = 0.35

        @Option(help: "A supplier with intrinsic risk at or above this is flagged (FL-ENTITY).")
        var flaggedRisk: Double = 0.7

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Report formats, one or more of: json, md.", valueName: "format"))
        var format: [ReportFormat] = []

        @Option(help: ArgumentHelp(
            "Where to write: a file for one format, or a directory (existing, or ending in '/') that receives report.<format> for each. Without it, a single format goes to standard output.",
            valueName: "path"))
        var output: String?

        @Option(help: "Exit with status 1 when a flag of this severity or higher exists: high, medium, low, info, never.")
        var failOn: FailOn = .never

        @Flag(help: "Treat rejected input rows as fatal (exit 2).")
        var strict = false

        @Flag(help: "Print no summary and no warnings, only errors.")
        var quiet = false

        @Option(help: "Dispatch workers for propagation (default: processors online); results do not depend on it.")
        var workers: Int?

        func validate() throws {
            guard (1...32).contains(tiers) else { throw ValidationError("--tiers must be from 1 to 32, got \(tiers).") }
            guard decay.isFinite, (0...1).contains(decay) else { throw ValidationError("--decay must be in [0, 1], got \(decay).") }
            guard exposureThreshold.isFinite, (0...1).contains(exposureThreshold) else { throw ValidationError("--exposure-threshold must be in [0, 1].") }
            guard flaggedRisk.isFinite, (0...1).contains(flaggedRisk) else { throw ValidationError("--flagged-risk must be in [0, 1].") }
            if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
            if output == nil && format.count > 1 { throw ValidationError("Several --format values need --output DIR.") }
        }

        func run() throws {
            var parameters = ScoringParameters()
            parameters.tiers = tiers
            parameters.decay = decay
            parameters.exposureThreshold = exposureThreshold
            parameters.exposureHighThreshold = max(parameters.exposureHighThreshold, exposureThreshold)
            parameters.flaggedRiskThreshold = flaggedRisk
            if let workers { parameters.workers = workers }

            let assessment: Assessment
            do {
                let supplierRows = try NativeCSVImporter.suppliers(path: suppliers)
                let linkRows = try NativeCSVImporter.links(path: links)
                let contractRows = try NativeCSVImporter.contracts(path: contracts)
                assessment = Assessor(parameters: parameters).assess(suppliers: supplierRows, links: linkRows, contracts: contractRows)
            } catch let error as InputError {
                Console.error(error.description)
                throw ExitCode(ExitStatus.badInput)
            }
            Console.report(findings: assessment.findings, quiet: quiet)
            let rejected = assessment.inputs.reduce(0) { $0 + $1.summary.rejected }
            if strict && rejected > 0 {
                Console.error("flrisk: error: \(rejected) input row\(rejected == 1 ? " was" : "s were") rejected and --strict is set; no report written")
                throw ExitCode(ExitStatus.badInput)
            }

            let context = ReportContext(assessment: assessment)
            do {
                try writeReports(context)
            } catch {
                Console.error(error.description)
                throw ExitCode(ExitStatus.outputFailed)
            }
            if failOn != .never, let threshold = Severity(rawValue: failOn.rawValue),
                assessment.contracts.contains(where: { ($0.severity ?? .info) >= threshold && $0.isFlagged }) {
                throw ExitCode(ExitStatus.flagsAtGate)
            }
        }

        /// Renders every format first, then writes each atomically, so a failure leaves no partial file.
        private func writeReports(_ context: ReportContext) throws(OutputError) {
            guard let output else {
                if let single = format.first {
                    FileHandle.standardOutput.write(Data(single.render(context).utf8))
                } else if !quiet {
                    print(TextSummary.render(context), terminator: "")
                }
                return
            }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
            let formats = format.isEmpty ? [.json, .md] : format
            let toDirectory = formats.count > 1 || output.hasSuffix("/") || (exists && isDirectory.boolValue)
            let targets: [(ReportFormat, String)] = toDirectory
                ? formats.map { ($0, URL(fileURLWithPath: output).appendingPathComponent("report.\($0.fileExtension)").path) }
                : [(formats[0], output)]
            let rendered = targets.map { ($0.1, $0.0.render(context)) }
            for (path, text) in rendered { try AtomicFile.write(text, to: path) }
            if !quiet {
                print(TextSummary.render(context), terminator: "")
                print("\nReport written to " + targets.map(\.1).joined(separator: ", "))
            }
        }
    }
}
