import Foundation
import SupplyChainModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to generate.
public struct GeneratorOptions: Sendable, Hashable {
    /// Number of suppliers (at least ``minimumSuppliers``).
    public var suppliers: Int
    /// Number of links (at most suppliers × (suppliers − 1)).
    public var links: Int
    /// Number of contracts; nil means one per supplier.
    public var contracts: Int?
    public var seed: UInt64
    public var format: OutputFormat

    public static let minimumSuppliers = 10
    public static let maximumSuppliers = 1_000_000_000
    /// Most contracts: streamed, so only the disk bounds them, but their ids are numbered in
    /// a fixed width (the width past 10^18 overflowed, a trap).
    public static let maximumContracts = 1_000_000_000_000

    public init(suppliers: Int, links: Int, contracts: Int? = nil, seed: UInt64 = 1, format: OutputFormat = .csv) {
        self.suppliers = suppliers
        self.links = links
        self.contracts = contracts
        self.seed = seed
        self.format = format
    }

    /// The number of contracts written: ``contracts``, else one per supplier.
    public var contractCount: Int { contracts ?? suppliers }

    /// Checks the sizes.
    /// - Throws: ``GeneratorError/invalidParameters(_:)`` naming the bad value and the allowed range.
    public func validate() throws(GeneratorError) {
        guard suppliers >= Self.minimumSuppliers else {
            throw .invalidParameters("--suppliers must be at least \(Self.minimumSuppliers) (one per tier and product family is not a chain); got \(suppliers)")
        }
        guard suppliers <= Self.maximumSuppliers else {
            throw .invalidParameters("--suppliers must be at most \(Self.maximumSuppliers); got \(suppliers)")
        }
        guard links >= 0 else { throw .invalidParameters("--links must be 0 or more; got \(links)") }
        let pairs = suppliers.multipliedReportingOverflow(by: suppliers - 1)
        if !pairs.overflow && links > pairs.partialValue {
            throw .invalidParameters(
                "--links \(links) is more than the \(pairs.partialValue) distinct (buyer, supplier) pairs of \(suppliers) suppliers (no self links, no repeated pairs)")
        }
        if let contracts, contracts < 0 { throw .invalidParameters("--contracts must be 0 or more; got \(contracts)") }
        if let contracts, contracts > Self.maximumContracts {
            throw .invalidParameters("--contracts must be at most \(Self.maximumContracts); got \(contracts)")
        }
    }

    /// The three file names in the output directory.
    public var fileNames: [String] { ["suppliers", "links", "contracts"].map { "\($0).\(format.fileExtension)" } }
}

/// What a run wrote.
public struct GenerationSummary: Sendable {
    /// Final paths of the suppliers, links and contracts files.
    public var files: [String]
    /// Bytes of each file, in the same order.
    public var bytes: [UInt64]
    public var suppliers: Int
    public var links: Int
    public var contracts: Int
    /// The layout the files follow (tier ranges of the supplier indices).
    public var layout: SupplierLayout
}

