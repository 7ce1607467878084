#!/usr/bin/env python3
"""Golden reference values for the classic methods of hadron-ml, computed with scikit-learn.

Run from anywhere:  /usr/bin/python3 make_golden.py [fixed linear logistic fisher kmeans pca knn gp svm]
(needs numpy, scipy, scikit-learn). "fixed" writes fixed.json from small synthetic inputs stored in
the JSON itself, so those comparisons run even without the data folder.
It reads the real samples in <repo root>/../shared/data and writes the *.json files next to this
script; the Java tests (dev.hadron.ml.RealData) prepare the data exactly the same way:

* UCI HIGGS (csv/higgs-uci/binary.train, tab-separated, label first, 28 features; weights in
  binary.train.weight): rows 0..4999 train, rows 5000..6999 test.
* ATLAS Higgs ML (csv/atlas-higgsml/train_sml_sig.csv then train_sml_bg.csv, 9998 rows): the 30
  features, Weight, Label (s = 1, b = 0). Row i (in that order) is a test row if i % 4 == 0, else a
  train row. Missing values (-999) are imputed with the mean of the observed training values of the
  column (sklearn SimpleImputer(strategy="mean")); none of these methods handles missing values.
  "Balanced" training weights rescale Weight so that each class sums to half the number of training rows.
* Standardization: (x - mean) / std with the training mean and population std (StandardScaler).
"""
import json
import os
import sys

import numpy as np
import scipy
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import (RBF, ConstantKernel, DotProduct, Matern, RationalQuadratic,
                                              WhiteKernel)
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.svm import SVC

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, *[".."] * 8))
DATA = os.path.join(REPO, "..", "shared", "data")


def higgs():
    a = np.loadtxt(os.path.join(DATA, "csv/higgs-uci/binary.train"), delimiter="\t")
    w = np.loadtxt(os.path.join(DATA, "csv/higgs-uci/binary.train.weight"))
    y = a[:, 0].astype(int)
    x = a[:, 1:]
    return (x[:5000], y[:5000], w[:5000]), (x[5000:], y[5000:], w[5000:])


def atlas():
    rows = []
    for name in ["train_sml_sig.csv", "train_sml_bg.csv"]:
        with open(os.path.join(DATA, "csv/atlas-higgsml", name)) as fh:
            header = fh.readline().strip().split(",")
            for line in fh:
                rows.append(line.strip().split(","))
    x = np.array([[float(v) for v in r[1:31]] for r in rows])
    w = np.array([float(r[31]) for r in rows])
    y = np.array([1 if r[32] == "s" else 0 for r in rows])
    test = np.arange(len(rows)) % 4 == 0
    xtr, xte = x[~test].copy(), x[test].copy()
    for j in range(x.shape[1]):
        observed = xtr[:, j] != -999.0
        mean = xtr[observed, j].mean()
        xtr[~observed, j] = mean
        xte[xte[:, j] == -999.0, j] = mean
    return (xtr, y[~test], w[~test]), (xte, y[test], w[test]), header[1:31]


def standardize(train, *others):
    mean = train.mean(axis=0)
    std = train.std(axis=0)
    std[std == 0] = 1
    return [(a - mean) / std for a in (train,) + others]


def balanced(y, w):
    out = w.copy()
    for c in (0, 1):
        out[y == c] *= (len(y) / 2) / w[y == c].sum()
    return out


def weighted_auc(y, score, w=None):
    return float(roc_auc_score(y, score, sample_weight=w))


def lst(a):
    return np.asarray(a, dtype=float).ravel().tolist()


def write(name, payload):
    payload = {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__, **payload}
    with open(os.path.join(HERE, name), "w") as fh:
        json.dump(payload, fh, indent=1)
    print("wrote", name)


