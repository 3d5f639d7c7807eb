#!/usr/bin/env python3
"""The Python analyst pipeline: the job `flrisk score` does, done with polars, numpy/scipy and lxml.

Reads native suppliers/links/contracts (CSV with polars; native XML `urn:flrisk:native:1` with
lxml iterparse when a path ends in .xml), scores intrinsic risk from Datasets/reference following
docs/METHODOLOGY.md (noisy-OR of watchlist, presumption-region, DOL goods, TIP and
unknown-country indicators; the `risk` override), normalises link shares, runs the three
recurrences over K tiers with scipy/numpy (tier exposure X_t, exposure E, worst path M, nearest
flagged and nearest hard-flag tier), applies the contract review rules, writes a review-queue CSV
(one row per contract) and prints one JSON line of checksums and timings.

What it does NOT reproduce (see Benchmarks/README.md): fuzzy watchlist names (Jaro-Winkler
scores; only identifier, exact-name and token-sort matches, with the country check and the
generic-name rule), user watchlists, decisions files, country-risk files, configuration files,
facility lists and the USAspending/FPDS importers, messages and paths of flags. Generated
benchmark data names watchlisted suppliers exactly, so fuzzy matching never matters there.

Usage: pipeline_peer.py --suppliers S --links L --contracts C [--queue OUT.csv] [--json OUT.json]
       [--reference DIR] [--tiers 6] [--decay 0.8]
"""
import argparse
import json
import os
import resource
import sys
import time
import unicodedata

import numpy as np
import polars as pl
import scipy.sparse as sp

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.normpath(os.path.join(HERE, "..", "..", "Datasets", "reference"))
NS = "{urn:flrisk:native:1}"

# Model defaults (docs/METHODOLOGY.md).
W_DOL, W_TIP, W_UNKNOWN, W_POSSIBLE = 0.5, 0.3, 0.2, 0.5
DOL_VALUE = {(True, True): 1.0, (True, False): 0.8, (False, True): 0.5, (False, False): 0.5}
TIP_VALUE = {"tier-3": 1.0, "special-case": 0.8, "tier-2-watch-list": 0.5, "tier-2": 0.2, "tier-1-or-2": 0.2, "tier-1": 0.05}
TIP_ORDER = ["tier-3", "special-case", "tier-2-watch-list", "tier-2", "tier-1"]
FLAGGED_RISK, EXPOSURE, EXPOSURE_HIGH = 0.7, 0.35, 0.6
MICRO = [("2020-08-31", 10_000.0), ("2025-10-01", 15_000.0)]
PLAN = [("2020-10-01", 550_000.0), ("2025-10-01", 700_000.0)]
UNMAPPED_MIN_AMOUNT, UNMAPPED_MIN_COVERAGE = 250_000.0, 0.5
SEVERITY = {"high": 3, "medium": 2, "low": 1, "info": 0}
RULE_ORDER = ["FL-ENTITY", "FL-EXPOSURE", "FL-GOODS", "FAR-22.1703-PLAN", "FAR-22.15-EO13126", "DFARS-225.7022", "FL-UNMAPPED"]

