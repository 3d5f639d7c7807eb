import SupplyGraph

/// The parameters of a scoring run, with the defaults of docs/METHODOLOGY.md.
public struct ScoringParameters: Sendable, Hashable {
    /// Tiers K (1 is the vendor itself), 1...32.
    public var tiers = 6
    /// Tier decay d in [0, 1].
    public var decay = 0.8
    /// `FL-EXPOSURE` flags a vendor with exposure E at or above this.
    public var exposureThreshold = 0.35
    /// `FL-EXPOSURE` is high severity at or above this exposure.
    public var exposureHighThreshold = 0.6
    /// A supplier with intrinsic risk at or above this counts as flagged for `FL-ENTITY`.
    public var flaggedRiskThreshold = 0.7
    /// Dispatch workers for propagation; results do not depend on it.
    public var workers = WorkPartition.defaultWorkers

    public init() {}

    /// Checks every value against its allowed range.
    /// - Throws: ``ParameterError`` naming the parameter and the range.
    public func validate() throws(ParameterError) {
        guard (1...32).contains(tiers) else { throw ParameterError(name: "tiers", value: "\(tiers)", allowed: "an integer from 1 to 32") }
        for (name, value) in [("decay", decay), ("exposure threshold", exposureThreshold),
                              ("high exposure threshold", exposureHighThreshold), ("flagged risk threshold", flaggedRiskThreshold)]
        where !(value.isFinite && (0...1).contains(value)) {
            throw ParameterError(name: name, value: "\(value)", allowed: "a number from 0 to 1")
        }
        guard workers >= 1 else { throw ParameterError(name: "workers", value: "\(workers)", allowed: "at least 1") }
    }

    var propagation: PropagationParameters { PropagationParameters(tiers: tiers, decay: decay) }
}

/// A parameter outside its allowed range.
public struct ParameterError: Error, Sendable, CustomStringConvertible {
    public var name: String
    public var value: String
    public var allowed: String
    public var description: String { "\(name) is \(value); expected \(allowed)" }
}
