#!/usr/bin/env python3
"""The whole benchmark in one command: phases (ingest, graph core, explanations, report writing) and end to end, peers side by side.

  python3 Benchmarks/run_all.py [--quick] [--huge] [--sizes 10000,100000,...] [--repeat 3]
  make bench            (the same, from the top level; BENCH_ARGS="--quick" for a smoke run)

1. Builds flrisk (`swift build -c release --product flrisk`); the phase drivers are built by the
   phase scripts themselves.
2. Phases: runs compare_ingest.py, compare_graph_core.py, compare_explain.py (path explanations)
   and compare_phases.py (report writing per format) (their own tables, in results/).
3. End to end, per size (links; suppliers = links / 10.4, contracts = suppliers): generates
   native inputs with `flrisk generate` (of this build, or of --generator-bin), then alternates `flrisk score` (review queue as
   CSV) and peers/pipeline_peer.py (polars + scipy + lxml, review queue as CSV) on the same
   files, --repeat times each; wall time and the child's peak RSS (os.wait4 rusage); medians.
   Checksums are compared (see compare_checksums and flrisk_checksums).
4. Writes results/latest.md and the marked section of Benchmarks/README.md.

Also: `run_all.py --check-demo` proves the peer reproduces flrisk on Datasets/demo, supplier by
supplier and contract by contract (intrinsic risk, tier exposures, exposure, worst path strength,
nearest tiers, flags), to 1e-9.
Release builds only. Generated data goes to $FLRISK_BENCH_DATA (default /tmp/flrisk-bench/e2e).
"""
import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import time

from peers.environment import peer_python

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(os.environ.get("FLRISK_BENCH_DATA", "/tmp/flrisk-bench"), "e2e")
FLRISK = os.path.join(ROOT, ".build", "release", "flrisk")
PEER = os.path.join(HERE, "peers", "pipeline_peer.py")
RESULTS = os.path.join(HERE, "results")
README_BEGIN = "<!-- run_all.py: latest results begin -->"
README_END = "<!-- run_all.py: latest results end -->"
# Full per-supplier checksums come from flrisk's JSON report up to this many suppliers; above it
# the JSON (every supplier with its indicators and paths) is too large to write in every run, and
# the flrisk side is checked from its CSV review queue (flags by rule and severity, contracts by
# severity) only.
JSON_CHECK_MAX_SUPPLIERS = 200_000
TOLERANCE = 1e-9


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def run_timed(command, with_stderr=False):
    """Wall seconds and peak RSS (bytes) of one child process, with its stdout (and stderr)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read the pipes to the end, then reap with wait4 to get the child's own rusage.
    stdout = child.stdout.read()
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {child.returncode}:\n{stderr.decode(errors='replace')[-3000:]}")
    if with_stderr:
        return seconds, usage.ru_maxrss * 1024, stdout.decode(), stderr.decode(errors="replace")
    return seconds, usage.ru_maxrss * 1024, stdout.decode()


def flrisk_phases(stderr):
    """flrisk's `--timings` line (`flrisk: phases: read 1.234 s, score …`) as {phase: seconds}."""
    for line in stderr.splitlines():
        if line.startswith("flrisk: phases: "):
            parts = [p.split() for p in line[len("flrisk: phases: "):].split(",")]
            return {p[0]: float(p[1]) for p in parts if len(p) == 3}
    return {}


# ---------------------------------------------------------------- checksums

def peer_checksums(stdout):
    lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    return lines[-1]


def flrisk_checksums(report_path, tiers=6):
    """The peer's checksums computed from flrisk's JSON report."""
    with open(report_path) as f:
        report = json.load(f)
    suppliers = report["suppliers"]
    nearest = [0] * (tiers + 1)
    nearest_hard = [0] * (tiers + 1)
    for s in suppliers:
        nearest[s["nearest_flagged_tier"] or 0] += 1
        nearest_hard[s["nearest_hard_flag_tier"] or 0] += 1
    flags, by_severity = {}, {}
    for contract in report["contracts"]:
        for reason in contract["reasons"]:
            key = f"{reason['rule']}/{reason['severity']}"
            flags[key] = flags.get(key, 0) + 1
        if contract["severity"]:
            by_severity[contract["severity"]] = by_severity.get(contract["severity"], 0) + 1
    return {
        "suppliers": len(suppliers), "links": report["summary"]["links"], "contracts": len(report["contracts"]),
        "sum_intrinsic_risk": sum(s["intrinsic_risk"] for s in suppliers),
        "sum_exposure": sum(s["exposure"] for s in suppliers),
        "sum_tier_exposure": [sum(s["tier_exposure"][t] for s in suppliers) for t in range(tiers)],
        "sum_worst_path": sum(s["worst_path"]["strength"] for s in suppliers),
        "nearest_flagged_histogram": nearest, "nearest_hard_flag_histogram": nearest_hard,
        "flags": dict(sorted(flags.items())), "contracts_by_severity": by_severity,
    }


