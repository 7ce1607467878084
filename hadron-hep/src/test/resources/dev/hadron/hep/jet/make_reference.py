#!/usr/bin/env python3
"""Golden values for the Hadron jet tests, from an independent, deliberately naive implementation.

Run from this folder:  python3 make_reference.py   (writes jets_reference.json next to it)

Everything here is written from the published definitions, not from Hadron's Java code:
  * sequential recombination (Cacciari, Salam, Soyez, "The anti-kt jet clustering algorithm",
    JHEP 0804:063, and the FastJet manual, arXiv:1111.6097): d_ij = min(kt_i^2p, kt_j^2p) dR_ij^2 / R^2,
    d_iB = kt_i^2p, E-scheme recombination, distances in rapidity-phi; the clustering here recomputes every
    distance at every step (O(N^3)), so it shares no data structure with the O(N^2) Java version;
  * exclusive jets / d_cut / d_merge as defined in the FastJet manual, section 3.3.2;
  * N-subjettiness (Thaler, Van Tilburg, arXiv:1011.2268 and 1108.2701) with exclusive-kt axes, beta = 1,
    normalised by sum_i pt_i R0^beta;
  * energy correlation functions (Larkoski, Salam, Thaler, arXiv:1305.0007; Larkoski, Moult, Neill,
    arXiv:1409.6298): ECF(1) = sum pt, ECF(2) = sum_{i<j} pt_i pt_j R_ij^b, ECF(3) = sum_{i<j<k} ...,
    C2 = ECF3 ECF1 / ECF2^2, D2 = ECF3 ECF1^3 / ECF2^3, with R_ij in rapidity-phi.
"""
import json
import math
import os

import numpy as np

MAX_RAP = 1e5


def rap_phi(p):
    px, py, pz, e = p
    pt2 = px * px + py * py
    phi = 0.0 if pt2 == 0 else math.atan2(py, px)
    if phi < 0:
        phi += 2 * math.pi
    if phi >= 2 * math.pi:
        phi -= 2 * math.pi
    if e == abs(pz) and pt2 == 0:
        y = MAX_RAP + abs(pz)
        return (y if pz >= 0 else -y), phi
    m2 = max(0.0, e * e - pt2 - pz * pz)
    ep = e + abs(pz)
    y = 0.5 * math.log((pt2 + m2) / (ep * ep))
    return (-y if pz > 0 else y), phi


def dr2(a, b):
    ya, pa = rap_phi(a)
    yb, pb = rap_phi(b)
    dphi = abs(pa - pb)
    if dphi > math.pi:
        dphi = 2 * math.pi - dphi
    return (ya - yb) ** 2 + dphi ** 2


def scale(p, power):
    kt2 = p[0] ** 2 + p[1] ** 2
    if power == 1:
        return kt2
    if power == 0:
        return 1.0
    return 1.0 / kt2 if kt2 > 1e-300 else 1e300


def cluster(particles, power, R):
    """Returns (history, jets) in FastJet's layout: history entries (parent1, parent2, dij, max_dij) for
    the N initial particles (parents -1) followed by one entry per step (parent2 = -1 for a beam step)."""
    n = len(particles)
    jets = [tuple(p) for p in particles]
    hist = [(-1, -1, 0.0, 0.0) for _ in range(n)]
    hist_of_jet = list(range(n))
    active = list(range(n))
    maxd = 0.0
    while active:
        best = None
        for a_i, i in enumerate(active):
            d = scale(jets[i], power)
            if best is None or d < best[0]:
                best = (d, i, None)
            for j in active[a_i + 1:]:
                d = min(scale(jets[i], power), scale(jets[j], power)) * dr2(jets[i], jets[j]) / (R * R)
                if d < best[0]:
                    best = (d, i, j)
        d, i, j = best
        maxd = max(maxd, d)
        if j is None:
            hist.append((hist_of_jet[i], -1, d, maxd))
            active.remove(i)
        else:
            k = len(jets)
            jets.append(tuple(a + b for a, b in zip(jets[i], jets[j])))
            hi, hj = hist_of_jet[i], hist_of_jet[j]
            hist.append((min(hi, hj), max(hi, hj), d, maxd))
            hist_of_jet.append(len(hist) - 1)
            active.remove(i)
            active.remove(j)
            active.append(k)
    # the jet (4-vector and constituent set) behind each history entry
    content = []
    for h, (p1, p2, _, _) in enumerate(hist):
        if h < n:
            content.append((tuple(particles[h]), [h]))
        elif p2 == -1:
            content.append(content[p1])
        else:
            a, b = content[p1], content[p2]
            content.append((tuple(x + y for x, y in zip(a[0], b[0])), sorted(a[1] + b[1])))
    return hist, content


def pt(p):
    return math.hypot(p[0], p[1])


def inclusive(hist, content, ptmin):
    out = [content[p1] for (p1, p2, _, _) in hist if p1 >= 0 and p2 == -1 and pt(content[p1][0]) >= ptmin]
    return sorted(out, key=lambda j: -pt(j[0]))


def exclusive(hist, content, n_initial, njets):
    stop = 2 * n_initial - njets
    out = []
    for i in range(2 * n_initial - 1, stop - 1, -1):
        p1, p2, _, _ = hist[i]
        if p1 < stop:
            out.append(content[p1])
        if 0 <= p2 < stop:
            out.append(content[p2])
    return sorted(out, key=lambda j: -pt(j[0]))


def n_exclusive_dcut(hist, n_initial, dcut):
    i = len(hist) - 1
    while i >= 0 and hist[i][3] > dcut:
        i -= 1
    return 2 * n_initial - (i + 1)


