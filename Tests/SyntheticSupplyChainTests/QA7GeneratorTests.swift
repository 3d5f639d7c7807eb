import FlriskTestSupport
import Foundation
import Importers
import RiskModel
import SupplyChainModel
import SyntheticSupplyChain
import Testing

/// Seventh QA pass on `flrisk generate` (docs/GENERATOR.md is its contract).
@Suite("QA7: generator", .serialized)
struct QA7GeneratorTests {
    /// Small chains leave (tier, family) blocks empty; a link drawn from an empty block comes
    /// from its whole tier, but carried the good of the empty block: in 10 suppliers and 90
    /// links, `S1 -> S4` carried 'Footwear' while S4 makes 'Garments' (15 of 380 links at 20
    /// suppliers). A link's good is what its supplier makes.
    @Test(arguments: [(10, 90), (20, 380), (20, 60), (37, 500), (50, 2_450)])
    func everyLinkCarriesItsSuppliersGood(suppliers: Int, links: Int) throws {
        let files = try GeneratedFiles(GeneratorOptions(suppliers: suppliers, links: links, contracts: 0, seed: 3))
        let (read, linkRows, _) = try files.read()
        let goodOf = Dictionary(uniqueKeysWithValues: read.records.map { ($0.id, $0.goods.joined(separator: ";")) })
        let wrong = linkRows.records.filter { goodOf[$0.supplierID] != $0.good }
        #expect(linkRows.records.count == links)
        #expect(wrong.isEmpty, "\(wrong.count) links: \(wrong.prefix(3).map { "\($0.buyerID) -> \($0.supplierID) '\($0.good ?? "")' (makes '\(goodOf[$0.supplierID] ?? "?")')" })")
    }

    /// A directory named like one of the three files (`contracts.csv/`) cannot be replaced: the
    /// run failed at that rename, after suppliers.csv and links.csv of the new seed had replaced
    /// the previous ones. It fails before replacing any.
    @Test func aTargetThatIsADirectoryReplacesNoFile() throws {
        let scratch = ScratchDirectory()
        let out = scratch.url.appendingPathComponent("g").path
        _ = try SupplyChainGenerator.generate(GeneratorOptions(suppliers: 20, links: 30, seed: 1), into: out)
        let before = ["suppliers.csv", "links.csv"].map { FileManager.default.contents(atPath: out + "/" + $0) }
        try FileManager.default.removeItem(atPath: out + "/contracts.csv")
        try FileManager.default.createDirectory(atPath: out + "/contracts.csv", withIntermediateDirectories: false)
        #expect(throws: GeneratorError.self) {
            try SupplyChainGenerator.generate(GeneratorOptions(suppliers: 20, links: 30, seed: 5), into: out)
        }
        let after = ["suppliers.csv", "links.csv"].map { FileManager.default.contents(atPath: out + "/" + $0) }
        #expect(after == before, "the previous files are unchanged")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["contracts.csv", "links.csv", "suppliers.csv"])
    }

    /// The contract number has a fixed width (6 digits up to a million contracts), but a count
    /// of exactly 10^6 numbered its last contract `…F000000`, the number wrapped to zero.
    @Test func theLastContractNumberOfAMillionDoesNotWrap() throws {
        let files = try GeneratedFiles(GeneratorOptions(suppliers: 10, links: 0, contracts: 1_000_000, seed: 1))
        let bytes = files.bytes(files.contractsPath)
        let lastLine = bytes.dropLast().split(separator: UInt8(ascii: "\n")).last.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let id = lastLine.split(separator: ",").first.map(String.init) ?? ""
        #expect(id.hasSuffix("1000000"), "\(id)")
    }

    /// GENERATOR.md: generated files score with every row accepted and no finding. Awards of
    /// 2019 and most of 2020 came before the earliest FAR thresholds of the model, so every run
    /// warned twice (`award-before-thresholds`) and left a quarter of the contracts unchecked
    /// by FAR-22.1703-PLAN and FAR-22.15-EO13126.
    @Test func generatedFilesScoreWithoutAnyFinding() throws {
        let files = try GeneratedFiles(GeneratorOptions(suppliers: 2_000, links: 10_000, contracts: 400, seed: 7))
        let (suppliers, links, contracts) = try files.read()
        let assessment = Assessor(parameters: ScoringParameters()).assess(suppliers: suppliers, links: links, contracts: contracts)
        #expect(assessment.findings.isEmpty, "\(assessment.findings.prefix(3).map(\.message))")
        #expect(contracts.records.allSatisfy { ($0.awardDate ?? "") >= "2020-10-01" && ($0.awardDate ?? "") <= "2025-12-31" })
    }

    /// The temporary files were opened with `O_TRUNC` and no `O_EXCL`, so a link planted at
    /// `.suppliers.csv.tmp-PID` (a shared folder such as /tmp, a guessed pid) was followed: the
    /// file it pointed to was overwritten with the suppliers, and suppliers.csv became that link.
    /// As for the reports, the leftover is removed and the file created exclusively.
    @Test func aLinkPlantedAtATemporaryNameIsNotFollowed() throws {
        let scratch = ScratchDirectory()
        let out = scratch.url.appendingPathComponent("g").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let victim = scratch.file("victim.txt", "keep me\n")
        try FileManager.default.createSymbolicLink(atPath: out + "/.suppliers.csv.tmp-\(getpid())", withDestinationPath: victim)
        _ = try SupplyChainGenerator.generate(GeneratorOptions(suppliers: 20, links: 30, seed: 1), into: out)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
        let type = try FileManager.default.attributesOfItem(atPath: out + "/suppliers.csv")[.type] as? FileAttributeType
        #expect(type == .typeRegular)
    }
}
