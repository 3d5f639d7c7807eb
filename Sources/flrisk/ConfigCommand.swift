import ArgumentParser
import Foundation
import Importers
import Reporting
import RiskModel

extension Flrisk {
    /// `flrisk config`: write and check configuration files.
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write or check a configuration file (YAML).",
            subcommands: [Init.self, Check.self])

        /// `flrisk config init [PATH]`: writes the commented default configuration.
        struct Init: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the commented default configuration to PATH (default flrisk.yaml; a folder receives flrisk.yaml; '-' for standard output).")

            @Argument(help: ArgumentHelp("Where to write it.", valueName: "path"))
            var path = "flrisk.yaml"

            @Flag(help: "Replace an existing file.")
            var force = false

            /// The file to write: `PATH/flrisk.yaml` when PATH is a folder (existing, or ending
            /// in '/'), as `--output DIR/` receives the report files; else PATH.
            var file: String {
                var isDirectory: ObjCBool = false
                let isFolder = path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
                return isFolder ? (path.hasSuffix("/") ? path : path + "/") + "flrisk.yaml" : path
            }

            func run() throws {
                if path == "-" {
                    try Console.output(ConfigurationTemplate.text, what: "configuration")
                    return
                }
                let path = file
                if StreamTarget.isStream(path) {
                    // A device or pipe (/dev/stdout, a FIFO) is written in place, never replaced.
                    if let reason = StreamTarget.write(ConfigurationTemplate.text, to: path) {
                        Console.error("\(path): error: [output-failed] cannot write the configuration: \(reason)")
                        throw ExitCode(ExitStatus.outputFailed)
                    }
                    return
                }
                if FileManager.default.fileExists(atPath: path) && !force {
                    throw ValidationError("\(path) already exists; use --force to replace it.")
                }
                do {
                    try AtomicFile.write(ConfigurationTemplate.text, to: path)
                } catch {
                    Console.error("\(error.path): error: [output-failed] cannot write the configuration: \(error.reason)")
                    throw ExitCode(ExitStatus.outputFailed)
                }
                print("Wrote \(path). Use it with: flrisk score --config \(path) …")
            }
        }

        /// `flrisk config check PATH`: loads a configuration and reports the first problem.
        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Check a configuration file: exit 0 when it loads, 2 with the key, value and allowed range otherwise.")

            @Argument(help: ArgumentHelp("The configuration file.", valueName: "path"))
            var path: String

            func run() throws {
                do {
                    let loaded = try ModelConfiguration.load(path: path)
                    // The files it names: a missing one passed the check and then failed every
                    // score run with exit 2.
                    for (key, file) in [("matching.decisions", loaded.decisionsPath), ("indicators.country_risk.file", loaded.countryRiskPath)] {
                        guard let file else { continue }
                        var isDirectory: ObjCBool = false
                        if !FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) || isDirectory.boolValue {
                            Console.error("\(path): error: [file-not-found] \(key) names '\(file)', which is not a file")
                            throw ExitCode(ExitStatus.badInput)
                        }
                    }
                    let p = loaded.parameters
                    print("\(path): ok (tiers \(p.tiers), decay \(p.decay), flagged risk \(p.flaggedRiskThreshold), exposure \(p.exposureThreshold), match \(p.matching.matchThreshold), review \(p.matching.reviewThreshold))")
                } catch let error as ConfigurationError {
                    Console.error(error.description)
                    throw ExitCode(ExitStatus.badInput)
                }
            }
        }
    }
}
