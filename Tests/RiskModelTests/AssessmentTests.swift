import Testing
@testable import RiskModel
import SupplyChainModel
import SupplyGraph

/// A small network built in memory:
///
///     V1 (US vendor) → T1 (CN, 0.6) → R1 (CN, override 1.0)
///                    → T2 (MY, 0.4)
///     V2 (US vendor, no suppliers)
///     T1 → X (unknown supplier: rejected)
struct SmallNetwork {
    static func location(_ file: String, _ line: Int) -> SupplyChainModel.SourceLocation { .init(file: file, line: line) }

    static let suppliers = [
        Supplier(id: "V1", name: "Harbor Point Apparel LLC", country: "US", uei: "UEI000000001", location: location("s.csv", 2)),
        Supplier(id: "T1", name: "Jiangnan Weaving Co., Ltd.", country: "China", location: location("s.csv", 3)),
        Supplier(id: "T2", name: "Selangor Knit Sdn. Bhd.", country: "MYS", location: location("s.csv", 4)),
        Supplier(id: "R1", name: "Aksu Cotton Ginning", country: "CN", riskOverride: 1.0, riskNote: "audit", location: location("s.csv", 5)),
        Supplier(id: "V2", name: "Clean Services Inc.", country: "Narnia", location: location("s.csv", 6)),
    ]
    static let links = [
        SupplyLink(buyerID: "V1", supplierID: "T1", share: 0.6, location: location("l.csv", 2)),
        SupplyLink(buyerID: "V1", supplierID: "T2", share: 0.4, location: location("l.csv", 3)),
        SupplyLink(buyerID: "T1", supplierID: "R1", share: 0.5, location: location("l.csv", 4)),
        SupplyLink(buyerID: "T1", supplierID: "X", share: 0.5, location: location("l.csv", 5)),
    ]
    static let contracts = [
        Contract(id: "C-small", vendorID: "V2", amount: 9_000_000, psc: "R408", location: location("c.csv", 2)),
        Contract(id: "C-uei", vendorUEI: "uei000000001", amount: 100, location: location("c.csv", 3)),
        Contract(id: "C-name", vendorName: "harbor point apparel, llc", amount: 5_000, location: location("c.csv", 4)),
        Contract(id: "C-none", vendorName: "Nobody Ltd", amount: 1, location: location("c.csv", 5)),
    ]

    static func assess(_ parameters: ScoringParameters = ScoringParameters()) -> Assessment {
        return Assessor(parameters: parameters).assess(
            suppliers: imported(suppliers, file: "s.csv"), links: imported(links, file: "l.csv"), contracts: imported(contracts, file: "c.csv"))
    }
}

@Suite("Assessment")
struct AssessmentTests {
    let assessment = SmallNetwork.assess()

    @Test func indicatorRiskAndOverride() {
        let risks = assessment.suppliers.map(\.risk)
        // TIP weight 0.3 × placement value: US Tier 1 (0.05), CN Tier 3 (1), MY Tier 2 (0.2).
        #expect(abs(risks[0].value - 0.3 * 0.05) < 1e-12)
        #expect(abs(risks[1].value - 0.3) < 1e-12 && risks[1].country?.alpha2 == "CN")
        #expect(risks[2].country?.alpha2 == "MY" && abs(risks[2].value - 0.06) < 1e-12)
        #expect(risks[3].value == 1.0 && abs(risks[3].modelValue - 0.3) < 1e-12)
        #expect(risks[3].basis == .override(note: "audit", modelValue: risks[3].modelValue))
        #expect(abs(risks[4].value - 0.2) < 1e-12 && risks[4].indicators.map(\.kind) == [.unknownCountry])
        #expect(risks.allSatisfy { !$0.isHardFlag })
    }

    @Test func linksToUnknownSuppliersAreRejectedAndCounted() {
        let links = assessment.inputs.first { $0.role == "links" }!.summary
        #expect(links.accepted == 3 && links.rejected == 1 && links.rejectedByReason == ["unknown-supplier": 1])
        #expect(assessment.findings.contains { $0.code == "unknown-supplier" && $0.location?.line == 5 && $0.message.contains("supplier_id 'X'") })
        #expect(assessment.findings.contains { $0.code == "unknown-country" && $0.message.contains("Narnia") })
    }

