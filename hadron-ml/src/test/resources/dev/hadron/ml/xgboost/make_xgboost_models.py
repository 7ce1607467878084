#!/usr/bin/env python3
"""Small models saved by XGBoost (Python) with their inputs and XGBoost's predictions, for XGBoostJsonTest.

Run from this folder:  /usr/bin/python3 make_xgboost_models.py
With an argument, instead checks a model written by Hadron:  make_xgboost_models.py hadron.json inputs.json
(prints XGBoost's predictions as JSON so a test can compare them with Hadron's).
Missing inputs are written as null (JSON has no NaN).
"""
import json
import sys

import numpy as np
import xgboost as xgb


def data(rng, n, f):
    x = rng.normal(size=(n, f)).astype(np.float32)
    x[rng.random((n, f)) < 0.1] = np.nan          # missing values everywhere
    x[:, 2] = np.round(x[:, 2] * 2) / 2           # a coarse feature (ties, few distinct values)
    return x


def rows(x):
    return [[None if np.isnan(v) else float(v) for v in r] for r in x]


def save(name, booster, x, extra=None):
    booster.save_model(name + ".json")
    d = xgb.DMatrix(x, missing=np.nan)
    out = {"inputs": rows(x),
           "margin": booster.predict(d, output_margin=True).astype(float).tolist(),
           "prediction": booster.predict(d).astype(float).tolist(),
           "xgboost": xgb.__version__}
    if extra:
        out.update(extra)
    with open(name + ".expected.json", "w") as fh:
        json.dump(out, fh)


def main():
    rng = np.random.default_rng(7)
    x = data(rng, 600, 5)
    x0 = np.nan_to_num(x)
    xt = data(rng, 200, 5)
    y_bin = ((x0[:, 0] + 0.5 * x0[:, 1] * x0[:, 3] + rng.normal(0, 0.5, len(x0))) > 0).astype(int)
    y_multi = np.digitize(x0[:, 0] + x0[:, 4], [-0.7, 0.7])
    y_reg = 2 * x0[:, 0] + np.sin(3 * x0[:, 1]) + rng.standard_t(2, len(x0)) * 0.3
    w = rng.uniform(0.5, 2.0, len(x0))

    def dm(y):
        return xgb.DMatrix(x, label=y, weight=w, missing=np.nan)

    common = {"tree_method": "hist", "max_depth": 3, "eta": 0.3, "seed": 1, "nthread": 1}
    save("binary", xgb.train({**common, "objective": "binary:logistic", "base_score": 0.4}, dm(y_bin), 15), xt)
    save("multiclass", xgb.train({**common, "objective": "multi:softprob", "num_class": 3}, dm(y_multi), 8), xt)
    save("squared_error", xgb.train({**common, "objective": "reg:squarederror"}, dm(y_reg), 12), xt)
    save("pseudo_huber", xgb.train({**common, "objective": "reg:pseudohubererror", "huber_slope": 0.7,
                                    "base_score": 0.2}, dm(y_reg), 12), xt)
    save("dart", xgb.train({**common, "booster": "dart", "objective": "binary:logistic", "rate_drop": 0.3,
                            "skip_drop": 0.0, "sample_type": "uniform"}, dm(y_bin), 10), xt)


def check(model, inputs):
    booster = xgb.Booster(model_file=model)
    x = np.array([[np.nan if v is None else v for v in r] for r in json.load(open(inputs))["inputs"]],
                 dtype=np.float32)
    d = xgb.DMatrix(x, missing=np.nan)
    json.dump({"margin": booster.predict(d, output_margin=True).astype(float).tolist(),
               "prediction": booster.predict(d).astype(float).tolist()}, sys.stdout)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        check(sys.argv[1], sys.argv[2])
    else:
        main()
