#!/usr/bin/env python3
"""Golden reference values for hadron-nn's PyTorch parity tests.

Run from the repository root:  /usr/bin/python3 hadron-nn/src/test/resources/golden/make_golden.py
(PyTorch 1.13 CPU; the HIGGS section also needs ../shared/data/csv/higgs-uci/binary.train).

Every case writes one safetensors file next to this script. Entries:
  state.<name>        the module's state dict (PyTorch names) that the Java test loads
  x, x1, x2 ...       inputs;  r, r2 ...   fixed cotangents (the test's loss is sum(output * r))
  y, h_n, c_n ...     outputs; grad.<name> parameter gradients; grad.x input gradient
  state_after.<name>  buffers after a training-mode forward (batch norm running statistics)
The safetensors files are written by a small writer below (the `safetensors` package is not needed).
"""
import json
import math
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
torch.set_num_threads(1)

DTYPES = {np.dtype('float32'): 'F32', np.dtype('float64'): 'F64', np.dtype('int64'): 'I64', np.dtype('bool'): 'BOOL'}


def save(name, tensors, metadata=None):
    header = {}
    blobs = []
    offset = 0
    for key, t in tensors.items():
        a = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
        a = np.array(a, order="C", copy=True)
        if a.dtype == np.float32 or a.dtype == np.float64 or a.dtype == np.int64 or a.dtype == np.bool_:
            pass
        else:
            raise ValueError(f"{key}: unsupported dtype {a.dtype}")
        raw = a.astype(a.dtype.newbyteorder('<')).tobytes()
        header[key] = {"dtype": DTYPES[np.dtype(a.dtype.name)], "shape": list(a.shape),
                       "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    h = json.dumps(header, separators=(',', ':')).encode('utf-8')
    h += b' ' * ((8 - len(h) % 8) % 8)
    with open(os.path.join(HERE, name + '.safetensors'), 'wb') as f:
        f.write(struct.pack('<Q', len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def with_state(module, extra):
    out = {f"state.{k}": v for k, v in module.state_dict().items()}
    out.update(extra)
    return out


def grads(module):
    return {f"grad.{k}": p.grad for k, p in module.named_parameters() if p.grad is not None}


def randomize(module, gen):
    """Non-trivial values for every floating parameter and buffer (norm scales near 1, positive variances)."""
    with torch.no_grad():
        for name, t in list(module.named_parameters()) + list(module.named_buffers()):
            if not t.dtype.is_floating_point:
                continue
            if name.endswith("running_var"):
                t.copy_(torch.rand(t.shape, generator=gen) + 0.5)
            elif "norm" in name and name.endswith("weight") or name == "weight" and t.dim() == 1:
                t.copy_(1 + 0.3 * torch.randn(t.shape, generator=gen))
            else:
                t.copy_(0.5 * torch.randn(t.shape, generator=gen))


def layer_case(name, module, inputs, gen, forward=None, randomize_first=True, train=True, extra=None, dtype=None):
    if randomize_first:
        randomize(module, gen)
    if dtype is not None:
        module.to(dtype)
        inputs = [x.to(dtype) if x.dtype.is_floating_point else x for x in inputs]
    module.train(train)
    state = {f"state.{k}": v.clone() for k, v in module.state_dict().items()}
    xs = [x.clone().requires_grad_(x.dtype.is_floating_point) for x in inputs]
    out = forward(module, *xs) if forward else module(*xs)
    outs = out if isinstance(out, tuple) else (out,)
    loss = 0
    tensors = dict(state)
    for i, o in enumerate(outs):
        key = "y" if i == 0 else f"y{i}"
        r = torch.randn(o.shape, generator=gen).to(o.dtype)
        tensors[key] = o
        tensors["r" if i == 0 else f"r{i}"] = r
        loss = loss + (o * r).sum()
    loss.backward()
    tensors.update(grads(module))
    for i, x in enumerate(xs):
        tensors["x" if i == 0 else f"x{i}"] = inputs[i]
        if x.grad is not None:
            tensors["grad.x" if i == 0 else f"grad.x{i}"] = x.grad
    if train:
        for k, v in module.state_dict().items():
            if "running" in k or "num_batches" in k:
                tensors[f"state_after.{k}"] = v
    if extra:
        tensors.update(extra)
    save(name, tensors)
    print(f"{name}: {len(tensors)} tensors")


def layers():
    g = torch.Generator().manual_seed(1234)
    rn = lambda *s: torch.randn(*s, generator=g)
    layer_case("linear", nn.Linear(5, 3), [rn(4, 5)], g)
    layer_case("conv2d", nn.Conv2d(3, 4, 3), [rn(2, 3, 8, 8)], g)
    layer_case("conv2d_s2p1", nn.Conv2d(2, 4, 3, stride=2, padding=1), [rn(2, 2, 7, 7)], g)
    layer_case("conv1d", nn.Conv1d(2, 3, 3, padding=1), [rn(2, 2, 9)], g)
    layer_case("convtranspose2d", nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1, output_padding=1), [rn(2, 3, 4, 4)], g)
    layer_case("maxpool2d", nn.MaxPool2d(2), [rn(2, 3, 6, 6)], g, randomize_first=False)
    layer_case("batchnorm1d_train", nn.BatchNorm1d(4), [rn(8, 4) * 2 + 1], g, train=True)
    layer_case("batchnorm1d_eval", nn.BatchNorm1d(4), [rn(8, 4) * 2 + 1], g, train=False)
    layer_case("batchnorm2d_train", nn.BatchNorm2d(3), [rn(4, 3, 5, 5) * 2 + 1], g, train=True)
    layer_case("batchnorm2d_eval", nn.BatchNorm2d(3), [rn(4, 3, 5, 5) * 2 + 1], g, train=False)
    layer_case("layernorm", nn.LayerNorm(6), [rn(3, 4, 6)], g)
    layer_case("embedding", nn.Embedding(10, 4, padding_idx=0), [torch.tensor([[1, 0, 3], [9, 2, 0]])], g)
    layer_case("lstm", nn.LSTM(3, 5, num_layers=2, batch_first=True), [rn(4, 6, 3)], g,
               forward=lambda m, x: (lambda o: (o[0], o[1][0], o[1][1]))(m(x)))
    layer_case("gru", nn.GRU(3, 5, num_layers=2, batch_first=True), [rn(4, 6, 3)], g,
               forward=lambda m, x: (lambda o: (o[0], o[1]))(m(x)))
    layer_case("rnn_relu", nn.RNN(3, 4, nonlinearity='relu', batch_first=True), [rn(3, 5, 3)], g,
               forward=lambda m, x: (lambda o: (o[0], o[1]))(m(x)))
    lengths = torch.tensor([6, 3, 1, 5])

    def packed(m, x):
        p = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, hc = m(p)
        y, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=6)
        if isinstance(hc, tuple):
            return y, hc[0], hc[1]
        return y, hc

    layer_case("lstm_bidir_lengths", nn.LSTM(3, 4, num_layers=2, batch_first=True, bidirectional=True), [rn(4, 6, 3)], g,
               forward=packed, extra={"lengths": lengths})
    layer_case("gru_bidir_lengths", nn.GRU(3, 4, batch_first=True, bidirectional=True), [rn(4, 6, 3)], g,
               forward=packed, extra={"lengths": lengths})
    kpm = torch.tensor([[False, False, False, True], [False, False, True, True]])
    layer_case("mha", nn.MultiheadAttention(8, 2, batch_first=True), [rn(2, 3, 8), rn(2, 4, 8), rn(2, 4, 8)], g,
               forward=lambda m, q, k, v: m(q, k, v, key_padding_mask=kpm), extra={"key_padding_mask": kpm})
    causal = torch.triu(torch.ones(4, 4, dtype=torch.bool), 1)
    layer_case("mha_kv_dims", nn.MultiheadAttention(8, 4, batch_first=True, kdim=5, vdim=6),
               [rn(2, 4, 8), rn(2, 4, 5), rn(2, 4, 6)], g,
               forward=lambda m, q, k, v: m(q, k, v, attn_mask=causal, average_attn_weights=False),
               extra={"attn_mask": causal})
    src_kpm = torch.tensor([[False] * 5, [False, False, False, True, True]])
    layer_case("transformer_encoder_layer", nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True),
               [rn(2, 5, 8)], g, forward=lambda m, x: m(x, src_key_padding_mask=src_kpm),
               extra={"src_key_padding_mask": src_kpm})
    layer_case("transformer_encoder_layer_prenorm",
               nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True, norm_first=True, activation="gelu"),
               [rn(2, 5, 8)], g)
    tgt_mask = torch.triu(torch.ones(4, 4, dtype=torch.bool), 1)
    layer_case("transformer_decoder_layer", nn.TransformerDecoderLayer(8, 2, 16, dropout=0.0, batch_first=True),
               [rn(2, 4, 8), rn(2, 5, 8)], g, forward=lambda m, t, mem: m(t, mem, tgt_mask=tgt_mask),
               extra={"tgt_mask": tgt_mask})