def flrisk_queue_checksums(queue_path):
    """Flags by rule/severity and contracts by severity from flrisk's CSV review queue (one row per flag)."""
    flags, contracts = {}, {}
    with open(queue_path, newline="") as f:
        for row in csv.DictReader(f):
            if not row.get("rule"):
                continue
            key = f"{row['rule']}/{row['severity']}"
            flags[key] = flags.get(key, 0) + 1
            contracts[row["contract_id"]] = row["contract_severity"]
    by_severity = {}
    for severity in contracts.values():
        by_severity[severity] = by_severity.get(severity, 0) + 1
    return {"flags": dict(sorted(flags.items())), "contracts_by_severity": by_severity}


def close(a, b):
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def compare_checksums(flrisk, peer):
    """Names of the checksums that differ (keys present on both sides); [] when all agree."""
    differ = []
    for key, value in flrisk.items():
        if key not in peer:
            continue
        other = peer[key]
        if isinstance(value, float):
            ok = close(value, other)
        elif isinstance(value, list) and value and isinstance(value[0], float):
            ok = len(value) == len(other) and all(close(a, b) for a, b in zip(value, other))
        else:
            ok = value == other
        if not ok:
            differ.append(key)
    return differ


# ---------------------------------------------------------------- the demo agreement check

def check_demo(python):
    """Supplier-by-supplier and contract-by-contract agreement of the peer with flrisk on Datasets/demo."""
    demo = os.path.join(ROOT, "Datasets", "demo")
    out = os.path.join(DATA, "demo")
    os.makedirs(out, exist_ok=True)
    inputs = ["--suppliers", f"{demo}/suppliers.csv", "--links", f"{demo}/links.csv", "--contracts", f"{demo}/contracts.csv"]
    subprocess.run([FLRISK, "score", *inputs, "--format", "json", "--output", f"{out}/flrisk.json"], check=True, capture_output=True)
    peer_out = subprocess.run([python, PEER, *inputs, "--json", f"{out}/peer.json", "--queue", f"{out}/peer-queue.csv"],
                              check=True, capture_output=True, text=True).stdout
    with open(f"{out}/flrisk.json") as f:
        flrisk = json.load(f)
    with open(f"{out}/peer.json") as f:
        peer = json.load(f)
    peer_suppliers = {s["id"]: s for s in peer["suppliers"]}
    worst = {"intrinsic_risk": 0.0, "tier_exposure": 0.0, "exposure": 0.0, "worst_path_strength": 0.0}
    mismatches = []
    for s in flrisk["suppliers"]:
        p = peer_suppliers[s["id"]]
        diffs = {
            "intrinsic_risk": abs(s["intrinsic_risk"] - p["intrinsic_risk"]),
            "tier_exposure": max(abs(a - b) for a, b in zip(s["tier_exposure"], p["tier_exposure"])),
            "exposure": abs(s["exposure"] - p["exposure"]),
            "worst_path_strength": abs(s["worst_path"]["strength"] - p["worst_path_strength"]),
        }
        for k, dv in diffs.items():
            worst[k] = max(worst[k], dv)
        same_tiers = (s["nearest_flagged_tier"], s["nearest_hard_flag_tier"], s["hard_flag"]) == (
            p["nearest_flagged_tier"], p["nearest_hard_flag_tier"], p["hard_flag"])
        if max(diffs.values()) > TOLERANCE or not same_tiers:
            mismatches.append({"supplier": s["id"], **{k: v for k, v in diffs.items() if v > TOLERANCE},
                               **({} if same_tiers else {"tiers": [s["nearest_flagged_tier"], s["nearest_hard_flag_tier"], s["hard_flag"],
                                                                   p["nearest_flagged_tier"], p["nearest_hard_flag_tier"], p["hard_flag"]]})})
    peer_contracts = {c["id"]: c for c in peer["contracts"]}
    contract_mismatches = []
    for c in flrisk["contracts"]:
        theirs = {r["rule"]: r["severity"] for r in c["reasons"]}
        ours = peer_contracts[c["id"]]["flags"]
        if theirs != ours or c["severity"] != peer_contracts[c["id"]]["severity"]:
            contract_mismatches.append({"contract": c["id"], "flrisk": theirs, "peer": ours})
    checksums = compare_checksums(flrisk_checksums(f"{out}/flrisk.json"), peer_checksums(peer_out)["checksums"])
    result = {"suppliers": len(flrisk["suppliers"]), "contracts": len(flrisk["contracts"]), "max_abs_difference": worst,
              "supplier_mismatches": mismatches, "contract_mismatches": contract_mismatches, "checksums_differ": checksums}
    print(json.dumps(result, indent=1))
    return result