def linear_models(h):
    (xtr, ytr, wtr), (xte, yte, wte) = h
    # regression task: m_wwbb (feature 27) from the 21 low-level features (0..20), standardized
    s_tr, s_te = standardize(xtr[:, :21], xte[:, :21])
    t_tr, t_te = xtr[:, 27], xte[:, 27]
    out = {}
    models = {
        "ols": LinearRegression(),
        "ridge": Ridge(alpha=10.0),
        "lasso": Lasso(alpha=0.01, tol=1e-12, max_iter=100000),
        "elastic_net": ElasticNet(alpha=0.02, l1_ratio=0.5, tol=1e-12, max_iter=100000),
        "lasso_default_tol": Lasso(alpha=0.005),
    }
    for key, m in models.items():
        m.fit(s_tr, t_tr, sample_weight=wtr)
        pred = m.predict(s_te)
        out[key] = {"coef": lst(m.coef_), "intercept": float(m.intercept_), "test_r2": float(r2_score(t_te, pred)),
                    "test_pred_head": lst(pred[:20])}
    # weighted ridge / lasso on ATLAS: DER_pt_h (feature 3) from the PRI_ features 13..21, balanced weights
    (a_tr, ay_tr, aw_tr), (a_te, ay_te, aw_te), names = atlas()
    cols = list(range(13, 22))
    as_tr, as_te = standardize(a_tr[:, cols], a_te[:, cols])
    bw = balanced(ay_tr, aw_tr)
    for key, m in {"atlas_ridge": Ridge(alpha=5.0), "atlas_lasso": Lasso(alpha=0.5, tol=1e-12, max_iter=100000)}.items():
        m.fit(as_tr, a_tr[:, 3], sample_weight=bw)
        pred = m.predict(as_te)
        out[key] = {"coef": lst(m.coef_), "intercept": float(m.intercept_),
                    "test_r2": float(r2_score(a_te[:, 3], pred, sample_weight=aw_te))}
    write("linear.json", out)


def logistic(h):
    # The tight L2 references use solver="newton-cg": scikit-learn 1.2's "lbfgs" stops on SciPy's
    # relative-function-change rule long before tol=1e-12 is met (coefficients off by ~1e-4 relative).
    # "l2_default" keeps scikit-learn's defaults (lbfgs, tol=1e-4) for the held-out comparison.
    (xtr, ytr, wtr), (xte, yte, wte) = h
    s_tr, s_te = standardize(xtr, xte)
    out = {}
    models = {
        "l2_c1": LogisticRegression(C=1.0, solver="newton-cg", tol=1e-12, max_iter=100000),
        "l2_c001": LogisticRegression(C=0.01, solver="newton-cg", tol=1e-12, max_iter=100000),
        "l1_c005": LogisticRegression(penalty="l1", C=0.05, solver="saga", tol=1e-10, max_iter=200000),
        "enet_c005": LogisticRegression(penalty="elasticnet", l1_ratio=0.5, C=0.05, solver="saga", tol=1e-10,
                                        max_iter=200000),
        "l2_default": LogisticRegression(),
    }
    for key, m in models.items():
        m.fit(s_tr, ytr, sample_weight=wtr)
        p = m.predict_proba(s_te)[:, 1]
        out[key] = {"coef": lst(m.coef_), "intercept": lst(m.intercept_), "test_auc": weighted_auc(yte, p),
                    "test_proba_head": lst(p[:20])}
    (a_tr, ay_tr, aw_tr), (a_te, ay_te, aw_te), names = atlas()
    as_tr, as_te = standardize(a_tr, a_te)
    m = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-12, max_iter=100000).fit(as_tr, ay_tr, sample_weight=balanced(ay_tr, aw_tr))
    p = m.predict_proba(as_te)[:, 1]
    out["atlas_l2_balanced"] = {"coef": lst(m.coef_), "intercept": lst(m.intercept_),
                                "test_auc_weighted": weighted_auc(ay_te, p, aw_te)}
    # multinomial: jet multiplicity PRI_jet_num (feature 22) from the 17 features unrelated to jets
    cols = [1, 2, 3, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21]
    ms_tr, ms_te = standardize(a_tr[:, cols], a_te[:, cols])
    jt, je = a_tr[:, 22].astype(int), a_te[:, 22].astype(int)
    for key, m in {"multinomial_l2": LogisticRegression(C=1.0, solver="newton-cg", tol=1e-12, max_iter=100000),
                   "multinomial_l1": LogisticRegression(penalty="l1", C=0.1, solver="saga", tol=1e-10,
                                                        max_iter=200000)}.items():
        m.fit(ms_tr, jt, sample_weight=aw_tr)
        p = m.predict_proba(ms_te)
        out[key] = {"coef": lst(m.coef_), "intercept": lst(m.intercept_),
                    "test_accuracy": float((p.argmax(1) == je).mean()), "test_proba_head": lst(p[:10])}
    write("logistic.json", out)


