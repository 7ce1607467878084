#!/usr/bin/env python3
"""Golden values for FourVectorTest, computed with numpy from the textbook formulas (the same definitions as
ROOT's TLorentzVector and scikit-hep vector): run `python3 make_reference.py` in this folder."""
import json
import os

import numpy as np

rng = np.random.default_rng(7)
n = 12
pt = rng.uniform(1, 200, n)
eta = rng.uniform(-4, 4, n)
phi = rng.uniform(-np.pi, np.pi, n)
m = rng.choice([0.0, 0.105658, 0.13957, 4.18, 91.19], n)

px = pt * np.cos(phi)
py = pt * np.sin(phi)
pz = pt * np.sinh(eta)
e = np.sqrt(px ** 2 + py ** 2 + pz ** 2 + m ** 2)
p = np.sqrt(px ** 2 + py ** 2 + pz ** 2)
rapidity = 0.5 * np.log((e + pz) / (e - pz))
mt = np.sqrt(m ** 2 + pt ** 2)
et = e * pt / p
theta = np.arctan2(pt, pz)

# second set paired with the first for distances and sums
pt2 = rng.uniform(1, 200, n)
eta2 = rng.uniform(-4, 4, n)
phi2 = rng.uniform(-np.pi, np.pi, n)
m2 = rng.choice([0.0, 0.105658, 1.0], n)
px2, py2, pz2 = pt2 * np.cos(phi2), pt2 * np.sin(phi2), pt2 * np.sinh(eta2)
e2 = np.sqrt(px2 ** 2 + py2 ** 2 + pz2 ** 2 + m2 ** 2)
dphi = (phi - phi2 + np.pi) % (2 * np.pi) - np.pi
dphi = np.where(dphi == -np.pi, np.pi, dphi)  # (-pi, pi]
deta = eta - eta2
dr = np.sqrt(deta ** 2 + dphi ** 2)
sx, sy, sz, se = px + px2, py + py2, pz + pz2, e + e2
smass = np.sqrt(se ** 2 - sx ** 2 - sy ** 2 - sz ** 2)


def boost(x, y, z, t, bx, by, bz):
    """TLorentzVector::Boost."""
    b2 = bx * bx + by * by + bz * bz
    gamma = 1.0 / np.sqrt(1.0 - b2)
    bp = bx * x + by * y + bz * z
    gamma2 = np.where(b2 > 0, (gamma - 1.0) / np.where(b2 > 0, b2, 1), 0.0)
    return (x + gamma2 * bp * bx + gamma * bx * t, y + gamma2 * bp * by + gamma * by * t,
            z + gamma2 * bp * bz + gamma * bz * t, gamma * (t + bp))


# the first vector in the rest frame of the pair
cm = boost(px, py, pz, e, -sx / se, -sy / se, -sz / se)

out = {k: v.tolist() for k, v in dict(
    pt=pt, eta=eta, phi=phi, m=m, px=px, py=py, pz=pz, e=e, p=p, rapidity=rapidity, mt=mt, et=et, theta=theta,
    pt2=pt2, eta2=eta2, phi2=phi2, m2=m2, dphi=dphi, deta=deta, dr=dr, sum_mass=smass,
    cm_px=cm[0], cm_py=cm[1], cm_pz=cm[2], cm_e=cm[3]).items()}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fourvector_reference.json"), "w") as f:
    json.dump(out, f)
