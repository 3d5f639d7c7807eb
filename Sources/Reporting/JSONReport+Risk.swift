import RiskModel

extension JSONReport {
    /// The effective parameters: command line over configuration file over defaults.
    static func writeParameters(_ p: ScoringParameters, watchlistEntries: (embedded: Int, user: Int), to json: inout JSONWriter) {
        json.beginObject()
        json.field("tiers", p.tiers)
        json.field("decay", p.decay)
        json.field("exposure_threshold", p.exposureThreshold)
        json.field("exposure_high_threshold", p.exposureHighThreshold)
        json.field("flagged_risk_threshold", p.flaggedRiskThreshold)
        json.field("intrinsic_risk_model", IndicatorModel.name)
        json.field("config_file", p.configFile)
        json.field("currency", p.currency)
        json.field("date_order", p.dateOrder.rawValue)
        let w = p.indicators.weights, dol = p.indicators.dol, tip = p.indicators.tip
        json.key("indicators")
        json.beginObject()
        object("dol_goods", [
            ("weight", w.dolGoods), ("forced_and_child_labor", dol.forcedAndChildLabor), ("forced_labor", dol.forcedLabor),
            ("child_labor", dol.childLabor), ("derived", dol.derived),
        ], to: &json)
        object("tip", [
            ("weight", w.tip), ("tier_3", tip.tier3), ("special_case", tip.specialCase), ("tier_2_watch_list", tip.tier2WatchList),
            ("tier_2", tip.tier2), ("tier_1_or_2", tip.tier1Or2), ("tier_1", tip.tier1),
        ], to: &json)
        object("unknown_country", [("weight", w.unknownCountry)], to: &json)
        object("watchlist", [("possible_match_weight", w.possibleMatch), ("non_hard_list_weight", w.nonHardListMatch)], to: &json)
        object("country_risk", [("weight", w.countryRisk)], to: &json)
        json.endObject()
        json.key("matching")
        json.beginObject()
        json.field("match_threshold", p.matching.matchThreshold)
        json.field("review_threshold", p.matching.reviewThreshold)
        json.field("word_similarity", p.matching.wordSimilarity)
        json.field("min_informative_tokens", p.matching.minInformativeTokens)
        json.field("common_word_limit", p.matching.commonWordLimit)
        json.field("watchlist_entries_embedded", watchlistEntries.embedded)
        json.field("watchlist_entries_user", watchlistEntries.user)
        json.endObject()
        json.key("rules")
        json.beginObject()
        json.key("fl_entity")
        json.beginObject()
        json.field("enabled", p.rules.entityEnabled)
        json.endObject()
        let r = p.rules
        for (name, enabled) in [
            ("fl_exposure", r.exposureEnabled), ("fl_goods", r.goodsEnabled), ("far_22_1703_plan", r.compliancePlanEnabled),
            ("far_22_15_eo13126", r.eo13126Enabled), ("dfars_225_7022", r.dfarsEnabled),
        ] {
            json.key(name)
            json.beginObject()
            json.field("enabled", enabled)
            json.endObject()
        }
        json.key("fl_unmapped")
        json.beginObject()
        json.field("enabled", r.unmappedEnabled)
        json.field("min_amount", r.unmappedMinAmount)
        json.field("min_coverage", r.unmappedMinCoverage)
        json.endObject()
        json.key("far")
        json.beginObject()
        for (name, amounts) in [
            ("micro_purchase_threshold", r.microPurchaseThreshold), ("simplified_acquisition_threshold", r.simplifiedAcquisitionThreshold),
            ("compliance_plan_threshold", r.compliancePlanThreshold),
        ] {
            json.key(name)
            json.beginArray()
            for amount in amounts {
                json.beginObject()
                json.field("amount", amount.amount)
                json.field("effective", amount.effective)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        json.endObject()
        json.endObject()
    }

    private static func object(_ name: String, _ fields: [(String, Double)], to json: inout JSONWriter) {
        json.key(name)
        json.beginObject()
        for (key, value) in fields { json.field(key, value) }
        json.endObject()
    }

    /// A supplier's model value, hard flag, basis, indicators and watchlist matches.
    static func writeRisk(_ scored: SupplierAssessment, to json: inout JSONWriter) {
        let risk = scored.risk
        json.field("model_risk", risk.modelValue)
        json.field("hard_flag", risk.isHardFlag)
        json.field("risk_basis", risk.explanation)
        json.key("indicators")
        json.beginArray()
        for indicator in risk.indicators {
            json.beginObject()
            json.field("indicator", indicator.kind.rawValue)
            json.field("value", indicator.value)
            json.field("weight", indicator.weight)
            json.field("hard_flag", indicator.isHardFlag)
            json.field("source", indicator.source)
            json.field("reason", indicator.reason)
            json.endObject()
        }
        json.endArray()
        json.key("watchlist_matches")
        json.beginArray()
        for match in risk.matches {
            json.beginObject()
            json.field("list", match.list)
            json.field("entry", match.entryID)
            json.field("matched_name", match.matchedName)
            json.field("method", match.method.rawValue)
            json.field("score", match.score)
            json.field("strength", match.strength.rawValue)
            json.key("notes")
            json.beginArray()
            for note in match.notes { json.string(note) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
    }
}