def dmerge(hist, n_initial, njets):
    return 0.0 if njets >= n_initial else hist[2 * n_initial - njets - 1][2]


def nsubjettiness(constituents, n, beta, r0):
    if len(constituents) <= n:
        return 0.0
    hist, content = cluster(constituents, 1, 1000.0)
    axes = [j[0] for j in exclusive(hist, content, len(constituents), n)]
    num = sum(pt(c) * min(dr2(c, a) ** (beta / 2) for a in axes) for c in constituents)
    return num / (sum(pt(c) for c in constituents) * r0 ** beta)


def ecf(constituents, beta):
    w = [pt(c) for c in constituents]
    m = len(constituents)
    ang = [[dr2(constituents[i], constituents[j]) ** (beta / 2) for j in range(m)] for i in range(m)]
    e1 = sum(w)
    e2 = sum(w[i] * w[j] * ang[i][j] for i in range(m) for j in range(i + 1, m))
    e3 = sum(w[i] * w[j] * w[k] * ang[i][j] * ang[i][k] * ang[j][k]
             for i in range(m) for j in range(i + 1, m) for k in range(j + 1, m))
    return e1, e2, e3


def make_event(rng, kind):
    """Random test events: 'flat' spreads soft particles uniformly; 'jetty' adds collinear sprays around hard
    directions so clustering has structure; some particles are massive."""
    parts = []
    if kind == "flat":
        n = int(rng.integers(15, 60))
        for _ in range(n):
            ptv = rng.exponential(10.0) + 0.5
            y = rng.uniform(-2.5, 2.5)
            phi = rng.uniform(-math.pi, math.pi)
            m = rng.choice([0.0, 0.13957, 0.4937])
            parts.append((ptv, y, phi, m))
    else:
        for _ in range(int(rng.integers(2, 5))):
            ptj = rng.uniform(50, 400)
            yj = rng.uniform(-2, 2)
            phij = rng.uniform(-math.pi, math.pi)
            k = int(rng.integers(5, 25))
            z = rng.dirichlet(np.full(k, 0.6))
            for zi in z:
                parts.append((max(ptj * zi, 0.2), yj + rng.normal(0, 0.15), phij + rng.normal(0, 0.15),
                              rng.choice([0.0, 0.13957])))
        for _ in range(int(rng.integers(5, 15))):
            parts.append((rng.exponential(2.0) + 0.3, rng.uniform(-3, 3), rng.uniform(-math.pi, math.pi), 0.0))
    out = []
    for ptv, y, phi, m in parts:
        mt = math.sqrt(ptv * ptv + m * m)
        out.append((ptv * math.cos(phi), ptv * math.sin(phi), mt * math.sinh(y), mt * math.cosh(y)))
    return out


def jet_record(j):
    p = j[0]
    y, phi = rap_phi(p)
    return {"px": p[0], "py": p[1], "pz": p[2], "e": p[3], "constituents": j[1]}


def main():
    rng = np.random.default_rng(20240607)
    events = []
    algorithms = {"kt": 1, "cambridge": 0, "antikt": -1}
    for ev in range(8):
        parts = make_event(rng, "flat" if ev % 2 == 0 else "jetty")
        rec = {"particles": [list(p) for p in parts], "results": []}
        for name, power in algorithms.items():
            for R in ((0.4, 1.0, 1000.0) if power >= 0 else (0.4, 1.0)):
                hist, content = cluster(parts, power, R)
                n = len(parts)
                res = {
                    "algorithm": name, "R": R,
                    "inclusive": [jet_record(j) for j in inclusive(hist, content, 5.0)],
                    "dmerge": [dmerge(hist, n, k) for k in range(1, 6)],
                }
                # exclusive jets are defined for kt and C/A; with C/A at finite R every beam distance is 1, so the
                # order of beam steps (and hence the exclusive jets) is a tie that FastJet breaks arbitrarily:
                # only R = 1000 (nothing leaves early) is unambiguous there
                if power == 1 or (power == 0 and R >= 1000):
                    res["exclusive"] = {str(k): [jet_record(j) for j in exclusive(hist, content, n, k)]
                                        for k in (1, 2, 3, 4)}
                    dcut = res["dmerge"][2] * 0.999 + res["dmerge"][3] * 0.001 if res["dmerge"][3] > 0 else 1.0
                    res["dcut"] = dcut
                    res["n_exclusive_dcut"] = n_exclusive_dcut(hist, n, dcut)
                rec["results"].append(res)
        # substructure of the anti-kt R = 0.8 jets above 20 GeV
        hist, content = cluster(parts, -1, 0.8)
        subs = []
        for j in inclusive(hist, content, 20.0):
            cons = [parts[i] for i in j[1]]
            e1b1, e2b1, e3b1 = ecf(cons, 1.0)
            e1b2, e2b2, e3b2 = ecf(cons, 2.0)
            subs.append({
                "constituents": j[1],
                "tau": [nsubjettiness(cons, n, 1.0, 0.8) for n in (1, 2, 3)],
                "ecf_b1": [e1b1, e2b1, e3b1], "ecf_b2": [e1b2, e2b2, e3b2],
            })
        rec["substructure"] = subs
        events.append(rec)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jets_reference.json")
    with open(out, "w") as f:
        json.dump({"generator": "make_reference.py (naive O(N^3) reference)", "events": events}, f)
    print("wrote", out, sum(len(e["particles"]) for e in events), "particles")


if __name__ == "__main__":
    main()