NAME_VARIANTS = {'colour': 'color', 'colours': 'color', 'centre': 'center', 'fibre': 'fiber', 'fibres': 'fiber', 'aluminium': 'aluminum', 'jewellery': 'jewelry', 'organisation': 'organization', 'tyre': 'tire', 'tyres': 'tire', 'uyghur': 'uygur', 'uighur': 'uygur', 'uigur': 'uygur', 'urumqi': 'urumqi', 'wulumuqi': 'urumqi', 'akesu': 'aksu', 'kashi': 'kashgar', 'hetian': 'hotan', 'khotan': 'hotan', 'kuerle': 'korla', 'tulufan': 'turpan', 'turfan': 'turpan', 'kelamayi': 'karamay', 'kuche': 'kuqa', 'lvzhou': 'luzhou', 'comm': 'communication', 'comms': 'communication', 'commun': 'communication', 'grp': 'group', 'tech': 'technology', 'techn': 'technology', 'technol': 'technology', 'mfg': 'manufacturing', 'mfr': 'manufacturing', 'manufactory': 'manufacturing', 'manufacture': 'manufacturing', 'ind': 'industry', 'inds': 'industry', 'indus': 'industry', 'industrial': 'industry', 'industries': 'industry', 'intl': 'international', 'internat': 'international', 'dev': 'development', 'devt': 'development', 'eng': 'engineering', 'engg': 'engineering', 'equip': 'equipment', 'hldg': 'holding', 'hldgs': 'holding', 'holdings': 'holding', 'imp': 'import', 'exp': 'export', 'natl': 'national', 'prod': 'product', 'prods': 'product', 'svc': 'service', 'svcs': 'service', 'sys': 'system', 'tex': 'textile', 'mgmt': 'management', 'pharm': 'pharmaceutical', 'pharma': 'pharmaceutical', 'chem': 'chemical', 'sci': 'science', 'elec': 'electric', 'electr': 'electric', 'bros': 'brother', 'assoc': 'association', 'assn': 'association', 'mktg': 'marketing', 'dist': 'distribution', 'matl': 'material', 'matls': 'material', 'biotech': 'biotechnology', 'agri': 'agriculture', 'agricultural': 'agriculture', 'jituan': 'group', 'keji': 'technology', 'maoyi': 'trading', 'fangzhi': 'textile', 'shiye': 'industry', 'gongye': 'industry', 'jinchukou': 'import export', 'industrie': 'industry'}
LEGAL_FORMS = {'co', 'and its affiliates', 'corp', 'sdn', 'srl', 'incorporated', 'zeren', 'cv', 'tic', 'nv', 'ltda', 'oy', 'pte', 'cos', 'zrt', 'gufen', 'sarl', 'kk', 'gmbh', 'kgaa', 'sti', 'corporation', 'llp', 'pjsc', 'gongsi', 'its', 'sro', 'jsc', 'kg', 'mbh', 'branch office', 'subsidiarie', 'limited', 'ltd', 'llc', 'bv', 'ab', 'ojsc', 'spa', 'sas', 'oyj', 'aps', 'oao', 'tbk', 'kft', 'affiliate', 'subsidiary', 'fengongsi', 'pvt', 'asa', 'inc', 'plc', 'and subsidiaries', 'ooo', 'zao', 'cjsc', 'lp', 'as', 'youxian', 'bhd', 'companies', 'youxiangongsi', 'pty', 'company', 'sa', 'pt', 'ag'}
STOP_WORDS = {'und', 'the', 'de', 'et', 'des', 'le', 'and', 'del', 'for', 'la', 'y', 'of', 'du'}
GENERIC_WORDS = {'automation', 'library', 'kuqa', 'south', 'product', 'kezilesu', 'solar', 'project', 'jinan', 'venture', 'bayinguoleng', 'dalian', 'aquatic', 'paper', 'guizhou', 'health', 'modern', 'hair', 'import export', 'xian', 'uygur', 'altay', 'wuxi', 'liaoning', 'network', 'garment', 'estate', 'solution', 'hangzhou', 'karamay', 'international', 'universal', 'national', 'shihezi', 'logistic', 'packaging', 'optoelectronic', 'hami', 'west', 'mill', 'first', 'golden', 'apparel', 'silk', 'hotan', 'construction', 'information', 'hong', 'korla', 'shandong', 'storage', 'energy', 'jiangsu', 'global', 'hohhot', 'motor', 'medicine', 'furniture', 'shantou', 'guangxi', 'enterprise', 'boertala', 'rubber', 'branch', 'seafood', 'transport', 'chengdu', 'pacific', 'biological', 'nanning', 'ghulja', 'shipping', 'tomato', 'kong', 'investment', 'supply', 'fabric', 'import', 'footwear', 'center', 'sun', 'mining', 'agriculture', 'microelectronic', 'shanghai', 'nanjing', 'hefei', 'zhengzhou', 'north', 'head', 'fruit', 'anhui', 'yantai', 'united', 'overseas', 'photovoltaic', 'service', 'trading', 'macao', 'metal', 'commercial', 'textile', 'gansu', 'nonferrous', 'ili', 'smart', 'system', 'plastic', 'tibet', 'gold', 'commerce', 'dyeing', 'machine', 'shenyang', 'industry', 'communication', 'hebei', 'henan', 'nantong', 'agricultural', 'association', 'star', 'glove', 'beijing', 'hainan', 'coal', 'jilin', 'distribution', 'guangdong', 'plant', 'shaanxi', 'xinjiang', 'development', 'kizilsu', 'great', 'ingredient', 'taiwan', 'changji', 'science', 'park', 'thread', 'shanshan', 'fiber', 'tumxuk', 'biotechnology', 'turpan', 'harbin', 'factory', 'material', 'region', 'fashion', 'electronic', 'trade', 'food additive', 'yunnan', 'ningbo', 'xuar', 'manufacturing', 'technology', 'changsha', 'urumqi', 'aral', 'yili', 'toy', 'creative', 'prefecture', 'bayingolin', 'asia', 'foshan', 'kuytun', 'suzhou', 'freight', 'tianjin', 'aluminum', 'steel', 'mineral', 'clothing', 'guangzhou', 'copper', 'xizang', 'reserve', 'wuhan', 'chongqing', 'bortala', 'battery', 'autonomous', 'western', 'new', 'advanced', 'kunshan', 'holding', 'chinese', 'yining', 'cotton', 'office', 'weaving', 'shenzhen', 'export', 'color', 'zhejiang', 'operation', 'province', 'mine', 'equipment', 'xiamen', 'iron', 'hubei', 'vegetable', 'alaer', 'management', 'accessory', 'knitting', 'wujiaqu', 'zhuhai', 'machinery', 'fujian', 'jiangxi', 'chemical', 'weifang', 'power', 'northern', 'silicon', 'sugar', 'cereal', 'linen', 'agency', 'general', 'oil', 'lanzhou', 'aletai', 'central', 'spinning', 'digital', 'magnesium', 'electric', 'changzhou', 'marketing', 'wood', 'chain', 'pharmaceutical', 'trader', 'southern', 'kashgar', 'zinc', 'sino', 'ningxia', 'printing', 'eastern', 'business', 'partner', 'east', 'medical', 'auto', 'qinghai', 'qingdao', 'aksu', 'city', 'yarn', 'world', 'engineering', 'wenzhou', 'semiconductor', 'fuzhou', 'kuitun', 'tacheng', 'farm', 'china', 'group', 'kumul', 'county', 'warehousing', 'associate', 'shoe', 'station', 'macau', 'worldwide', 'baotou', 'fishery', 'herbal', 'food', 'heilongjiang', 'inner', 'mongolia', 'software', 'resource', 'economic', 'sichuan', 'real', 'hunan', 'shanxi', 'corporate', 'kunming', 'dongguan', 'brother', 'wool'}


