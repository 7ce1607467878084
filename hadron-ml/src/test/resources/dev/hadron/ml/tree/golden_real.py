#!/usr/bin/env python3
"""Golden held-out metrics of scikit-learn and XGBoost on the real samples in ../shared/data.

Run from the repository root:  /usr/bin/python3 hadron-ml/src/test/resources/dev/hadron/ml/tree/golden_real.py
Writes golden_real.json next to this script. The splits match HepSamples.java: event i is a test
event when i % 4 == 0. Weights: UCI HIGGS per-row weights as given; ATLAS `Weight` scaled to mean 1.
Each entry: held-out weighted ROC AUC (and accuracy) with the hyperparameters listed beside it.
"""
import json
import os
import sys

import numpy as np
import sklearn
import xgboost as xgb
from sklearn.ensemble import AdaBoostClassifier, RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.ensemble import RandomForestRegressor
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.getcwd(), "..", "shared", "data")


def higgs():
    d = np.loadtxt(os.path.join(DATA, "csv/higgs-uci/binary.train"), delimiter="\t", dtype=np.float64)
    w = np.loadtxt(os.path.join(DATA, "csv/higgs-uci/binary.train.weight"), dtype=np.float64)
    return d[:, 1:].astype(np.float32), d[:, 0].astype(np.int64), w


def atlas(raw=False):
    xs, ys, ws = [], [], []
    for f in ["train_sml_sig.csv", "train_sml_bg.csv"]:
        path = os.path.join(DATA, "csv/atlas-higgsml", f)
        with open(path) as fh:
            header = fh.readline().strip().split(",")
        table = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=str)
        x = table[:, 1:31].astype(np.float32)
        if not raw:
            x[x == -999.0] = np.nan
        xs.append(x)
        ys.append((table[:, header.index("Label")] == "s").astype(np.int64))
        ws.append(table[:, header.index("Weight")].astype(np.float64))
    x, y, w = np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)
    return x, y, w * len(w) / w.sum()


def split(x, y, w):
    test = np.arange(len(y)) % 4 == 0
    return (x[~test], y[~test], w[~test]), (x[test], y[test], w[test])


def metrics(p, y, w):
    return {"auc": float(roc_auc_score(y, p, sample_weight=w)),
            "accuracy": float(np.average((p > 0.5) == (y == 1), weights=w))}


def gbdt(train, test, params):
    (x, y, w), (xt, yt, wt) = train, test
    prior = np.average(y, weights=w)
    model = xgb.XGBClassifier(n_estimators=params["trees"], max_depth=params["maxDepth"],
                              learning_rate=params["learningRate"], max_bin=params["bins"], tree_method="hist",
                              reg_lambda=params["l2"], reg_alpha=params["l1"],
                              min_child_weight=params["minChildWeight"], subsample=1.0, base_score=prior,
                              n_jobs=2, grow_policy=params["growPolicy"], max_leaves=params["maxLeaves"])
    model.fit(x, y, sample_weight=w)
    return metrics(model.predict_proba(xt)[:, 1], yt, wt)


def sk_classifier(kind, params):
    if kind == "tree":
        return DecisionTreeClassifier(criterion=params["criterion"], max_depth=params["maxDepth"] or None,
                                      min_samples_leaf=params["minSamplesLeaf"], random_state=0)
    if kind == "forest":
        return RandomForestClassifier(n_estimators=params["trees"], max_features="sqrt",
                                      min_samples_leaf=params["minSamplesLeaf"], n_jobs=2, random_state=0)
    return AdaBoostClassifier(
        DecisionTreeClassifier(max_depth=params["maxDepth"], min_weight_fraction_leaf=params["minWeightFractionLeaf"],
                               random_state=0),
        n_estimators=params["trees"], learning_rate=params["learningRate"], algorithm=params["algorithm"],
        random_state=0)


def classic(train, test, kind, params):
    (x, y, w), (xt, yt, wt) = train, test
    model = sk_classifier(kind, params)
    model.fit(x, y, sample_weight=w)
    return metrics(model.predict_proba(xt)[:, 1], yt, wt)


