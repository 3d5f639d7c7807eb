#!/usr/bin/env python3
"""Side-by-side ingest benchmark: flrisk's importers against Python peers, same files, one run.

Writes a native links CSV (ingest-bench write-links), an FPDS-NG ATOM feed (write-fpds) and a
USAspending prime transactions download (write_usaspending below: the real 297-column header,
synthetic values), then alternates: libcsv alone in C on 1 and 2 threads (peers/libcsv_ceiling.c, the ceiling of
any libcsv-based reader here; peers/libxml2_ceiling.c likewise for libxml2 and the feed),
flrisk's CSV records (libcsv, fields decoded as text), flrisk's
full links import (typed records, findings, counts), the links table reader `flrisk score`
uses (ids resolved), polars and pandas read_csv; flrisk's FPDS import, lxml and xml.etree
iterparse extracting the same fields; flrisk's USAspending import and polars reading the 27
columns it keeps. Results (MB/s, medians) go to results/ingest.md.

Usage (from Benchmarks/): python3 compare_ingest.py [--links 4000000] [--awards 40000] [--transactions 50000]
The peers run in Benchmarks/.venv (pip: polars, pandas, lxml), created when missing.
"""
import argparse
import csv
import os
import random
import subprocess
import sys
from peers.environment import json_lines, median, peer_python, write_table

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("FLRISK_BENCH_DATA", "/tmp/flrisk-bench")
BIN = os.path.join(HERE, ".build", "release", "ingest-bench")
CEILING = os.path.join(HERE, ".build", "libcsv-ceiling")
XML_CEILING = os.path.join(HERE, ".build", "libxml2-ceiling")


def build_ceiling(source, binary, flags):
    """Compiles peers/SOURCE into BINARY; None when no C compiler (or library) is found."""
    for cc in ("cc", "gcc", "clang"):
        try:
            subprocess.run([cc, "-O2", "-o", binary, os.path.join(HERE, "peers", source), *flags, "-lpthread"],
                           check=True, capture_output=True)
            return binary
        except (OSError, subprocess.CalledProcessError):
            continue
    print(f"compare_ingest: could not compile peers/{source}; that ceiling is skipped", file=sys.stderr)
    return None


