#!/usr/bin/env python3
"""The Scripts/bench workloads written in numpy and in JAX, for comparison with neurite-bench.

Each workload: Float32, plain SGD (lr 0.1), forward + backward + update per step, synthetic seeded
data, minibatches gathered from a precomputed shuffled index table, timed after warm-up.
numpy: hand-written forward/backward. JAX: jax.jit over a lax.scan of all the steps.
Prints JSON: {"numpy": {"W1": {"steps_per_s": …, "gflops": …}, …}, "jax": {…}}.
usage: bench_peers.py [--scale S] [--only W1,W3] [--peers numpy,jax] [--cpu-time]
--cpu-time measures process CPU time instead of wall-clock time (steadier on a loaded machine).
"""
import argparse
import json
import sys
import time

import numpy as np

LR = np.float32(0.1)
clock = time.perf_counter


def workloads(scale):
    def steps(n):
        return max(int(n * scale), 10)
    return {
        "W1": dict(sizes=[2, 8, 8, 1], hidden="tanh", loss="bce", batch=10, steps=steps(10_000), data="spiral"),
        "W2": dict(sizes=[2] + [16] * 8 + [1], hidden="relu", loss="mse", batch=32, steps=steps(5_000), data="product"),
        "W3": dict(sizes=[784, 256, 256, 10], hidden="relu", loss="softmax", batch=128, steps=steps(500), data="random"),
        "W4": dict(sizes=[1024, 2048, 2048, 10], hidden="relu", loss="softmax", batch=256, steps=steps(50), data="random"),
    }


def flops_per_step(w):
    sizes, b = w["sizes"], w["batch"]
    total = 0.0
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        total += (2.0 if i == 0 else 3.0) * 2 * b * fan_in * fan_out
    return total


def make_data(w, rng):
    sizes = w["sizes"]
    if w["data"] == "spiral":
        n = 500
        half = n // 2
        xs, ys = [], []
        for label in (0, 1):
            k = np.arange(half)
            r = 5 * k / half
            angle = 1.75 * k / half * 2 * np.pi + label * np.pi
            xs.append(np.stack([r * np.sin(angle), r * np.cos(angle)], 1) + rng.uniform(-0.1, 0.1, (half, 2)))  # the Playground's uniform noise, as the engine's W1
            ys.append(np.full((half, 1), label))
        return np.concatenate(xs).astype(np.float32), np.concatenate(ys).astype(np.float32)
    if w["data"] == "product":
        x = rng.uniform(-1, 1, (3200, 2)).astype(np.float32)
        return x, (x[:, :1] * x[:, 1:]).astype(np.float32)
    n = w["batch"] * (20 if w["sizes"][0] == 784 else 5)
    x = rng.standard_normal((n, sizes[0])).astype(np.float32)
    y = rng.integers(0, sizes[-1], n)
    return x, y


def init_params(w, rng):
    params = []
    for fan_in, fan_out in zip(w["sizes"][:-1], w["sizes"][1:]):
        if w["hidden"] == "relu":
            W = rng.standard_normal((fan_in, fan_out)) * np.sqrt(2 / fan_in)
        else:
            limit = np.sqrt(6 / (fan_in + fan_out))
            W = rng.uniform(-limit, limit, (fan_in, fan_out))
        params.append((W.astype(np.float32), np.zeros(fan_out, np.float32)))
    return params


def index_table(n, batch, steps, rng):
    per_epoch = n // batch
    rows = []
    while len(rows) < steps:
        perm = rng.permutation(n)
        rows.extend(perm[i * batch:(i + 1) * batch] for i in range(per_epoch))
    return np.array(rows[:steps])


