#!/usr/bin/env python3
"""Golden values for Hadron's core ops, computed with PyTorch (Debian python3-torch).

For each case: fixed float64 inputs, the output, a fixed cotangent and the gradient of
sum(output * cotangent) with respect to every input. Written as torch_golden.safetensors
(a minimal writer below, so the script needs only torch and numpy).

Run from this folder:  /usr/bin/python3 make_torch_golden.py
"""
import json
import struct

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
rng = np.random.default_rng(20241122)


def u(lo, hi, *shape):
    return torch.tensor(rng.uniform(lo, hi, size=shape), dtype=torch.float64)


def spd(n):
    a = u(-1, 1, n, n)
    return a @ a.T + n * torch.eye(n, dtype=torch.float64)


IDX = torch.tensor([[2, 0, 1], [1, 0, 2]])
SEL = torch.tensor([3, 0, 3, 1])

CASES = [
    ("add_broadcast", lambda a, b: a + b, [u(-1, 1, 3, 1, 4), u(-1, 1, 2, 4)]),
    ("mul_div", lambda a, b: a * b / (b * b + 1), [u(-1, 1, 2, 3), u(-1, 1, 3)]),
    ("pow", lambda a, b: a ** b, [u(0.3, 2, 2, 3), u(-1.5, 1.5, 1, 3)]),
    ("exp_log", lambda a: torch.log(torch.exp(a) + a * a), [u(-2, 2, 2, 3)]),
    ("sigmoid_tanh", lambda a: torch.sigmoid(a) * torch.tanh(a), [u(-3, 3, 2, 3)]),
    ("relu_elu_leaky", lambda a: F.relu(a) + F.elu(a, 1.3) + F.leaky_relu(a, 0.1), [u(-3, 3, 2, 4) + 0.05]),
    ("gelu", lambda a: F.gelu(a), [u(-3, 3, 2, 3)]),
    ("gelu_tanh", lambda a: F.gelu(a, approximate="tanh"), [u(-3, 3, 2, 3)]),
    ("silu_softplus_logsigmoid", lambda a: F.silu(a) + F.softplus(a) + F.logsigmoid(a), [u(-3, 3, 2, 3)]),
    ("erf_atan2", lambda a, b: torch.erf(a) + torch.atan2(a, b), [u(-2, 2, 2, 3), u(0.3, 2, 2, 3)]),
    ("softmax", lambda a: torch.softmax(a, dim=1), [u(-2, 2, 3, 4)]),
    ("log_softmax", lambda a: torch.log_softmax(a, dim=-1), [u(-2, 2, 3, 4)]),
    ("logsumexp", lambda a: torch.logsumexp(a, dim=1), [u(-2, 2, 3, 4)]),
    ("var_std", lambda a: torch.var(a, dim=1) + torch.std(a, dim=0, unbiased=False), [u(-1, 1, 4, 4)]),
    ("norm", lambda a: torch.linalg.vector_norm(a, dim=1) + torch.linalg.vector_norm(a, ord=3, dim=1), [u(-1, 1, 3, 4)]),
    ("cumsum", lambda a: torch.cumsum(a, dim=1), [u(-1, 1, 2, 5)]),
    ("matmul_batched", lambda a, b: a @ b, [u(-1, 1, 2, 1, 3, 4), u(-1, 1, 3, 4, 2)]),
    ("einsum", lambda a, b: torch.einsum("bij,jk->bik", a, b), [u(-1, 1, 2, 3, 4), u(-1, 1, 4, 2)]),
    ("gather", lambda a: torch.gather(a, 1, IDX), [u(-1, 1, 2, 4)]),
    ("scatter_add", lambda a, b: torch.scatter_add(a, 1, IDX, b), [u(-1, 1, 2, 4), u(-1, 1, 2, 3)]),
    ("index_select", lambda a: torch.index_select(a, 1, SEL), [u(-1, 1, 2, 5)]),
    ("index_add", lambda a, b: a.index_add(0, SEL, b), [u(-1, 1, 5, 2), u(-1, 1, 4, 2)]),
    ("cat_pad", lambda a, b: F.pad(torch.cat([a, b], dim=2), (2, 1), mode="reflect"), [u(-1, 1, 1, 2, 3), u(-1, 1, 1, 2, 2)]),
    ("cholesky", lambda a: torch.linalg.cholesky(a @ a.T + torch.eye(4, dtype=torch.float64)), [u(-1, 1, 4, 4)]),
    ("solve", lambda a, b: torch.linalg.solve(a, b), [spd(3) + u(-0.5, 0.5, 3, 3), u(-1, 1, 3, 2)]),
    ("inverse", lambda a: torch.linalg.inv(a), [spd(3) + u(-0.5, 0.5, 3, 3)]),
    ("det", lambda a: torch.linalg.det(a), [u(-1, 1, 2, 3, 3) + 2 * torch.eye(3, dtype=torch.float64)]),
    ("slogdet", lambda a: torch.linalg.slogdet(a)[1], [u(-1, 1, 3, 3) - 2 * torch.eye(3, dtype=torch.float64)]),
    ("eigh_values", lambda a: torch.linalg.eigh(a + a.T)[0], [spd(4)]),
    ("conv2d", lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=1, dilation=1, groups=2),
     [u(-1, 1, 2, 4, 6, 5), u(-1, 1, 6, 2, 3, 3), u(-1, 1, 6)]),
    ("conv1d_dilated", lambda x, w: F.conv1d(x, w, None, stride=1, padding=2, dilation=2), [u(-1, 1, 2, 3, 9), u(-1, 1, 4, 3, 3)]),
    ("conv_transpose2d", lambda x, w, b: F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1),
     [u(-1, 1, 1, 3, 3, 4), u(-1, 1, 3, 2, 3, 3), u(-1, 1, 2)]),
    ("max_pool2d", lambda x: F.max_pool2d(x, 2), [u(-1, 1, 2, 3, 6, 6)]),
    ("avg_pool2d", lambda x: F.avg_pool2d(x, 3, stride=2, padding=1), [u(-1, 1, 1, 2, 7, 6)]),
    ("adaptive_avg_pool2d", lambda x: F.adaptive_avg_pool2d(x, (3, 2)), [u(-1, 1, 1, 2, 7, 5)]),
    ("unfold", lambda x: F.unfold(x, (2, 3), dilation=1, padding=1, stride=(1, 2)), [u(-1, 1, 1, 2, 4, 5)]),
    ("cross_entropy", lambda z: F.cross_entropy(z, torch.tensor([0, 2, 1, 2]), reduction="none"), [u(-2, 2, 4, 3)]),
    ("layer_norm", lambda x, w, b: F.layer_norm(x, (4,), w, b, eps=1e-5), [u(-1, 1, 3, 4), u(0.5, 1.5, 4), u(-0.5, 0.5, 4)]),
]


def save_safetensors(tensors, path):
    header = {}
    offset = 0
    blobs = []
    for name, t in tensors.items():
        data = np.ascontiguousarray(t.detach().numpy().astype("<f8")).tobytes()
        header[name] = {"dtype": "F64", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


out = {}
for name, fn, inputs in CASES:
    xs = [x.clone().requires_grad_(True) for x in inputs]
    y = fn(*xs)
    cot = torch.tensor(rng.uniform(-1, 1, size=tuple(y.shape)), dtype=torch.float64)
    grads = torch.autograd.grad((y * cot).sum(), xs)
    for i, x in enumerate(inputs):
        out[f"{name}.in{i}"] = x
        out[f"{name}.grad{i}"] = grads[i]
    out[f"{name}.out"] = y.detach()
    out[f"{name}.cot"] = cot
save_safetensors(out, "torch_golden.safetensors")
print(f"wrote {len(CASES)} cases, torch {torch.__version__}")
