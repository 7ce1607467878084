#!/usr/bin/env python3
"""W1 peer: float32 square matmul through NumPy on the system OpenBLAS, GFLOP/s (best of repeats)."""
import os
import sys
import time

threads = sys.argv[1] if len(sys.argv) > 1 else "2"
os.environ["OPENBLAS_NUM_THREADS"] = threads
os.environ["OMP_NUM_THREADS"] = threads
import numpy as np  # noqa: E402

rng = np.random.default_rng(1)
for n in (256, 1024, 2048):
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    for _ in range(3):
        a @ b
    reps = 50 if n == 256 else (10 if n == 1024 else 4)
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for _ in range(reps):
            a @ b
        best = min(best, (time.perf_counter() - t) / reps)
    print(f"numpy/openblas n={n:5d} {2 * n ** 3 / best / 1e9:8.1f} GFLOP/s")
