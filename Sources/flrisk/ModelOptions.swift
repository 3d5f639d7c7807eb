import ArgumentParser
import RiskModel
import SupplyChainModel

/// The model's settings on the command line: a configuration file, and flags that override it.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "Configuration file (YAML) with weights, thresholds, tiers, decay, currency and rule settings; the flags below override it. 'flrisk config init' writes the commented default.",
        valueName: "path"))
    var configGiven: [String] = []
    var config: String? { configGiven.last }

    @Option(help: "Tiers K, from 1 (the vendor only) to 32 (default 6).")
    var tiers: Int?

    @Option(help: "Tier decay d in [0, 1] (default 0.8).")
    var decay: Double?

    @Option(help: "FL-EXPOSURE flags a vendor with exposure at or above this (default 0.35).")
    var exposureThreshold: Double?

    @Option(help: "A supplier with intrinsic risk at or above this is flagged for FL-ENTITY (default 0.7).")
    var flaggedRisk: Double?

    @Option(name: .customLong("decisions"), help: ArgumentHelp(
        "Watchlist match decisions CSV (supplier_id, watchlist_entry, decision = confirm | reject); later runs given the same file remember them.",
        valueName: "path"))
    var decisionsGiven: [String] = []
    var decisions: String? { decisionsGiven.last }

    @Option(name: .customLong("country-risk"), help: ArgumentHelp("Country-risk scores CSV (country, score in [0, 1], source), weighted in as an indicator.", valueName: "path"))
    var countryRiskGiven: [String] = []
    var countryRisk: String? { countryRiskGiven.last }

    @Option(help: "Dispatch workers for propagation (default: processors online); results do not depend on it.")
    var workers: Int?

    func validate() throws {
        if let tiers, !(1...32).contains(tiers) { throw ValidationError("--tiers must be from 1 to 32, got \(tiers).") }
        for (flag, value) in [("--decay", decay), ("--exposure-threshold", exposureThreshold), ("--flagged-risk", flaggedRisk)] {
            if let value, !(value.isFinite && (0...1).contains(value)) { throw ValidationError("\(flag) must be in [0, 1], got \(value).") }
        }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
        try InputOptions.refuseRepeats([
            ("--config", configGiven, .read("configuration file")), ("--decisions", decisionsGiven, .table("decisions file")),
            ("--country-risk", countryRiskGiven, .table("country-risk file")),
        ])
        try InputOptions.requirePaths([("--config", configGiven), ("--decisions", decisionsGiven), ("--country-risk", countryRiskGiven)])
    }

    /// The effective configuration: the file (or the defaults), then the flags.
    /// - Throws: ``ConfigurationError`` for a bad configuration file.
    func configuration() throws(ConfigurationError) -> ModelConfiguration {
        var configuration = try config.map { path throws(ConfigurationError) in try ModelConfiguration.load(path: path) } ?? ModelConfiguration()
        var p = configuration.parameters
        if let tiers { p.tiers = tiers }
        if let decay { p.decay = decay }
        if let exposureThreshold {
            p.exposureThreshold = exposureThreshold
            p.exposureHighThreshold = max(p.exposureHighThreshold, exposureThreshold)
        }
        if let flaggedRisk { p.flaggedRiskThreshold = flaggedRisk }
        if let workers { p.workers = workers }
        configuration.parameters = p
        if let decisions { configuration.decisionsPath = decisions }
        if let countryRisk { configuration.countryRiskPath = countryRisk }
        return configuration
    }

    /// The assessor with the effective parameters, the decisions and the country-risk scores.
    /// - Throws: ``ConfigurationError`` for a bad configuration file; ``InputError`` for an
    ///   unreadable decisions or country-risk file.
    func assessor() throws -> Assessor { try assessor(configuration()) }

    /// The assessor of an effective `configuration` (see ``configuration()``).
    /// - Throws: ``InputError`` for an unreadable decisions or country-risk file.
    func assessor(_ configuration: ModelConfiguration) throws -> Assessor {
        let reference = ReferenceData.embedded
        return Assessor(
            parameters: configuration.parameters, reference: reference,
            decisions: try configuration.decisionsPath.map(MatchDecisions.load(path:)) ?? MatchDecisions(),
            countryRisk: try configuration.countryRiskPath.map { try CountryRiskTable.load(path: $0, countries: reference.countries) })
    }
}
