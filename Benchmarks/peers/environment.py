"""What the benchmark scripts share: the Python the peers run in (Benchmarks/.venv, created with
pip on first use), median timing, the JSON lines the drivers print, checksum comparison, and
writing a results table."""
import json
import os
import subprocess
import time
import venv

BENCHMARKS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGES = ["polars", "pandas", "lxml", "numpy", "scipy", "networkx"]


def peer_python():
    """Benchmarks/.venv with polars, pandas, lxml, numpy, scipy and networkx."""
    env_dir = os.path.join(BENCHMARKS, ".venv")
    python = os.path.join(env_dir, "bin", "python")
    if not os.path.exists(python):
        venv.create(env_dir, with_pip=True)
    if subprocess.run([python, "-c", "import " + ", ".join(PACKAGES)], capture_output=True).returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "-q", *PACKAGES], check=True)
    return python


def json_lines(command):
    """Runs a driver and returns the JSON objects it printed, one per line starting with `{`."""
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def median(values):
    """The upper median (the middle value of an odd count)."""
    values = sorted(values)
    return values[len(values) // 2]


def close(a, b, tolerance=1e-9):
    """Checksums equal to `tolerance`, relative (absolute below 1)."""
    return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


def median_time(fn, repeat):
    """The median wall time of `repeat` calls of fn, and the last call's result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2], result


def write_table(path, lines):
    """Writes a results file (Markdown lines) and prints it."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
