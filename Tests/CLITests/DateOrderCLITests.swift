import FlriskTestSupport
import Foundation
import Testing

/// `--date-order` and `input.date_order` on the commands that read inputs, and the
/// `ambiguous-dates` warning as a user sees it.
@Suite("Date order on the command line", .serialized)
struct DateOrderCLITests {
    static let contracts = "contract_id,vendor_id,amount,award_date\nC1,V1,10,31/12/2024\nC2,V1,10,03/04/2024\nC3,V1,10,2024-05-06\n"

    @Test func validateWarnsThenReadsDayFirst() throws {
        let scratch = Scratch()
        let contracts = scratch.write("eu.csv", Self.contracts)
        let us = try CLI.run(["validate", contracts])
        #expect(us.stdout.contains("eu.csv: contracts: 3 rows read, 2 accepted, 1 rejected"), "\(us.stdout)")
        #expect(us.stderr.contains("\(contracts):3:4: warning: [ambiguous-dates] 1 date that could be read either way (the first '03/04/2024'"), "\(us.stderr)")
        #expect(us.stderr.contains("--date-order dmy"), "\(us.stderr)")
        let eu = try CLI.run(["validate", "--date-order", "dmy", contracts])
        #expect(eu.status == 0, "\(eu.stderr)")
        #expect(eu.stdout.contains("eu.csv: contracts: 3 rows read, 3 accepted, 0 rejected"), "\(eu.stdout)")
        #expect(!eu.stderr.contains("ambiguous-dates"), "\(eu.stderr)")
        let bad = try CLI.run(["validate", "--date-order", "ymd", contracts])
        #expect(bad.status != 0 && bad.stderr.contains("--date-order"), "\(bad.stderr)")
    }

    @Test(arguments: [["--date-order", "dmy"], ["--config", "CONFIG"]])
    func scoreAndExplainReadDayFirst(arguments: [String]) throws {
        let scratch = Scratch()
        let contracts = scratch.write("eu.csv", Self.contracts)
        let config = scratch.write("flrisk.yaml", "input:\n  date_order: dmy\n")
        let given = arguments.map { $0 == "CONFIG" ? config : $0 }
        let run = try CLI.run(["score", "--contracts", contracts, "--strict", "--format", "json"] + given)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2024-04-03") && run.stdout.contains("2024-12-31"), "\(run.stdout.prefix(2000))")
        let explain = try CLI.run(["explain", "C2", "--contracts", contracts, "--strict"] + given)
        #expect(explain.status == 0, "\(explain.stderr)")
        let us = try CLI.run(["score", "--contracts", contracts, "--strict"])
        #expect(us.status == 2, "\(us.stderr)")
        #expect(us.stderr.contains("\(contracts):2:4: error: [invalid-date]"), "\(us.stderr)")
    }

    @Test func theFlagOverridesTheConfiguration() throws {
        let scratch = Scratch()
        let contracts = scratch.write("us.csv", "contract_id,vendor_id,amount,award_date\nC1,V1,10,12/31/2024\n")
        let config = scratch.write("flrisk.yaml", "input:\n  date_order: dmy\n")
        let dmy = try CLI.run(["score", "--contracts", contracts, "--config", config, "--strict"])
        #expect(dmy.status == 2)
        #expect(dmy.stderr.contains("'12/31/2024', a date written month first (MM/DD/YYYY), but the date order is set to dmy"), "\(dmy.stderr)")
        let mdy = try CLI.run(["score", "--contracts", contracts, "--config", config, "--date-order", "mdy", "--strict"])
        #expect(mdy.status == 0, "\(mdy.stderr)")
        let wrong = scratch.write("bad.yaml", "input:\n  date_order: dd/mm\n")
        let bad = try CLI.run(["score", "--contracts", contracts, "--config", wrong])
        #expect(bad.status != 0 && bad.stderr.contains("input.date_order") && bad.stderr.contains("mdy or dmy"), "\(bad.stderr)")
    }

    /// The reports say which order the dates were read in: the flag over the configuration
    /// over the default.
    @Test func theReportsEchoTheDateOrder() throws {
        let scratch = Scratch()
        let contracts = scratch.write("us.csv", "contract_id,vendor_id,amount,award_date\nC1,V1,10,2024-12-31\n")
        let config = scratch.write("flrisk.yaml", "input:\n  date_order: dmy\n")
        for (given, order) in [([String](), "mdy"), (["--config", config], "dmy"), (["--config", config, "--date-order", "mdy"], "mdy")] {
            let json = try CLI.run(["score", "--contracts", contracts, "--format", "json"] + given)
            #expect(json.status == 0, "\(json.stderr)")
            #expect(json.stdout.contains("\"date_order\": \"\(order)\""), "\(given)")
            let md = try CLI.run(["score", "--contracts", contracts, "--format", "md"] + given)
            let written = order == "dmy" ? "DD/MM/YYYY" : "MM/DD/YYYY"
            #expect(md.stdout.contains("Dates with slashes read as \(written) (date order \(order))"), "\(given)")
        }
    }

    @Test func helpNamesTheOption() throws {
        for command in ["score", "validate", "explain"] {
            let help = try CLI.run([command, "--help"])
            #expect(help.stdout.contains("--date-order"), "\(command)")
        }
    }
}