# ---------------------------------------------------------------- numpy
def numpy_step(params, x, y, w):
    acts, pres = [x], []
    h = x
    last = len(params) - 1
    for i, (W, b) in enumerate(params):
        z = h @ W + b
        pres.append(z)
        if i < last:
            h = np.tanh(z) if w["hidden"] == "tanh" else np.maximum(z, 0)
            acts.append(h)
    z = pres[-1]
    n = z.shape[0]
    if w["loss"] == "bce":
        g = (1 / (1 + np.exp(-z)) - y) / np.float32(z.size)
    elif w["loss"] == "mse":
        g = np.float32(2) * (z - y) / np.float32(z.size)
    else:
        e = np.exp(z - z.max(1, keepdims=True))
        p = e / e.sum(1, keepdims=True)
        p[np.arange(n), y] -= 1
        g = p / np.float32(n)
    for i in range(last, -1, -1):
        W, b = params[i]
        dW = acts[i].T @ g
        db = g.sum(0)
        if i > 0:
            g = g @ W.T
            g *= (1 - acts[i] * acts[i]) if w["hidden"] == "tanh" else (pres[i - 1] > 0)
        W -= LR * dW
        b -= LR * db


def bench_numpy(w, x, y, table):
    rng = np.random.default_rng(1)
    params = init_params(w, rng)
    warm = max(len(table) // 10, 3)
    for idx in table[:warm]:
        numpy_step(params, x[idx], y[idx], w)
    best = float("inf")
    for _ in range(1 if flops_per_step(w) * len(table) > 5e10 else 3):
        start = clock()
        for idx in table:
            numpy_step(params, x[idx], y[idx], w)
        best = min(best, (clock() - start) / len(table))
    return best


# ---------------------------------------------------------------- JAX
def bench_jax(w, x, y, table):
    import jax
    import jax.numpy as jnp

    def forward(params, xb):
        h = xb
        for W, b in params[:-1]:
            z = h @ W + b
            h = jnp.tanh(z) if w["hidden"] == "tanh" else jnp.maximum(z, 0)
        W, b = params[-1]
        return h @ W + b

    def loss(params, xb, yb):
        z = forward(params, xb)
        if w["loss"] == "bce":
            return jnp.mean(jnp.maximum(z, 0) - z * yb + jnp.log1p(jnp.exp(-jnp.abs(z))))
        if w["loss"] == "mse":
            return jnp.mean((z - yb) ** 2)
        logp = jax.nn.log_softmax(z)
        return -jnp.mean(jnp.take_along_axis(logp, yb[:, None], 1))

    grad = jax.grad(loss)

    @jax.jit
    def run(params, xs, ys, idx_table):
        def step(p, idx):
            g = grad(p, xs[idx], ys[idx])
            return jax.tree_util.tree_map(lambda a, da: a - 0.1 * da, p, g), None
        p, _ = jax.lax.scan(step, params, idx_table)
        return p

    rng = np.random.default_rng(1)
    params = [(jnp.asarray(W), jnp.asarray(b)) for W, b in init_params(w, rng)]
    xs, ys, idx = jnp.asarray(x), jnp.asarray(y), jnp.asarray(table)
    jax.block_until_ready(run(params, xs, ys, idx))  # compile + warm-up
    best = float("inf")
    for _ in range(1 if flops_per_step(w) * len(table) > 5e10 else 3):
        start = clock()
        jax.block_until_ready(run(params, xs, ys, idx))
        best = min(best, (clock() - start) / len(table))
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", default="")
    parser.add_argument("--peers", default="numpy,jax")
    parser.add_argument("--cpu-time", action="store_true")
    args = parser.parse_args()
    global clock
    if args.cpu_time:
        clock = time.process_time
    chosen = set(filter(None, args.only.split(",")))
    results = {}
    for peer in args.peers.split(","):
        results[peer] = {}
        for name, w in workloads(args.scale).items():
            if chosen and name not in chosen:
                continue
            rng = np.random.default_rng(0)
            x, y = make_data(w, rng)
            table = index_table(len(x), w["batch"], w["steps"], rng)
            try:
                per_step = (bench_numpy if peer == "numpy" else bench_jax)(w, x, y, table)
            except ImportError as error:
                print(f"{peer}: {error}", file=sys.stderr)
                break
            results[peer][name] = {"steps_per_s": 1 / per_step, "gflops": flops_per_step(w) * 1e-9 / per_step}
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
