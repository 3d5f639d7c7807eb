import SupplyChainModel

/// Supply links and the companies they join, read from a USAspending contract *subawards*
/// download: each subaward is a public tier-2 edge, prime awardee → subawardee.
public struct SubawardImport: Sendable {
    /// One link per (prime awardee UEI, subawardee UEI) pair, at the line of its first row.
    public var links: ImportResult<SupplyLink>
    /// Primes and subawardees as suppliers (id = UEI), in order of first appearance.
    public var suppliers: [Supplier]
}

/// Reads USAspending contract subaward downloads as supply links.
///
/// **Shares.** For prime awardee P and subawardee S,
/// `share(P → S) = min(1, Σ subaward_amount(P, S) / Σ prime_award_amount(P))`, where the
/// denominator counts each prime award of P once (by `prime_award_unique_key`, else by
/// `prime_award_piid`, else per row; a prime award given different amounts counts with its
/// largest, with a `prime-amount-differs` warning). It estimates the fraction of what P was paid that went
/// to S (both sums in one order whatever the file's). A share is left unknown (the model's missing-share rule applies) when P has no prime
/// amount or the subawards to S sum to zero or less (de-obligations); above 1 it is capped at 1
/// with a `share-capped` warning. Several rows of one pair make one link (their amounts
/// add); they are all counted as accepted rows.
public enum USAspendingSubawards {
    /// An amount in a message: two decimals, no exponent ("40000.00", not "40000.0" or "4e+10").
    static func amountText(_ amount: Double) -> String {
        guard amount.isFinite, abs(amount) < 1e15 else { return "\(amount)" }
        let cents = Int64((amount * 100).rounded())
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static let columns: [ColumnSpec] = [
        "prime_awardee_uei", "prime_awardee_name", "prime_awardee_country_code", "prime_award_unique_key", "prime_award_piid",
        "prime_award_amount", "subawardee_uei", "subawardee_name", "subawardee_country_code", "subawardee_country_name",
        "subawardee_address_line_1", "subaward_amount", "subaward_description", "subaward_number", "subaward_action_date",
    ].map { ColumnSpec($0) }

    /// Header names that mark a subawards file.
    static let signature = ["prime_awardee_uei", "subawardee_uei"]

    private struct SubawardRow: Sendable {
        var prime: String, sub: String, award: String?, primeAmount: Double?, subAmount: Double?, good: String?
        var location: SourceLocation
    }

    /// Reads a subawards file.
    /// - Throws: ``InputError`` for a missing file, bad CSV or a missing `prime_awardee_uei` /
    ///   `subawardee_uei` column.
    public static func read(path: String, options: ImportOptions = ImportOptions()) throws -> SubawardImport {
        var suppliers: [Supplier] = []
        // Party UEI → position in `suppliers`; a later row fills what the first left empty.
        var seen: [String: Int] = [:]
        func add(_ supplier: Supplier) {
            if let known = seen[supplier.id] {
                suppliers[known].fillGaps(from: supplier)
            } else {
                seen[supplier.id] = suppliers.count
                suppliers.append(supplier)
            }
        }
        let rows = try TableImport.read(
            path: path, columns: columns, required: [["prime_awardee_uei"], ["subawardee_uei"]], options: options
        ) { row, _ throws(RowRejection) in
            let prime = try row.required("prime_awardee_uei").uppercased()
            let sub = try row.required("subawardee_uei").uppercased()
            let primeAmount = try row.amount("prime_award_amount")
            let subAmount = try row.amount("subaward_amount")
            add(Supplier(
                id: prime, name: row["prime_awardee_name"] ?? prime, country: row["prime_awardee_country_code"],
                uei: prime, location: row.location))
            add(Supplier(
                id: sub, name: row["subawardee_name"] ?? sub,
                country: row["subawardee_country_code"] ?? row["subawardee_country_name"],
                address: row["subawardee_address_line_1"], uei: sub, location: row.location))
            let award = row["prime_award_unique_key"] ?? row["prime_award_piid"]
            return SubawardRow(prime: prime, sub: sub, award: award, primeAmount: primeAmount, subAmount: subAmount, good: row["subaward_description"], location: row.location)
        }

        // Sums in one order whatever the file's (the amounts sorted), so that a download sorted
        // another way gives the same shares to the last bit.
        func canonicalSum(_ amounts: [Double]) -> Double { amounts.sorted().reduce(0, +) }
        // Denominators: each prime award of a prime awardee once, with its largest amount when
        // rows give it several (a warning): the award's total as of the latest subaward report,
        // since modifications add to it, and a choice that does not depend on the rows' order.
        struct Award {
            var prime: String, award: String, first: SourceLocation
            var smallest: (amount: Double, line: Int), largest: (amount: Double, line: Int)
            var values: Set<Double>
        }
        var awards: [String: Award] = [:]
        var awardOrder: [String] = []
        for (index, row) in rows.records.enumerated() {
            guard let amount = row.primeAmount else { continue }
            // A row without an award key is an award of its own.
            let key = row.award.map { row.prime + "\u{0}" + $0 } ?? "#row\(index)"
            guard var known = awards[key] else {
                awards[key] = Award(
                    prime: row.prime, award: row.award ?? "", first: row.location, smallest: (amount, row.location.line),
                    largest: (amount, row.location.line), values: [amount])
                awardOrder.append(key)
                continue
            }
            known.values.insert(amount)
            if amount < known.smallest.amount { known.smallest = (amount, row.location.line) }
            if amount > known.largest.amount { known.largest = (amount, row.location.line) }
            awards[key] = known
        }
        var primeAmounts: [String: [Double]] = [:]
        var conflicts: [Finding] = []
        for key in awardOrder {
            let award = awards[key]!
            primeAmounts[award.prime, default: []].append(award.largest.amount)
            guard award.values.count > 1 else { continue }
            let others = award.values.count > 2 ? " (\(award.values.count) different values)" : ""
            conflicts.append(Finding(
                .warning, code: "prime-amount-differs",
                "prime award '\(award.award)' of \(award.prime) has 'prime_award_amount' \(Self.amountText(award.smallest.amount)) at line \(award.smallest.line) and \(Self.amountText(award.largest.amount)) at line \(award.largest.line)\(others); the largest, \(Self.amountText(award.largest.amount)), is its amount",
                at: award.first))
        }
        let primeTotal = primeAmounts.mapValues(canonicalSum)
        // Numerators, one link per pair in order of first appearance.
        var order: [String] = []
        var pairs: [String: (first: SubawardRow, amounts: [Double])] = [:]
        for row in rows.records {
            let key = row.prime + "\u{0}" + row.sub
            if pairs[key] == nil {
                order.append(key)
                pairs[key] = (row, [])
            }
            if let amount = row.subAmount { pairs[key]!.amounts.append(amount) }
        }
        var findings = rows.findings + conflicts
        var links: [SupplyLink] = []
        for key in order {
            let (first, amounts) = pairs[key]!
            let sum = canonicalSum(amounts)
            var share: Double?
            if !amounts.isEmpty, sum > 0, let total = primeTotal[first.prime], total > 0 {
                share = sum / total
                if share! > 1 {
                    findings.append(Finding(
                        .warning, code: "share-capped",
                        "subawards from \(first.prime) to \(first.sub) (\(Self.amountText(sum))) exceed the prime award amounts (\(Self.amountText(total))); the share is capped at 1",
                        at: first.location))
                    share = 1
                }
            }
            links.append(SupplyLink(buyerID: first.prime, supplierID: first.sub, share: share, good: first.good, location: first.location))
        }
        return SubawardImport(
            links: ImportResult(records: links, findings: findings, summary: rows.summary, rejectedRows: rows.rejectedRows),
            suppliers: suppliers)
    }
}