def r2(p, y, w):
    mean = np.average(y, weights=w)
    return float(1 - np.sum(w * (y - p) ** 2) / np.sum(w * (y - mean) ** 2))


def regression(train, test):
    """Reconstruct m_bb (HIGGS feature 25) from the 21 low-level features."""
    (x, _, w), (xt, _, wt) = train, test
    y, yt = x[:, 25].astype(np.float64), xt[:, 25].astype(np.float64)
    x, xt = x[:, :21], xt[:, :21]
    out = {}
    m = xgb.XGBRegressor(n_estimators=100, max_depth=4, learning_rate=0.1, max_bin=256, tree_method="hist",
                         reg_lambda=1.0, min_child_weight=1.0, base_score=float(np.average(y, weights=w)), n_jobs=2)
    m.fit(x, y, sample_weight=w)
    out["gbdt"] = {"r2": r2(m.predict(xt), yt, wt)}
    m = xgb.XGBRegressor(n_estimators=100, max_depth=4, learning_rate=0.1, max_bin=256, tree_method="hist",
                         objective="reg:pseudohubererror", huber_slope=0.5, reg_lambda=1.0, min_child_weight=1.0,
                         base_score=float(np.average(y, weights=w)), n_jobs=2)
    m.fit(x, y, sample_weight=w)
    out["gbdtHuber"] = {"r2": r2(m.predict(xt), yt, wt)}
    m = DecisionTreeRegressor(max_depth=8, min_samples_leaf=5, random_state=0).fit(x, y, sample_weight=w)
    out["tree"] = {"r2": r2(m.predict(xt), yt, wt)}
    m = RandomForestRegressor(n_estimators=100, max_features=1.0, min_samples_leaf=5, n_jobs=2,
                              random_state=0).fit(x, y, sample_weight=w)
    out["forest"] = {"r2": r2(m.predict(xt), yt, wt)}
    return out


CLASSIC = {
    "treeGini": ("tree", {"criterion": "gini", "maxDepth": 8, "minSamplesLeaf": 5}),
    "treeEntropy": ("tree", {"criterion": "entropy", "maxDepth": 6, "minSamplesLeaf": 10}),
    "forest": ("forest", {"trees": 200, "minSamplesLeaf": 3}),
    "adaDiscrete": ("ada", {"trees": 100, "maxDepth": 3, "learningRate": 0.5, "minWeightFractionLeaf": 0.05,
                            "algorithm": "SAMME"}),
    "adaReal": ("ada", {"trees": 100, "maxDepth": 3, "learningRate": 0.5, "minWeightFractionLeaf": 0.05,
                        "algorithm": "SAMME.R"}),
}


def main():
    out = {"versions": {"numpy": np.__version__, "sklearn": sklearn.__version__, "xgboost": xgb.__version__},
           "split": "test = event index % 4 == 0", "results": {}}
    gb_params = [
        {"trees": 100, "maxDepth": 4, "learningRate": 0.1, "bins": 256, "l1": 0.0, "l2": 1.0,
         "minChildWeight": 1.0, "growPolicy": "depthwise", "maxLeaves": 0},
        {"trees": 100, "maxDepth": 0, "learningRate": 0.1, "bins": 64, "l1": 0.5, "l2": 2.0,
         "minChildWeight": 2.0, "growPolicy": "lossguide", "maxLeaves": 15},
    ]
    for name, loader in [("higgs", higgs), ("atlas", atlas)]:
        train, test = split(*loader())
        res = {}
        for i, p in enumerate(gb_params):
            res["gbdt%d" % i] = {"params": p, **gbdt(train, test, p)}
        # scikit-learn 1.2's trees take no missing values: ATLAS keeps its -999 for them (both sides)
        ctrain, ctest = split(*atlas(raw=True)) if name == "atlas" else (train, test)
        for key, (kind, p) in CLASSIC.items():
            res[key] = {"params": p, **classic(ctrain, ctest, kind, p)}
        if name == "higgs":
            res["regression"] = regression(train, test)
        out["results"][name] = res
    with open(os.path.join(HERE, "golden_real.json"), "w") as fh:
        json.dump(out, fh, indent=1)
    json.dump(out["results"], sys.stdout, indent=1)


if __name__ == "__main__":
    main()
