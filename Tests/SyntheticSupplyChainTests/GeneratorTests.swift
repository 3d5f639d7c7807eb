import Foundation
import Importers
import RiskModel
import SupplyChainModel
import SyntheticSupplyChain
import Testing

@Suite("Generator: determinism, counts, importer acceptance")
struct GeneratorTests {
    static let small = GeneratorOptions(suppliers: 400, links: 3_000, contracts: 250, seed: 42)

    @Test(arguments: OutputFormat.allCases)
    func sameSeedSameBytesOtherSeedOtherBytes(format: OutputFormat) throws {
        var options = Self.small
        options.format = format
        let a = try GeneratedFiles(options), b = try GeneratedFiles(options)
        #expect(a.allBytes == b.allBytes)
        options.seed = 43
        let c = try GeneratedFiles(options)
        for i in 0..<3 { #expect(a.allBytes[i] != c.allBytes[i]) }
    }

    @Test(arguments: OutputFormat.allCases)
    func everyRowIsAcceptedAndCountsAreExact(format: OutputFormat) throws {
        var options = Self.small
        options.format = format
        let files = try GeneratedFiles(options)
        let (suppliers, links, contracts) = try files.read()
        for summary in [suppliers.summary, links.summary, contracts.summary] {
            #expect(summary.rejected == 0 && summary.blank == 0, "\(summary)")
        }
        #expect(suppliers.records.count == 400 && links.records.count == 3_000 && contracts.records.count == 250)
        let findings = suppliers.findings + links.findings + contracts.findings
        #expect(!findings.contains { $0.severity == .error }, "\(findings.prefix(5))")
    }

    @Test func theXMLFormHoldsTheSameRecordsAsTheCSVForm() throws {
        var options = Self.small
        let csv = try GeneratedFiles(options).read()
        options.format = .xml
        let xml = try GeneratedFiles(options).read()
        #expect(csv.suppliers.records.map(\.fields) == xml.suppliers.records.map(\.fields))
        #expect(csv.links.records.map(\.fields) == xml.links.records.map(\.fields))
        #expect(csv.contracts.records.map(\.fields) == xml.contracts.records.map(\.fields))
    }

    @Test func theModelScoresTheFilesWithoutErrorsAndFindsRealIndicators() throws {
        let files = try GeneratedFiles(GeneratorOptions(suppliers: 3_000, links: 12_000, contracts: 500, seed: 7))
        let (suppliers, links, contracts) = try files.read()
        let assessment = Assessor(parameters: ScoringParameters()).assess(suppliers: suppliers, links: links, contracts: contracts)
        #expect(assessment.inputs.allSatisfy { $0.summary.rejected == 0 }, "\(assessment.inputs.map(\.summary))")
        #expect(!assessment.findings.contains { $0.severity == .error }, "\(assessment.findings.prefix(5))")
        #expect(!assessment.findings.contains { $0.code == "unknown-country" || $0.code == "unknown-vendor" || $0.code == "shares-above-one" })
        let kinds = Set(assessment.suppliers.flatMap { $0.risk.indicators.map(\.kind) })
        #expect(kinds.isSuperset(of: [.dolGoods, .tipPlacement, .watchlistMatch, .presumptionRegion]), "\(kinds)")
        #expect(assessment.suppliers.contains { $0.isHardFlag })
        #expect(assessment.contracts.allSatisfy { $0.vendor != nil })
        #expect(assessment.contracts.contains { $0.isFlagged })
    }

    @Test func theContractPSCAndNAICSMapBackToTheVendorsGood() throws {
        let files = try GeneratedFiles(Self.small)
        let (suppliers, _, contracts) = try files.read()
        let vocabulary = ReferenceData.embedded.goods
        let goodOf = Dictionary(uniqueKeysWithValues: suppliers.records.map { ($0.id, $0.goods.first ?? "") })
        for contract in contracts.records {
            let good = vocabulary.resolve(goodOf[contract.vendorID!]!).map(\.goodID)
            #expect(!Set(vocabulary.goods(psc: contract.psc!)).isDisjoint(with: good), "\(contract.psc!) \(good)")
            #expect(!Set(vocabulary.goods(naics: contract.naics!)).isDisjoint(with: good), "\(contract.naics!) \(good)")
            #expect(SupplierLayout.index(of: contract.vendorID!).map(files.summary.layout.tier(of:)) == 0)
        }
    }

    @Test func impossibleSizesAreRejected() {
        #expect(throws: GeneratorError.self) { try GeneratorOptions(suppliers: 9, links: 10).validate() }
        #expect(throws: GeneratorError.self) { try GeneratorOptions(suppliers: 10, links: 91).validate() }
        #expect(throws: Never.self) { try GeneratorOptions(suppliers: 10, links: 90).validate() }
        #expect(throws: GeneratorError.self) { try GeneratorOptions(suppliers: 100, links: 10, contracts: -1).validate() }
    }

    @Test func aCompleteGraphCanBeGenerated() throws {
        let files = try GeneratedFiles(GeneratorOptions(suppliers: 12, links: 132, contracts: 3, seed: 5))
        let links = try files.read().links
        #expect(links.summary.rejected == 0 && links.records.count == 132)
        #expect(Set(links.records.map { $0.buyerID + ">" + $0.supplierID }).count == 132)
    }

    @Test func anUnwritableDirectoryFailsWithoutLeavingFiles() throws {
        let scratch = FlriskTestSupport.ScratchDirectory()
        let blocker = scratch.file("not-a-directory", "x")
        #expect(throws: GeneratorError.self) { try SupplyChainGenerator.generate(Self.small, into: blocker + "/out") }
        let readOnly = scratch.url.appendingPathComponent("ro").path
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        chmod(readOnly, 0o555)
        defer { chmod(readOnly, 0o755) }
        if access(readOnly, W_OK) != 0 {
            #expect(throws: GeneratorError.self) { try SupplyChainGenerator.generate(Self.small, into: readOnly) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly).isEmpty)
        }
    }
}

import FlriskTestSupport
