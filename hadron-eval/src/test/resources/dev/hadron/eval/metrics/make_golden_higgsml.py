#!/usr/bin/env python3
"""Golden values on real data: the ATLAS Higgs ML challenge sample in ../shared/data.

Run from this folder with the system Python: /usr/bin/python3 make_golden_higgsml.py
It writes golden_higgsml.json. The Java test recomputes the inputs from the CSV files (which are never
copied into the repository) and skips when the data folder is absent.

Discriminant: s = -|DER_mass_MMC - 125| (the MMC mass window), with the missing value -999 mapped to
-1000 so those events rank last. Weights: the `Weight` column (physics normalisation).
"""
import csv
import json
import math
from pathlib import Path

import numpy as np
from scipy import stats
from sklearn import metrics

root = Path(__file__).resolve().parents[8]
data = root.parent / "shared" / "data" / "csv" / "atlas-higgsml"


def load(name, label):
    rows = list(csv.DictReader(open(data / name)))
    mmc = np.array([float(r["DER_mass_MMC"]) for r in rows])
    w = np.array([float(r["Weight"]) for r in rows])
    eid = np.array([int(r["EventId"]) for r in rows])
    return mmc, w, np.full(len(rows), label), eid


ms, ws, ys, es = load("train_sml_sig.csv", 1)
mb, wb, yb, eb = load("train_sml_bg.csv", 0)
mmc = np.concatenate([ms, mb])
w = np.concatenate([ws, wb])
y = np.concatenate([ys, yb])
eid = np.concatenate([es, eb])
score = np.where(mmc == -999.0, -1000.0, -np.abs(mmc - 125.0))

fpr, tpr, _ = metrics.roc_curve(y, score, sample_weight=w, drop_intermediate=False)
out = {
    "events": int(len(y)),
    "auc_weighted": float(metrics.roc_auc_score(y, score, sample_weight=w)),
    "auc_unweighted": float(metrics.roc_auc_score(y, score)),
    "roc_points": int(len(fpr)),
    "fpr_at_tpr_0.5": float(np.interp(0.5, tpr, fpr)),
}

# AMS scan: cut score >= t at every distinct score, b > 0, b_r = 10.
order = np.argsort(-score, kind="mergesort")
s_sorted, y_sorted, w_sorted = score[order], y[order], w[order]
cs = np.cumsum(w_sorted * (y_sorted == 1))
cb = np.cumsum(w_sorted * (y_sorted == 0))
last = np.r_[s_sorted[1:] != s_sorted[:-1], True]
cs, cb, thr = cs[last], cb[last], s_sorted[last]
keep = cb > 0
cs, cb, thr = cs[keep], cb[keep], thr[keep]
br = 10.0
ams = np.sqrt(2 * ((cs + cb + br) * np.log1p(cs / (cb + br)) - cs))
i = int(np.argmax(ams))
out["ams_best"] = float(ams[i])
out["ams_threshold"] = float(thr[i])
out["ams_s"] = float(cs[i])
out["ams_b"] = float(cb[i])

# KS: signal scores of even vs odd EventIds (a random split: should be compatible).
sig = y == 1
even = sig & (eid % 2 == 0)
odd = sig & (eid % 2 == 1)
r = stats.ks_2samp(score[even], score[odd])
out["ks_even_odd_statistic"] = float(r.statistic)
out["ks_even_odd_pvalue"] = float(r.pvalue)
# And signal against background (very different): asymptotic mode.
r = stats.ks_2samp(score[sig], score[~sig], method="asymp")
out["ks_sig_bkg_statistic"] = float(r.statistic)
out["ks_sig_bkg_pvalue"] = float(r.pvalue)

with open("golden_higgsml.json", "w") as fh:
    json.dump(out, fh, indent=1)
print(json.dumps(out, indent=1))
