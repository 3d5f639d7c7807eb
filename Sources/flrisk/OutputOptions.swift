import ArgumentParser
import Foundation
import Importers
import Reporting
import RiskModel

/// Report formats `score` can write.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, md, csv, sarif, html

    var fileExtension: String { self == .sarif ? "sarif" : rawValue }

    func render(_ context: ReportContext) -> String {
        switch self {
        case .json: JSONReport.render(context)
        case .md: MarkdownReport.render(context)
        case .csv: CSVReport.render(context)
        case .sarif: SARIFReport.render(context)
        case .html: HTMLReport.render(context)
        }
    }

    /// Writes the report atomically to `path`; the large ones (the review queue can be
    /// hundreds of MB) are streamed, never held whole. A device or pipe (`/dev/null`,
    /// `/dev/stdout`, a FIFO) is written in place: renaming a file over it would replace it.
    func write(_ context: ReportContext, to path: String) throws(ReportWriteError) {
        if StreamTarget.isStream(path) {
            if let reason = StreamTarget.write(render(context), to: path) {
                throw ReportWriteError(path: path, reason: reason)
            }
            return
        }
        do {
            try writeAtomically(context, to: path)
        } catch {
            throw ReportWriteError(path: error.path, reason: error.reason)
        }
    }

    private func writeAtomically(_ context: ReportContext, to path: String) throws(OutputError) {
        try AtomicFile.commit([stage(context, to: path)])
    }

    /// The report written in full to a temporary file beside `path`, to be committed with the
    /// run's other reports (``AtomicFile/commit(_:)``).
    func stage(_ context: ReportContext, to path: String) throws(OutputError) -> AtomicFile.StagedFile {
        try AtomicFile.stage(to: path) { (file: inout AtomicFile.Writer) throws(OutputError) in
            switch self {
            case .json: try JSONReport.write(context, to: &file)
            case .md: try MarkdownReport.write(context, to: &file)
            case .csv: try CSVReport.write(context, to: &file)
            case .sarif: try SARIFReport.write(context, to: &file)
            case .html: try HTMLReport.write(context, to: &file)
            }
        }
    }
}

/// A report that could not be written, worded as ``OutputError``: the path and the system's reason.
struct ReportWriteError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): error: [output-failed] cannot write the report: \(reason)" }
}

/// The lowest severity that makes `score` exit with status 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case high, medium, low, info, never
}

/// Where and how reports are written, and what makes the run fail.
struct OutputOptions: ParsableArguments {
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Report formats, one or more of: json, md, csv, sarif, html.", valueName: "format"))
    var format: [ReportFormat] = []

    @Option(name: .customLong("output"), help: ArgumentHelp(
        "Where to write: a file for one format, or a directory (existing, or ending in '/') that receives report.<format> for each (without --format: report.json and report.md in a directory). Without it, or with '-', a single format goes to standard output.",
        valueName: "path"))
    var outputGiven: [String] = []
    /// The report path; nil for standard output (no `--output`, or `--output -` as Unix tools
    /// read it: it had written a file named `-`).
    var output: String? { outputGiven.last.flatMap { $0 == "-" ? nil : $0 } }

    @Option(help: "Exit with status 1 when a flag of this severity or higher exists: high, medium, low, info, never.")
    var failOn: FailOn = .never

    @Option(name: .customLong("baseline"), help: ArgumentHelp(
        "A previous JSON report: the JSON, SARIF, Markdown and HTML reports show new, resolved and changed flags (the CSV does not), and --fail-on gates only on new flags and flags raised to its level.",
        valueName: "previous.json"))
    var baselineGiven: [String] = []
    var baseline: String? { baselineGiven.last }

    @Flag(help: "Print no summary, no progress and no warnings, only errors.")
    var quiet = false

    @Flag(help: "Print progress (also when standard error is not a terminal) and every finding.")
    var verbose = false

    @Flag(help: "Print the wall time of each phase (read, score, write) to standard error, also with --quiet.")
    var timings = false

    /// The formats asked for, each once, in the order first given (`--format json json` wrote
    /// `report.json` twice over one temporary file and failed with exit 3 after replacing it).
    var formats: [ReportFormat] {
        var seen: [ReportFormat] = []
        for f in format where !seen.contains(f) { seen.append(f) }
        return seen
    }

    func validate() throws {
        if output == nil && formats.count > 1 { throw ValidationError("Several --format values need --output DIR.") }
        if quiet && verbose { throw ValidationError("'--quiet' and '--verbose' cannot be combined.") }
        if output?.isEmpty == true { throw ValidationError("--output needs a file or directory path, got an empty string.") }
        try InputOptions.requirePaths([("--baseline", baselineGiven)])
        try InputOptions.refuseRepeats([("--baseline", baselineGiven, .read("baseline report")), ("--output", outputGiven, .written("report path"))])
    }

    /// Whether progress lines go to standard error: with --verbose, or when it is a terminal and not --quiet.
    var showsProgress: Bool { verbose || (!quiet && isatty(STDERR_FILENO) == 1) }