def fisher(h):
    (xtr, ytr, wtr), (xte, yte, wte) = h
    out = {}
    lda = LinearDiscriminantAnalysis(solver="lsqr").fit(xtr, ytr)
    p = lda.predict_proba(xte)[:, 1]
    out["higgs_lda"] = {"test_auc": weighted_auc(yte, p), "test_proba_head": lst(p[:20]), "coef": lst(lda.coef_),
                        "intercept": lst(lda.intercept_)}
    # TMVA's Fisher coefficients (MethodFisher::GetFisherCoeff), with event weights, by numpy. DER_sum_pt
    # (feature 9) is left out: it is the sum of PRI_tau_pt, PRI_lep_pt and PRI_jet_all_pt, which would make
    # the covariance singular up to the rounding of the file.
    (a_tr, ay_tr, aw_tr), (a_te, ay_te, aw_te), names = atlas()
    keep = [j for j in range(30) if j != 9]
    a_tr, a_te = a_tr[:, keep], a_te[:, keep]
    bw = balanced(ay_tr, aw_tr)
    for key, method in (("atlas_fisher", "fisher"), ("atlas_mahalanobis", "mahalanobis")):
        ws, wb = bw[ay_tr == 1].sum(), bw[ay_tr == 0].sum()
        ms = np.average(a_tr[ay_tr == 1], axis=0, weights=bw[ay_tr == 1])
        mb = np.average(a_tr[ay_tr == 0], axis=0, weights=bw[ay_tr == 0])
        ds, db = a_tr[ay_tr == 1] - ms, a_tr[ay_tr == 0] - mb
        within = ((ds * bw[ay_tr == 1, None]).T @ ds + (db * bw[ay_tr == 0, None]).T @ db) / (ws + wb)
        mall = (ws * ms + wb * mb) / (ws + wb)
        between = (ws * np.outer(ms - mall, ms - mall) + wb * np.outer(mb - mall, mb - mall)) / (ws + wb)
        mat = within if method == "fisher" else within + between
        coef = np.sqrt(ws * wb) / (ws + wb) * np.linalg.solve(mat, ms - mb)
        f0 = -0.5 * coef @ (ms + mb)
        score = a_te @ coef + f0
        out[key] = {"coef": lst(coef), "offset": float(f0), "test_auc_weighted": weighted_auc(ay_te, score, aw_te),
                    "discriminating_power": lst(np.diag(between) / np.diag(within + between))}
    write("fisher.json", out)


