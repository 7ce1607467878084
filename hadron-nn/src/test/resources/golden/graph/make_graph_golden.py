#!/usr/bin/env python3
"""Golden values for dev.hadron.nn.graph, computed independently in plain NumPy (float64).

torch_geometric is not installed here, so each layer is written out from its definition in the PyG
documentation, with dense per-event adjacency matrices and explicit loops (nothing shared with the
Java code, which uses flat gathers and segment reductions):

  GCNConv   x' = D^-1/2 (A + I) D^-1/2 X W^T + b, remaining self-loops, degree counted at the target
  SAGEConv  x'_i = W mean_{j->i} x_j + b + B x_i           (lin_l = W, b;  lin_r = B)
  EdgeConv  x'_i = aggr_{j->i} nn([x_i, x_j - x_i])        (nn = Linear, ReLU, Linear)
  GravNet   s = lin_s x, h = lin_h x, kNN(k, self included) in s, w = exp(-10 d^2),
            x' = lin_out1 x + lin_out2 [mean_j w h_j, max_j w h_j]
  NNConv    x'_i = W x_i + mean_{j->i} x_j Theta(e_ji) + b  (Theta = Linear(edge_dim, in*out))
  knn       k nearest in coordinates, loop=False, ties to the lower index

Run from the repository root:
  /usr/bin/python3 hadron-nn/src/test/resources/golden/graph/make_graph_golden.py
It writes graph_layers.safetensors next to itself (keys listed at the end of this script).
"""
import json
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)

# events of 4, 0, 1 and 3 particles (an empty and a size-1 event on purpose)
counts = [4, 0, 1, 3]
offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
N = int(offsets[-1])
F_IN, F_OUT = 3, 4
x = rng.normal(size=(N, F_IN))

# A directed edge list in global numbering (source row, target row), with one self-loop (2->2) and a
# node (event 0, node 1) without incoming edges except its own loop added by GCN.
edges = [(0, 2), (1, 2), (3, 2), (2, 2), (2, 0), (3, 0), (0, 3), (5, 6), (6, 5), (7, 5), (5, 7)]
edge_index = np.array(edges, dtype=np.int64).T
E = edge_index.shape[1]
edge_weight = rng.uniform(0.5, 2.0, size=E)


def dense_adjacency(weights=None):
    a = np.zeros((N, N))  # a[target, source]
    for e, (s, t) in enumerate(edges):
        a[t, s] += 1.0 if weights is None else weights[e]
    return a


def gcn(x, w, b, weights=None):
    a = dense_adjacency(weights)
    out = np.zeros((N, w.shape[0]))
    for ev in range(len(counts)):
        lo, hi = offsets[ev], offsets[ev + 1]
        if hi == lo:
            continue
        sub = a[lo:hi, lo:hi].copy()
        for i in range(hi - lo):   # add_remaining_self_loops: keep an existing loop's weight, else 1
            if sub[i, i] == 0:
                sub[i, i] = 1.0
        deg = sub.sum(axis=1)
        dinv = np.where(deg > 0, deg ** -0.5, 0.0)
        norm = dinv[:, None] * sub * dinv[None, :]
        out[lo:hi] = norm @ (x[lo:hi] @ w.T)
    return out + b


def incoming(i):
    return [s for (s, t) in edges if t == i]


def sage(x, wl, bl, wr):
    out = np.zeros((N, wl.shape[0]))
    for i in range(N):
        nb = incoming(i)
        mean = np.mean(x[nb], axis=0) if nb else np.zeros(x.shape[1])
        out[i] = wl @ mean + bl + wr @ x[i]
    return out


def mlp(z, w0, b0, w2, b2):
    return np.maximum(z @ w0.T + b0, 0.0) @ w2.T + b2


def edgeconv(x, params, aggr):
    out = np.zeros((N, params[2].shape[0]))
    for i in range(N):
        msgs = [mlp(np.concatenate([x[i], x[j] - x[i]]), *params) for j in incoming(i)]
        if msgs:
            out[i] = np.max(msgs, axis=0) if aggr == "max" else np.mean(msgs, axis=0)
    return out


def knn_event(coords, lo, hi, k, loop):
    res = []
    for i in range(lo, hi):
        cand = [j for j in range(lo, hi) if loop or j != i]
        cand.sort(key=lambda j: (np.sum((coords[i] - coords[j]) ** 2), j))
        for j in cand[:k]:
            res.append((j, i))
    return res


