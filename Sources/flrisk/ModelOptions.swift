import ArgumentParser
import RiskModel

/// The model's parameters on the command line.
struct ModelOptions: ParsableArguments {
    @Option(help: "Tiers K, from 1 (the vendor only) to 32.")
    var tiers: Int = 6

    @Option(help: "Tier decay d in [0, 1].")
    var decay: Double = 0.8

    @Option(help: "FL-EXPOSURE flags a vendor with exposure at or above this.")
    var exposureThreshold: Double = 0.35

    @Option(help: "A supplier with intrinsic risk at or above this is flagged (FL-ENTITY).")
    var flaggedRisk: Double = 0.7

    @Option(help: "Dispatch workers for propagation (default: processors online); results do not depend on it.")
    var workers: Int?

    func validate() throws {
        guard (1...32).contains(tiers) else { throw ValidationError("--tiers must be from 1 to 32, got \(tiers).") }
        guard decay.isFinite, (0...1).contains(decay) else { throw ValidationError("--decay must be in [0, 1], got \(decay).") }
        guard exposureThreshold.isFinite, (0...1).contains(exposureThreshold) else { throw ValidationError("--exposure-threshold must be in [0, 1].") }
        guard flaggedRisk.isFinite, (0...1).contains(flaggedRisk) else { throw ValidationError("--flagged-risk must be in [0, 1].") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
    }

    /// The effective parameters.
    var parameters: ScoringParameters {
        var parameters = ScoringParameters()
        parameters.tiers = tiers
        parameters.decay = decay
        parameters.exposureThreshold = exposureThreshold
        parameters.exposureHighThreshold = max(parameters.exposureHighThreshold, exposureThreshold)
        parameters.flaggedRiskThreshold = flaggedRisk
        if let workers { parameters.workers = workers }
        return parameters
    }
}
