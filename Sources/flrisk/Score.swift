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
            // A report or rejects file over an input replaced the input with the report.
            if let (written, read, isBaseline) = output.overwrittenInput(reads: input.readPaths(with: model)) {
                if isBaseline {
                    throw ValidationError("\(written) is the --baseline \(read): a report other than JSON over it would leave the next run without a baseline; write it elsewhere, or use --format json.")
                }
                throw ValidationError("\(written) is the input \(read); write the report elsewhere.")
            }
            try input.refuseRejectsOverInput(with: model)
            // The report replaced the rejects file (the rejected rows lost, exit 0), or the
            // rejects file replaced the baseline.
            if let rejects = input.rejects, let target = output.targetOverRejects(rejects) {
                let what = target == output.baseline ? "the --baseline" : "a report file"
                throw ValidationError("--rejects \(rejects) is also \(what) (\(target)); write them to two files.")
            }
            Interruption.install()
            var baselineFlags: [FlagRecord]?
            let progress = output.showsProgress
            var phases = PhaseTimes()
            let assessment = try Console.exitOnBadInput {
                try InputOptions.refuseNonFiles(input.namedPaths(with: model, baseline: output.baseline))
                let configuration = input.dated(try model.configuration())
                let assessor = try model.assessor(configuration)
                if let baseline = output.baseline { baselineFlags = try BaselineDiff.flags(inReport: baseline) }
                var loaded = try input.load(configured: configuration.dateOrder)
                // The contract records move into the assessment (no copy of each), and so
                // does a links table (whose columns it frees once the graph holds the links);
                // the rest of the inputs is kept until exit.
                var contracts = ImportResult<Contract>(records: [], findings: [], summary: loaded.contracts.summary)
                swap(&contracts, &loaded.contracts)
                let links = loaded.links
                if case .table = links {
                    loaded.links = .records(ImportResult(records: [], findings: [], summary: links.summary))
                }
                ExitWithoutTeardown.keep(loaded)
                phases.end("read")
                if progress {
                    let rows = [loaded.suppliers.summary, loaded.links.summary, contracts.summary].map { "\($0.read) \(URLName.last($0.file))" }
                    Console.error("flrisk: read " + rows.joined(separator: ", ") + " (rows)")
                }
                return assessor.assess(
                    suppliers: loaded.suppliers, links: consume links, contracts: consume contracts,
                    watchlistImports: loaded.watchlistResults,
                    progress: progress ? { Console.error("flrisk: propagation round \($0.roundsDone)/\($0.roundsTotal), \($0.linkRounds) link-rounds") } : nil)
            }
            phases.end("score")
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
            phases.end("write")
            ExitWithoutTeardown.keep(context)
            if output.verbose || output.timings {
                Console.error("flrisk: phases: " + phases.description)
                if LargePages.inUse { Console.error("flrisk: memory: transparent huge pages on request (\(LargePages.tunable)=1)" + LargePages.arenaNote) }
            }
            if output.gateFails(context) { throw ExitCode(ExitStatus.flagsAtGate) }
        }
    }
}

/// Wall time of the phases of a run (`--timings` and `--verbose` print them): read, score, write.
/// Values kept alive until the process exits. A scored run holds millions of records, each
/// with its own strings; releasing them one by one at the end of `score` takes seconds that
/// the exit does at once (the kernel frees the whole address space).
enum ExitWithoutTeardown {
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` until exit. Called only from the command's own thread.
    static func keep(_ value: Any) { kept.append(value) }
}

struct PhaseTimes: CustomStringConvertible {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var phases: [(name: String, seconds: Double)] = []

    init() { last = clock.now }

    /// Ends the phase called `name`, started when the previous one ended.
    mutating func end(_ name: String) {
        let now = clock.now
        let elapsed = last.duration(to: now).components
        phases.append((name, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        last = now
    }

    /// `read 1.234 s, score 2.345 s, write 0.456 s`.
    var description: String {
        phases.map { "\($0.name) \(Formatting.fixed($0.seconds, 3)) s" }.joined(separator: ", ")
    }
}
