#!/usr/bin/env python3
"""The peers of flrisk's graph core: the same three recurrences done the way an analyst would
in Python, on the graph files written by `graph-bench generate`.

  sum-product (tier exposure)  scipy.sparse CSR  A @ x           one call per round
  max-product (worst path)     numpy maximum.reduceat over the gathered products
  min-plus (nearest flagged)   numpy minimum.reduceat over the gathered levels
  networkx (small graphs only) per-node Python loops over G.successors

Prints one JSON line per implementation with seconds (median of --repeat runs),
link·rounds per second and the same checksums graph-bench prints, so the two sides can be
compared number for number.
"""
import argparse
import json
import os

from environment import median_time

import numpy as np
import scipy.sparse as sp


def load(directory):
    offsets = np.fromfile(os.path.join(directory, "offsets.i64"), dtype=np.int64)
    columns = np.fromfile(os.path.join(directory, "columns.i32"), dtype=np.int32)
    shares = np.fromfile(os.path.join(directory, "shares.f64"), dtype=np.float64)
    risk = np.fromfile(os.path.join(directory, "risk.f64"), dtype=np.float64)
    marked = np.fromfile(os.path.join(directory, "marked.u8"), dtype=np.uint8).astype(bool)
    return offsets, columns, shares, risk, marked


def sum_product(matrix, risk, tiers):
    xs = [risk]
    for _ in range(tiers - 1):
        xs.append(matrix @ xs[-1])
    return xs


def exposure(xs, decay):
    product = np.ones_like(xs[0])
    for t, x in enumerate(xs):
        product *= 1 - (decay ** t) * x
    return np.clip(1 - product, 0, 1)


def reduce_rows(values, offsets, ufunc, empty):
    """ufunc.reduceat per CSR row, with `empty` for rows without links."""
    n = len(offsets) - 1
    out = np.full(n, empty, dtype=values.dtype)
    nonempty = offsets[:-1] < offsets[1:]
    if values.size:
        starts = offsets[:-1][nonempty]
        out[nonempty] = ufunc.reduceat(values, starts)
    return out


def max_product(offsets, columns, shares, risk, tiers, decay):
    y = risk
    best = risk.copy()
    for _ in range(tiers - 1):
        y = reduce_rows(decay * (shares * y[columns]), offsets, np.maximum, 0.0)
        np.maximum(best, y, out=best)
    return best


def min_plus(offsets, columns, marked, tiers):
    """Nearest marked tier; 0 = none within `tiers` (encoded internally as tiers + 1)."""
    none = np.int16(tiers + 1)
    level = np.where(marked, np.int16(1), none).astype(np.int16)
    for t in range(2, tiers + 1):
        reached = reduce_rows(level[columns], offsets, np.minimum, none)
        level = np.where((level == none) & (reached <= t - 1), np.int16(t), level)
    return np.where(level == none, 0, level)


def run_networkx(offsets, columns, shares, risk, marked, tiers, decay):
    import networkx as nx

    n = len(risk)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    for u in range(n):
        for p in range(offsets[u], offsets[u + 1]):
            graph.add_edge(u, int(columns[p]), share=float(shares[p]))

    def work():
        x = list(risk)
        y = list(risk)
        xs = [x]
        best = list(risk)
        level = [1 if m else 0 for m in marked]
        for t in range(2, tiers + 1):
            nx_ = [0.0] * n
            ny = [0.0] * n
            nl = list(level)
            for u in range(n):
                s = 0.0
                m = 0.0
                reached = False
                for v, data in graph[u].items():
                    s += data["share"] * x[v]
                    m = max(m, decay * (data["share"] * y[v]))
                    reached = reached or (level[v] != 0)
                nx_[u] = s
                ny[u] = m
                if level[u] == 0 and reached:
                    nl[u] = t
            x, y, level = nx_, ny, nl
            xs.append(x)
            best = [max(a, b) for a, b in zip(best, y)]
        return xs, best, level

    return work


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--tiers", type=int, default=6)
    parser.add_argument("--decay", type=float, default=0.8)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--networkx", action="store_true", help="also run networkx (small graphs only)")
    parser.add_argument("--build", action="store_true", help="also time interning string ids and building the CSR matrix")
    args = parser.parse_args()

    offsets, columns, shares, risk, marked = load(args.directory)
    n, m, k = len(risk), len(columns), args.tiers
    link_rounds = m * (k - 1)
    matrix = sp.csr_matrix((shares, columns, offsets), shape=(n, n))
    base = {"nodes": n, "links": m, "tiers": k}

    seconds, xs = median_time(lambda: sum_product(matrix, risk, k), args.repeat)
    print(json.dumps({**base, "impl": "scipy-sum-product", "seconds": seconds, "link_rounds_per_s": link_rounds / seconds,
                      "checksum_exposure": float(exposure(xs, args.decay).sum()), "checksum_x_last": float(xs[-1].sum())}), flush=True)

    seconds, best = median_time(lambda: max_product(offsets, columns, shares, risk, k, args.decay), args.repeat)
    print(json.dumps({**base, "impl": "numpy-max-product", "seconds": seconds, "link_rounds_per_s": link_rounds / seconds,
                      "checksum_worst": float(best.sum())}), flush=True)

    seconds, level = median_time(lambda: min_plus(offsets, columns, marked, k), args.repeat)
    histogram = [int((level == t).sum()) for t in range(k + 1)]
    print(json.dumps({**base, "impl": "numpy-min-plus", "seconds": seconds, "link_rounds_per_s": link_rounds / seconds,
                      "nearest_histogram": histogram}), flush=True)

    if args.build:
        # Parsed records as a CSV reader hands them over: string ids per link (made outside the timing).
        rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(offsets))
        names = np.char.add("S", np.arange(n).astype(str))
        buyers, suppliers = names[rows], names[columns]

        def build():
            uniques, codes = np.unique(np.concatenate([names, buyers, suppliers]), return_inverse=True)
            b = codes[n:n + m]
            s = codes[n + m:]
            return sp.csr_matrix((shares, (b, s)), shape=(len(uniques), len(uniques)))

        seconds, built = median_time(build, max(1, args.repeat // 2))
        print(json.dumps({**base, "impl": "numpy-scipy-build", "seconds": seconds, "links_built": int(built.nnz)}), flush=True)

    if args.networkx:
        work = run_networkx(offsets, columns, shares, risk, marked, k, args.decay)
        seconds, (xs_nx, best_nx, level_nx) = median_time(work, 1)
        print(json.dumps({**base, "impl": "networkx-all-three", "seconds": seconds, "link_rounds_per_s": 3 * link_rounds / seconds,
                          "checksum_worst": float(sum(best_nx)), "checksum_x_last": float(sum(xs_nx[-1]))}), flush=True)


if __name__ == "__main__":
    main()
