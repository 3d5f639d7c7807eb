import ArgumentParser
import RiskModel
import Reporting
import SupplyChainModel

extension Flrisk {
    /// `flrisk score`: import, assess, report.
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score suppliers through the supply graph and flag contracts for review.")

        @OptionGroup var input: InputOptions
        @OptionGroup var model: ModelOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            Interruption.install()
            var baselineFlags: [FlagRecord]?
            let progress = output.showsProgress
            let assessment = try Console.exitOnBadInput {
                let assessor = try model.assessor()
                if let baseline = output.baseline { baselineFlags = try BaselineDiff.flags(inReport: baseline) }
                let loaded = try input.load()
                if progress {
                    let rows = [loaded.suppliers.summary, loaded.links.summary, loaded.contracts.summary].map { "\($0.read) \(URLName.last($0.file))" }
                    Console.error("flrisk: read " + rows.joined(separator: ", ") + " (rows)")
                }
                return assessor.assess(
                    suppliers: loaded.suppliers, links: loaded.links, contracts: loaded.contracts,
                    watchlistImports: loaded.watchlistResults,
                    progress: progress ? { Console.error("flrisk: propagation round \($0.roundsDone)/\($0.roundsTotal), \($0.linkRounds) link-rounds") } : nil)
            }
            Console.report(findings: assessment.findings, quiet: output.quiet, all: output.verbose)
            let rejected = assessment.inputs.reduce(0) { $0 + $1.summary.rejected }
            if input.strict && rejected > 0 {
                Console.error("flrisk: error: \(rejected) input row\(rejected == 1 ? " was" : "s were") rejected and --strict is set; no report written")
                throw ExitCode(ExitStatus.badInput)
            }
            let context = ReportContext(
                assessment: assessment,
                baseline: baselineFlags.map { BaselineDiff(file: output.baseline!, baseline: $0, current: BaselineDiff.flags(of: assessment)) })
            do {
                try output.writeReports(context)
            } catch {
                Console.error(error.description)
                throw ExitCode(ExitStatus.outputFailed)
            }
            if output.gateFails(context) { throw ExitCode(ExitStatus.flagsAtGate) }
        }
    }
}