    @Test func exposureOfTheVendorFollowsTheModel() {
        let r = assessment.suppliers.map(\.risk.value)
        // The rejected link leaves T1 with R1 at share 0.5.
        let x2 = 0.6 * r[1] + 0.4 * r[2]
        let x3 = 0.6 * 0.5 * r[3]
        let e = 1 - (1 - r[0]) * (1 - 0.8 * x2) * (1 - 0.64 * x3)
        #expect(abs(assessment.suppliers[0].exposure - e) < 1e-12)
        #expect(assessment.suppliers[0].nearestFlaggedTier == 3)
        #expect(assessment.suppliers[0].nearestFlaggedPath == [0, 1, 3])
    }

    @Test func vendorsAreFoundByIdThenUEIThenName() {
        let byID = Dictionary(uniqueKeysWithValues: assessment.contracts.map { ($0.contract.id, $0) })
        #expect(byID["C-small"]?.vendorMatch == .id)
        #expect(byID["C-uei"]?.vendorMatch == .uei && byID["C-uei"]?.vendor == 0)
        #expect(byID["C-name"]?.vendorMatch == .name && byID["C-name"]?.vendor == 0)
        #expect(byID["C-none"]?.vendorMatch == VendorMatch.none && byID["C-none"]?.isFlagged == false)
        #expect(assessment.findings.contains { $0.code == "unknown-vendor" && $0.location?.line == 5 })
    }

    @Test func entityRuleNamesTheTierAndPath() {
        let flagged = assessment.contracts.first { $0.contract.id == "C-name" }!
        let entity = flagged.flags.first { $0.rule == .entity }
        #expect(entity?.severity == .medium)
        #expect(entity?.path == [0, 1, 3])
        #expect(entity?.message.contains("Supplier R1 'Aksu Cotton Ginning' (CN) at tier 3 is flagged: intrinsic risk 1.00 ≥ 0.70, analyst override: audit (model: 0.30) [s.csv:5]") == true)
    }

    @Test func queueIsOrderedBySeverityThenExposureTimesAmount() {
        #expect(assessment.contracts.map(\.contract.id) == ["C-name", "C-uei", "C-small", "C-none"])
    }

    @Test func exposureRuleFiresAtTheThreshold() {
        var parameters = ScoringParameters()
        parameters.flaggedRiskThreshold = 1.0
        parameters.exposureThreshold = SmallNetwork.assess().suppliers[0].exposure
        let at = SmallNetwork.assess(parameters).contracts.first { $0.contract.id == "C-uei" }!
        #expect(at.flags.contains { $0.rule == .exposure && $0.severity == .medium })
        // Above by more than rounding (a value within it meets the threshold: QA15).
        parameters.exposureThreshold += 2 * ScoringParameters.thresholdTolerance
        let above = SmallNetwork.assess(parameters).contracts.first { $0.contract.id == "C-uei" }!
        #expect(!above.flags.contains { $0.rule == .exposure })
    }

    @Test func invalidParametersNameTheParameter() {
        var parameters = ScoringParameters()
        parameters.tiers = 33
        #expect(throws: ParameterError.self) { try parameters.validate() }
        parameters.tiers = 6
        parameters.decay = .nan
        let error = #expect(throws: ParameterError.self) { try parameters.validate() }
        #expect(error?.description.contains("decay") == true)
    }

    @Test func resultsDoNotDependOnWorkers() {
        var one = ScoringParameters()
        one.workers = 1
        var three = ScoringParameters()
        three.workers = 3
        let a = SmallNetwork.assess(one), b = SmallNetwork.assess(three)
        #expect(a.suppliers.map(\.exposure) == b.suppliers.map(\.exposure))
        #expect(a.contracts.map(\.contract.id) == b.contracts.map(\.contract.id))
    }

