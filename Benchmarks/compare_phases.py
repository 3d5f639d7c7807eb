#!/usr/bin/env python3
"""Report writing, per format: flrisk's write phase against the Python pipeline's, same inputs, one run.

For each size it generates native inputs with `flrisk generate` (run_all.py's conventions and data
directory), then alternates `flrisk score --format F --output FILE --timings --quiet`, once per
format (csv, json, md, sarif, html), with peers/pipeline_peer.py (which writes its review queue as
CSV); it takes the write phase of each (`flrisk: phases: … write Z s`; the peer's "write" timing),
the bytes written, and reports MB/s and ratios to the peer in results/phases.md. The flags written
are checked: flrisk's CSV queue against the peer's flags by rule and severity and contracts by
severity.

Usage (from Benchmarks/, after `swift build -c release --product flrisk` at the top level):
  python3 compare_phases.py [--sizes 100000,1000000] [--huge] [--repeat 3]
"""
import argparse
import csv
import json
import os
import statistics
import time

from peers.environment import peer_python, write_table
import run_all
from run_all import (FLRISK, PEER, compare_checksums, flrisk_phases, flrisk_queue_checksums, generate, label,
                     peer_checksums, run_timed)

HERE = os.path.dirname(os.path.abspath(__file__))
FORMATS = ("csv", "json", "md", "sarif", "html")


def csv_rows(path):
    """Records in a CSV file, header excluded (fields may hold line breaks)."""
    with open(path, newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000", help="links per size (suppliers = links / 10.4, contracts = suppliers)")
    parser.add_argument("--huge", action="store_true", help="add 10^7 links")
    parser.add_argument("--repeat", type=int, default=3, help="alternations (median)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--generator-bin", help="flrisk binary to run `generate` with (default: the one built here)")
    parser.add_argument("--output", default=os.path.join(HERE, "results", "phases.md"))
    args = parser.parse_args()
    if args.generator_bin:
        run_all.GENERATOR_BIN = os.path.abspath(args.generator_bin)

    if not os.path.exists(FLRISK):
        raise SystemExit(f"{FLRISK} missing: run `swift build -c release --product flrisk` at the top level")
    python = peer_python()
    load_before = os.getloadavg()
    sizes = [int(s) for s in args.sizes.split(",")] + ([10_000_000] if args.huge else [])
    rows = []
    for links in sizes:
        paths, suppliers, contracts = generate(links, args.seed, "csv")
        directory = os.path.dirname(paths["suppliers"])
        out = os.path.join(directory, "phases-out")
        os.makedirs(out, exist_ok=True)
        inputs = ["--suppliers", paths["suppliers"], "--links", paths["links"], "--contracts", paths["contracts"]]
        peer_queue = os.path.join(out, "peer-queue.csv")
        writes = {f: [] for f in FORMATS + ("peer",)}
        for _ in range(args.repeat):
            for fmt in FORMATS:
                report = os.path.join(out, f"report.{fmt}")
                _, _, _, stderr = run_timed([FLRISK, "score", *inputs, "--format", fmt, "--output", report, "--timings", "--quiet"],
                                            with_stderr=True)
                writes[fmt].append(flrisk_phases(stderr)["write"])
            _, _, stdout = run_timed([python, PEER, *inputs, "--queue", peer_queue])
            peer = peer_checksums(stdout)
            writes["peer"].append(peer["phases"]["write"])
        files = {f: os.path.join(out, f"report.{f}") for f in FORMATS} | {"peer": peer_queue}
        row = {"links": links, "suppliers": suppliers, "contracts": contracts,
               "seconds": {f: statistics.median(v) for f, v in writes.items()},
               "bytes": {f: os.path.getsize(p) for f, p in files.items()},
               "rows": {f: csv_rows(files[f]) for f in ("csv", "peer")},
               "differ": compare_checksums(flrisk_queue_checksums(files["csv"]), peer["checksums"])}
        rows.append(row)
        print(json.dumps(row), flush=True)

    lines = [
        "# Report writing: flrisk's write phase per format against the Python pipeline's, same run, same inputs",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores shared with other builds "
        f"(load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}; figures provisional above ~0.5). Inputs: "
        f"`flrisk generate`, seed {args.seed}, CSV; suppliers = links / 10.4, contracts = suppliers. Medians of {args.repeat} "
        "alternations: in each, `flrisk score --format F --output FILE --timings --quiet` once per format, then "
        "`peers/pipeline_peer.py --queue FILE`. flrisk's figure is the write phase of `--timings` (rendering and writing the "
        "report atomically: temporary file, then rename); the peer's is its \"write\" timing (ordering the queue, building "
        "the table with polars, `write_csv`).",
        "",
        "**Not the same output.** The peer writes one row per contract (rank, ids, severity, the fired rules as one string, "
        "exposure, amount) without messages or paths; flrisk's CSV writes one row per flag with its message and the path "
        "behind it, and the other formats carry more again (JSON: every supplier with indicators and paths; HTML, Markdown, "
        "SARIF: the flagged contracts with reasons). So \"peer ÷ flrisk\" compares time to a finished report, not the same "
        "bytes; MB/s compares throughput of what each writes.",
        "",
        "| links | contracts | format | flrisk write (s) | bytes | MB/s | peer write (s) | peer bytes | peer MB/s | peer ÷ flrisk (time) |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        p_s, p_b = r["seconds"]["peer"], r["bytes"]["peer"]
        for f in FORMATS:
            s, b = r["seconds"][f], r["bytes"][f]
            lines.append(f"| {r['links']:,} | {r['contracts']:,} | {f} | {s:.3f} | {b:,} | {b / 1e6 / s:.0f} | {p_s:.3f} | "
                         f"{p_b:,} | {p_b / 1e6 / p_s:.0f} | {p_s / s:.2f}× |")
    lines += [
        "",
        "peer ÷ flrisk above 1: flrisk finished its report sooner. Rows written (CSV): " + "; ".join(
            f"{label(r['links'])}: flrisk {r['rows']['csv']:,} (one per flag), peer {r['rows']['peer']:,} (one per contract)"
            for r in rows) + ".",
        "",
        "Checksums: flags by rule and severity and contracts by severity, from flrisk's CSV queue and the peer's own count: "
        + "; ".join(f"{label(r['links'])} " + ("equal" if not r["differ"] else "DIFFER: " + ", ".join(r["differ"])) for r in rows) + ".",
        "",
        "Reproduce: `swift build -c release --product flrisk` (top level), then `cd Benchmarks && python3 compare_phases.py` "
        "(or `make bench`). Data in `$FLRISK_BENCH_DATA/e2e` (default `/tmp/flrisk-bench/e2e`), shared with `run_all.py`.",
    ]
    write_table(args.output, lines)


if __name__ == "__main__":
    main()
