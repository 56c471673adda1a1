"""Benchmark: synthetic statement tables of 10^3 .. 10^6 rows -> normalized congruence network.

Each size runs in a fresh subprocess so that peak memory (the process's maximum resident set
size, ``ru_maxrss``) belongs to that size alone. 2,000 actors and 100 concepts, stances drawn
+1 / -1 / 0 with probabilities 0.6 / 0.3 / 0.1, dates over 60 days; the random generator is
seeded, so every run builds the same tables.

Usage::

    .venv/bin/python benchmarks/bench_networks.py            # 1e3, 1e4, 1e5, 1e6
    .venv/bin/python benchmarks/bench_networks.py --sizes 1000 100000 --normalization average

Target (issue 3): 10^6 statements to a normalized congruence network in < 10 s and < 2 GB on a
2-core machine, with near-linear growth.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

N_ACTORS, N_CONCEPTS = 2000, 100


def synthetic(n: int, seed: int = 0):
    """A statement table of ``n`` rows with the columns the network functions read."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    actors = np.array([f"actor_{i:04d}" for i in range(N_ACTORS)], dtype=object)
    concepts = np.array([f"concept_{j:03d}" for j in range(N_CONCEPTS)], dtype=object)
    orgs = np.array([f"org_{i % 40:02d}" for i in range(N_ACTORS)], dtype=object)
    who = rng.integers(0, N_ACTORS, n)
    days = pd.to_datetime("2022-01-01") + pd.to_timedelta(rng.integers(0, 60, n), unit="D")
    return pd.DataFrame({
        "doc_id": (rng.integers(0, max(n // 20, 1), n)).astype(str),
        "start": rng.integers(0, 10_000, n),
        "speaker": actors[who], "organization": orgs[who],
        "concept": concepts[rng.integers(0, N_CONCEPTS, n)],
        "stance": rng.choice(np.array([1, -1, 0]), n, p=[0.6, 0.3, 0.1]),
        "date": days.strftime("%Y-%m-%d"),
        "source": "coded", "confidence": 1.0})


def run_one(n: int, normalization: str) -> dict:
    from crisisnet.filters import select_statements
    from crisisnet.networks import actor_network

    st = synthetic(n)
    t0 = time.perf_counter()
    sel = select_statements(st, start="2022-01-01", end="2022-12-31", min_confidence=0.5)
    t1 = time.perf_counter()
    net = actor_network(sel, "congruence", normalization)
    t2 = time.perf_counter()
    dedup = select_statements(st, duplicates="month")
    t3 = time.perf_counter()
    return {"n": n, "filter_s": t1 - t0, "network_s": t2 - t1, "total_s": t2 - t0, "dedup_month_s": t3 - t2,
            "kept_after_dedup": len(dedup), "nodes": len(net.rows), "ties": int(net.sparse.nnz // 2),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    ap.add_argument("--normalization", default="cosine", choices=["none", "average", "jaccard", "cosine"])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.normalization)))
        return 0
    print(f"congruence network, normalization={args.normalization}, {N_ACTORS} actors, {N_CONCEPTS} concepts")
    print(f"{'statements':>10} {'filter s':>9} {'network s':>10} {'total s':>8} {'dedup/month s':>14} "
          f"{'ties':>9} {'peak MB':>8}")
    prev = None
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--normalization", args.normalization],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        growth = f"  x{r['total_s'] / prev['total_s']:.1f} time for x{n / prev['n']:.0f} rows" if prev else ""
        print(f"{r['n']:>10,} {r['filter_s']:>9.3f} {r['network_s']:>10.3f} {r['total_s']:>8.3f} "
              f"{r['dedup_month_s']:>14.3f} {r['ties']:>9,} {r['peak_mb']:>8.0f}{growth}")
        prev = r
    return 0


if __name__ == "__main__":
    sys.exit(main())
