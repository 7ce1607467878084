#!/usr/bin/env python3
"""Golden values for hadron-eval's metric tests, from scikit-learn, SciPy and NumPy.

Run from this folder with the system Python (scikit-learn 1.2, SciPy 1.10, NumPy 1.24 were used):
    /usr/bin/python3 make_golden.py
It writes golden.json: every input and every reference output, so the Java tests need no Python.
"""
import json
import math

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn import metrics
from sklearn.calibration import calibration_curve

rng = np.random.default_rng(20240611)
out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__}}


def lst(a):
    return [float(v) if not (isinstance(v, float) and math.isinf(v)) else ("inf" if v > 0 else "-inf") for v in np.asarray(a, dtype=float).ravel()]


def binary_case(name, n, weights, decimals):
    y = (rng.random(n) < 0.4).astype(int)
    s = rng.normal(loc=y * 0.8, scale=1.0)
    s = np.round(s, decimals)  # ties within and across classes
    w = None
    if weights == "positive":
        w = rng.uniform(0.1, 2.0, n)
    elif weights == "negative":
        w = rng.uniform(0.1, 2.0, n) * np.where(rng.random(n) < 0.15, -1.0, 1.0)
    case = {"labels": y.tolist(), "scores": lst(s), "weights": None if w is None else lst(w)}
    fpr, tpr, thr = metrics.roc_curve(y, s, sample_weight=w)
    case["roc"] = {"fpr": lst(fpr), "tpr": lst(tpr), "thresholds": lst(thr[1:])}
    fpr, tpr, thr = metrics.roc_curve(y, s, sample_weight=w, drop_intermediate=False)
    case["roc_full"] = {"fpr": lst(fpr), "tpr": lst(tpr), "thresholds": lst(thr[1:])}
    if weights == "negative":
        # roc_auc_score refuses a non-monotone curve; the signed trapezoid along the threshold order is
        # the weighted Mann-Whitney statistic, computed here by brute force as the reference.
        sig = y == 1
        ws, wb = w[sig], w[~sig]
        ss, sb = s[sig], s[~sig]
        gt = (ss[:, None] > sb[None, :]).astype(float) + 0.5 * (ss[:, None] == sb[None, :])
        case["auc"] = float(ws @ gt @ wb / (ws.sum() * wb.sum()))
        case["auc_trapz"] = float(np.trapz(tpr, fpr))
    else:
        case["auc"] = float(metrics.roc_auc_score(y, s, sample_weight=w))
    # binary confusion matrix at a threshold, and precision / recall / F1 of the signal class
    thr0 = 0.4
    p = (s >= thr0).astype(int)
    case["threshold"] = thr0
    case["confusion"] = metrics.confusion_matrix(y, p, sample_weight=w).tolist()
    if weights != "negative":
        case["precision"] = float(metrics.precision_score(y, p, sample_weight=w))
        case["recall"] = float(metrics.recall_score(y, p, sample_weight=w))
        case["f1"] = float(metrics.f1_score(y, p, sample_weight=w))
        case["accuracy"] = float(metrics.accuracy_score(y, p, sample_weight=w))
    out[name] = case


binary_case("binary_unweighted", 400, None, 1)
binary_case("binary_weighted", 500, "positive", 2)
binary_case("binary_negative_weights", 300, "negative", 1)
binary_case("binary_no_ties", 250, "positive", 12)

# multi-class: one-vs-rest AUC, confusion matrices, averaged precision / recall / F1
n, k = 600, 3
y = rng.integers(0, k, n)
logits = rng.normal(size=(n, k)) + 1.2 * np.eye(k)[y]
logits = np.round(logits, 1)
p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
w = rng.uniform(0.2, 3.0, n)
pred = p.argmax(axis=1)
mc = {"labels": y.tolist(), "scores": lst(p), "k": k, "weights": lst(w)}
mc["auc_ovr_macro"] = float(metrics.roc_auc_score(y, p, multi_class="ovr", average="macro", sample_weight=w))
mc["auc_ovr_weighted"] = float(metrics.roc_auc_score(y, p, multi_class="ovr", average="weighted", sample_weight=w))
mc["auc_ovr_macro_unweighted"] = float(metrics.roc_auc_score(y, p, multi_class="ovr", average="macro"))
mc["confusion"] = metrics.confusion_matrix(y, pred, sample_weight=w).tolist()
for norm in ["true", "pred", "all"]:
    mc["confusion_" + norm] = metrics.confusion_matrix(y, pred, sample_weight=w, normalize=norm).tolist()
pr, rc, f1, sup = metrics.precision_recall_fscore_support(y, pred, sample_weight=w, zero_division=0)
mc["precision"], mc["recall"], mc["f1"] = lst(pr), lst(rc), lst(f1)
for avg in ["macro", "weighted", "micro"]:
    a = metrics.precision_recall_fscore_support(y, pred, sample_weight=w, average=avg, zero_division=0)
    mc["precision_" + avg], mc["recall_" + avg], mc["f1_" + avg] = float(a[0]), float(a[1]), float(a[2])
mc["accuracy"] = float(metrics.accuracy_score(y, pred, sample_weight=w))
out["multiclass"] = mc