# ---------------------------------------------------------------- inputs

GENERATOR_BIN = FLRISK  # --generator-bin: an flrisk build used only for `generate` (e.g. a branch not merged yet)


def has_flrisk_generate():
    """`flrisk generate` is listed among the subcommands (score is the default one, so
    `flrisk generate --help` alone would answer with score's help)."""
    probe = subprocess.run([GENERATOR_BIN, "--help"], capture_output=True, text=True)
    return re.search(r"^\s+generate\b", probe.stdout + probe.stderr, flags=re.M) is not None


def generate(links, seed, fmt, max_contracts=1_000_000):
    suppliers = max(100, round(links / 10.4))
    contracts = min(suppliers, max_contracts)
    directory = os.path.join(DATA, f"{label(links)}-{fmt}-{seed}" + (f"-c{label(contracts)}" if contracts < suppliers else ""))
    ext = "xml" if fmt == "xml" else "csv"
    paths = {role: os.path.join(directory, f"{role}.{ext}") for role in ("suppliers", "links", "contracts")}
    if all(os.path.exists(p) for p in paths.values()):
        return paths, suppliers, contracts
    os.makedirs(directory, exist_ok=True)
    start = time.perf_counter()
    subprocess.run([GENERATOR_BIN, "generate", "--suppliers", str(suppliers), "--links", str(links), "--contracts", str(contracts),
                    "--seed", str(seed), "--format", fmt, "--output", directory], check=True)
    log(f"generated {label(links)} (flrisk generate) in {time.perf_counter() - start:.1f} s")
    return paths, suppliers, contracts


def label(links):
    for unit, name in ((1_000_000_000, "G"), (1_000_000, "M"), (1000, "k")):
        if links >= unit:
            return f"{links // unit}{name}"
    return str(links)


# ---------------------------------------------------------------- end to end