    /// The contract records move into the assessment when the caller gives them up, and are
    /// copied when the caller keeps them: either way the assessment holds every contract as
    /// imported, and the caller's records are left as they were.
    @Test func contractRecordsMoveOnlyWhenGivenUp() {
        func imported() -> ImportResult<Contract> {
            var summary = ImportSummary(file: "c.csv")
            summary.read = SmallNetwork.contracts.count
            summary.accepted = SmallNetwork.contracts.count
            return ImportResult(records: SmallNetwork.contracts.map { $0 }, findings: [], summary: summary)
        }
        func result<R>(_ records: [R], _ file: String) -> ImportResult<R> {
            ImportResult(records: records, findings: [], summary: ImportSummary(file: file))
        }
        let suppliers = result(SmallNetwork.suppliers, "s.csv"), links = result(SmallNetwork.links, "l.csv")
        let kept = imported()
        let copied = Assessor(parameters: ScoringParameters()).assess(suppliers: suppliers, links: links, contracts: kept)
        #expect(kept.records == SmallNetwork.contracts)
        // A temporary with its own records buffer: given up, so moved.
        let moved = Assessor(parameters: ScoringParameters()).assess(suppliers: suppliers, links: links, contracts: imported())
        for assessment in [copied, moved] {
            #expect(Set(assessment.contracts.map(\.contract)) == Set(SmallNetwork.contracts))
        }
        #expect(copied.contracts.map(\.contract) == moved.contracts.map(\.contract))
        #expect(copied.contracts.map(\.flags.count) == moved.contracts.map(\.flags.count))
        #expect(copied.contracts.map(\.contract.id) == ["C-name", "C-uei", "C-small", "C-none"])
    }

    /// The queue is put in order in place by following the permutation's cycles: the result
    /// must be `order.map { elements[$0] }` for any permutation (fixed points, one long cycle,
    /// many short ones), with every element (reference-counted strings here) moved exactly once.
    /// The queue order (halves sorted on two workers, then merged, for large queues) is the
    /// definition: severity first (unflagged last), then priority, then input order.
    @Test(arguments: [0, 1, 7, 16_383, 16_384, 40_001])
    func queueOrderEqualsTheDefinition(count: Int) {
        var random = SeededGenerator(seed: UInt64(count) + 5)
        let severities: [Severity?] = (0..<count).map { _ in
            let k = Int(random.next() % 5)
            return k == 4 ? nil : Severity.allCases[k]
        }
        // Few distinct priorities: ties are decided by severity, then by input order.
        let priorities = (0..<count).map { _ in Double(random.next() % 20) / 4 }
        let expected = (0..<count).sorted { a, b in
            let ra = severities[a]?.rank ?? -1, rb = severities[b]?.rank ?? -1
            if ra != rb { return ra > rb }
            if priorities[a] != priorities[b] { return priorities[a] > priorities[b] }
            return a < b
        }
        #expect(Assessor.queueOrder(severities: severities, priorities: priorities) == expected)
    }

    @Test(arguments: [1, 2, 3])
    func gatheringInQueueOrderEqualsTheDefinition(workers: Int) {
        var random = SeededGenerator(seed: 11)
        for n in [0, 1, 2, 3, 10, 257, 5000, 20_000] {
            for shape in 0..<4 {
                var order = Array(0..<n)
                switch shape {
                case 0: break
                case 1: order.shuffle(using: &random)
                case 2: if n > 1 { order = Array(1..<n) + [0] }
                default: for i in stride(from: 0, to: n - 1, by: 2) { order.swapAt(i, i + 1) }
                }
                let elements = (0..<n).map { ["contract \($0) with a long enough id to live on the heap"] }
                // Moved out of a buffer that holds the only other copy of each element.
                let source = UnsafeMutablePointer<[String]>.allocate(capacity: n)
                source.initialize(from: elements.map { [$0[0] + ""] }, count: n)
                let gathered = Assessor.gathered(movingFrom: source, order: order, workers: workers) { ($0, $1) }
                source.deallocate()
                #expect(gathered.map(\.1) == order.map { elements[$0] }, "n = \(n), shape \(shape)")
                #expect(gathered.map(\.0) == order, "n = \(n), shape \(shape)")
            }
        }
    }

