#!/usr/bin/env python3
"""Writes the synthetic HIGGS-shaped data set that ClassicBench.java and classic_peer.py both read.

28 features like UCI HIGGS: 21 "low-level" ones (correlated Gaussians, the signal shifted and more
correlated in a few directions) and 7 "high-level" ones (invariant-mass-like norms of pairs of
low-level features, the signal peaking higher), labels 0/1 in equal shares, and a smooth regression
target for the Gaussian process. Files in the output folder, little-endian float64, row-major:
  x.f64 (rows x 28), y.f64 (rows), t.f64 (rows), meta.json {"rows": ..., "features": 28}

Usage: /usr/bin/python3 bench/classic/make_data.py OUT_DIR [rows, default 300000] [seed, default 7]
"""
import json
import sys

import numpy as np

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
rng = np.random.default_rng(seed)

y = rng.integers(0, 2, rows)
mix = rng.normal(0, 0.35, (21, 21)) + np.eye(21)
low = rng.normal(0, 1, (rows, 21)) @ mix.T
shift = np.zeros(21)
shift[[0, 3, 6, 9, 12]] = [0.12, -0.08, 0.1, 0.07, -0.1]
low += y[:, None] * shift
# the signal is more correlated in the first two directions (a non-linear signature)
low[:, 1] += y * 0.8 * low[:, 2]
pairs = [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11), (12, 13)]
high = np.stack([np.sqrt(low[:, a] ** 2 + low[:, b] ** 2 + 1.0) for a, b in pairs], axis=1)
high[:, [0, 3]] += y[:, None] * rng.normal(0.3, 0.3, (rows, 2))
x = np.concatenate([low, high], axis=1)
x = (x - x.mean(0)) / x.std(0)

# smooth regression target on the first six features, for the Gaussian process
t = np.sin(2 * x[:, 0]) + 0.5 * x[:, 1] * x[:, 2] + 0.3 * x[:, 3] - 0.2 * x[:, 4] ** 2 + 0.1 * x[:, 5] \
    + rng.normal(0, 0.1, rows)

x.astype("<f8").tofile(f"{out}/x.f64")
y.astype("<f8").tofile(f"{out}/y.f64")
t.astype("<f8").tofile(f"{out}/t.f64")
with open(f"{out}/meta.json", "w") as f:
    json.dump({"rows": rows, "features": x.shape[1], "seed": seed}, f)
