import Foundation
import Testing

/// Third QA pass on the command line.
@Suite("QA3: command line", .serialized)
struct QA3CLITests {
    /// `generate --contracts 9223372036854775807` trapped (arithmetic overflow in the contract
    /// writer's id width, exit 132) and left three empty `.NAME.tmp-PID` files behind. A
    /// count past the maximum is now a usage problem like the other sizes (exit 2), before
    /// any file is made.
    @Test(arguments: ["9223372036854775807", "1000000000000000001"])
    func generateRefusesAContractCountPastTheMaximum(count: String) throws {
        let scratch = Scratch()
        let out = scratch.url.appendingPathComponent("g").path
        let run = try CLI.run(["generate", "--suppliers", "10", "--links", "10", "--contracts", count, "--output", out])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("--contracts must be at most"), "\(run.stderr)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        #expect(left.isEmpty, "no file, temporary or not: \(left)")
    }
}