    /// `flaggedContracts` and `flaggedCount` find the flagged front of the queue by binary
    /// search: they must agree with filtering every contract, from none flagged to all.
    @Test func flaggedContractsAreTheFrontOfTheQueue() {
        var settings: [ScoringParameters] = [ScoringParameters()]
        var fewer = ScoringParameters()
        fewer.flaggedRiskThreshold = 1.0
        fewer.exposureThreshold = 0.99
        fewer.rules.unmappedEnabled = false
        settings.append(fewer)
        settings.append(HardFlagRuleTests.allRulesDisabled())
        var counts: Set<Int> = []
        for parameters in settings {
            let a = SmallNetwork.assess(parameters)
            let filtered = a.contracts.filter(\.isFlagged)
            #expect(a.flaggedCount == filtered.count)
            #expect(a.flaggedContracts.map(\.contract.id) == filtered.map(\.contract.id))
            counts.insert(a.flaggedCount)
        }
        #expect(counts.contains(0) && counts.count >= 2)
    }
}

@Suite("FL-ENTITY with hard flags")
struct HardFlagRuleTests {
    /// V → A (override 0.9, soft flag, tier 2) and V → B → X (Xinjiang, hard flag, tier 3).
    static func assess() -> Assessment {
        let at = { (line: Int) in SupplyChainModel.SourceLocation(file: "s.csv", line: line) }
        let suppliers = [
            Supplier(id: "V", name: "Vendor Inc.", country: "US", location: at(2)),
            Supplier(id: "A", name: "Alpha Knit", country: "VN", riskOverride: 0.9, riskNote: "audit", location: at(3)),
            Supplier(id: "B", name: "Beta Weaving", country: "CN", location: at(4)),
            Supplier(id: "X", name: "Korla Example Ginning", country: "CN", region: "XUAR", goods: ["cotton"], location: at(5)),
        ]
        let links = [
            SupplyLink(buyerID: "V", supplierID: "A", share: 0.5, location: at(2)), SupplyLink(buyerID: "V", supplierID: "B", share: 0.5, location: at(3)),
            SupplyLink(buyerID: "B", supplierID: "X", share: 1, location: at(4)),
        ]
        return Assessor(parameters: ScoringParameters()).assess(
            suppliers: imported(suppliers, file: "x.csv"), links: imported(links, file: "x.csv"),
            contracts: imported([Contract(id: "C", vendorID: "V", amount: 1, location: at(2))], file: "x.csv"))
    }

    @Test func aReachedHardFlagIsHighAndNamesItsSource() {
        let a = Self.assess()
        let v = a.suppliers[0]
        #expect(v.nearestFlaggedTier == 2 && v.nearestHardFlagTier == 3 && v.nearestHardFlagPath == [0, 2, 3])
        let entity = a.contracts[0].flags.first { $0.rule == .entity }!
        #expect(entity.severity == .high && entity.path == [0, 2, 3])
        #expect(entity.message.hasPrefix("Supplier X 'Korla Example Ginning' (CN) at tier 3 is a hard flag: region 'XUAR'"))
        #expect(entity.message.contains("presumption_regions.csv:"))
        #expect(entity.message.contains("Nearer, supplier A 'Alpha Knit' (VN) at tier 2 is flagged"))
    }

    /// Parameters with every contract rule turned off.
    static func allRulesDisabled() -> ScoringParameters {
        var parameters = ScoringParameters()
        parameters.rules.entityEnabled = false
        parameters.rules.exposureEnabled = false
        parameters.rules.unmappedEnabled = false
        parameters.rules.goodsEnabled = false
        parameters.rules.compliancePlanEnabled = false
        parameters.rules.eo13126Enabled = false
        parameters.rules.dfarsEnabled = false
        return parameters
    }

    @Test func disabledRulesDoNotFire() {
        let a = SmallNetwork.assess(Self.allRulesDisabled())
        #expect(a.contracts.allSatisfy { !$0.isFlagged })
    }
}