class ResidualBlock(nn.Module):
    """hadron's Residual.basicBlock2d(2, 4, 2): children body, shortcut, activation."""
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(),
                                  nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout))
        self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
        self.activation = nn.ReLU()

    def forward(self, x):
        return self.activation(self.body(x) + self.shortcut(x))


class Additive(nn.Module):
    """Bahdanau attention as hadron's AdditiveAttention: e_j = v . tanh(Wq q + Wk k_j + b)."""
    def __init__(self, dq, dk, h):
        super().__init__()
        self.query_proj = nn.Linear(dq, h, bias=False)
        self.key_proj = nn.Linear(dk, h)
        self.v = nn.Linear(h, 1, bias=False)

    def forward(self, q, k, val, kpm):
        e = self.v(torch.tanh(self.query_proj(q).unsqueeze(2) + self.key_proj(k).unsqueeze(1))).squeeze(-1)
        e = e.masked_fill(kpm.unsqueeze(1), float("-inf"))
        a = torch.softmax(e, -1)
        return a @ val, a


class Sdpa(nn.Module):
    """softmax(q k^T / sqrt(E), allowed pairs only) v: torch 2's scaled_dot_product_attention, written out."""
    def __init__(self, allowed):
        super().__init__()
        self.allowed = allowed

    def forward(self, q, k, v):
        s = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        s = s.masked_fill(~self.allowed, float("-inf"))
        return torch.softmax(s, -1) @ v