# ---------------------------------------------------------------- text helpers

def fold(text):
    """Case and accents folded (Swift folding(.caseInsensitive, .diacriticInsensitive))."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def split_words(text, keep=""):
    words, current = [], []
    for c in text:
        if c.isalpha() or c.isnumeric() or c in keep:
            current.append(c)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def read_reference(name, reference):
    import csv
    with open(os.path.join(reference, name), newline="", encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.reader(lines))
    return rows[0], rows[1:]


# ---------------------------------------------------------------- reference tables

class Reference:
    def __init__(self, reference):
        _, countries = read_reference("countries.csv", reference)
        self.alpha2, self.alpha3, self.names = set(), {}, {}
        for a2, a3, _num, name, *_ in countries:
            self.alpha2.add(a2)
            self.alpha3[a3] = a2
            self.names[self.country_key(name)] = a2
        _, names = read_reference("country_names.csv", reference)
        for name, a2, *_ in names:
            if a2 in self.alpha2:
                self.names.setdefault(self.country_key(name), a2)

        _, dol = read_reference("dol_goods_2022.csv", reference)
        self.dol = {}
        dol_names = []
        for a2, good, dol_good, _sector, forced, child, _fc, derived, _inp, *_ in dol:
            self.dol[(a2, good)] = DOL_VALUE[(forced == "true", child == "true")]
            dol_names.append((dol_good, good))

        self.phrases, self.psc, self.naics = {}, {}, []
        _, goods = read_reference("goods.csv", reference)
        for row in goods:
            gid = row[0]
            self.add_phrase(gid.replace("-", " "), gid)
            self.add_phrase(row[1], gid)
            for synonym in row[3].split(";"):
                self.add_phrase(synonym, gid)
            if len(row) >= 6:
                for code in row[4].split(";"):
                    if code:  # Swift's split drops empty pieces: an empty cell maps nothing
                        self.psc.setdefault(code.strip(), []).append(gid)
                for code in row[5].split(";"):
                    if code:
                        self.naics.append((code.strip(), gid))
        for phrase, gid in dol_names:
            self.add_phrase(phrase, gid)
        self.longest = max(len(k.split(" ")) for k in self.phrases)

        _, eo = read_reference("eo13126_products.csv", reference)
        self.eo = {(row[2], row[0]) for row in eo if row[3] != "removed"}

        _, tip = read_reference("tip_tiers.csv", reference)
        self.tip_year = max(int(row[0]) for row in tip if row[0].isdigit())
        placements = {}
        for row in tip:
            if row[0] == str(self.tip_year):
                placements.setdefault(row[1], set()).add(row[2])
        self.tip = {}
        for a2, tiers in placements.items():
            self.tip[a2] = next((t for t in TIP_ORDER if t in tiers), "tier-1-or-2")

        _, regions = read_reference("presumption_regions.csv", reference)
        self.regions = []
        for region_id, a2, variant, basis, *_ in regions:
            cjk = any(0x3040 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF for c in variant)
            self.regions.append((a2, variant, None if cjk else split_words(fold(variant)), basis.startswith("UFLPA")))

        header, entities = read_reference("uflpa_entities.csv", reference)
        column = {name: i for i, name in enumerate(header)}
        self.by_key = {}          # sorted name key -> [(entity index, ordered key, entity alpha2)]
        self.by_identifier = {}
        self.entity_words = set()
        for index, row in enumerate(entities):
            a2 = self.resolve(row[column["location_alpha2"]]) if row[column["location_alpha2"]] else None
            for text in [row[column["name"]]] + [a for a in row[column["aliases"]].split(";") if a.strip()]:
                tokens = normalize_name(text)
                if tokens:
                    self.by_key.setdefault(" ".join(sorted(tokens)), []).append((index, " ".join(tokens), a2))
                    self.entity_words.update(tokens)
            if "identifiers" in column:
                for identifier in row[column["identifiers"]].split(";"):
                    key = identifier_key(identifier)
                    if key:
                        self.by_identifier.setdefault(key, []).append((index, a2))

        # Substring probes for the name prefilter: the first five letters of each entry's longest
        # word, and every abbreviation that normalises to it.
        longest = [max(tokens, key=len) for tokens in (k.split(" ") for k in self.by_key)]
        probes = {w[:5] for w in longest}
        probes |= {k for k, v in NAME_VARIANTS.items() if any(v.startswith(w[:5]) or w.startswith(v) for w in longest)}
        self.name_probes = sorted(probes)

    @staticmethod
    def country_key(name):
        words = split_words(fold(name))
        if words and words[0] == "the":
            words = words[1:]
        if words and words[-1] == "the":
            words = words[:-1]
        return " ".join(words)

    def resolve(self, text):
        if text is None:
            return None
        trimmed = text.strip()
        upper = trimmed.upper()
        if len(upper) == 2 and upper in self.alpha2:
            return upper
        if len(upper) == 3 and upper in self.alpha3:
            return self.alpha3[upper]
        return self.names.get(self.country_key(trimmed))

    @staticmethod
    def goods_key(text):
        return " ".join(split_words(fold(text), keep="-"))

    def add_phrase(self, phrase, gid):
        key = self.goods_key(phrase)
        if key and gid not in self.phrases.setdefault(key, []):
            self.phrases[key].append(gid)

    def resolve_good(self, written):
        whole = self.goods_key(written)
        if not whole:
            return []
        if whole in self.phrases:
            return self.phrases[whole]
        parts = []
        if "(" in written:
            open_ = written.index("(")
            close = written.find(")", open_)
            if close >= 0:
                parts += [written[:open_] + written[close + 1:], written[open_ + 1:close]]
        parts += [p for p in written.replace(",", "/").split("/") if p]
        found = []
        for part in parts:
            for gid in self.phrases.get(self.goods_key(part), []):
                if gid not in found:
                    found.append(gid)
        if found:
            return found
        words = whole.split(" ")
        for start in range(1, max(1, len(words))):
            key = " ".join(words[start:])
            if key in self.phrases:
                return self.phrases[key]
        return []

    def mentions(self, text):
        words = self.goods_key(text).split(" ") if text else []
        words = [w for w in words if w]
        found, start = [], 0
        while start < len(words):
            for length in range(min(self.longest, len(words) - start), 0, -1):
                ids = self.phrases.get(" ".join(words[start:start + length]))
                if ids is None:
                    continue
                found += [g for g in ids if g not in found]
                start += length
                break
            else:
                start += 1
        return found

    def contract_goods(self, psc, naics, description):
        found = []
        if psc:
            found += [g for g in self.psc.get(psc.strip().upper(), []) if g not in found]
        if naics and naics.strip():
            code = naics.strip()
            found += [g for prefix, g in self.naics if code.startswith(prefix) and g not in found]
        if description:
            found += [g for g in self.mentions(description) if g not in found]
        return found

    def region_match(self, region, address, alpha2):
        for text in (region, address):
            if not text:
                continue
            words = split_words(fold(text))
            context = alpha2 or ("CN" if ("china" in words or "中国" in text) else None)
            for a2, variant, vwords, names_region in self.regions:
                if context is not None and context != a2:
                    continue
                if context is None and not names_region:
                    continue
                if vwords is None:
                    if variant in text:
                        return True
                elif contains_run(words, vwords):
                    return True
        return False


def contains_run(haystack, needle):
    n = len(needle)
    if n == 0 or len(haystack) < n:
        return False
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def identifier_key(identifier):
    scheme, _, value = identifier.partition(":")
    value = "".join(c for c in value if c not in " .-").upper()
    return f"{scheme.strip().lower()}:{value}" if scheme.strip() and value else None


CHINESE_LEGAL_FORMS = ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"]


def singularize(word):
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def normalize_name(name):
    """Company-name tokens as docs/METHODOLOGY.md "Matching" describes them."""
    if name.isascii():
        text = name.lower()
    else:
        text = fold(unicodedata.normalize("NFKC", name))
        for form in CHINESE_LEGAL_FORMS:
            text = text.replace(form, " ")
    words, current = [], []
    for c in text:
        if c.isalpha() or c.isnumeric():
            current.append(c)
        elif c in "'’`":
            continue
        else:
            if current:
                words.append("".join(current))
                current = []
            if c in "&+":
                words.append("and")
    if current:
        words.append("".join(current))
    joined, run = [], ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(word)
    if run:
        joined.append(run)
    tokens = []
    for word in joined:
        mapped = NAME_VARIANTS.get(word)
        if mapped is None:
            single = singularize(word)
            mapped = NAME_VARIANTS.get(single, single)
        for m in mapped.split(" "):
            if m not in LEGAL_FORMS and m not in STOP_WORDS:
                tokens.append(m)
    return tokens


def informative(token):
    return len(token) >= 3 and token not in GENERIC_WORDS and not token.isdigit()


# ---------------------------------------------------------------- intrinsic risk

def watchlist_value(ref, name, alpha2, identifiers):
    """(contribution, hard) of the strongest UFLPA match: identifier, exact name or token sort."""
    strongest = None  # (strength: 2 match / 1 possible, score)
    for key in identifiers:
        if key in ref.by_identifier:
            strongest = (2, 1.0)
    if strongest is None and name:
        tokens = normalize_name(name)
        if tokens:
            entries = ref.by_key.get(" ".join(sorted(tokens)))
            if entries:
                count = sum(1 for t in tokens if informative(t))
                if count >= 1 or len(tokens) >= 2:
                    for _entity, _ordered, entity_a2 in entries:
                        strong = count >= 1 and not (entity_a2 and alpha2 and entity_a2 != alpha2)
                        candidate = (2 if strong else 1, 1.0)
                        if strongest is None or candidate > strongest:
                            strongest = candidate
    if strongest is None:
        return None
    return (1.0, True) if strongest[0] == 2 else (W_POSSIBLE * strongest[1], False)


def intrinsic(ref, row):
    """(r, model r, hard flag) of one supplier row (a dict of its native columns)."""
    alpha2 = ref.resolve(row["country"]) if row["country"] else None
    contributions, hard = [], False
    identifiers = [identifier_key(f"{s}:{row[s]}") for s in ("uei", "lei", "duns") if row.get(s)]
    match = watchlist_value(ref, row["name"], alpha2, [k for k in identifiers if k])
    if match:
        contributions.append(match[0])
        hard |= match[1]
    if ref.region_match(row.get("region"), row.get("address"), alpha2):
        hard = True
    if alpha2:
        best = None
        seen = set()
        for written in (row.get("goods") or "").split(";"):
            written = written.strip()
            if not written:
                continue
            for gid in ref.resolve_good(written):
                value = ref.dol.get((alpha2, gid))
                if value is not None and (alpha2, gid) not in seen:
                    seen.add((alpha2, gid))
                    best = value if best is None else max(best, value)
        if best is not None:
            contributions.append(W_DOL * best)
        contributions.append(W_TIP * TIP_VALUE[ref.tip.get(alpha2, "tier-1-or-2")])
    else:
        contributions.append(W_UNKNOWN)
    if hard:
        model = 1.0
    else:
        model = 0.0
        for c in contributions:
            model += min(1.0, max(0.0, c)) * (1 - model)
        model = min(1.0, max(0.0, model))
    risk = row.get("risk")
    r = model
    if risk not in (None, ""):
        text = risk.strip()
        r = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    return r, model, hard


# ---------------------------------------------------------------- input

SUPPLIER_COLUMNS = ["supplier_id", "name", "country", "region", "goods", "address", "uei", "lei", "duns", "risk"]
LINK_COLUMNS = ["buyer_id", "supplier_id", "share"]
CONTRACT_COLUMNS = ["contract_id", "vendor_id", "vendor_uei", "vendor_name", "agency", "amount", "place_of_performance", "psc",
                    "naics", "description", "award_date", "country_of_origin", "vendor_country", "funding_agency",
                    "potential_value", "product_or_service_type"]
ALIASES = {"supplier": "supplier_id", "id": "supplier_id", "supplier_name": "name", "buyer": "buyer_id", "contract": "contract_id",
           "piid": "contract_id", "origin_country": "country_of_origin"}


def header_key(name):
    return "".join(c for c in name.lower() if c.isalnum())


def read_table(path, columns, record, role):
    """A polars frame of `columns` (strings, missing ones null) from a native CSV or XML file."""
    if path.endswith(".xml"):
        from lxml import etree
        wanted = {header_key(c): c for c in columns}
        data = {c: [] for c in columns}
        for _, element in etree.iterparse(path, events=("end",), tag=NS + record):
            values = {}
            for child in element:
                key = header_key(etree.QName(child).localname)
                key = header_key(ALIASES.get(key, key))
                if key in wanted:
                    text = (child.text or "").strip()
                    column = wanted[key]
                    values[column] = values[column] + ";" + text if column == "goods" and column in values else text
            for c in columns:
                data[c].append(values.get(c) or None)
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
        return pl.DataFrame(data, schema={c: pl.Utf8 for c in columns})
    frame = pl.read_csv(path, infer_schema=False)
    rename = {}
    for name in frame.columns:
        key = header_key(name)
        for c in columns:
            if key == header_key(c) or header_key(ALIASES.get(key, "")) == header_key(c):
                if c not in rename.values():
                    rename[name] = c
    frame = frame.select([pl.col(k).str.strip_chars().alias(v) for k, v in rename.items()])
    frame = frame.with_columns([pl.col(c).replace("", None) for c in frame.columns])
    missing = [pl.lit(None, dtype=pl.Utf8).alias(c) for c in columns if c not in frame.columns]
    return frame.with_columns(missing).select(columns) if missing else frame.select(columns)


def number(expr):
    """share / risk: `0.25` or `25%`."""
    pct = expr.str.ends_with("%")
    value = expr.str.strip_suffix("%").cast(pl.Float64, strict=False)
    return pl.when(pct).then(value / 100).otherwise(value)


def amount(expr):
    text = expr.str.strip_chars().str.replace(r"^USD\s*", "").str.replace_all(r"[$,\s]", "")
    negative = text.str.starts_with("(") | text.str.starts_with("-")
    value = text.str.replace_all(r"[()\-]", "").cast(pl.Float64, strict=False)
    return pl.when(negative).then(-value).otherwise(value)


def iso_date(expr):
    us = expr.str.extract_groups(r"^(\d{1,2})/(\d{1,2})/(\d{4})")
    return (pl.when(expr.str.contains(r"^\d{1,2}/\d{1,2}/\d{4}"))
            .then(us.struct.field("3") + "-" + us.struct.field("1").str.zfill(2) + "-" + us.struct.field("2").str.zfill(2))
            .otherwise(expr.str.slice(0, 10)))


# ---------------------------------------------------------------- the pipeline

def run(args):
    t0 = time.perf_counter()
    timings = {}
    ref = Reference(args.reference)
    suppliers = read_table(args.suppliers, SUPPLIER_COLUMNS, "supplier", "suppliers")
    suppliers = suppliers.filter(pl.col("supplier_id").is_not_null()).unique("supplier_id", keep="first", maintain_order=True)
    links = read_table(args.links, LINK_COLUMNS, "link", "links")
    contracts = read_table(args.contracts, CONTRACT_COLUMNS, "contract", "contracts")
    contracts = contracts.filter(pl.col("contract_id").is_not_null()).unique("contract_id", keep="first", maintain_order=True)
    timings["read"] = time.perf_counter() - t0

    # Intrinsic risk: one evaluation per distinct (name, country, region, address, goods, ids, risk).
    t = time.perf_counter()
    n = suppliers.height
    keys = ["name", "country", "region", "address", "goods", "uei", "lei", "duns", "risk"]
    # Names can only match an entry if they contain a piece of its longest word (or are not ASCII):
    # the other names are scored without the matcher, so one evaluation serves many suppliers.
    probe = pl.col("name").str.to_lowercase().str.contains_any(ref.name_probes) | pl.col("name").str.contains(r"[^\x00-\x7F]")
    frame = suppliers.select(keys).with_columns(probe.fill_null(False).alias("candidate"))
    frame = frame.with_columns(pl.when(pl.col("candidate")).then(pl.col("name")).otherwise(None).alias("name"),
                               pl.when(pl.col("candidate")).then(pl.col("uei")).otherwise(None).alias("uei"))
    if ref.by_identifier:
        frame = frame.with_columns(suppliers["uei"], suppliers["lei"], suppliers["duns"])
    distinct = frame.select(keys).unique(maintain_order=True)
    scored = [intrinsic(ref, row) for row in distinct.iter_rows(named=True)]
    distinct = distinct.with_columns(
        pl.Series("r", [s[0] for s in scored], dtype=pl.Float64), pl.Series("hard", [s[2] for s in scored], dtype=pl.Boolean))
    risk_frame = frame.select(keys).join(distinct, on=keys, how="left", nulls_equal=True, maintain_order="left")
    r = risk_frame["r"].to_numpy().astype(np.float64)
    hard = risk_frame["hard"].to_numpy().astype(bool)
    flagged = hard | (r >= FLAGGED_RISK)
    timings["intrinsic"] = time.perf_counter() - t

    # Links: known suppliers only, self-links dropped, missing shares completed, duplicates merged, rows scaled.
    t = time.perf_counter()
    index = pl.DataFrame({"id": suppliers["supplier_id"], "i": pl.arange(0, n, eager=True, dtype=pl.Int32)})
    edges = (links.with_columns(number(pl.col("share")).alias("s"))
             .filter(pl.col("share").is_null() | ((pl.col("s") > 0) & (pl.col("s") <= 1)))
             .join(index.rename({"id": "buyer_id", "i": "u"}), on="buyer_id", how="inner")
             .join(index.rename({"id": "supplier_id", "i": "v"}), on="supplier_id", how="inner")
             )
    accepted = edges.height
    edges = edges.filter(pl.col("u") != pl.col("v"))
    declared = edges.group_by("u").agg(pl.col("s").sum().alias("declared"))
    edges = (edges.with_columns(
        pl.col("s").fill_null((1 - pl.col("s").sum().over("u")).clip(lower_bound=0) / pl.col("s").null_count().over("u")))
             .group_by(["u", "v"]).agg(pl.col("s").sum())
             .with_columns(pl.col("s").sum().over("u").alias("total"))
             .with_columns(pl.when(pl.col("total") > 1).then(pl.col("s") / pl.col("total")).otherwise(pl.col("s")).alias("s")))
    u = edges["u"].to_numpy()
    v = edges["v"].to_numpy()
    s = edges["s"].to_numpy().astype(np.float64)
    A = sp.csr_matrix((s, (u, v)), shape=(n, n))
    A.sum_duplicates()
    A.sort_indices()
    structure = sp.csr_matrix((np.ones(len(u), dtype=np.float32), (u, v)), shape=(n, n))
    known = np.diff(A.indptr)
    declared_share = np.zeros(n)
    declared_share[declared["u"].to_numpy()] = np.minimum(1, declared["declared"].fill_null(0).to_numpy())
    timings["graph"] = time.perf_counter() - t

    # The three recurrences over K tiers.
    t = time.perf_counter()
    K, d = args.tiers, args.decay
    X = np.empty((K, n))
    X[0] = r
    for k in range(1, K):
        X[k] = A @ X[k - 1]
    survive = np.ones(n)
    for k in range(K):
        survive *= 1 - d ** k * X[k]
    E = np.clip(1 - survive, 0, 1)
    rows_with_links = np.flatnonzero(known)
    starts = A.indptr[rows_with_links]
    Y, M = r.copy(), r.copy()
    for k in range(1, K):
        nxt = np.zeros(n)
        if len(rows_with_links):
            nxt[rows_with_links] = np.maximum.reduceat(d * A.data * Y[A.indices], starts)
        Y = nxt
        M = np.maximum(M, Y)

    def nearest(marked):
        tier = np.where(marked, 1, 0).astype(np.int32)
        reach = marked.astype(np.float32)
        for k in range(2, K + 1):
            reach = (structure @ reach > 0).astype(np.float32)
            tier[(tier == 0) & (reach > 0)] = k
        return tier
    nearest_flagged = nearest(flagged)
    nearest_hard = nearest(hard) if hard.any() else np.zeros(n, dtype=np.int32)
    timings["propagation"] = time.perf_counter() - t

    # Contract rules.
    t = time.perf_counter()
    c = contracts.with_columns(
        amount(pl.col("amount")).alias("amt"), amount(pl.col("potential_value")).alias("potential"),
        iso_date(pl.col("award_date")).alias("date"), pl.col("vendor_uei").str.to_uppercase().alias("uei_key"))
    c = c.join(index.rename({"id": "vendor_id", "i": "by_id"}), on="vendor_id", how="left", maintain_order="left")
    uei_index = (suppliers.select(pl.col("uei").str.to_uppercase().alias("uei_key"), pl.arange(0, n, dtype=pl.Int32).alias("by_uei"))
                 .filter(pl.col("uei_key").is_not_null()).unique("uei_key", keep="first"))
    c = c.join(uei_index, on="uei_key", how="left", maintain_order="left")
    vendor = c.select(pl.coalesce("by_id", "by_uei").fill_null(-1))[:, 0].to_numpy().astype(np.int64)
    unresolved = np.flatnonzero(vendor < 0)
    if len(unresolved):
        by_name = {}
        for i, name in enumerate(suppliers["name"].to_list()):
            by_name.setdefault(" ".join(split_words(fold(name or ""))), i)
        names = c["vendor_name"].to_list()
        for i in unresolved:
            if names[i]:
                vendor[i] = by_name.get(" ".join(split_words(fold(names[i]))), -1)

    # Per distinct (goods fields, countries, type): FL-GOODS, the EO 13126 pair, outside-US countries, supplies.
    context_keys = ["psc", "naics", "description", "country_of_origin", "place_of_performance", "vendor_country", "product_or_service_type"]
    contexts = c.select(context_keys).unique(maintain_order=True)
    facts = []
    for row in contexts.iter_rows(named=True):
        goods = ref.contract_goods(row["psc"], row["naics"], row["description"])
        named = [(f, ref.resolve(row[f])) for f in ("country_of_origin", "place_of_performance", "vendor_country") if row[f]]
        named = [(f, a2) for f, a2 in named if a2]
        goods_hit = any((a2, g) in ref.dol for g in goods for _, a2 in named)
        origin = [x for x in named if x[0] == "country_of_origin"] or named
        eo_hit = any((a2, g) in ref.eo for g in goods for _, a2 in origin)
        outside = [f for f, a2 in named if a2 != "US"]
        kind = row["product_or_service_type"]
        psc = (row["psc"] or "").strip()
        supplies = kind.upper() == "PRODUCT" if kind else (psc[:1].isdigit() if psc else True)
        facts.append((goods_hit, eo_hit, bool(outside), any(f != "vendor_country" for f in outside), supplies))
    contexts = contexts.with_columns(*[pl.Series(name, [f[i] for f in facts], dtype=pl.Boolean)
                                       for i, name in enumerate(["goods_hit", "eo_hit", "outside", "outside_direct", "supplies"])])
    c = c.join(contexts, on=context_keys, how="left", nulls_equal=True, maintain_order="left")
    dod = pl.lit(False)
    for column in ("agency", "funding_agency"):
        text = pl.lit(" ") + pl.col(column).str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars() + pl.lit(" ")
        words = pl.any_horizontal([text.str.contains(w, literal=True) for w in
                                   [" defense ", " defence ", " army ", " navy ", " air force ", " marine corps ", " space force ", " dod ", " darpa ", " dla "]])
        code = pl.col(column).str.strip_chars()
        is_code = code.is_in(["97", "9700", "2100", "1700", "5700"]) | ((code.str.len_chars() == 4) & code.str.starts_with("97"))
        dod = dod | ((words & ~text.str.contains("nuclear facilities safety", literal=True)) | is_code).fill_null(False)
    c = c.with_columns(dod.alias("dod"))

    has_vendor = vendor >= 0
    vv = np.where(has_vendor, vendor, 0)
    amt = c["amt"].fill_null(0).to_numpy()
    value = np.maximum(amt, c["potential"].fill_null(0).to_numpy())
    date = c["date"].to_list()
    plan = np.array([threshold(PLAN, x) for x in date])
    micro = np.array([threshold(MICRO, x) for x in date])
    supplies = c["supplies"].to_numpy()
    exposure = np.where(has_vendor, E[vv], 0.0)
    hard_tier = np.where(has_vendor, nearest_hard[vv], 0)
    flag_tier = np.where(has_vendor, nearest_flagged[vv], 0)
    rules = {
        "FL-ENTITY": np.where(hard_tier > 0, 3, np.where(flag_tier > 0, 2, -1)),
        "FL-EXPOSURE": np.where(has_vendor & (exposure >= EXPOSURE), np.where(exposure >= EXPOSURE_HIGH, 3, 2), -1),
        "FL-GOODS": np.where(c["goods_hit"].to_numpy(), 2, -1),
        "FAR-22.1703-PLAN": np.where(~np.isnan(plan) & (value > np.nan_to_num(plan, nan=np.inf)) & c["outside"].to_numpy(),
                                     np.where(c["outside_direct"].to_numpy(), 2, 0), -1),
        "FAR-22.15-EO13126": np.where(supplies & ~np.isnan(micro) & (amt > np.nan_to_num(micro, nan=np.inf)) & c["eo_hit"].to_numpy(), 2, -1),
        "DFARS-225.7022": np.where(c["dod"].to_numpy() & (hard_tier > 0), 3, -1),
        "FL-UNMAPPED": np.where(has_vendor & (amt > UNMAPPED_MIN_AMOUNT) & supplies,
                                np.where(known[vv] == 0, 2, np.where(declared_share[vv] < UNMAPPED_MIN_COVERAGE, 1, -1)), -1),
    }
    severity = np.max(np.vstack(list(rules.values())), axis=0)
    timings["rules"] = time.perf_counter() - t

    # The review queue: severity, then exposure × amount, then input order.
    t = time.perf_counter()
    names = {3: "high", 2: "medium", 1: "low", 0: "info", -1: ""}
    order = np.lexsort((np.arange(len(severity)), -(exposure * amt), -severity))
    label = np.array(["", "info", "low", "medium", "high"])[severity + 1]
    rule_names = list(rules)
    sev_frame = pl.DataFrame({name: rules[name] for name in rule_names})
    fired = sev_frame.select(pl.concat_str(
        [pl.when(pl.col(rule) == level).then(pl.lit(f"{rule}:{names[level]}")) for level in (3, 2, 1, 0) for rule in rule_names],
        separator=";", ignore_nulls=True).alias("flags"))["flags"]
    vendor_ids = suppliers["supplier_id"]
    queue = pl.DataFrame({
        "rank": np.arange(1, len(order) + 1), "contract_id": c["contract_id"].gather(order),
        "vendor_id": vendor_ids.gather(vv).zip_with(pl.Series(has_vendor), pl.Series([None] * len(vv), dtype=pl.Utf8)).gather(order),
        "severity": label[order], "flags": fired.gather(order), "exposure": exposure[order], "amount": amt[order]})
    if args.queue:
        queue.write_csv(args.queue)
    timings["write"] = time.perf_counter() - t

    flags = {}
    for rule, sev in rules.items():
        for level in (3, 2, 1, 0):
            count = int((sev == level).sum())
            if count:
                flags[f"{rule}/{names[level]}"] = count
    by_severity = {names[l]: int((severity == l).sum()) for l in (3, 2, 1, 0) if (severity == l).any()}
    result = {
        "impl": "python-pipeline", "seconds": time.perf_counter() - t0, "phases": timings,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "checksums": {
            "suppliers": n, "links": accepted, "graph_links": int(A.nnz), "contracts": c.height, "sum_intrinsic_risk": float(r.sum()),
            "sum_exposure": float(E.sum()), "sum_tier_exposure": [float(x) for x in X.sum(axis=1)],
            "sum_worst_path": float(M.sum()),
            "nearest_flagged_histogram": np.bincount(nearest_flagged, minlength=K + 1).tolist(),
            "nearest_hard_flag_histogram": np.bincount(nearest_hard, minlength=K + 1).tolist(),
            "flags": dict(sorted(flags.items())), "contracts_by_severity": by_severity,
        },
    }
    if args.json:
        with open(args.json, "w") as f:
            json.dump({
                "suppliers": [{"id": i, "intrinsic_risk": float(r[k]), "hard_flag": bool(hard[k]), "tier_exposure": X[:, k].tolist(),
                               "exposure": float(E[k]), "worst_path_strength": float(M[k]),
                               "nearest_flagged_tier": int(nearest_flagged[k]) or None,
                               "nearest_hard_flag_tier": int(nearest_hard[k]) or None}
                              for k, i in enumerate(suppliers["supplier_id"].to_list())],
                "contracts": [{"id": cid, "severity": names[int(sev)] or None,
                               "flags": {rule: names[int(rules[rule][j])] for rule in rule_names if rules[rule][j] >= 0}}
                              for j, (cid, sev) in enumerate(zip(c["contract_id"].to_list(), severity))],
            }, f)
    return result


def threshold(table, date):
    """The amount in effect on `date` (ISO; the latest when unknown), or NaN before the first."""
    if not date:
        return table[-1][1]
    amount_ = float("nan")
    for effective, value in table:
        if effective <= date:
            amount_ = value
    return amount_


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suppliers", required=True)
    parser.add_argument("--links", required=True)
    parser.add_argument("--contracts", required=True)
    parser.add_argument("--queue", help="write the review queue (CSV, one row per contract)")
    parser.add_argument("--json", help="write per-supplier and per-contract results (for the agreement check)")
    parser.add_argument("--reference", default=REFERENCE)
    parser.add_argument("--tiers", type=int, default=6)
    parser.add_argument("--decay", type=float, default=0.8)
    args = parser.parse_args()
    print(json.dumps(run(args)), flush=True)


if __name__ == "__main__":
    main()
