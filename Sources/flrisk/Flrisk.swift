import ArgumentParser

/// The `flrisk` command: forced-labor risk in supply chains, review queues for procurement.
@main
struct Flrisk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flrisk",
        abstract: "Find forced-labor risk in supply chains and flag procurement contracts for review.",
        discussion: """
            Exit codes: 0 success (no flag at the --fail-on level), 1 flags at or above the \
            --fail-on level (with --baseline: a new flag at or above it, or one raised to it), \
            2 bad input (missing file or column, malformed CSV, rejected rows with --strict, an \
            unusable --baseline or configuration, an unknown id for explain, a --max-… cap), 3 a \
            report could not be written (a file, or standard output), 64 bad command-line usage, \
            130 and 143 interrupted by SIGINT and SIGTERM (no report written).
            """,
        version: "0.1.0",
        subcommands: [Score.self, Validate.self, Explain.self, Config.self, Generate.self],
        defaultSubcommand: Score.self)

    /// Restarts with huge pages for a large job (``LargePages``), then runs the command.
    static func main() {
        LargePages.restartIfWorthwhile()
        main(nil)
    }
}

/// Process exit codes, documented in README.md.
enum ExitStatus {
    static let flagsAtGate: Int32 = 1
    static let badInput: Int32 = 2
    static let outputFailed: Int32 = 3
}
