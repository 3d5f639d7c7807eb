"""The Python the peers run in: Benchmarks/.venv, created with pip on first use."""
import os
import subprocess
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