/// Writes synthetic supply chains shaped like real ones as native flrisk input files.
///
/// ```swift
/// let summary = try SupplyChainGenerator.generate(
///     GeneratorOptions(suppliers: 10_000, links: 100_000, seed: 7), into: "out/synthetic")
/// ```
///
/// The same options always give byte-identical files. Shape, parameters and defaults:
/// docs/GENERATOR.md.
public enum SupplyChainGenerator {
    /// Generates `suppliers.<ext>`, `links.<ext>` and `contracts.<ext>` in `directory` (created
    /// when missing). Each is written under a temporary name and renamed only when all three are
    /// complete, so a failed run leaves no partial file and replaces none.
    ///
    /// - Throws: ``GeneratorError/invalidParameters(_:)`` for impossible sizes,
    ///   ``GeneratorError/outputFailed(path:reason:)`` when a file cannot be written.
    /// - Complexity: O(suppliers + links + contracts) time; O(suppliers + largest out-degree)
    ///   memory (about 25 bytes per supplier), independent of the number of links.
    public static func generate(_ options: GeneratorOptions, into directory: String) throws(GeneratorError) -> GenerationSummary {
        try options.validate()
        guard !directory.isEmpty else { throw .outputFailed(path: directory, reason: "the output directory is an empty path") }
        ignoreFileSizeSignal
        if let reason = makeDirectories(directory) {
            throw .outputFailed(path: directory, reason: "cannot create the output directory: \(reason)")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let layout = SupplierLayout(suppliers: options.suppliers, seed: options.seed)
        let catalog = SupplierCatalog(layout: layout, seed: options.seed)
        let paths = options.fileNames.map { base + $0 }
        var suppliers = try OutputFile(path: paths[0])
        var links: OutputFile
        do { links = try OutputFile(path: paths[1]) } catch { suppliers.discard(); throw error }
        var contracts: OutputFile
        do { contracts = try OutputFile(path: paths[2]) } catch { suppliers.discard(); links.discard(); throw error }
        do throws(GeneratorError) {
            try SupplierWriter(catalog: catalog, format: options.format).write(to: &suppliers)
            let degrees = OutDegrees.draw(layout: layout, links: options.links, seed: options.seed)
            try LinkWriter(catalog: catalog, degrees: degrees, format: options.format, seed: options.seed).write(to: &links)
            try ContractWriter(catalog: catalog, count: options.contractCount, format: options.format, seed: options.seed)
                .write(to: &contracts)
            try suppliers.close()
            try links.close()
            try contracts.close()
            // All three renamed together, under the lock an interruption takes, or none.
            let files = [(suppliers.temporaryPath, suppliers.path), (links.temporaryPath, links.path), (contracts.temporaryPath, contracts.path)]
            if let (index, code) = Self.temporaryFiles.commit(files) {
                let reason = switch code {
                case 0: "interrupted"
                case EISDIR: "cannot replace it with a file: \(String(cString: strerror(EISDIR)))"
                default: "cannot rename \(files[index].0): \(String(cString: strerror(code)))"
                }
                throw .outputFailed(path: files[index].1, reason: reason)
            }
        } catch {
            suppliers.discard()
            links.discard()
            contracts.discard()
            throw error
        }
        return GenerationSummary(
            files: paths, bytes: [suppliers.bytesWritten, links.bytesWritten, contracts.bytesWritten], suppliers: options.suppliers, links: options.links,
            contracts: options.contractCount, layout: layout)
    }

    /// Ignores SIGXFSZ once, so that a write past `RLIMIT_FSIZE` (`ulimit -f`) fails with
    /// `EFBIG`, reported as an error naming the file, instead of killing the process and
    /// leaving its temporary files.
    private static let ignoreFileSizeSignal: Void = { _ = signal(SIGXFSZ, SIG_IGN) }()

    /// `mkdir -p`: nil when `path` is (now) a directory, else the system's reason
    /// (`Not a directory` when a file stands in the way, `Permission denied`, …).
    static func makeDirectories(_ path: String) -> String? {
        var status = stat()
        if stat(path, &status) == 0 { return status.st_mode & S_IFMT == S_IFDIR ? nil : String(cString: strerror(ENOTDIR)) }
        // The parent: up to the last '/' that is not trailing ("a/b/" → "a"; "b" has none).
        // (NSString's deletingLastPathComponent traps on a one-component relative path.)
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if let slash = trimmed.lastIndex(of: "/") {
            var parent = trimmed[..<slash]
            while parent.hasSuffix("/") { parent = parent.dropLast() }
            if !parent.isEmpty, let reason = makeDirectories(String(parent)) { return reason }
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
        return nil
    }
}

extension SupplyChainGenerator {
    /// The temporary files of the generation runs in progress (see ``TemporaryFiles``).
    static let temporaryFiles = TemporaryFiles(mode: 0o644)

    /// Stops every generation in progress for good: removes their temporary files and makes
    /// any later rename fail, so that no file of theirs appears or is replaced. Called once, by
    /// the command line's interruption handler (SIGINT, SIGTERM).
    public static func abandonPendingWrites() { temporaryFiles.abandon() }
}
