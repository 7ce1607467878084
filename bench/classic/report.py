#!/usr/bin/env python3
"""Joins ClassicBench.java's and classic_peer.py's outputs into one Markdown table: best wall times and
the Hadron speed-up (scikit-learn time / Hadron time; > 1 means Hadron is faster), least process CPU
seconds (all threads) and their ratio (> 1 means Hadron used less CPU), and how far the fitted
models agree (test metrics computed here from both sides' saved scores, the same way for both).

Usage: /usr/bin/python3 bench/classic/report.py DATA_DIR HADRON_TSV SKLEARN_TSV
"""
import json
import sys

import numpy as np
from sklearn.metrics import roc_auc_score

d, hadron_tsv, sklearn_tsv = sys.argv[1:4]
TEST_START = 200_000
meta = json.load(open(f"{d}/meta.json"))
y = np.fromfile(f"{d}/y.f64", dtype="<f8")
t = np.fromfile(f"{d}/t.f64", dtype="<f8")


def parse(path):
    out = {}
    for line in open(path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3:
            continue
        task, kind, value = parts
        entry = out.setdefault(task, {})
        if kind in ("time", "cpu"):
            entry[kind] = float(value)
        else:
            entry.update(kv.split("=", 1) for kv in value.split(";"))
    return out


h, s = parse(hadron_tsv), parse(sklearn_tsv)


def sc(side, task):
    return np.fromfile(f"{d}/{side}_{task}.f64", dtype="<f8")


def auc(side, task, n):
    return roc_auc_score(y[TEST_START:TEST_START + n], sc(side, task))


def both(task, n):
    a, b = auc("hadron", task, n), auc("sklearn", task, n)
    return f"AUC {a:.5f}", f"AUC {b:.5f}", f"ΔAUC {a - b:+.1e}"


rows = []
for task, what in [
    ("logistic_l2_200k", "logistic regression L2, C = 1, L-BFGS: fit 200,000 × 28"),
    ("kmeans_given_init_100k", "k-means k = 8 from the same 8 centres (Lloyd): fit 100,000 × 28"),
    ("kmeans_pp_ninit3_100k", "k-means k = 8, k-means++ × 3 inits: fit 100,000 × 28"),
    ("gp_rbf_white_1000", "GP C·RBF + White, hyperparameters by L-BFGS: fit 1,000 × 6"),
    ("svc_rbf_fit_5000", "SVC RBF, C = 1, gamma scale (SMO): fit 5,000 × 28"),
    ("svc_rbf_decision_10k", "SVC decision function: 10,000 events"),
    ("knn25_50k_x_10k", "kNN k = 25 (brute force, 28 features): fit 50,000 + predictProba 10,000"),
]:
    if task not in h or task not in s:
        continue
    th, ts = h[task]["time"], s[task]["time"]
    ch, cs = h[task]["cpu"], s[task]["cpu"]
    if task == "logistic_l2_200k":
        mh, ms, agree = both(task, 100_000)
        dd = np.abs(sc("hadron", task) - sc("sklearn", task)).max()
        mh += f", {h[task]['iterations']} it."
        ms += f", {s[task]['iterations']} it."
        agree += f"; max Δdecision {dd:.1e}"
    elif task == "kmeans_given_init_100k":
        ih, is_ = float(h[task]["inertia"]), float(s[task]["inertia"])
        same = (sc("hadron", task) == sc("sklearn", task)).mean()
        mh = f"inertia {ih:.7g}, {h[task]['iterations']} it."
        ms = f"inertia {is_:.7g}, {s[task]['iterations']} it."
        agree = f"inertia rel. Δ {(ih - is_) / is_:+.1e}; same cluster for {same:.2%} of test events"
    elif task == "kmeans_pp_ninit3_100k":
        ih, is_ = float(h[task]["inertia"]), float(s[task]["inertia"])
        mh, ms = f"inertia {ih:.7g}", f"inertia {is_:.7g}"
        agree = f"inertia rel. Δ {(ih - is_) / is_:+.1e} (different random seeding)"
    elif task == "gp_rbf_white_1000":
        truth = t[TEST_START:TEST_START + 2000]
        rh = np.sqrt(np.mean((sc("hadron", task) - truth) ** 2))
        rs = np.sqrt(np.mean((sc("sklearn", task) - truth) ** 2))
        lh, ls = float(h[task]["log_marginal_likelihood"]), float(s[task]["log_marginal_likelihood"])
        mh = f"log ML {lh:.6f}, RMSE {rh:.5f}, θ ({h[task]['hyperparameters']})"
        ms = f"log ML {ls:.6f}, RMSE {rs:.5f}, θ ({s[task]['hyperparameters']})"
        dd = np.abs(sc("hadron", task) - sc("sklearn", task)).max()
        agree = f"Δ log ML {lh - ls:+.1e}; max Δmean {dd:.1e}"
    elif task == "svc_rbf_fit_5000":
        mh, ms, agree = both(task, 10_000)
        dd = np.abs(sc("hadron", task) - sc("sklearn", task)).max()
        mh += f", {h[task]['support_vectors']} SV"
        ms += f", {s[task]['support_vectors']} SV"
        agree += f"; max Δdecision {dd:.1e}"
    elif task == "knn25_50k_x_10k":
        mh, ms, agree = both(task, 10_000)
        same = (sc("hadron", task) == sc("sklearn", task)).mean()
        agree += f"; identical probabilities for {same:.2%} of events"
    else:
        mh = ms = agree = "(as above)"
    rows.append(f"| {what} | {th:.3f} s | {ts:.3f} s | {ts / th:.2f}× | {ch:.2f} s | {cs:.2f} s | {cs / ch:.2f}× "
                f"| {mh} | {ms} | {agree} |")

print(f"Data: synthetic HIGGS-shaped set, {meta['rows']:,} events × {meta['features']} features "
      f"(bench/classic/make_data.py, seed {meta['seed']}); test events from row {TEST_START:,}.")
print()
print("| fit | Hadron wall | scikit-learn wall | wall speed-up | Hadron CPU | scikit-learn CPU | CPU ratio "
      "| Hadron result | scikit-learn result | agreement |")
print("|---|---:|---:|---:|---:|---:|---:|---|---|---|")
print("\n".join(rows))