def layers_extra():
    """The remaining layers: 3-d and transposed 1-d convolution, pooling, activations, a residual block, the
    stacked encoder, additive and scaled dot-product attention."""
    g = torch.Generator().manual_seed(4321)
    rn = lambda *s: torch.randn(*s, generator=g)
    layer_case("conv3d", nn.Conv3d(2, 3, 2, stride=2, padding=1), [rn(2, 2, 4, 5, 3)], g)
    layer_case("convtranspose1d", nn.ConvTranspose1d(3, 2, 4, stride=3, padding=1, output_padding=2), [rn(2, 3, 5)], g)
    layer_case("maxpool1d", nn.MaxPool1d(3, stride=2, padding=1), [rn(2, 3, 9)], g, randomize_first=False)
    layer_case("avgpool1d", nn.AvgPool1d(3, stride=2, padding=1, count_include_pad=False), [rn(2, 3, 9)], g,
               randomize_first=False)
    layer_case("avgpool2d", nn.AvgPool2d(2, stride=2, padding=1, ceil_mode=True), [rn(2, 3, 7, 6)], g,
               randomize_first=False)
    layer_case("adaptive_avgpool1d", nn.AdaptiveAvgPool1d(4), [rn(2, 3, 7)], g, randomize_first=False)
    layer_case("adaptive_avgpool2d", nn.AdaptiveAvgPool2d((3, 2)), [rn(2, 3, 7, 5)], g, randomize_first=False)
    for name, act in [("gelu", nn.GELU()), ("gelu_tanh", nn.GELU(approximate="tanh")), ("elu", nn.ELU(0.7)),
                      ("leaky_relu", nn.LeakyReLU(0.05)), ("silu", nn.SiLU()), ("softplus", nn.Softplus(2.0, 3.0)),
                      ("softmax", nn.Softmax(1)), ("log_softmax", nn.LogSoftmax(-1))]:
        layer_case("act_" + name, act, [rn(3, 7) * 2], g, randomize_first=False)
    layer_case("residual_block", ResidualBlock(2, 4, 2), [rn(2, 2, 6, 6)], g)
    enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True, norm_first=True),
                                2, norm=nn.LayerNorm(8), enable_nested_tensor=False)
    kpm = torch.tensor([[False] * 5, [False, False, True, True, True]])
    # float64: through two layers, PyTorch's own float32 gradients are 1.2e-5 away from its float64 ones
    layer_case("transformer_encoder", enc, [rn(2, 5, 8)], g, forward=lambda m, x: m(x, src_key_padding_mask=kpm),
               extra={"src_key_padding_mask": kpm}, dtype=torch.float64)
    akpm = torch.tensor([[False, False, False, True], [False, True, True, True]])
    layer_case("additive_attention", Additive(5, 6, 7), [rn(2, 3, 5), rn(2, 4, 6), rn(2, 4, 3)], g,
               forward=lambda m, q, k, v: m(q, k, v, akpm), extra={"key_padding_mask": akpm})
    allowed = torch.tril(torch.ones(4, 6, dtype=torch.bool), 2)
    layer_case("sdpa", Sdpa(allowed), [rn(2, 3, 4, 5), rn(2, 3, 6, 5), rn(2, 3, 6, 2)], g, randomize_first=False,
               extra={"allowed": allowed})