def end_to_end(python, links, args):
    paths, n_suppliers, n_contracts = generate(links, args.seed, args.format, args.max_contracts)
    directory = os.path.dirname(paths["suppliers"])
    inputs = ["--suppliers", paths["suppliers"], "--links", paths["links"], "--contracts", paths["contracts"]]
    sizes = sum(os.path.getsize(p) for p in paths.values())
    flrisk_out = os.path.join(directory, "flrisk-out")
    os.makedirs(flrisk_out, exist_ok=True)
    flrisk_cmd = [FLRISK, "score", *inputs, "--format", "csv", "--output", os.path.join(flrisk_out, "queue.csv"), "--quiet", "--timings"]
    peer_cmd = [python, PEER, *inputs, "--queue", os.path.join(directory, "peer-queue.csv")]
    runs = {"flrisk": [], "peer": []}
    peer_line = None
    phases = {}
    with_peer = links <= args.peer_max_links
    for _ in range(args.repeat if links < 100_000_000 else 1):
        seconds, rss, _, stderr = run_timed(flrisk_cmd, with_stderr=True)
        runs["flrisk"].append((seconds, rss))
        phases = flrisk_phases(stderr)
        if with_peer:
            seconds, rss, out = run_timed(peer_cmd)
            runs["peer"].append((seconds, rss))
            peer_line = peer_checksums(out)
    row = {
        "links": links, "links_accepted": None, "suppliers": n_suppliers, "contracts": n_contracts, "input_bytes": sizes,
        "flrisk_s": statistics.median(s for s, _ in runs["flrisk"]), "flrisk_rss": statistics.median(r for _, r in runs["flrisk"]),
        "peer_s": None, "peer_rss": None, "flrisk_runs": [s for s, _ in runs["flrisk"]], "peer_runs": [],
        "peer_phases": {}, "flrisk_phases": phases, "check_basis": None, "checks_differ": [], "checksums": {},
    }
    if with_peer:
        # Checksums: flrisk's JSON report (untimed run) when small enough, else its CSV review queue.
        peer_sums = peer_line["checksums"]
        if n_suppliers <= JSON_CHECK_MAX_SUPPLIERS:
            report = os.path.join(flrisk_out, "report.json")
            subprocess.run([FLRISK, "score", *inputs, "--format", "json", "--output", report], check=True, capture_output=True)
            flrisk_sums = flrisk_checksums(report)
            row["check_basis"] = "JSON report"
        else:
            flrisk_sums = flrisk_queue_checksums(os.path.join(flrisk_out, "queue.csv"))
            row["check_basis"] = "CSV queue (flags)"
        row.update({
            "links_accepted": peer_sums["links"], "peer_s": statistics.median(s for s, _ in runs["peer"]),
            "peer_rss": statistics.median(r for _, r in runs["peer"]), "peer_runs": [s for s, _ in runs["peer"]],
            "peer_phases": peer_line["phases"], "checks_differ": compare_checksums(flrisk_sums, peer_sums),
            "checksums": {"flrisk": flrisk_sums, "peer": peer_sums},
        })
    log(json.dumps({k: v for k, v in row.items() if k != "checksums"}))
    return row


# ---------------------------------------------------------------- results

def growth(rows, key):
    """Cost growth per 10× links between consecutive sizes, e.g. '10.3×, 9.1×'."""
    out = [f"{label(a['links'])}→{label(b['links'])} {b[key] / a[key]:.1f}×" for a, b in zip(rows, rows[1:])]
    return ", ".join(out) or "—"