def libxml2_flags():
    """The compiler flags of libxml2 from pkg-config (its headers are under include/libxml2)."""
    try:
        return subprocess.run(["pkg-config", "--cflags", "--libs", "libxml-2.0"], check=True, capture_output=True, text=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return ["-I/usr/include/libxml2", "-lxml2"]


USASPENDING_HEADER = os.path.join(HERE, "..", "Tests", "ImportersTests", "Fixtures", "usaspending_prime_transactions.csv")


def write_usaspending(path, rows, seed=5):
    """A prime transactions download of `rows` rows: USAspending's real header (297 columns, from
    the test fixture), synthetic values shaped like a download's (ids, UEIs, amounts, dates,
    agency and country names, codes; about half the other cells empty, flags, numbers, text).
    A pool of row templates is varied by id, so writing is quick."""
    if os.path.exists(path):
        return
    with open(USASPENDING_HEADER, newline="") as f:
        header = next(csv.reader(f))
    rng = random.Random(seed)
    agencies = ["Department of Defense", "Department of the Interior", "General Services Administration", "Department of Veterans Affairs"]
    descriptions = ["SUPPLY OF FOOTWEAR", "IT SERVICES FOR THE OFFICE OF THE CHIEF INFORMATION OFFICER", "COTTON T-SHIRTS", "SOLAR PANELS"]

    def value(name):
        r = rng.random()
        if name in ("recipient_uei", "recipient_parent_uei"):
            return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(12))
        if name == "recipient_duns":
            return str(rng.randint(100_000_000, 999_999_999))
        if name == "recipient_name":
            return f"ACME {rng.randint(1, 50_000)} INDUSTRIES LLC"
        if name.endswith("_country_code"):
            return rng.choice(["USA", "CHN", "VNM", "MEX", "IND"])
        if name.endswith("_country_name"):
            return "UNITED STATES"
        if "obligation" in name or "amount" in name or "value" in name:
            return f"{rng.uniform(100, 1e6):.2f}"
        if "date" in name and "fiscal" not in name:
            return f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if "agency_name" in name:
            return rng.choice(agencies)
        if "description" in name:
            return rng.choice(descriptions)
        if name == "naics_code":
            return rng.choice(["316210", "315990", "334111", "541511"])
        if name == "product_or_service_code":
            return rng.choice(["8430", "8405", "7025", "D399"])
        return "" if r < 0.45 else rng.choice(["N", "Y", "f", "t", "NO", "YES"]) if r < 0.75 else str(rng.randint(0, 99_999)) if r < 0.9 else "SOME LONGER TEXT VALUE, WITH A COMMA"

    templates = [[value(name) for name in header] for _ in range(500)]
    key = {name: i for i, name in enumerate(header)}
    with open(path + ".part", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        for i in range(rows):
            row = list(templates[i % len(templates)])
            row[key["contract_transaction_unique_key"]] = f"9700_-NONE-_SPE1C1{i:09d}_0_-NONE-_0"
            row[key["contract_award_unique_key"]] = f"CONT_AWD_SPE1C1{i:09d}_9700_-NONE-_-NONE-"
            row[key["award_id_piid"]] = f"SPE1C1{i:09d}"
            row[key["modification_number"]] = "0"
            out.writerow(row)
    os.replace(path + ".part", path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=4_000_000)
    parser.add_argument("--awards", type=int, default=40_000)
    parser.add_argument("--transactions", type=int, default=50_000)
    parser.add_argument("--alternations", type=int, default=3)
    parser.add_argument("--output", default=os.path.join(HERE, "results", "ingest.md"))
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "ingest-bench"], cwd=HERE, check=True)
    python = peer_python()
    os.makedirs(DATA, exist_ok=True)
    links = os.path.join(DATA, "links.csv")
    fpds = os.path.join(DATA, "fpds.xml")
    json_lines([BIN, "write-links", "--links", str(args.links), "--out", links])
    json_lines([BIN, "write-fpds", "--awards", str(args.awards), "--out", fpds])
    usaspending = os.path.join(DATA, f"usaspending-{args.transactions}.csv")
    write_usaspending(usaspending, args.transactions)

    ceiling = build_ceiling("libcsv_ceiling.c", CEILING, ["-lcsv"])
    ceilings = [[ceiling, links, str(t), "1"] for t in (1, 2)] if ceiling else []
    xml_ceiling = build_ceiling("libxml2_ceiling.c", XML_CEILING, libxml2_flags())
    xml_ceilings = [[xml_ceiling, fpds, str(t), "1"] for t in (1, 2)] if xml_ceiling else []
    runs = {}
    for _ in range(args.alternations):
        for command in (*ceilings, [BIN, "tokenize", links], [BIN, "links", links], [BIN, "links-table", links], [python, os.path.join(HERE, "peers", "ingest_peer.py"), "csv", links],
                        *xml_ceilings, [BIN, "fpds", fpds], [python, os.path.join(HERE, "peers", "ingest_peer.py"), "xml", fpds],
                        [BIN, "usaspending", usaspending], [python, os.path.join(HERE, "peers", "ingest_peer.py"), "usaspending", usaspending]):
            for line in json_lines(command):
                runs.setdefault(line["impl"], []).append(line)

    rate = {impl: median([r["mb_per_s"] for r in rs]) for impl, rs in runs.items()}
    first = {impl: rs[0] for impl, rs in runs.items()}
    lines = [
        "# Ingest: flrisk's importers against Python peers, same files, same run",
        "",
        f"Links CSV: {first['flrisk-links-import']['bytes'] / 1e6:.0f} MB, {first['flrisk-links-import']['records']:,} rows. "
        f"FPDS-NG feed: {first['flrisk-fpds-import']['bytes'] / 1e6:.0f} MB, {first['flrisk-fpds-import']['records']:,} awards. "
        f"USAspending prime transactions: {first['flrisk-usaspending-import']['bytes'] / 1e6:.0f} MB, {first['flrisk-usaspending-import']['records']:,} rows of 297 columns. "
        f"Medians of {args.alternations} alternations; files in the page cache; whole-process peers.",
        "",
        "| input | implementation | MB/s | flrisk ÷ peer |",
        "|---|---|---:|---:|",
    ]
    # The ratio is taken for the path `flrisk score` uses on native links: the table reader.
    fast = "flrisk-links-table" if "flrisk-links-table" in rate else "flrisk-links-import"
    for impl in ("libcsv-alone-1t", "libcsv-alone-2t", "flrisk-csv-records", "flrisk-links-import", "flrisk-links-table", "polars-read_csv", "pandas-read_csv"):
        if impl in rate:
            ratio = "" if impl.startswith("flrisk") else f"{rate[fast] / rate[impl]:.2f}×"
            lines.append(f"| links CSV | {impl} | {rate[impl]:.1f} | {ratio} |")
    for impl in ("libxml2-alone-1t", "libxml2-alone-2t", "flrisk-fpds-import", "lxml-iterparse", "xml.etree-iterparse"):
        if impl in rate:
            ratio = "" if impl.startswith("flrisk") else f"{rate['flrisk-fpds-import'] / rate[impl]:.2f}×"
            lines.append(f"| FPDS XML | {impl} | {rate[impl]:.1f} | {ratio} |")
    for impl in ("flrisk-usaspending-import", "polars-read_csv-27-columns"):
        if impl in rate:
            ratio = "" if impl.startswith("flrisk") else f"{rate['flrisk-usaspending-import'] / rate[impl]:.2f}×"
            lines.append(f"| USAspending CSV | {impl} | {rate[impl]:.1f} | {ratio} |")
    lines += ["", "`flrisk-links-table` is the path `flrisk score` takes for native links (bytes straight into "
              "columns, ids resolved on the workers); `flrisk-links-import` makes a `SupplyLink` record per row (native XML, "
              "subawards). flrisk ÷ peer is for the table path. `flrisk-csv-records` is the generic reader "
              "(libcsv, every field decoded to a `String`). `libcsv-alone-Nt` is libcsv in C with flrisk's options and "
              "callbacks that only count, on N threads over the file in memory: no reader built on libcsv can pass it on "
              "this machine. `libxml2-alone-Nt` is libxml2's SAX2 parser in C with flrisk's options and callbacks "
              "that only count, each of N threads parsing its own copy of the feed in memory (MB/s counts every "
              "thread's bytes): the ceiling of any reader built on libxml2 here. `polars-read_csv-27-columns` reads only "
              "the 27 USAspending columns flrisk keeps (amounts as floats, the rest as text), without flrisk's checks.", "",
              "flrisk ÷ peer above 1 means flrisk reads faster. Peak RSS of flrisk's FPDS import: "
              f"{first['flrisk-fpds-import']['peak_rss_bytes'] / 2**20:.0f} MiB (streaming)."]
    write_table(args.output, lines)


if __name__ == "__main__":
    main()
