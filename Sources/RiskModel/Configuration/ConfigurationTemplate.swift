/// The commented default configuration `flrisk config init` writes. Loading it gives exactly
/// the defaults (a test checks this), so a user edits only what they mean to change.
public enum ConfigurationTemplate {
    /// The file's text (YAML).
    public static let text = #"""
# flrisk configuration (YAML). Every value below is the default; delete a line to keep the
# default, change it to override. Command-line flags override this file. Reports echo the
# effective values. docs/METHODOLOGY.md explains each setting and why its default is what it is.
# Use:  flrisk score --config flrisk.yaml --suppliers ... --links ... --contracts ...
version: 1

# ISO 4217 currency of the amounts in rule settings below. Contract amounts are not converted.
currency: USD

input:
  date_order: mdy   # dates with slashes: mdy (US, 03/04/2024 is March 4) or dmy
                    # (day first, 3 April); YYYY-MM-DD is read as it is     (--date-order)

propagation:
  tiers: 6          # K: tiers looked at, 1 (the vendor only) to 32            (--tiers)
  decay: 0.8        # d: weight of tier t is d^(t-1), 0 to 1                     (--decay)

thresholds:
  flagged_risk: 0.7     # a supplier with r >= this is flagged for FL-ENTITY      (--flagged-risk)
  exposure: 0.35        # FL-EXPOSURE flags a vendor with exposure E >= this      (--exposure-threshold)
  exposure_high: 0.6    # ... at high severity from this exposure on (>= exposure)

# Intrinsic risk r = 1 - product of (1 - weight * value) over a supplier's indicators
# (noisy-OR). Hard flags (a watchlist match on the UFLPA list or a hard-flag user list, a
# presumption region) set r = 1 and have no weight here. All weights and values: 0 to 1.
indicators:
  dol_goods:            # (country, good) on the DOL List of Goods, 2022 edition
    weight: 0.5
    forced_and_child_labor: 1.0
    forced_labor: 0.8
    child_labor: 0.5
    derived: 0.5        # made with inputs produced with forced or child labor
  tip:                  # the country's placement in the latest TIP Report held
    weight: 0.3
    tier_3: 1.0
    special_case: 0.8
    tier_2_watch_list: 0.5
    tier_2: 0.2
    tier_1_or_2: 0.2    # not placed in the partial table: Tier 1 or 2, not known which
    tier_1: 0.05
  unknown_country:      # country missing or not an ISO country: never zero risk
    weight: 0.2
  watchlist:
    possible_match_weight: 0.5  # value = the name score of a possible match
    non_hard_list_weight: 0.7   # a match on a user list whose entries are not hard flags
  country_risk:         # optional user CSV country,score,source (score 0 to 1)
    weight: 0.25
    file: ~             # path, relative to this file; ~ for none              (--country-risk)

matching:               # supplier names against watchlist entries
  match_threshold: 0.9  # name score for a match (hard flag on a hard-flag list)
  review_threshold: 0.8 # name score for a "possible match" a person reviews (<= match_threshold)
  word_similarity: 0.92 # Jaro-Winkler at which two different words count as the same
  min_informative_tokens: 1   # distinctive words a name needs to be matched by name, 1 to 5
  common_word_limit: 256      # a word held by more listed names finds no fuzzy candidates
  decisions: ~          # CSV supplier_id,watchlist_entry,decision (confirm|reject), relative
                        # to this file; ~ for none                                (--decisions)

rules:
  fl_entity:
    enabled: true
  fl_exposure:
    enabled: true
  fl_goods:             # contract goods (PSC, NAICS, description) x origin/performance/vendor country on the DOL list
    enabled: true
  far_22_1703_plan:     # FAR 22.1703(c): compliance plan above far.compliance_plan_threshold
    enabled: true
  far_22_15_eo13126:    # FAR 22.15: EO 13126 product and origin above the micro-purchase threshold
    enabled: true
  dfars_225_7022:       # DoD contract whose supply chain reaches Xinjiang or a UFLPA-listed entity
    enabled: true
  fl_unmapped:          # no known suppliers, or declared shares below min_coverage
    enabled: true
    min_amount: 250000  # only contracts above this amount
    min_coverage: 0.5   # declared shares of the vendor's sourcing below this are a finding
  # FAR thresholds by effective date (inclusive), chosen by the contract's award date. Verify
  # against the FAR in force before relying on them.
  far:
    micro_purchase_threshold:
      - {amount: 10000, effective: 2020-08-31}
      - {amount: 15000, effective: 2025-10-01}
    simplified_acquisition_threshold:   # echoed only; no rule uses it
      - {amount: 250000, effective: 2020-08-31}
      - {amount: 350000, effective: 2025-10-01}
    compliance_plan_threshold:          # FAR 22.1703(c), 52.222-56
      - {amount: 550000, effective: 2020-10-01}
      - {amount: 700000, effective: 2025-10-01}
"""#
}
