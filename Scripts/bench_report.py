#!/usr/bin/env python3
"""Prints the Scripts/bench table from the JSON files of neurite-bench and bench_peers.py.
usage: bench_report.py RESULTS_DIR THREADS...
"""
import json
import sys
from pathlib import Path


def main():
    folder = Path(sys.argv[1])
    print(f"{'thr':>3}  {'workload':<9} {'engine steps/s':>14} {'numpy':>10} {'jax':>10} "
          f"{'vs best':>8} {'GFLOP/s':>8} {'sgemm':>7} {'of sgemm':>8}")
    for threads in sys.argv[2:]:
        engine = json.loads((folder / f"engine-{threads}.json").read_text())
        peers = json.loads((folder / f"peers-{threads}.json").read_text())
        for name, e in engine.items():
            numpy = peers.get("numpy", {}).get(name, {}).get("steps_per_s")
            jax = peers.get("jax", {}).get(name, {}).get("steps_per_s")
            best = max([v for v in (numpy, jax) if v], default=None)
            ceiling = e.get("sgemm_gflops")
            print(f"{threads:>3}  {name:<9} {e['steps_per_s']:>14.1f} "
                  f"{numpy if numpy else float('nan'):>10.1f} {jax if jax else float('nan'):>10.1f} "
                  f"{(e['steps_per_s'] / best if best else float('nan')):>7.2f}x {e['gflops']:>8.1f} "
                  f"{ceiling if ceiling else float('nan'):>7.1f} "
                  f"{(100 * e['gflops'] / ceiling if ceiling else float('nan')):>7.0f}%")
        if "W2-user" in engine and "W2-swish" in engine:
            ratio = engine["W2-user"]["steps_per_s"] / engine["W2-swish"]["steps_per_s"]
            print(f"{threads:>3}  user activation x*sigmoid(x) vs built-in silu in W2: {ratio:.2f}x the speed")


if __name__ == "__main__":
    main()
