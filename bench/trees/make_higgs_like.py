#!/usr/bin/env python3
"""A synthetic HIGGS-shaped data set for benchmark W6, written once and read by both sides.

usage: make_higgs_like.py OUT_DIR [N_TRAIN N_TEST SEED]   (defaults 400000 100000 2024)

28 float32 features laid out like UCI HIGGS (Baldi et al. 2014): 21 "low-level" ones (lepton pT,
eta, phi; missing energy and its phi; four jets with pT, eta, phi, b-tag in {0, 1.087, 2.173}) and 7
"high-level" invariant-mass-like ones that carry resonances for the signal (m_bb near the Higgs, m_wbb
near the top, ...), smeared and only informative together with the b-tags. Labels: 53 % signal.
Writes x_train.npy (float32, n x 28), y_train.npy (float32), x_test.npy, y_test.npy.
"""
import os
import sys

import numpy as np


def generate(n, rng):
    y = (rng.random(n) < 0.53).astype(np.float32)
    s = y.astype(bool)
    x = np.empty((n, 28), dtype=np.float32)

    def gamma(shape_sig, shape_bkg, scale):
        return np.where(s, rng.gamma(shape_sig, scale, n), rng.gamma(shape_bkg, scale, n))

    def eta(sd_sig, sd_bkg):
        return np.where(s, rng.normal(0, sd_sig, n), rng.normal(0, sd_bkg, n))

    def phi():
        return rng.uniform(-np.pi, np.pi, n)

    x[:, 0] = gamma(3.2, 2.8, 0.33)          # lepton pT
    x[:, 1] = eta(1.0, 1.15)                 # lepton eta
    x[:, 2] = phi()                          # lepton phi
    x[:, 3] = gamma(3.0, 2.6, 0.35)          # missing energy
    x[:, 4] = phi()                          # its phi
    tags = []
    for j in range(4):
        base = 5 + 4 * j
        x[:, base] = gamma(3.0 - 0.3 * j, 2.7 - 0.3 * j, 0.35)
        x[:, base + 1] = eta(1.0, 1.2)
        x[:, base + 2] = phi()
        p_sig = [0.45, 0.40, 0.30, 0.25][j]
        p_bkg = [0.35, 0.30, 0.28, 0.26][j]
        u = rng.random(n)
        tagged = np.where(s, u < p_sig, u < p_bkg)
        hard = rng.random(n) < 0.5
        x[:, base + 3] = np.where(tagged, np.where(hard, 2.173, 1.087), 0.0)
        tags.append(tagged)
    two_b = (tags[0] & tags[1]) | (tags[0] & tags[2]) | (tags[1] & tags[2])
    # only part of the signal is well reconstructed; the rest looks like background in the masses
    s_all = s
    s = s_all & (rng.random(n) < RECO)
    # high-level masses: resonant for signal, broad for background; resolution depends on the b-tags
    dphi = np.abs(np.angle(np.exp(1j * (x[:, 7] - x[:, 11]))))
    mjj_kin = np.sqrt(2 * x[:, 5] * x[:, 9] * (np.cosh(x[:, 6] - x[:, 10]) - np.cos(dphi)))
    x[:, 21] = 0.6 * mjj_kin + rng.gamma(2.0, 0.25, n)                                   # m_jj
    x[:, 22] = np.where(s, rng.normal(1.02, 0.12, n), rng.gamma(4.0, 0.26, n))          # m_jjj
    x[:, 23] = np.where(s, rng.normal(0.98, 0.05, n), rng.normal(0.99, 0.09, n))        # m_lv
    x[:, 24] = np.where(s, rng.normal(0.98, 0.16, n), rng.gamma(5.0, 0.21, n))          # m_jlv
    sig_bb = np.where(two_b, rng.normal(1.0, 0.12, n), rng.gamma(3.5, 0.3, n))
    x[:, 25] = np.where(s, sig_bb, rng.gamma(3.0, 0.35, n))                              # m_bb
    x[:, 26] = np.where(s, rng.normal(1.0, 0.2, n) + 0.1 * x[:, 0], rng.gamma(4.5, 0.24, n))  # m_wbb
    x[:, 27] = np.where(s, rng.normal(0.9, 0.25, n) + 0.15 * x[:, 3], rng.gamma(4.0, 0.25, n))  # m_wwbb
    return x, y


RECO = 0.8


def main():
    out = sys.argv[1]
    n_train = int(sys.argv[2]) if len(sys.argv) > 2 else 400_000
    n_test = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 2024
    os.makedirs(out, exist_ok=True)
    x, y = generate(n_train + n_test, np.random.default_rng(seed))
    np.save(os.path.join(out, "x_train.npy"), np.ascontiguousarray(x[:n_train]))
    np.save(os.path.join(out, "y_train.npy"), y[:n_train])
    np.save(os.path.join(out, "x_test.npy"), np.ascontiguousarray(x[n_train:]))
    np.save(os.path.join(out, "y_test.npy"), y[n_train:])


if __name__ == "__main__":
    main()