def clipping():
    """torch.nn.utils.clip_grad_norm_ (2-, 3- and max-norm) and clip_grad_value_ on two gradients."""
    g = torch.Generator().manual_seed(55)
    t = {"g0": torch.randn(3, 4, generator=g), "g1": torch.randn(5, generator=g) * 3}
    for name, norm_type, max_norm in [("norm2", 2.0, 1.0), ("norm3", 3.0, 0.7), ("norminf", math.inf, 0.5),
                                      ("norm2_big", 2.0, 100.0)]:
        ps = [nn.Parameter(torch.zeros_like(t["g0"])), nn.Parameter(torch.zeros_like(t["g1"]))]
        ps[0].grad = t["g0"].clone()
        ps[1].grad = t["g1"].clone()
        total = nn.utils.clip_grad_norm_(ps, max_norm, norm_type)
        t[f"{name}.total"] = total.double()
        t[f"{name}.g0"] = ps[0].grad
        t[f"{name}.g1"] = ps[1].grad
    ps = [nn.Parameter(torch.zeros_like(t["g0"])), nn.Parameter(torch.zeros_like(t["g1"]))]
    ps[0].grad = t["g0"].clone()
    ps[1].grad = t["g1"].clone()
    nn.utils.clip_grad_value_(ps, 0.8)
    t["value.g0"] = ps[0].grad
    t["value.g1"] = ps[1].grad
    save("clipping", t)
    print(f"clipping: {len(t)} tensors")


