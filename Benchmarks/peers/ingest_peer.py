#!/usr/bin/env python3
"""The peers of flrisk's importers, reading the same files the way an analyst would in Python.

  links CSV:  polars.read_csv, pandas.read_csv (C engine), with typed columns
  USAspending CSV: polars.read_csv of the 27 columns flrisk reads (amounts as floats)
  FPDS XML:   lxml.etree.iterparse and xml.etree.ElementTree.iterparse, extracting the same
              fields flrisk reads (PIID, amounts, PSC, NAICS, origin, vendor, UEIs, countries)
Prints one JSON line per implementation: seconds (median), MB/s, records.
"""
import argparse
import json
import os

from environment import median_time

FPDS = "{https://www.fpds.gov/FPDS}"
ATOM = "{http://www.w3.org/2005/Atom}"


def report(impl, path, seconds, records):
    size = os.path.getsize(path)
    print(json.dumps({"impl": impl, "bytes": size, "records": records, "seconds": seconds, "mb_per_s": size / seconds / 1e6}), flush=True)


def csv_peers(path, repeat):
    try:
        import polars as pl
        seconds, frame = median_time(lambda: pl.read_csv(path, schema_overrides={"buyer_id": pl.Utf8, "supplier_id": pl.Utf8, "share": pl.Float64, "good": pl.Utf8}), repeat)
        report("polars-read_csv", path, seconds, frame.height)
    except ImportError:
        pass
    try:
        import pandas as pd
        seconds, frame = median_time(lambda: pd.read_csv(path, dtype={"buyer_id": str, "supplier_id": str, "share": float, "good": str}, engine="c"), repeat)
        report("pandas-read_csv", path, seconds, len(frame))
    except ImportError:
        pass


# The USAspending columns flrisk reads (USAspendingContracts.columns); amounts typed as floats.
USASPENDING_COLUMNS = [
    "contract_transaction_unique_key", "contract_award_unique_key", "award_id_piid", "modification_number",
    "recipient_uei", "recipient_duns", "recipient_name", "recipient_parent_uei", "recipient_country_code", "recipient_country_name",
    "federal_action_obligation", "total_obligated_amount", "potential_total_value_of_award",
    "awarding_agency_name", "funding_agency_name",
    "primary_place_of_performance_country_code", "primary_place_of_performance_country_name",
    "country_of_product_or_service_origin_code", "country_of_product_or_service_origin",
    "place_of_manufacture_code", "place_of_manufacture", "product_or_service_code", "naics_code",
    "transaction_description", "prime_award_base_transaction_description", "action_date", "award_base_action_date",
]
USASPENDING_AMOUNTS = {"federal_action_obligation", "total_obligated_amount", "potential_total_value_of_award"}


def usaspending_peers(path, repeat):
    import polars as pl
    with open(path) as f:
        header = f.readline().rstrip("\n").split(",")
    columns = [c for c in USASPENDING_COLUMNS if c in header]
    schema = {c: pl.Float64 for c in columns if c in USASPENDING_AMOUNTS}
    seconds, frame = median_time(lambda: pl.read_csv(path, columns=columns, schema_overrides=schema, infer_schema=False), repeat)
    report("polars-read_csv-27-columns", path, seconds, frame.height)


def fpds_fields(elem):
    def text(path):
        found = elem.find(path)
        return found.text if found is not None else None
    return (text(f".//{FPDS}PIID"), text(f".//{FPDS}obligatedAmount"), text(f".//{FPDS}baseAndAllOptionsValue"),
            text(f".//{FPDS}productOrServiceCode"), text(f".//{FPDS}principalNAICSCode"), text(f".//{FPDS}countryOfOrigin"),
            text(f".//{FPDS}vendorName"), text(f".//{FPDS}UEI"), text(f".//{FPDS}ultimateParentUEI"),
            text(f".//{FPDS}descriptionOfContractRequirement"), text(f".//{FPDS}signedDate"))


def xml_peers(path, repeat):
    def run(iterparse):
        records = []
        for _, elem in iterparse(path, events=("end",), tag=f"{ATOM}entry") if iterparse.__module__.startswith("lxml") else iterparse(path, events=("end",)):
            if elem.tag != f"{ATOM}entry":
                continue
            records.append(fpds_fields(elem))
            elem.clear()
        return len(records)
    try:
        from lxml import etree
        seconds, count = median_time(lambda: run(etree.iterparse), repeat)
        report("lxml-iterparse", path, seconds, count)
    except ImportError:
        pass
    import xml.etree.ElementTree as ET
    seconds, count = median_time(lambda: run(ET.iterparse), max(1, repeat // 2))
    report("xml.etree-iterparse", path, seconds, count)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["csv", "xml", "usaspending"])
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    {"csv": csv_peers, "xml": xml_peers, "usaspending": usaspending_peers}[args.kind](args.path, args.repeat)


if __name__ == "__main__":
    main()
