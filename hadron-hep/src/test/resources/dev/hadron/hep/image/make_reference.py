#!/usr/bin/env python3
"""Golden jet images for JetImagesTest, written independently with numpy: the principal axis comes from
numpy.linalg.eigh of the pt-weighted second-moment matrix (the Java code uses the closed-form angle), the
pixelisation from numpy.histogram2d. Run `python3 make_reference.py` in this folder."""
import json
import os

import numpy as np

rng = np.random.default_rng(11)
PIX, HALF = 20, 0.8


def image(pt, eta, phi, center=True, rotate=True, flip=True, norm="sum"):
    px, py, pz = (pt * np.cos(phi)).sum(), (pt * np.sin(phi)).sum(), (pt * np.sinh(eta)).sum()
    jeta = np.arcsinh(pz / np.hypot(px, py))
    jphi = np.arctan2(py, px)
    x = eta - jeta
    y = (phi - jphi + np.pi) % (2 * np.pi) - np.pi
    w = pt
    if center:
        x = x - np.sum(w * x) / w.sum()
        y = y - np.sum(w * y) / w.sum()
    if rotate:
        cov = np.array([[np.sum(w * x * x), np.sum(w * x * y)], [np.sum(w * x * y), np.sum(w * y * y)]])
        vals, vecs = np.linalg.eigh(cov)
        major = vecs[:, np.argmax(vals)]
        theta = np.arctan2(major[1], major[0])
        alpha = np.pi / 2 - theta
        x, y = np.cos(alpha) * x - np.sin(alpha) * y, np.sin(alpha) * x + np.cos(alpha) * y
    if flip:
        if w[x < 0].sum() > w[x > 0].sum():
            x = -x
        if w[y < 0].sum() > w[y > 0].sum():
            y = -y
    edges = np.linspace(-HALF, HALF, PIX + 1)
    # rows follow phi', columns follow eta'
    img, _, _ = np.histogram2d(y, x, bins=[edges, edges], weights=w)
    if norm == "sum" and img.sum() > 0:
        img = img / img.sum()
    return img


jets = []
for k in range(6):
    # two or three prongs with a soft spray, all within ~0.6 of the jet axis
    prongs = int(rng.integers(2, 4))
    eta0, phi0 = rng.uniform(-1.5, 1.5), rng.uniform(-np.pi, np.pi)
    pts, etas, phis = [], [], []
    for _ in range(prongs):
        ce, cp = eta0 + rng.normal(0, 0.25), phi0 + rng.normal(0, 0.25)
        n = int(rng.integers(3, 12))
        pts += list(rng.exponential(20, n) + 1)
        etas += list(ce + rng.normal(0, 0.03, n))
        phis += list(cp + rng.normal(0, 0.03, n))
    pt, eta, phi = np.array(pts), np.array(etas), np.array(phis)
    phi = (phi + np.pi) % (2 * np.pi) - np.pi
    jets.append({"pt": pt.tolist(), "eta": eta.tolist(), "phi": phi.tolist(),
                 "image": image(pt, eta, phi).ravel().tolist(),
                 "raw": image(pt, eta, phi, center=False, rotate=False, flip=False, norm="none").ravel().tolist()})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "images_reference.json"), "w") as f:
    json.dump({"pixels": PIX, "half_width": HALF, "jets": jets}, f)