def losses():
    g = torch.Generator().manual_seed(99)
    rn = lambda *s: torch.randn(*s, generator=g)
    t = {}

    def case(name, fn, *inputs):
        xs = [x.clone().requires_grad_(True) for x in inputs]
        v = fn(*xs)
        v.backward()
        for i, x in enumerate(inputs):
            t[f"{name}.in{i}"] = x
            t[f"{name}.grad{i}"] = xs[i].grad
        t[f"{name}.value"] = v.detach()

    n, c = 6, 4
    logits = rn(n, c)
    labels = torch.tensor([0, 3, 1, 2, 3, -100])
    cw = torch.tensor([1.0, 2.0, 0.5, 1.5])
    w = torch.tensor([1.0, -0.5, 2.0, 0.3, 1.0, 0.7])
    t["labels"] = labels
    t["class_weights"] = cw
    t["w"] = w
    case("ce", lambda x: F.cross_entropy(x, labels), logits)
    case("ce_full", lambda x: F.cross_entropy(x, labels, weight=cw, label_smoothing=0.1, ignore_index=-100), logits)
    case("ce_sum", lambda x: F.cross_entropy(x, labels, weight=cw, reduction='sum'), logits)
    # per-event weights: sum_i w_i l_i / (sum of class weights of the kept labels)
    kept = labels != -100
    case("ce_eventw", lambda x: (F.cross_entropy(x, labels, weight=cw, label_smoothing=0.1, reduction='none') * w).sum()
         / cw[labels[kept]].sum(), logits)
    probs = torch.softmax(rn(n, c), 1)
    t["soft_targets"] = probs
    case("ce_soft", lambda x: F.cross_entropy(x, probs, label_smoothing=0.05), logits)
    logits3 = rn(2, c, 3)
    labels3 = torch.tensor([[0, 1, 3], [2, -100, 1]])
    t["labels3"] = labels3
    case("ce_kdim", lambda x: F.cross_entropy(x, labels3), logits3)
    case("nll", lambda x: F.nll_loss(torch.log_softmax(x, 1), labels, weight=cw), logits)
    pred = rn(n, 3)
    target = rn(n, 3)
    t["target"] = target
    case("mse", lambda x: F.mse_loss(x, target), pred)
    case("mse_w", lambda x: ((x - target) ** 2 * w[:, None]).mean(), pred)
    case("l1", lambda x: F.l1_loss(x, target), pred)
    case("huber", lambda x: F.huber_loss(x, target * 2, delta=0.7), pred)
    t["target2"] = target * 2
    case("smoothl1", lambda x: F.smooth_l1_loss(x, target * 2, beta=0.5), pred)
    z = rn(n, 3) * 2
    y01 = (torch.rand(n, 3, generator=g) > 0.5).double().float()
    pw = torch.tensor([1.0, 3.0, 0.5])
    t["y01"] = y01
    t["pos_weight"] = pw
    case("bce_logits", lambda x: F.binary_cross_entropy_with_logits(x, y01), z)
    case("bce_logits_pw_w", lambda x: F.binary_cross_entropy_with_logits(x, y01, weight=w[:, None], pos_weight=pw), z)
    p = torch.sigmoid(rn(n, 3))
    case("bce_w", lambda x: F.binary_cross_entropy(x, y01, weight=w[:, None]), p)
    logq = torch.log_softmax(rn(n, c), 1)
    case("kl", lambda x: F.kl_div(x, probs, reduction='batchmean'), logq)
    var = torch.rand(n, 3, generator=g) + 0.1
    t["var"] = var
    case("gauss", lambda x: F.gaussian_nll_loss(x, target, var, full=True), pred)
    counts = torch.poisson(torch.rand(n, 3, generator=g) * 4, generator=g)
    t["counts"] = counts
    case("poisson", lambda x: F.poisson_nll_loss(x, counts, log_input=True, full=True), pred)
    rate = torch.rand(n, 3, generator=g) + 0.2
    case("poisson_rate", lambda x: F.poisson_nll_loss(x, counts, log_input=False), rate)
    save("losses", t)
    print(f"losses: {len(t)} tensors")


