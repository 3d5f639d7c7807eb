#!/usr/bin/env python3
"""The peer of flrisk's path explainer (PathExplainer.topPaths): the top-N contributing paths of
K sources, done the way an analyst would in Python, on the files written by `graph-bench generate`.

Same search as the Swift side: best-first over partial paths ordered by d^(t-1)·Π shares (heapq),
stopping when no partial path can beat the N-th best contribution found; walks through cycles
count (no visited set), as the recurrences count them; same tie-breaking (frontier: larger weight,
then earlier insertion; kept paths: the weakest, then the latest inserted, leaves first); same
final order (contribution, then shorter, then earlier nodes). Sources: every s-th node with
s = nodes // K, as `graph-bench explain` picks them.

The CSR arrays are read with numpy and turned into Python lists before the timing (indexing numpy
scalars one by one is several times slower); the timing is the search alone, as on the Swift side.
Prints one JSON line with the same checksums as `graph-bench explain`.
"""
import argparse
import heapq
import json
import os

from environment import median_time

import numpy as np


def top_paths(source, offsets, columns, shares, risk, tiers, decay, limit, max_expansions):
    """[(contribution, nodes)] strongest first, as PathExplainer.topPaths returns them."""
    if limit <= 0:
        return []
    nodes, parents, weights, lengths = [source], [-1], [1.0], [1]
    frontier = [(-1.0, 0)]  # (−weight, index): larger weight first, then earlier insertion
    best = []  # (contribution, −index): the weakest kept on top, the latest inserted among ties
    expansions = 0
    while frontier:
        key, i = heapq.heappop(frontier)
        if len(best) == limit and -key <= best[0][0]:
            break
        w = weights[i]
        contribution = w * risk[nodes[i]]
        if contribution > 0:
            heapq.heappush(best, (contribution, -i))
            if len(best) > limit:
                heapq.heappop(best)
        expansions += 1
        if lengths[i] >= tiers or expansions >= max_expansions:
            continue
        u = nodes[i]
        length = lengths[i] + 1
        for p in range(offsets[u], offsets[u + 1]):
            weight = w * decay * shares[p]
            if weight <= 0:
                continue
            nodes.append(columns[p])
            parents.append(i)
            weights.append(weight)
            lengths.append(length)
            heapq.heappush(frontier, (-weight, len(nodes) - 1))
    paths = []
    for contribution, negative_index in best:
        path, j = [], -negative_index
        while j >= 0:
            path.append(nodes[j])
            j = parents[j]
        paths.append((contribution, path[::-1]))
    paths.sort(key=lambda p: (-p[0], len(p[1]), p[1]))
    return paths


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--sources", type=int, default=10000)
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--tiers", type=int, default=6)
    parser.add_argument("--decay", type=float, default=0.8)
    parser.add_argument("--max-expansions", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    d = args.directory
    offsets = np.fromfile(os.path.join(d, "offsets.i64"), dtype=np.int64).tolist()
    columns = np.fromfile(os.path.join(d, "columns.i32"), dtype=np.int32).tolist()
    shares = np.fromfile(os.path.join(d, "shares.f64"), dtype=np.float64).tolist()
    risk = np.fromfile(os.path.join(d, "risk.f64"), dtype=np.float64).tolist()
    n = len(risk)
    count = max(1, min(args.sources, n))
    sources = [k * (n // count) for k in range(count)]

    def work():
        return [top_paths(s, offsets, columns, shares, risk, args.tiers, args.decay, args.limit, args.max_expansions)
                for s in sources]

    seconds, found = median_time(work, args.repeat)
    paths = sum(len(f) for f in found)
    contribution = 0.0
    for f in found:  # per source, then across sources: the Swift side's order of addition
        per_source = 0.0
        for c, _ in f:
            per_source += c
        contribution += per_source
    print(json.dumps({
        "impl": "python-heapq", "nodes": n, "links": len(columns), "tiers": args.tiers, "limit": args.limit, "sources": count,
        "seconds": seconds, "sources_per_s": count / seconds, "paths_per_s": paths / seconds,
        "checksum_paths": paths, "checksum_contribution": contribution,
        "checksum_best": sum(f[0][0] if f else 0.0 for f in found),
        "checksum_nodes": sum(len(p) for f in found for _, p in f),
        "checksum_node_hash": sum((j + 1) * (v + 1) for f in found for _, p in f for j, v in enumerate(p)),
    }), flush=True)


if __name__ == "__main__":
    main()
