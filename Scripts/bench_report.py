#!/usr/bin/env python3
"""Prints the Scripts/bench table from the JSON files of neurite-bench and bench_peers.py.
usage: bench_report.py RESULTS_DIR THREADS...
"""
import json
import sys
from pathlib import Path


def best_of(files, peer=None):
    """Merges result files, keeping the best steps/s of each workload."""
    merged = {}
    for path in files:
        data = json.loads(path.read_text())
        if peer is not None:
            data = data.get(peer, {})
        for name, entry in data.items():
            if name not in merged or entry["steps_per_s"] > merged[name]["steps_per_s"]:
                merged[name] = entry
    return merged


def main():
    folder = Path(sys.argv[1])
    print(f"{'thr':>3}  {'workload':<9} {'engine steps/s':>14} {'numpy':>10} {'jax':>10} "
          f"{'vs best':>8} {'GFLOP/s':>8} {'sgemm':>7} {'of sgemm':>8}")
    for threads in sys.argv[2:]:
        engine = best_of(sorted(folder.glob(f"engine-{threads}-*.json")))
        peer_files = sorted(folder.glob(f"peers-{threads}-*.json"))
        peers = {p: best_of(peer_files, p) for p in ("numpy", "jax")}
        order = ["W1", "W2", "W2-swish", "W2-user", "W3", "W4"]
        for name, e in sorted(engine.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99):
            numpy = peers.get("numpy", {}).get(name, {}).get("steps_per_s")
            jax = peers.get("jax", {}).get(name, {}).get("steps_per_s")
            best = max([v for v in (numpy, jax) if v], default=None)
            ceiling = e.get("sgemm_gflops")
            def number(value, width, digits=1):
                return f"{value:>{width}.{digits}f}" if value else f"{'-':>{width}}"
            ratio = f"{e['steps_per_s'] / best:>7.2f}x" if best else f"{'-':>8}"
            share = f"{100 * e['gflops'] / ceiling:>7.0f}%" if ceiling else f"{'-':>8}"
            print(f"{threads:>3}  {name:<9} {e['steps_per_s']:>14.1f} {number(numpy, 10)} {number(jax, 10)} "
                  f"{ratio} {e['gflops']:>8.1f} {number(ceiling, 7)} {share}")
        if "W2-user" in engine and "W2-swish" in engine:
            ratio = engine["W2-user"]["steps_per_s"] / engine["W2-swish"]["steps_per_s"]
            print(f"{threads:>3}  user activation x*sigmoid(x) vs built-in silu in W2: {ratio:.2f}x the speed")


if __name__ == "__main__":
    main()
