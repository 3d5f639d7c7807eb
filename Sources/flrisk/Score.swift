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
            let assessment: Assessment
            do {
                let assessor = try model.assessor()
                let loaded = try input.load()
                assessment = assessor.assess(
                    suppliers: loaded.suppliers, links: loaded.links, contracts: loaded.contracts,
                    watchlistImports: loaded.watchlistResults)
            } catch let error as InputError {
                Console.error(error.description)
                throw ExitCode(ExitStatus.badInput)
            } catch let error as ConfigurationError {
                Console.error(error.description)
                throw ExitCode(ExitStatus.badInput)
            }
            Console.report(findings: assessment.findings, quiet: output.quiet)
            let rejected = assessment.inputs.reduce(0) { $0 + $1.summary.rejected }
            if input.strict && rejected > 0 {
                Console.error("flrisk: error: \(rejected) input row\(rejected == 1 ? " was" : "s were") rejected and --strict is set; no report written")
                throw ExitCode(ExitStatus.badInput)
            }
            do {
                try output.writeReports(ReportContext(assessment: assessment))
            } catch {
                Console.error(error.description)
                throw ExitCode(ExitStatus.outputFailed)
            }
            if output.gateFails(assessment) { throw ExitCode(ExitStatus.flagsAtGate) }
        }
    }
}