def kmeans(h):
    (xtr, ytr, wtr), (xte, yte, wte) = h
    s_tr, s_te = standardize(xtr, xte)
    out = {}
    init = s_tr[:4]
    for key, w in (("given_init", None), ("given_init_weighted", wtr)):
        km = KMeans(n_clusters=4, init=init, n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd")
        km.fit(s_tr, sample_weight=w)
        out[key] = {"inertia": float(km.inertia_), "n_iter": int(km.n_iter_), "centers": lst(km.cluster_centers_),
                    "test_labels_head": [int(v) for v in km.predict(s_te[:50])]}
    inertias = []
    for seed in range(5):
        km = KMeans(n_clusters=4, n_init=10, random_state=seed, algorithm="lloyd").fit(s_tr)
        inertias.append(float(km.inertia_))
    out["kmeanspp_n_init10"] = {"inertia_by_seed": inertias}
    write("kmeans.json", out)


def pca(h):
    (xtr, ytr, wtr), (xte, yte, wte) = h
    s_tr, s_te = standardize(xtr, xte)
    out = {}
    for key, kw in (("higgs_10", dict(n_components=10)), ("higgs_whiten_5", dict(n_components=5, whiten=True)),
                    ("higgs_var_0_8", dict(n_components=0.8))):
        p = PCA(svd_solver="full", **kw).fit(s_tr)
        out[key] = {"components": lst(p.components_), "explained_variance": lst(p.explained_variance_),
                    "explained_variance_ratio": lst(p.explained_variance_ratio_),
                    "noise_variance": float(p.noise_variance_), "n_components": int(p.n_components_),
                    "test_transform_head": lst(p.transform(s_te[:5]))}
    write("pca.json", out)


def knn(h):
    (xtr, ytr, wtr), (xte, yte, wte) = h
    s_tr, s_te = standardize(xtr, xte)
    out = {}
    for key, weights in (("k25_uniform", "uniform"), ("k25_distance", "distance")):
        m = KNeighborsClassifier(n_neighbors=25, weights=weights, algorithm="brute").fit(s_tr, ytr)
        p = m.predict_proba(s_te)[:, 1]
        out[key] = {"test_auc": weighted_auc(yte, p), "test_proba": lst(p)}
    # low dimension (k-d tree): m_jj, m_jjj, m_wbb
    cols = [21, 22, 26]
    l_tr, l_te = standardize(xtr[:, cols], xte[:, cols])
    m = KNeighborsClassifier(n_neighbors=15, algorithm="kd_tree").fit(l_tr, ytr)
    p = m.predict_proba(l_te)[:, 1]
    out["lowdim_k15"] = {"test_auc": weighted_auc(yte, p), "test_proba": lst(p)}
    r_tr, r_te = standardize(xtr[:, :21], xte[:, :21])
    for key, weights in (("regression_k10_uniform", "uniform"), ("regression_k10_distance", "distance")):
        m = KNeighborsRegressor(n_neighbors=10, weights=weights, algorithm="brute").fit(r_tr, xtr[:, 27])
        pred = m.predict(r_te)
        out[key] = {"test_r2": float(r2_score(xte[:, 27], pred)), "test_pred_head": lst(pred[:50])}
    write("knn.json", out)


def gp(h):
    (xtr, ytr, wtr), (xte, yte, wte) = h
    cols = list(range(21, 27))
    s_tr, s_te = standardize(xtr[:300, cols], xte[:100, cols])
    t_tr = xtr[:300, 27]
    t_te = xte[:100, 27]
    fixed = {
        "c_rbf_white": (ConstantKernel(0.8) * RBF(1.5) + WhiteKernel(0.05), False, 1e-10),
        "matern15_white": (Matern(1.0, nu=1.5) + WhiteKernel(0.05), True, 1e-10),
        "matern25_c": (ConstantKernel(0.5) * Matern(2.0, nu=2.5), False, 1e-2),
        "matern05": (Matern(1.2, nu=0.5), True, 1e-2),
        "rq_white": (RationalQuadratic(length_scale=1.0, alpha=0.7) + WhiteKernel(0.1), True, 1e-10),
        "poly2_white": (DotProduct(sigma_0=1.0) ** 2 + WhiteKernel(0.5), False, 1e-10),
        "rbf_times_dot": (RBF(2.0) * DotProduct(0.5) + WhiteKernel(0.2), True, 1e-10),
    }
    out = {"fixed": {}, "optimized": {}}
    for key, (kernel, normalize, alpha) in fixed.items():
        g = GaussianProcessRegressor(kernel=kernel, optimizer=None, normalize_y=normalize, alpha=alpha).fit(s_tr, t_tr)
        mean, std = g.predict(s_te, return_std=True)
        lml, grad = g.log_marginal_likelihood(g.kernel_.theta, eval_gradient=True)
        out["fixed"][key] = {"mean": lst(mean), "std": lst(std), "lml": float(lml), "lml_gradient": lst(grad),
                             "theta": lst(g.kernel_.theta), "normalize_y": normalize, "alpha": alpha,
                             "kernel": str(kernel)}
    for key, (kernel, normalize, restarts) in {
        "c_rbf_white": (ConstantKernel(1.0) * RBF(1.0) + WhiteKernel(0.1), False, 0),
        "matern25_white_norm": (ConstantKernel(1.0) * Matern(1.0, nu=2.5) + WhiteKernel(0.1), True, 0),
        "rq_white_restarts": (ConstantKernel(1.0) * RationalQuadratic(1.0, 1.0) + WhiteKernel(0.1), True, 4),
    }.items():
        g = GaussianProcessRegressor(kernel=kernel, normalize_y=normalize, n_restarts_optimizer=restarts,
                                     random_state=0).fit(s_tr, t_tr)
        mean, std = g.predict(s_te, return_std=True)
        params = {k: float(v) for k, v in g.kernel_.get_params().items()
                  if isinstance(v, float) and not k.endswith("bounds")}
        out["optimized"][key] = {"lml": float(g.log_marginal_likelihood_value_), "params": params,
                                 "test_rmse": float(np.sqrt(np.mean((mean - t_te) ** 2))), "mean": lst(mean),
                                 "std": lst(std), "kernel": str(g.kernel_), "restarts": restarts}
    write("gp.json", out)


def svm(h):
    (xtr, ytr, wtr), (xte, yte, wte) = h
    s_tr, s_te = standardize(xtr[:2000], xte[:1000])
    y_tr, y_te = ytr[:2000], yte[:1000]
    out = {}
    for key, kw in (("rbf_c1", dict(kernel="rbf", C=1.0)),
                    ("linear_c01", dict(kernel="linear", C=0.1)),
                    ("poly3_c05", dict(kernel="poly", degree=3, coef0=1.0, C=0.5))):
        m = SVC(tol=1e-5, **kw).fit(s_tr, y_tr, sample_weight=wtr[:2000])
        dec = m.decision_function(s_te)
        out[key] = {"decision": lst(dec), "test_auc": weighted_auc(y_te, dec), "n_support": int(m.n_support_.sum()),
                    "gamma": float(m._gamma)}
    m = SVC(C=1.0, probability=True, random_state=0).fit(s_tr, y_tr)
    p = m.predict_proba(s_te)[:, 1]
    out["rbf_probability"] = {"test_auc": weighted_auc(y_te, p), "test_accuracy": float((m.predict(s_te) == y_te).mean())}
    (a_tr, ay_tr, aw_tr), (a_te, ay_te, aw_te), names = atlas()
    # every 4th training row: the file lists signal first, so a head would hold one class only
    sub = slice(None, None, 4)
    as_tr, as_te = standardize(a_tr[sub], a_te)
    bw = balanced(ay_tr[sub], aw_tr[sub])
    m = SVC(C=1.0, tol=1e-5).fit(as_tr, ay_tr[sub], sample_weight=bw)
    dec = m.decision_function(as_te)
    out["atlas_rbf_balanced"] = {"decision_head": lst(dec[:200]), "test_auc_weighted": weighted_auc(ay_te, dec, aw_te),
                                 "n_support": int(m.n_support_.sum())}
    # multiclass (one-against-one): jet multiplicity from the non-jet features
    cols = [1, 2, 3, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21]
    sub = slice(None, None, 5)
    ms_tr, ms_te = standardize(a_tr[sub][:, cols], a_te[:, cols])
    jt, je = a_tr[sub, 22].astype(int), a_te[:, 22].astype(int)
    m = SVC(C=3.0, tol=1e-5).fit(ms_tr, jt)
    out["atlas_multiclass"] = {"decision_head": lst(m.decision_function(ms_te[:50])),
                               "test_accuracy": float((m.predict(ms_te) == je).mean()),
                               "test_predict_head": [int(v) for v in m.predict(ms_te[:200])]}
    write("svm.json", out)


def fixed(_h=None):
    """Small synthetic inputs written into the JSON itself, so these comparisons run without the data folder."""
    rng = np.random.default_rng(20240601)
    n, f = 80, 4
    x = np.round(rng.normal(size=(n, f)), 4)
    w = np.round(rng.uniform(0.5, 2.0, size=n), 3)
    t = np.round(x @ np.array([1.5, -2.0, 0.0, 0.7]) + 0.3 * np.sin(3 * x[:, 2]) + rng.normal(0, 0.2, n), 4)
    yb = (x[:, 0] - x[:, 1] + 0.8 * rng.normal(size=n) > 0).astype(int)
    ym = np.digitize(x[:, 0] + 0.5 * x[:, 3] + 0.5 * rng.normal(size=n), [-0.6, 0.6])
    xq = np.round(rng.normal(size=(15, f)), 4)
    out = {"x": lst(x), "w": lst(w), "target": lst(t), "binary": [int(v) for v in yb], "multiclass": [int(v) for v in ym],
           "query": lst(xq), "n": n, "features": f, "queries": len(xq)}
    reg = {"ols": LinearRegression(), "ridge": Ridge(alpha=2.0), "lasso": Lasso(alpha=0.05, tol=1e-12, max_iter=100000),
           "elastic_net": ElasticNet(alpha=0.1, l1_ratio=0.3, tol=1e-12, max_iter=100000)}
    for key, m in reg.items():
        m.fit(x, t, sample_weight=w)
        out[key] = {"coef": lst(m.coef_), "intercept": float(m.intercept_), "predict": lst(m.predict(xq))}
    for key, m, y in (("logistic_binary", LogisticRegression(C=0.5, solver="newton-cg", tol=1e-12, max_iter=10000), yb),
                      ("logistic_multinomial", LogisticRegression(C=2.0, solver="newton-cg", tol=1e-12, max_iter=10000), ym)):
        m.fit(x, y, sample_weight=w)
        out[key] = {"coef": lst(m.coef_), "intercept": lst(m.intercept_), "proba": lst(m.predict_proba(xq))}
    lda = LinearDiscriminantAnalysis(solver="lsqr").fit(x, yb)
    out["lda"] = {"proba": lst(lda.predict_proba(xq))}
    km = KMeans(n_clusters=3, init=x[:3], n_init=1, algorithm="lloyd").fit(x, sample_weight=w)
    out["kmeans"] = {"centers": lst(km.cluster_centers_), "inertia": float(km.inertia_), "predict": [int(v) for v in km.predict(xq)]}
    pca = PCA(n_components=3, whiten=True, svd_solver="full").fit(x)
    out["pca"] = {"components": lst(pca.components_), "explained_variance": lst(pca.explained_variance_),
                  "transform": lst(pca.transform(xq))}
    out["knn_classifier"] = {"proba": lst(KNeighborsClassifier(n_neighbors=7, weights="distance").fit(x, ym).predict_proba(xq))}
    out["knn_regressor"] = {"predict": lst(KNeighborsRegressor(n_neighbors=5).fit(x, t).predict(xq))}
    g = GaussianProcessRegressor(kernel=ConstantKernel(2.0) * Matern(1.3, nu=1.5) + WhiteKernel(0.1), optimizer=None,
                                 normalize_y=True).fit(x, t)
    mean, std = g.predict(xq, return_std=True)
    out["gp"] = {"mean": lst(mean), "std": lst(std), "lml": float(g.log_marginal_likelihood_value_)}
    svc = SVC(C=2.0, gamma=0.3, tol=1e-8).fit(x, yb, sample_weight=w)
    out["svc_rbf"] = {"decision": lst(svc.decision_function(xq)), "n_support": int(svc.n_support_.sum())}
    write("fixed.json", out)


def main():
    if not os.path.isdir(DATA):
        sys.exit("data folder " + DATA + " not found")
    h = higgs()
    which = sys.argv[1:] or ["fixed", "linear", "logistic", "fisher", "kmeans", "pca", "knn", "gp", "svm"]
    for name in which:
        {"linear": linear_models, "logistic": logistic, "fisher": fisher, "kmeans": kmeans, "pca": pca, "knn": knn,
         "gp": gp, "svm": svm, "fixed": fixed}[name](h)


if __name__ == "__main__":
    main()