# regression, single and multi-output
n = 300
t = rng.normal(size=n) * 3 + 1
pr1 = t + rng.normal(size=n)
w = rng.uniform(0.5, 2.0, n)
reg = {"targets": lst(t), "predictions": lst(pr1), "weights": lst(w)}
reg["r2"] = float(metrics.r2_score(t, pr1, sample_weight=w))
reg["r2_unweighted"] = float(metrics.r2_score(t, pr1))
reg["mae"] = float(metrics.mean_absolute_error(t, pr1, sample_weight=w))
reg["mse"] = float(metrics.mean_squared_error(t, pr1, sample_weight=w))
t2 = np.stack([t, rng.normal(size=n)], axis=1)
p2 = t2 + rng.normal(size=(n, 2)) * np.array([0.5, 2.0])
reg["targets2"], reg["predictions2"] = lst(t2), lst(p2)
reg["r2_multi"] = float(metrics.r2_score(t2, p2, sample_weight=w))
reg["r2_multi_raw"] = lst(metrics.r2_score(t2, p2, sample_weight=w, multioutput="raw_values"))
reg["mae_multi"] = float(metrics.mean_absolute_error(t2, p2, sample_weight=w))
reg["mse_multi"] = float(metrics.mean_squared_error(t2, p2, sample_weight=w))
reg["rmse_multi"] = float(metrics.mean_squared_error(t2, p2, sample_weight=w, squared=False))
out["regression"] = reg

# calibration curves (scikit-learn has no weights here)
n = 500
prob = rng.beta(2, 3, n)
yc = (rng.random(n) < prob ** 1.3).astype(int)
prob[:5] = [0.2, 0.4, 0.0, 1.0, 0.6]  # values on uniform bin edges
cal = {"labels": yc.tolist(), "probs": lst(prob)}
for strategy in ["uniform", "quantile"]:
    pt, pp = calibration_curve(yc, prob, n_bins=7 if strategy == "quantile" else 5, strategy=strategy)
    cal[strategy] = {"prob_true": lst(pt), "prob_pred": lst(pp)}
out["calibration"] = cal

# two-sample Kolmogorov-Smirnov tests
ks = []


def ks_case(a, b, method):
    r = stats.ks_2samp(a, b, method=method)
    ks.append({"a": lst(a), "b": lst(b), "method": method, "statistic": float(r.statistic), "pvalue": float(r.pvalue)})


def lcg_uniform(seed, n):
    """Uniform doubles in [0, 1) from a 64-bit LCG (Knuth's MMIX constants), top 53 bits; the Java test
    regenerates the same numbers bit for bit, so large samples need not be stored."""
    x = seed & 0xFFFFFFFFFFFFFFFF
    u = np.empty(n)
    for i in range(n):
        x = (6364136223846793005 * x + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        u[i] = (x >> 11) * 2.0 ** -53
    return u


def ks_lcg_case(seed1, n1, seed2, n2, shift, method):
    a = lcg_uniform(seed1, n1)
    b = lcg_uniform(seed2, n2) + shift
    r = stats.ks_2samp(a, b, method=method)
    ks.append({"lcg": [seed1, n1, seed2, n2, shift], "method": method, "statistic": float(r.statistic), "pvalue": float(r.pvalue)})


ks_case(rng.normal(size=50), rng.normal(0.3, 1, size=50), "auto")        # equal sizes, exact
ks_case(rng.normal(size=40), rng.normal(0.2, 1.1, size=73), "auto")      # unequal, exact
ks_case(np.round(rng.normal(size=120), 1), np.round(rng.normal(size=95), 1), "auto")  # ties
ks_case(rng.normal(size=80), rng.normal(size=60), "asymp")               # n_eff 34: Durbin/Pomeranz
ks_case(rng.normal(size=300), rng.normal(0.25, 1, size=200), "asymp")    # n_eff 120
ks_lcg_case(11, 12000, 12, 9000, 0.004, "auto")   # large: asymptotic, n_eff 5143
ks_lcg_case(13, 20000, 14, 150, 0.06, "auto")     # asymptotic, n_eff 149
ks_lcg_case(15, 15000, 16, 11000, 0.0, "auto")    # asymptotic, same distribution
ks_lcg_case(17, 3000, 18, 2500, 0.01, "exact")    # large exact, unequal sizes
ks_lcg_case(19, 2000, 20, 2000, 0.02, "exact")    # large exact, equal sizes
ks_case(rng.normal(size=30), rng.normal(3, 1, size=30), "auto")          # disjoint: tiny p
s = rng.normal(size=64)
ks_case(s, s.copy(), "auto")                                              # identical: D = 0
out["ks"] = ks

# the one-sample two-sided Kolmogorov distribution (kstwo) and its limit (kstwobign) over all regimes
grid = []
for nn in [1, 2, 3, 5, 10, 37, 100, 140, 141, 500, 1000, 5000, 100000, 200000]:
    for x in [0.001, 0.01, 0.03, 0.05, 0.08, 0.1, 0.2, 0.3, 0.45, 0.5, 0.7, 0.95]:
        grid.append({"n": nn, "x": x, "sf": float(stats.kstwo.sf(x, nn))})
out["kstwo"] = grid
out["kstwobign"] = [{"x": x, "sf": float(stats.kstwobign.sf(x))} for x in [0.05, 0.3, 0.6, 0.9, 1.0, 1.2, 1.8, 3.0]]

# weighted correlation
n = 400
x = rng.normal(size=(n, 4))
x[:, 1] += 0.7 * x[:, 0]
x[:, 3] = -0.5 * x[:, 2] + 0.3 * rng.normal(size=n)
w = rng.uniform(0.1, 2.0, n)
cov = np.cov(x, rowvar=False, aweights=w)
d = np.sqrt(np.diag(cov))
out["correlation"] = {"x": lst(x), "n": n, "f": 4, "weights": lst(w), "weighted": lst(cov / np.outer(d, d)),
                      "unweighted": lst(np.corrcoef(x, rowvar=False))}

with open("golden.json", "w") as fh:
    json.dump(out, fh)
print("wrote golden.json")
