#!/usr/bin/env python3
"""Peer timings for bench/eval/EvalBench.java: scikit-learn and SciPy on the same workloads.

Run with the system Python (scikit-learn 1.2, SciPy 1.10): /usr/bin/python3 bench/eval/eval_peer.py
"""
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np
from scipy import stats
from sklearn import metrics


def median(reps, fn):
    for _ in range(3):
        fn()
    t = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t.append(time.perf_counter() - t0)
    return sorted(t)[reps // 2]


rng = np.random.default_rng(1)
n = 1_000_000
y = (rng.random(n) < 0.5).astype(int)
s = rng.normal(size=n) + y
w = 0.5 + rng.random(n)

auc = median(5, lambda: metrics.roc_auc_score(y, s, sample_weight=w))
roc = median(5, lambda: metrics.roc_curve(y, s, sample_weight=w, drop_intermediate=False))
m = 100_000
ym, sm = y[:m], s[:m]
sig, bkg = np.flatnonzero(ym == 1), np.flatnonzero(ym == 0)


def bootstrap():
    r = np.random.default_rng(2)
    out = []
    for _ in range(200):
        idx = np.concatenate([r.choice(sig, sig.size), r.choice(bkg, bkg.size)])
        out.append(metrics.roc_auc_score(ym[idx], sm[idx]))
    return np.std(out, ddof=1)


boot = median(3, bootstrap)
a, b = s[:m], s[m:2 * m]
ks = median(5, lambda: stats.ks_2samp(a, b))
print(f"roc_auc_score 1e6 weighted   {auc:.4f} s")
print(f"roc_curve 1e6 weighted       {roc:.4f} s")
print(f"bootstrap AUC 200 x 1e5      {boot:.4f} s")
print(f"ks_2samp 1e5 vs 1e5 (asymp)  {ks:.4f} s")
