#!/usr/bin/env python3
"""scikit-learn's side of the classic-methods benchmark: the same fits as ClassicBench.java, on the
data make_data.py wrote, with the same protocol (one warm-up run, then the best of REPEATS timed runs).

Prints "task <TAB> time|cpu|attributes <TAB> value" lines (best wall seconds, least process CPU
seconds over all threads) and writes each model's test scores to
DATA_DIR/sklearn_<task>.f64 for report.py. Pin the threads (run.sh does): OMP_NUM_THREADS,
OPENBLAS_NUM_THREADS.

Usage: /usr/bin/python3 bench/classic/classic_peer.py DATA_DIR [repeats, default 3] [logistic,kmeans,gp,svc,knn]
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, WhiteKernel
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC

d = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
groups = set((sys.argv[3] if len(sys.argv) > 3 else "logistic,kmeans,gp,svc,knn").split(","))
meta = json.load(open(f"{d}/meta.json"))
x = np.fromfile(f"{d}/x.f64", dtype="<f8").reshape(meta["rows"], meta["features"])
y = np.fromfile(f"{d}/y.f64", dtype="<f8").astype(np.int64)
t = np.fromfile(f"{d}/t.f64", dtype="<f8")
TEST_START = 200_000


def timed(task, fit):
    result = fit()
    best = best_cpu = float("inf")
    for _ in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        result = fit()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"{task}\ttime\t{best:.6f}\n{task}\tcpu\t{best_cpu:.6f}", flush=True)
    return result


def attributes(task, **kv):
    print(f"{task}\tattributes\t" + ";".join(f"{k}={v}" for k, v in kv.items()), flush=True)


def scores(task, s):
    np.ascontiguousarray(s, dtype="<f8").tofile(f"{d}/sklearn_{task}.f64")


if "logistic" in groups:
    lr_test = x[TEST_START:TEST_START + 100_000]
    lr = timed("logistic_l2_200k",
               lambda: LogisticRegression(C=1.0, tol=1e-4, max_iter=1000).fit(x[:200_000], y[:200_000]))
    attributes("logistic_l2_200k", iterations=int(lr.n_iter_[0]))
    scores("logistic_l2_200k", lr.decision_function(lr_test))

if "kmeans" in groups:
    km = timed("kmeans_given_init_100k",
               lambda: KMeans(n_clusters=8, init=x[:8], n_init=1, algorithm="lloyd").fit(x[:100_000]))
    attributes("kmeans_given_init_100k", inertia=repr(km.inertia_), iterations=km.n_iter_)
    scores("kmeans_given_init_100k", km.predict(x[TEST_START:TEST_START + 10_000]).astype(np.float64))

    pp = timed("kmeans_pp_ninit3_100k",
               lambda: KMeans(n_clusters=8, n_init=3, random_state=0, algorithm="lloyd").fit(x[:100_000]))
    attributes("kmeans_pp_ninit3_100k", inertia=repr(pp.inertia_))

if "gp" in groups:
    kernel = ConstantKernel(1.0) * RBF(1.0) + WhiteKernel(0.1)
    gp = timed("gp_rbf_white_1000", lambda: GaussianProcessRegressor(kernel=kernel).fit(x[:1000, :6], t[:1000]))
    attributes("gp_rbf_white_1000", log_marginal_likelihood=repr(gp.log_marginal_likelihood_value_),
               hyperparameters=",".join(f"{v:.6g}" for v in np.exp(gp.kernel_.theta)))
    scores("gp_rbf_white_1000", gp.predict(x[TEST_START:TEST_START + 2000, :6]))

if "svc" in groups:
    svm_test = x[TEST_START:TEST_START + 10_000]
    svc = timed("svc_rbf_fit_5000", lambda: SVC().fit(x[:5000], y[:5000]))
    attributes("svc_rbf_fit_5000", support_vectors=int(svc.n_support_.sum()))
    decision = timed("svc_rbf_decision_10k", lambda: svc.decision_function(svm_test))
    scores("svc_rbf_fit_5000", decision)

if "knn" in groups:
    knn_test = x[TEST_START:TEST_START + 10_000]
    proba = timed("knn25_50k_x_10k",
                  lambda: KNeighborsClassifier(n_neighbors=25).fit(x[:50_000], y[:50_000]).predict_proba(knn_test))
    scores("knn25_50k_x_10k", proba[:, 1])