L2 = 0.05   # the optimizers' problem: cross-entropy + L2 * sum of squared parameters (a finite, isolated minimum)


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 3)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def optimizers():
    g = torch.Generator().manual_seed(7)
    # 16 points, each appearing twice with different labels: not separable, so the loss has a finite minimum
    # and every optimizer (L-BFGS too) follows a well-conditioned path
    x0 = torch.randn(16, 4, generator=g)
    y0 = torch.randint(0, 3, (16,), generator=g)
    x = torch.cat([x0, x0])
    y = torch.cat([y0, (y0 + 1 + torch.randint(0, 2, (16,), generator=g)) % 3])
    init = Mlp()
    randomize(init, g)
    t = {"x": x, "y": y}
    t.update({f"init.{k}": v for k, v in init.state_dict().items()})
    configs = {
        "sgd": lambda ps: torch.optim.SGD(ps, lr=0.1),
        "sgd_nesterov": lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-3),
        "sgd_dampening": lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.8, dampening=0.2),
        "adagrad": lambda ps: torch.optim.Adagrad(ps, lr=0.1, lr_decay=0.01, weight_decay=0.01,
                                                  initial_accumulator_value=0.1),
        "rmsprop": lambda ps: torch.optim.RMSprop(ps, lr=0.01),
        "rmsprop_centered": lambda ps: torch.optim.RMSprop(ps, lr=0.005, momentum=0.9, centered=True, weight_decay=0.01),
        "adam": lambda ps: torch.optim.Adam(ps, lr=0.01),
        "adam_amsgrad_wd": lambda ps: torch.optim.Adam(ps, lr=0.01, betas=(0.8, 0.99), weight_decay=0.01, amsgrad=True),
        "adamw": lambda ps: torch.optim.AdamW(ps, lr=0.01),
        "adamw_amsgrad": lambda ps: torch.optim.AdamW(ps, lr=0.02, weight_decay=0.1, amsgrad=True),
        "lbfgs": lambda ps: torch.optim.LBFGS(ps, lr=1),
        "lbfgs_wolfe": lambda ps: torch.optim.LBFGS(ps, lr=1, line_search_fn="strong_wolfe"),
    }
    for name, make in configs.items():
        m = Mlp()
        m.load_state_dict(init.state_dict())
        # L-BFGS with line search wanders along flat directions at float32 precision; its golden run is float64
        dt = torch.float64 if name == "lbfgs_wolfe" else torch.float32
        m = m.to(dt)
        xx = x.to(dt)
        opt = make(m.parameters())

        def objective():
            return F.cross_entropy(m(xx), y) + L2 * sum((p ** 2).sum() for p in m.parameters())

        def closure():
            opt.zero_grad()
            loss = objective()
            loss.backward()
            return loss

        for _ in range(20):
            if name.startswith("lbfgs"):
                opt.step(closure)
            else:
                closure()
                opt.step()
        t.update({f"{name}.{k}": v for k, v in m.state_dict().items()})
        t[f"{name}.loss"] = objective().detach()
    save("optimizers", t)
    print(f"optimizers: {len(t)} tensors")


def schedulers():
    t = {}

    def run(name, make, steps=30, per_step=None):
        p = nn.Parameter(torch.zeros(1))
        opt = torch.optim.SGD([p], lr=0.1)
        s = make(opt)
        lrs = []
        for i in range(steps):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            if per_step:
                per_step(s, i)
            else:
                s.step()
        t[name] = torch.tensor(lrs, dtype=torch.float64)

    lr = torch.optim.lr_scheduler
    run("step", lambda o: lr.StepLR(o, 7, 0.5))
    run("multistep", lambda o: lr.MultiStepLR(o, [5, 12, 20], 0.3))
    run("exponential", lambda o: lr.ExponentialLR(o, 0.9))
    run("cosine", lambda o: lr.CosineAnnealingLR(o, 10, 0.001))
    run("linear", lambda o: lr.LinearLR(o, 0.2, 1.0, 8))
    run("onecycle", lambda o: lr.OneCycleLR(o, 1.0, 30, cycle_momentum=False))
    run("sequential", lambda o: lr.SequentialLR(o, [lr.LinearLR(o, 0.1, 1.0, 5), lr.CosineAnnealingLR(o, 25, 0.0)], [5]))
    metrics = [1.0, 0.9, 0.85, 0.86, 0.87, 0.84, 0.85, 0.85, 0.86, 0.9, 0.8, 0.81, 0.82, 0.83, 0.84,
               0.85, 0.86, 0.87, 0.88, 0.89, 0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99]
    t["plateau_metrics"] = torch.tensor(metrics, dtype=torch.float64)
    run("plateau", lambda o: lr.ReduceLROnPlateau(o, factor=0.5, patience=2, cooldown=1),
        per_step=lambda s, i: s.step(metrics[i]))
    save("schedulers", t)
    print(f"schedulers: {len(t)} tensors")


