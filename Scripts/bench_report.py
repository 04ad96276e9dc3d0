#!/usr/bin/env python3
"""Prints the Scripts/bench table from the JSON files of fma_peak, neurite-bench and bench_peers.py.
usage: bench_report.py RESULTS_DIR THREADS...

Every GFLOP/s figure is printed beside one core's FMA peak × the thread count. A figure above that
ceiling cannot be right (a clock or a count is wrong): the report says INVALID and exits with 3.
"""
import json
import sys
from pathlib import Path

ORDER = ["W1", "W2", "W2-swish", "W2-user", "W3", "W4", "W5", "W5-2w"]


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


def peak(folder):
    """One core's FMA peak: the best of every probe run (each ISA, before and after the workloads)."""
    probes = [json.loads(path.read_text()) for path in sorted(folder.glob("peak-*.json"))]
    if not probes:
        return None, ""
    best = max(probes, key=lambda p: p["gflops"])
    by_isa = {}
    for p in probes:
        by_isa[p["isa"]] = max(by_isa.get(p["isa"], 0), p["gflops"])
    return best["gflops"], ", ".join(f"{isa} {value:.1f}" for isa, value in sorted(by_isa.items()))


def number(value, width, digits=1):
    return f"{value:>{width}.{digits}f}" if value else f"{'-':>{width}}"


def main():
    folder = Path(sys.argv[1])
    core_peak, detail = peak(folder)
    if core_peak:
        print(f"FP32 FMA peak of one core: {core_peak:.1f} GFLOP/s (best of the probes: {detail}); "
              "'of peak' = GFLOP/s / (peak × threads)")
    impossible = []

    def share(gflops, threads, label):
        """GFLOP/s as a share of peak × threads, remembering figures above it."""
        if not core_peak or not gflops:
            return f"{'-':>7}"
        fraction = gflops / (core_peak * int(threads))
        if fraction > 1:
            impossible.append(f"{label}: {gflops:.1f} GFLOP/s > {core_peak:.1f} × {threads}")
        return f"{100 * fraction:>6.0f}%"

    print(f"{'thr':>3}  {'workload':<9} {'engine steps/s':>14} {'numpy':>10} {'jax':>10} "
          f"{'vs best':>8} {'GFLOP/s':>8} {'of peak':>7} {'sgemm':>7} {'of peak':>7} {'of sgemm':>8}")
    for threads in sys.argv[2:]:
        engine = best_of(sorted(folder.glob(f"engine-{threads}-*.json")))
        peer_files = sorted(folder.glob(f"peers-{threads}-*.json"))
        peers = {p: best_of(peer_files, p) for p in ("numpy", "jax")}
        for name, e in sorted(engine.items(), key=lambda item: ORDER.index(item[0]) if item[0] in ORDER else 99):
            peer_name = "W5" if name.startswith("W5") else name
            numpy = peers.get("numpy", {}).get(peer_name, {}).get("steps_per_s")
            jax = peers.get("jax", {}).get(peer_name, {}).get("steps_per_s")
            best = max([v for v in (numpy, jax) if v], default=None)
            ceiling = e.get("sgemm_gflops")
            ratio = f"{e['steps_per_s'] / best:>7.2f}x" if best else f"{'-':>8}"
            of_sgemm = f"{100 * e['gflops'] / ceiling:>7.0f}%" if ceiling else f"{'-':>8}"
            print(f"{threads:>3}  {name:<9} {e['steps_per_s']:>14.1f} {number(numpy, 10)} {number(jax, 10)} "
                  f"{ratio} {e['gflops']:>8.1f} {share(e['gflops'], threads, f'{name} engine')} "
                  f"{number(ceiling, 7)} {share(ceiling, threads, f'{name} sgemm')} {of_sgemm}")
            for peer in ("numpy", "jax"):
                entry = peers.get(peer, {}).get(peer_name)
                if entry and peer_name == name:
                    share(entry["gflops"], threads, f"{name} {peer}")
        if "W5" in engine:
            jax = peers.get("jax", {}).get("W5", {})
            numpy = peers.get("numpy", {}).get("W5", {})
            parts = [f"engine {engine['W5']['seconds']:.3f} s"]
            if "W5-2w" in engine:
                two = engine["W5-2w"]["seconds"]
                parts.append(f"2 workers {two:.3f} s ({engine['W5']['seconds'] / two:.2f}x 1 worker)")
            if jax:
                parts.append(f"jax {jax['seconds']:.3f} s (+ {jax['compile_s']:.2f} s compile)")
            if numpy:
                parts.append(f"numpy {numpy['seconds']:.3f} s")
            print(f"{threads:>3}  W5, the whole comparison (40 000 steps at full scale): " + ", ".join(parts))
        if "W2-user" in engine and "W2-swish" in engine:
            ratio = engine["W2-user"]["steps_per_s"] / engine["W2-swish"]["steps_per_s"]
            print(f"{threads:>3}  user activation x*sigmoid(x) vs built-in silu in W2: {ratio:.2f}x the speed")
    if impossible:
        print("\nINVALID RUN: GFLOP/s above one core's FMA peak × threads (a clock or a flop count is wrong):")
        for line in impossible:
            print(f"  {line}")
        sys.exit(3)


if __name__ == "__main__":
    main()
