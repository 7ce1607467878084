#!/usr/bin/env python3
"""Benchmark W6 (BENCHMARKS.md), peer side: XGBoost `hist` and scikit-learn HistGradientBoosting with
W6's hyperparameters (200 trees, depth 6, learning rate 0.1, 256 bins, binary logistic), and the
random-forest row against scikit-learn, on the set written by make_higgs_like.py. Same thread count
as the Hadron side (argument 3). Prints one JSON object per measurement, median of REPEATS fits.

usage: peers.py DATA_DIR [REPEATS] [THREADS] [xgb|hgb|rf|all]
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import roc_auc_score


def timed(fit, repeats):
    times, cpu, model = [], [], None
    for _ in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        model = fit()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return model, (times, cpu)


def report(side, model_name, t, auc, version):
    times, cpu = t
    print(json.dumps({"side": side, "model": model_name, "seconds": round(float(np.median(times)), 3),
                      "cpu_seconds": round(float(np.median(cpu)), 3),
                      "all_seconds": [round(v, 3) for v in times], "auc": round(float(auc), 5),
                      "version": version}), flush=True)


def main():
    d = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    what = sys.argv[4] if len(sys.argv) > 4 else "all"
    x = np.load(os.path.join(d, "x_train.npy"))
    y = np.load(os.path.join(d, "y_train.npy"))
    xt = np.load(os.path.join(d, "x_test.npy"))
    yt = np.load(os.path.join(d, "y_test.npy"))
    if what in ("xgb", "all"):
        # base_score = training prior, as Hadron starts from the log-odds of the prior
        prior = float(y.mean())

        def fit_xgb():
            return xgb.XGBClassifier(n_estimators=200, max_depth=6, learning_rate=0.1, max_bin=256,
                                     tree_method="hist", n_jobs=threads, reg_lambda=1.0, min_child_weight=1.0,
                                     base_score=prior).fit(x, y)

        m, t = timed(fit_xgb, repeats)
        report("xgboost-hist", "gbdt", t, roc_auc_score(yt, m.predict_proba(xt)[:, 1]), xgb.__version__)
    if what in ("hgb", "all"):

        def fit_hgb():
            # depth 6 = 64 leaves at most; no early stopping; l2 = 1 as XGBoost
            return HistGradientBoostingClassifier(max_iter=200, max_depth=6, max_leaf_nodes=64, learning_rate=0.1,
                                                  max_bins=255, l2_regularization=1.0, min_samples_leaf=1,
                                                  early_stopping=False, random_state=0).fit(x, y)

        m, t = timed(fit_hgb, repeats)
        report("sklearn-hgb", "gbdt", t, roc_auc_score(yt, m.predict_proba(xt)[:, 1]), sklearn.__version__)
    if what in ("rf", "all"):
        n = 100_000

        def fit_rf():
            return RandomForestClassifier(n_estimators=100, max_features="sqrt", min_samples_leaf=5, n_jobs=threads,
                                          random_state=1).fit(x[:n], y[:n])

        m, t = timed(fit_rf, repeats)
        report("sklearn-rf", "rf", t, roc_auc_score(yt, m.predict_proba(xt)[:, 1]), sklearn.__version__)


if __name__ == "__main__":
    main()