def knn(coords, k, loop):
    out = []
    for ev in range(len(counts)):
        out += knn_event(coords, offsets[ev], offsets[ev + 1], k, loop)
    return np.array(out, dtype=np.int64).T.reshape(2, -1)


def gravnet(x, p, k):
    s = x @ p["lin_s.weight"].T + p["lin_s.bias"]
    h = x @ p["lin_h.weight"].T + p["lin_h.bias"]
    nbr = knn(s, k, True)
    prop = h.shape[1]
    agg = np.zeros((N, 2 * prop))
    for i in range(N):
        js = [nbr[0, e] for e in range(nbr.shape[1]) if nbr[1, e] == i]
        msgs = np.array([h[j] * np.exp(-10.0 * np.sum((s[i] - s[j]) ** 2)) for j in js])
        agg[i, :prop] = msgs.mean(axis=0)
        agg[i, prop:] = msgs.max(axis=0)
    return x @ p["lin_out1.weight"].T + agg @ p["lin_out2.weight"].T + p["lin_out2.bias"]


def nnconv(x, p, edge_attr):
    out = x @ p["lin.weight"].T + p["bias"]
    sums = np.zeros((N, F_OUT))
    cnt = np.zeros(N)
    for e, (s, t) in enumerate(edges):
        theta = (edge_attr[e] @ p["nn.0.weight"].T + p["nn.0.bias"]).reshape(F_IN, F_OUT)
        sums[t] += x[s] @ theta
        cnt[t] += 1
    return out + sums / np.maximum(cnt, 1)[:, None]


def u(*shape):
    return rng.uniform(-0.7, 0.7, size=shape)


tensors = {"x": x, "offsets": offsets, "edge_index": edge_index, "edge_weight": edge_weight}

gcn_w, gcn_b = u(F_OUT, F_IN), u(F_OUT)
tensors.update({"gcn.lin.weight": gcn_w, "gcn.bias": gcn_b,
                "out.gcn": gcn(x, gcn_w, gcn_b), "out_weighted.gcn": gcn(x, gcn_w, gcn_b, edge_weight)})

wl, bl, wr = u(F_OUT, F_IN), u(F_OUT), u(F_OUT, F_IN)
tensors.update({"sage.lin_l.weight": wl, "sage.lin_l.bias": bl, "sage.lin_r.weight": wr,
                "out.sage": sage(x, wl, bl, wr)})

ec = (u(5, 2 * F_IN), u(5), u(F_OUT, 5), u(F_OUT))
tensors.update({"edgeconv.nn.0.weight": ec[0], "edgeconv.nn.0.bias": ec[1],
                "edgeconv.nn.2.weight": ec[2], "edgeconv.nn.2.bias": ec[3],
                "out_max.edgeconv": edgeconv(x, ec, "max"), "out_mean.edgeconv": edgeconv(x, ec, "mean")})

grav = {"lin_s.weight": u(2, F_IN), "lin_s.bias": u(2), "lin_h.weight": u(3, F_IN), "lin_h.bias": u(3),
        "lin_out1.weight": u(F_OUT, F_IN), "lin_out2.weight": u(F_OUT, 6), "lin_out2.bias": u(F_OUT)}
tensors.update({"gravnet." + k: v for k, v in grav.items()})
tensors["out.gravnet"] = gravnet(x, grav, 2)

edge_attr = rng.normal(size=(E, 2))
nnc = {"bias": u(F_OUT), "nn.0.weight": u(F_IN * F_OUT, 2), "nn.0.bias": u(F_IN * F_OUT), "lin.weight": u(F_OUT, F_IN)}
tensors.update({"nnconv." + k: v for k, v in nnc.items()})
tensors["edge_attr"] = edge_attr
tensors["out.nnconv"] = nnconv(x, nnc, edge_attr)

coords = np.round(rng.normal(size=(N, 2)), 1)   # rounded so that some distances tie
tensors["knn.coords"] = coords
tensors["knn.k2"] = knn(coords, 2, False)


def save(path, tensors):
    header, blobs, offset = {}, [], 0
    for key, a in tensors.items():
        a = np.ascontiguousarray(a)
        dtype = {np.dtype("float64"): "F64", np.dtype("int64"): "I64"}[a.dtype]
        raw = a.astype(a.dtype.newbyteorder("<")).tobytes()
        header[key] = {"dtype": dtype, "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


save(os.path.join(HERE, "graph_layers.safetensors"), tensors)
print("wrote", len(tensors), "tensors:", ", ".join(tensors))
