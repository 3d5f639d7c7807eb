import Foundation
import Testing

/// `--timings` (and `--verbose`) tell what each phase of a run cost (read, score, write), so a
/// CI job can see where its time goes.
@Suite("Phase timings")
struct PhaseTimesTests {
    @Test func verboseRunPrintsTheThreePhases() throws {
        let scratch = Scratch()
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "csv", "--output", scratch.url.appendingPathComponent("q.csv").path, "--verbose"])
        #expect(run.status == 0)
        let line = run.stderr.split(separator: "\n").first { $0.hasPrefix("flrisk: phases: ") }
        let phases = try #require(line).dropFirst("flrisk: phases: ".count).split(separator: ",").map { $0.split(separator: " ") }
        #expect(phases.map { String($0[0]) } == ["read", "score", "write"])
        for phase in phases {
            let seconds = try #require(Double(phase[1]))
            #expect(seconds >= 0 && seconds < 600)
            #expect(phase[2] == "s")
        }
    }

    @Test func timingsWorkWithQuiet() throws {
        let scratch = Scratch()
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "csv", "--output", scratch.url.appendingPathComponent("q.csv").path, "--quiet", "--timings"])
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("flrisk: phases: read "))
    }

    @Test func withoutTheFlagsNothingIsPrinted() throws {
        let scratch = Scratch()
        let run = try CLI.run(["score"] + CLI.demo + ["--format", "csv", "--output", scratch.url.appendingPathComponent("q.csv").path])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("flrisk: phases:"))
    }
}