# ---------------------------------------------------------------------------------------------- HIGGS
HIGGS_EPOCHS = 15
HIGGS_BATCH = 100
HIGGS_TRAIN = 5000


def higgs():
    """The setup HiggsMlpTest reproduces: first 5000 rows train, last 2000 test, standardized with the training
    mean and population std; MLP 28-64-64-1 (ReLU), BCE with logits, Adam lr 1e-3, batch 100, 15 epochs,
    shuffled each epoch. The golden number is the test AUC averaged over 10 seeds (seed-independent)."""
    path = os.path.join(HERE, "../../../../../../shared/data/csv/higgs-uci/binary.train")
    path = os.path.normpath(path)
    if not os.path.exists(path):
        print("HIGGS data not found at", path, "- skipping")
        return
    data = np.loadtxt(path, delimiter="\t", dtype=np.float64)
    yall = data[:, 0]
    xall = data[:, 1:]
    xtr, ytr = xall[:HIGGS_TRAIN], yall[:HIGGS_TRAIN]
    xte, yte = xall[HIGGS_TRAIN:], yall[HIGGS_TRAIN:]
    mean = xtr.mean(0)
    std = xtr.std(0)
    std[std == 0] = 1
    xtr = torch.tensor((xtr - mean) / std, dtype=torch.float32)
    xte = torch.tensor((xte - mean) / std, dtype=torch.float32)
    ytr = torch.tensor(ytr, dtype=torch.float32)
    aucs = []
    for seed in range(10):
        torch.manual_seed(seed)
        model = nn.Sequential(nn.Linear(28, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        for epoch in range(HIGGS_EPOCHS):
            perm = torch.randperm(HIGGS_TRAIN)
            for i in range(0, HIGGS_TRAIN, HIGGS_BATCH):
                idx = perm[i:i + HIGGS_BATCH]
                opt.zero_grad()
                loss = F.binary_cross_entropy_with_logits(model(xtr[idx]).squeeze(1), ytr[idx])
                loss.backward()
                opt.step()
        with torch.no_grad():
            s = model(xte).squeeze(1).numpy()
        aucs.append(auc(s, yte))
        print(f"  seed {seed}: AUC {aucs[-1]:.4f}")
    t = {"auc_mean": torch.tensor(np.mean(aucs), dtype=torch.float64),
         "auc_std": torch.tensor(np.std(aucs), dtype=torch.float64),
         "aucs": torch.tensor(aucs, dtype=torch.float64)}
    save("higgs_auc", t, {"epochs": HIGGS_EPOCHS, "batch": HIGGS_BATCH, "train": HIGGS_TRAIN})
    print(f"higgs: AUC {np.mean(aucs):.4f} +- {np.std(aucs):.4f}")


def auc(scores, labels):
    """Area under the ROC curve by the rank-sum (Mann-Whitney) formula with mid-ranks for ties."""
    order = np.argsort(scores, kind="mergesort")
    s = scores[order]
    ranks = np.empty(len(s))
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[i:j + 1] = (i + j) / 2 + 1
        i = j + 1
    r = np.empty(len(s))
    r[order] = ranks
    pos = labels == 1
    n1 = pos.sum()
    n0 = len(labels) - n1
    return float((r[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


if __name__ == "__main__":
    which = sys.argv[1:] or ["layers", "layers_extra", "clipping", "losses", "optimizers", "schedulers", "higgs"]
    for w in which:
        globals()[w]()
