import ArgumentParser
import Reporting
import RiskModel
import SupplyChainModel

extension Flrisk {
    /// `flrisk explain ID`: the full explanation of one supplier or contract.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the full explanation of one supplier or contract: indicators, tier exposures and the top contributing paths.")

        @Argument(help: ArgumentHelp("A contract id or a supplier id (contracts are looked up first).", valueName: "id"))
        var id: String

        @Option(help: "How many contributing paths to print (1 to 100).")
        var paths = 5

        @OptionGroup var input: InputOptions
        @OptionGroup var model: ModelOptions

        func validate() throws {
            guard (1...100).contains(paths) else { throw ValidationError("--paths must be from 1 to 100.") }
        }

        func run() throws {
            try input.refuseRejectsOverInput(with: model)
            let assessment = try Console.exitOnBadInput {
                try InputOptions.refuseNonFiles(input.namedPaths(with: model))
                // The configuration first: its input.date_order reads the inputs.
                let configuration = input.dated(try model.configuration())
                let loaded = try input.load(configured: configuration.dateOrder)
                return try model.assessor(configuration).assess(
                    suppliers: loaded.suppliers, links: loaded.links, contracts: loaded.contracts, watchlistImports: loaded.watchlistResults)
            }
            Console.report(findings: assessment.findings.filter { $0.severity == .error }, quiet: true)
            // --strict, as for score: it was accepted here and ignored (exit 0 with rejected rows).
            let rejected = assessment.inputs.reduce(0) { $0 + $1.summary.rejected }
            if input.strict && rejected > 0 {
                Console.error("flrisk: error: \(rejected) input row\(rejected == 1 ? " was" : "s were") rejected and --strict is set")
                throw ExitCode(ExitStatus.badInput)
            }
            guard let text = Explanation.render(id: id, context: ReportContext(assessment: assessment), paths: paths) else {
                Console.error("flrisk: error: [unknown-id] no contract or supplier has the id '\(TextSummary.oneLine(id))'")
                throw ExitCode(ExitStatus.badInput)
            }
            try Console.output(text, what: "explanation")
        }
    }
}
