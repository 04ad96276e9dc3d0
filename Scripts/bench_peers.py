#!/usr/bin/env python3
"""The Scripts/bench workloads written in numpy and in JAX, for comparison with neurite-bench.

Each workload: Float32, plain SGD (lr 0.1), forward + backward + update per step, synthetic seeded
data, minibatches gathered from a precomputed shuffled index table, timed after warm-up.
numpy: hand-written forward/backward. JAX: jax.jit over a lax.scan of all the steps.
W5 (the Playground comparison: 8 models of 2-8-8-1 tanh/sigmoid BCE, batch 10, 100 epochs of 500
circle points, lr 0.03) times the whole comparison: numpy with the 8 models stacked on a leading axis
(batched matmul), JAX with one model's step jax.vmap-ped over the 8 inside one lax.scan over all the
steps; JAX's compile time is measured apart (AOT lower + compile) and reported as "compile_s".
Prints JSON: {"numpy": {"W1": {"steps_per_s": …, "gflops": …}, …}, "jax": {…}}.
usage: bench_peers.py [--scale S] [--only W1,W3,W5] [--peers numpy,jax] [--cpu-time]
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


# ---------------------------------------------------------------- W5: the Playground comparison
W5_MODELS, W5_BATCH, W5_LR, W5_SIZES = 8, 10, np.float32(0.03), [2, 8, 8, 1]


def w5_setup(scale):
    """The circle set (the Playground's: a disc of radius 2.5 inside a ring 3.5…5, noise 0.1), the
    8 models' initial weights (Xavier uniform, stacked on a leading axis) and the minibatch table
    (one permutation per epoch, the same for every model, as the engine's seed-0 order)."""
    rng = np.random.default_rng(0)
    epochs = max(int(round(100 * scale)), 1)
    n, radius, noise = 500, 5.0, 0.1
    xs, ys = [], []
    for label, (r0, r1) in ((1, (0, radius * 0.5)), (0, (radius * 0.7, radius))):
        r = rng.uniform(r0, r1, n // 2)
        angle = rng.uniform(0, 2 * np.pi, n // 2)
        x = np.stack([r * np.sin(angle), r * np.cos(angle)], 1)
        noisy = x + rng.uniform(-radius, radius, x.shape) * noise
        xs.append(x)
        ys.append((np.hypot(noisy[:, 0], noisy[:, 1]) < radius * 0.5).astype(np.float32)[:, None])
    x, y = np.concatenate(xs).astype(np.float32), np.concatenate(ys).astype(np.float32)
    params = []
    for fan_in, fan_out in zip(W5_SIZES[:-1], W5_SIZES[1:]):
        limit = np.sqrt(6 / (fan_in + fan_out))
        params.append((rng.uniform(-limit, limit, (W5_MODELS, fan_in, fan_out)).astype(np.float32),
                       np.zeros((W5_MODELS, 1, fan_out), np.float32)))
    table = np.concatenate([rng.permutation(n).reshape(-1, W5_BATCH) for _ in range(epochs)])
    return x, y, params, table


def w5_flops_per_step():
    return flops_per_step(dict(sizes=W5_SIZES, batch=W5_BATCH))


def bench_numpy_w5(scale):
    x, y, init, table = w5_setup(scale)

    def run():
        params = [(W.copy(), b.copy()) for W, b in init]
        for idx in table:
            xb, yb = x[idx], y[idx]           # shared by the 8 models; broadcast over the model axis
            h1 = np.tanh(xb @ params[0][0] + params[0][1])
            h2 = np.tanh(h1 @ params[1][0] + params[1][1])
            z = h2 @ params[2][0] + params[2][1]
            g = (1 / (1 + np.exp(-z)) - yb) / np.float32(W5_BATCH)
            grads = []
            for i, (h, W) in enumerate(((h2, params[2][0]), (h1, params[1][0]), (None, params[0][0]))):
                inputs = xb if h is None else h
                dW = (inputs.T if h is None else inputs.transpose(0, 2, 1)) @ g
                grads.append((dW, g.sum(1, keepdims=True)))
                if h is not None:
                    g = (g @ W.transpose(0, 2, 1)) * (1 - h * h)
            for (W, b), (dW, db) in zip(params, reversed(grads)):
                W -= W5_LR * dW
                b -= W5_LR * db
    run()
    best = float("inf")
    for _ in range(3):
        start = clock()
        run()
        best = min(best, clock() - start)
    return best, None


def bench_jax_w5(scale):
    import jax
    import jax.numpy as jnp

    x, y, init, table = w5_setup(scale)

    def loss(params, xb, yb):
        h = xb
        for W, b in params[:-1]:
            h = jnp.tanh(h @ W + b)
        z = h @ params[-1][0] + params[-1][1]
        return jnp.mean(jnp.maximum(z, 0) - z * yb + jnp.log1p(jnp.exp(-jnp.abs(z))))

    def step(params, xb, yb):
        g = jax.grad(loss)(params, xb, yb)
        return jax.tree_util.tree_map(lambda a, da: a - W5_LR * da, params, g)

    every_model = jax.vmap(step, in_axes=(0, None, None))  # 8 models, the same minibatch

    def run(params, xs, ys, idx_table):
        def body(p, idx):
            return every_model(p, xs[idx], ys[idx]), None
        return jax.lax.scan(body, params, idx_table)[0]

    params = [(jnp.asarray(W), jnp.asarray(b[:, 0])) for W, b in init]
    args = (params, jnp.asarray(x), jnp.asarray(y), jnp.asarray(table))
    start = clock()
    compiled = jax.jit(run).lower(*args).compile()
    compile_seconds = clock() - start
    jax.block_until_ready(compiled(*args))  # warm-up
    best = float("inf")
    for _ in range(3):
        start = clock()
        jax.block_until_ready(compiled(*args))
        best = min(best, clock() - start)
    return best, compile_seconds


def w5_entry(seconds, compile_seconds, scale):
    steps = len(w5_setup(scale)[3]) * W5_MODELS
    entry = {"steps_per_s": steps / seconds, "gflops": w5_flops_per_step() * steps * 1e-9 / seconds, "seconds": seconds}
    if compile_seconds is not None:
        entry["compile_s"] = compile_seconds
    return entry


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
        if not chosen or "W5" in chosen:
            try:
                seconds, compile_seconds = (bench_numpy_w5 if peer == "numpy" else bench_jax_w5)(args.scale)
            except ImportError as error:
                print(f"{peer}: {error}", file=sys.stderr)
                continue
            results[peer]["W5"] = w5_entry(seconds, compile_seconds, args.scale)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