def write_results(args, rows, phase_tables, generator, load_before, load_after, demo):
    mib = 2 ** 20
    peered = [r for r in rows if r["peer_s"] is not None]
    lines = [
        "# flrisk benchmark: phases and end to end, peers in the same run",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores; load average before "
        f"{load_before[0]:.2f} / {load_before[1]:.2f} / {load_before[2]:.2f}, after {load_after[0]:.2f} / {load_after[1]:.2f} / {load_after[2]:.2f} "
        "(1 / 5 / 15 min). The machine is shared: figures are **provisional** when the load average is above ~0.5; "
        "ratios (same run, alternated) are the figures to quote.",
        f"Inputs: {generator}, seed {args.seed}, format {args.format}; suppliers = links / 10.4, contracts = suppliers "
        f"(at most {args.max_contracts:,}). Release build. Medians of {args.repeat} alternated runs each (one run at 10^8 links; "
        f"the peer only up to {args.peer_max_links:,} links).",
        "",
        "## End to end: `flrisk score` against the Python pipeline (polars + scipy + lxml)",
        "",
        "flrisk writes its review queue as CSV (`--format csv`); the peer (`peers/pipeline_peer.py`) reads the same files, "
        "scores the same model and writes its review queue as CSV. Wall time and peak RSS of the whole child process "
        "(`os.wait4` rusage).",
        "",
        "| links | suppliers | contracts | input MB | flrisk (s) | peer (s) | peer ÷ flrisk | flrisk peak RSS | peer peak RSS | flrisk input MB/s | checksums |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        if r["peer_s"] is None:
            lines.append(
                f"| {r['links']:,} | {r['suppliers']:,} | {r['contracts']:,} | {r['input_bytes'] / 1e6:.1f} | {r['flrisk_s']:.3f} | "
                f"not run | — | {r['flrisk_rss'] / mib:.0f} MiB | — | {r['input_bytes'] / 1e6 / r['flrisk_s']:.2f} | "
                f"no peer (above --peer-max-links) |")
            continue
        ok = f"equal ({r['check_basis']})" if not r["checks_differ"] else "DIFFER: " + ", ".join(r["checks_differ"])
        lines.append(
            f"| {r['links']:,} | {r['suppliers']:,} | {r['contracts']:,} | {r['input_bytes'] / 1e6:.1f} | {r['flrisk_s']:.3f} | "
            f"{r['peer_s']:.3f} | {r['peer_s'] / r['flrisk_s']:.2f}× | {r['flrisk_rss'] / mib:.0f} MiB | {r['peer_rss'] / mib:.0f} MiB | "
            f"{r['input_bytes'] / 1e6 / r['flrisk_s']:.2f} | {ok} |")
    lines += [
        "",
        "peer ÷ flrisk above 1: flrisk is faster. Growth per step of size (links ×10, suppliers and contracts ×10):",
        f"Growth of wall time — flrisk: {growth(rows, 'flrisk_s')}. Peer: {growth(peered, 'peer_s')}.",
        f"Growth of peak RSS — flrisk: {growth(rows, 'flrisk_rss')}. Peer: {growth(peered, 'peer_rss')}.",
        "",
        "Peer phases (median run's last repetition, seconds): " + "; ".join(
            f"{label(r['links'])}: " + ", ".join(f"{k} {v:.3f}" for k, v in r["peer_phases"].items()) for r in peered) + ".",
        "",
        "flrisk phases (`--timings`, last repetition, seconds; read = all inputs, score = graph, indicators, propagation, "
        "rules and queue, write = the report): " + "; ".join(
            f"{label(r['links'])}: " + ", ".join(f"{k} {v:.3f}" for k, v in r.get("flrisk_phases", {}).items()) for r in rows) + ".",
        "",
        "Checksums: sums of intrinsic risk, exposure, worst-path strength and of each tier's X_t (to 1e-9 relative), "
        "nearest-flagged and nearest-hard-flag tier histograms, flags by rule and severity, contracts by severity. "
        f"Up to {JSON_CHECK_MAX_SUPPLIERS:,} suppliers flrisk's side comes from its JSON report (an extra, untimed run); "
        "above, from its CSV review queue (flags and severities only).",
    ]
    if demo:
        w = demo["max_abs_difference"]
        lines += ["", "## Agreement on Datasets/demo", "",
                  f"{demo['suppliers']} suppliers, {demo['contracts']} contracts: max abs difference intrinsic risk {w['intrinsic_risk']:.1e}, "
                  f"tier exposure {w['tier_exposure']:.1e}, exposure {w['exposure']:.1e}, worst path {w['worst_path_strength']:.1e}; "
                  f"{len(demo['supplier_mismatches'])} suppliers and {len(demo['contract_mismatches'])} contracts differ beyond 1e-9 "
                  "(`run_all.py --check-demo` lists them)."]
    if not phase_tables:
        lines += ["", "## Phases", "", "Not run this time (`--skip-phases`): see `results/ingest.md`, `results/graph-core.md`, "
                  "`results/explain.md` and `results/phases.md` for the latest phase tables (`compare_ingest.py`, "
                  "`compare_graph_core.py`, `compare_explain.py`, `compare_phases.py`)."]
    for title, table in phase_tables:
        body = table.split("\n", 1)[1] if table.startswith("# ") else table
        lines += ["", f"## Phase: {title}", "", body.strip().replace("\n## ", "\n### ")]
    text = "\n".join(lines) + "\n"
    os.makedirs(RESULTS, exist_ok=True)
    with open(args.output, "w") as f:
        f.write(text)
    if not args.no_readme:
        readme = os.path.join(HERE, "README.md")
        with open(readme) as f:
            current = f.read()
        section = f"{README_BEGIN}\n{text.split(chr(10), 2)[2].strip()}\n{README_END}"
        if README_BEGIN in current:
            current = re.sub(re.escape(README_BEGIN) + ".*?" + re.escape(README_END), lambda _: section, current, flags=re.S)
        else:
            current = current.rstrip() + "\n\n## Latest results\n\n" + section + "\n"
        with open(readme, "w") as f:
            f.write(current)
    print(text)


def main():
    parser = argparse.ArgumentParser(description="flrisk benchmark: phases and end to end, peers side by side")
    parser.add_argument("--sizes", help="links per size, comma-separated (default 10^4..10^7)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 10^4 and 10^5 links, small phase sizes")
    parser.add_argument("--huge", action="store_true", help="add 10^8 links (one flrisk run, no peer: see --peer-max-links)")
    parser.add_argument("--max-contracts", type=int, default=1_000_000,
                        help="contracts = suppliers up to this many (the procurement file does not grow with the supply graph)")
    parser.add_argument("--peer-max-links", type=int, default=10_400_000,
                        help="run the Python peer only up to this many links (it needs ~3.2 GB at 10^7; ~30 GB estimated at 10^8)")
    parser.add_argument("--repeat", type=int, default=3, help="alternated repetitions per size (median)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--format", choices=["csv", "xml"], default="csv")
    parser.add_argument("--skip-phases", action="store_true", help="end to end only")
    parser.add_argument("--generator-bin", help="flrisk binary to run `generate` with (default: the one built here)")
    parser.add_argument("--check-demo", action="store_true", help="only the agreement check on Datasets/demo")
    parser.add_argument("--output", default=os.path.join(RESULTS, "latest.md"))
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the results section of Benchmarks/README.md")
    args = parser.parse_args()

    global GENERATOR_BIN
    if args.generator_bin:
        GENERATOR_BIN = os.path.abspath(args.generator_bin)
    load_before = os.getloadavg()
    subprocess.run(["swift", "build", "-c", "release", "--product", "flrisk"], cwd=ROOT, check=True)
    python = peer_python()
    if args.check_demo:
        result = check_demo(python)
        sys.exit(0 if not result["supplier_mismatches"] and not result["contract_mismatches"] else 1)
    demo = check_demo(python)

    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    elif args.quick:
        sizes = [10_000, 100_000]
    else:
        sizes = [10_000, 100_000, 1_000_000, 10_000_000]
    if args.huge:
        sizes.append(100_000_000)
    if not has_flrisk_generate():
        raise SystemExit(f"{GENERATOR_BIN} has no `generate` subcommand; pass --generator-bin with a build that has it")
    generator = "`flrisk generate`"

    phase_tables = []
    if not args.skip_phases:
        ingest_args = ["--links", "100000", "--awards", "2000", "--transactions", "2000", "--alternations", "1"] if args.quick else []
        graph_args = ["--sizes", ",".join(str(s) for s in sizes), "--repeat", "1" if args.quick else "5"]
        if args.quick:
            graph_args += ["--alternations", "1"]
        explain_args = ["--sizes", "10000,100000", "--alternations", "1", "--repeat", "1"] if args.quick else []
        phases_args = (["--sizes", "10000,100000", "--repeat", "1"] if args.quick else ["--repeat", str(args.repeat)])
        phases_args += ["--huge"] if args.huge and not args.quick else []
        phases_args += ["--generator-bin", GENERATOR_BIN] if args.generator_bin else []
        for title, script, extra, result in (("ingest", "compare_ingest.py", ingest_args, "ingest.md"),
                                              ("graph core", "compare_graph_core.py", graph_args, "graph-core.md"),
                                              ("explanations", "compare_explain.py", explain_args, "explain.md"),
                                              ("report writing", "compare_phases.py", phases_args, "phases.md")):
            # A smoke run (--quick) keeps the phase tables out of results/, which hold full-size runs.
            table = os.path.join(DATA, "quick-" + result) if args.quick else os.path.join(RESULTS, result)
            log(f"phase: {script} {' '.join(extra)}")
            subprocess.run([sys.executable, os.path.join(HERE, script), *extra, "--output", table], cwd=HERE, check=True,
                           stdout=subprocess.DEVNULL)
            with open(table) as f:
                phase_tables.append((title, f.read()))

    rows = [end_to_end(python, links, args) for links in sizes]
    with open(os.path.join(DATA, "latest-rows.json"), "w") as f:
        json.dump(rows, f)
    write_results(args, rows, phase_tables, generator, load_before, os.getloadavg(), demo)
    if any(r["checks_differ"] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