    /// Whether the run fails the `--fail-on` gate: a flag at or above the level exists (with a
    /// baseline: a new flag at or above the level, or one raised to it from below).
    func gateFails(_ context: ReportContext) -> Bool {
        guard let threshold = Severity(rawValue: failOn.rawValue) else { return false }
        if let diff = context.baseline { return diff.failsGate(atLeast: threshold) }
        return context.assessment.contracts.contains { ($0.severity.map { $0 >= threshold }) ?? false }
    }

    /// Several reports: each is staged in full (devices and pipes, which cannot be staged, are
    /// written as they come), then all are renamed into place, so a failure while writing any
    /// of them leaves every previous report as it was.
    private static func writeTogether(_ targets: [(ReportFormat, String)], _ context: ReportContext) throws(ReportWriteError) {
        var staged: [AtomicFile.StagedFile] = []
        for (format, path) in targets {
            if StreamTarget.isStream(path) {
                do { try format.write(context, to: path) } catch {
                    AtomicFile.discard(staged)
                    throw error
                }
                continue
            }
            do { staged.append(try format.stage(context, to: path)) } catch {
                AtomicFile.discard(staged)
                throw ReportWriteError(path: error.path, reason: error.reason)
            }
        }
        // On failure, commit discards what it did not rename.
        do { try AtomicFile.commit(staged) } catch { throw ReportWriteError(path: error.path, reason: error.reason) }
    }

    /// The report files `--output PATH` names: `PATH` for one format, `PATH/report.<format>`
    /// for several, or when `PATH` ends in `/` or is a directory.
    func reportTargets(_ output: String) -> [(ReportFormat, String)] {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        let formats = format.isEmpty ? [.json, .md] : formats
        let toDirectory = formats.count > 1 || output.hasSuffix("/") || (exists && isDirectory.boolValue)
        return toDirectory
            ? formats.map { ($0, URL(fileURLWithPath: output).appendingPathComponent("report.\($0.fileExtension)").path) }
            : [(formats[0], output)]
    }

    /// The first report file this run writes that is also one it reads; devices and pipes are
    /// written in place and not compared. `--baseline` may be replaced by the JSON report (the
    /// CI pattern), not by another format: `--format md --output last.json --baseline
    /// last.json` left the next run a Markdown file as its baseline (exit 2). (The rejects
    /// file: ``InputOptions/refuseRejectsOverInput(with:)``.)
    /// - Returns: the report file, the file read, and whether that file is the baseline.
    func overwrittenInput(reads: [String]) -> (written: String, read: String, isBaseline: Bool)? {
        let targets = output.map(reportTargets) ?? []
        for (format, target) in targets {
            guard let id = Self.identity(target) else { continue }
            let inputs = format == .json ? reads : reads + (baseline.map { [$0] } ?? [])
            if let index = inputs.firstIndex(where: { Self.identity($0).map { $0 == id } ?? false }) {
                return (target, inputs[index], index >= reads.count)
            }
        }
        return nil
    }

    /// The device and inode of a regular file (the same file under any path, link or hard link),
    /// or nil for a missing file, a device or a pipe.
    static func identity(_ path: String) -> (UInt64, UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    /// A report file or the `--baseline` that is also the `--rejects` file, compared by path
    /// (neither need exist yet): the rejects file, written while the inputs are read, would be
    /// replaced by the report, or would replace the baseline. Devices and pipes are written in
    /// place and not compared (`--rejects /dev/null --output /dev/null` is fine).
    func targetOverRejects(_ rejects: String?) -> String? {
        func key(_ path: String) -> String? {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG { return nil }
            return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        guard let rejects, let target = key(rejects) else { return nil }
        let others = (output.map { reportTargets($0).map(\.1) } ?? []) + (baseline.map { [$0] } ?? [])
        return others.first { key($0) == target }
    }

    /// Writes each format atomically (large reports streamed into the temporary file), so a
    /// failure leaves no partial file and no previous report replaced.
    func writeReports(_ context: ReportContext) throws(ReportWriteError) {
        guard let output else {
            if let single = formats.first {
                // A full disk or a closed descriptor is exit 3, as for a file (it crashed).
                if let reason = StreamTarget.write(single.render(context), toDescriptor: STDOUT_FILENO) {
                    throw ReportWriteError(path: "standard output", reason: reason)
                }
            } else if !quiet, let reason = StreamTarget.write(TextSummary.render(context), toDescriptor: STDOUT_FILENO) {
                throw ReportWriteError(path: "standard output", reason: reason)
            }
            return
        }
        let targets = reportTargets(output)
        if targets.count == 1 {
            try targets[0].0.write(context, to: targets[0].1)
        } else {
            try Self.writeTogether(targets, context)
        }
        // A report on standard output (`--output /dev/stdout`) is all it holds, as with
        // `--format` alone: the summary after it made the JSON or SARIF unreadable.
        if !quiet && !targets.contains(where: { StreamTarget.isStandardOutput($0.1) }) {
            print(TextSummary.render(context), terminator: "")
            print("\nReport written to " + targets.map(\.1).joined(separator: ", "))
        }
    }
}
