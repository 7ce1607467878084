#!/usr/bin/env python3
"""PyTorch peers of BENCHMARKS.md W2, W3, W4, W5 and W7 (CPU, fixed thread count).

Usage: nn_workloads_torch.py THREADS [W2 W3 W4 W5 W7]
Prints one line per workload: the throughput figure and the peak resident memory of this process
(ru_maxrss) measured after each workload in a fresh subprocess, so each peak belongs to one workload.
Synthetic inputs with fixed seeds; shapes exactly as in BENCHMARKS.md.
"""
import resource
import subprocess
import sys
import time

import torch
import torch.nn as nn


def w2(threads):
    """hls4ml jet tagger MLP 16-64-32-32-5 (ReLU), cross-entropy, Adam, batch 1024, one epoch of 102,400."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(),
                          nn.Linear(32, 5))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(102400, 16)
    y = torch.randint(0, 5, (102400,))
    loss_fn = nn.CrossEntropyLoss()

    def epoch():
        for i in range(0, 102400, 1024):
            opt.zero_grad()
            loss = loss_fn(model(x[i:i + 1024]), y[i:i + 1024])
            loss.backward()
            opt.step()

    epoch()
    best = min(timed(epoch) for _ in range(3))
    return f"W2 torch {102400 / best:,.0f} events/s"


def cnn():
    return nn.Sequential(nn.Conv2d(1, 5, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(5, 10, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(40, 30), nn.ReLU(), nn.Linear(30, 20), nn.ReLU(), nn.Linear(20, 10),
                         nn.ReLU(), nn.Linear(10, 5))


def w3(threads):
    """CoDaS-HEP jet-image CNN (3,505 parameters) on 20x20 images, batch 1000, Adam."""
    torch.manual_seed(0)
    model = cnn()
    assert sum(p.numel() for p in model.parameters()) == 3505
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.rand(10000, 1, 20, 20)
    y = torch.randint(0, 5, (10000,))
    loss_fn = nn.CrossEntropyLoss()

    def epoch():
        for i in range(0, 10000, 1000):
            opt.zero_grad()
            loss_fn(model(x[i:i + 1000]), y[i:i + 1000]).backward()
            opt.step()

    epoch()
    best = min(timed(epoch) for _ in range(3))
    return f"W3 torch {10000 / best:,.0f} images/s"


def w4(threads):
    """Transformer encoder on particle sets: 2 layers, d_model 64, 4 heads, ff 128, 30 particles, batch 256, Adam."""
    torch.manual_seed(0)
    layer = nn.TransformerEncoderLayer(64, 4, 128, dropout=0.0, batch_first=True)
    model = nn.Sequential(nn.Linear(4, 64), nn.TransformerEncoder(layer, 2))
    head = nn.Linear(64, 2)
    params = list(model.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    x = torch.randn(2560, 30, 4)
    y = torch.randint(0, 2, (2560,))
    loss_fn = nn.CrossEntropyLoss()

    def epoch():
        for i in range(0, 2560, 256):
            opt.zero_grad()
            loss_fn(head(model(x[i:i + 256]).mean(1)), y[i:i + 256]).backward()
            opt.step()

    epoch()
    best = min(timed(epoch) for _ in range(3))
    return f"W4 torch {2560 / best:,.0f} sets/s"


def w5(threads):
    """Single-event inference of the W2 network, batch 1, no grad, eager."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(),
                          nn.Linear(32, 5)).eval()
    x = torch.randn(1, 16)
    n = 20000
    with torch.no_grad():
        for _ in range(2000):
            model(x)
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            for _ in range(n):
                model(x)
            best = min(best, (time.perf_counter() - t) / n)
    return f"W5 torch {best * 1e6:.2f} us/event"


def w7(threads):
    """Deep Sets / PFN: Phi 3-64-64, F 64-64-2, 5-60 particles per event, padded + masked, batch 256, Adam."""
    torch.manual_seed(0)
    n_events = 10240
    counts = torch.randint(5, 61, (n_events,))
    x = torch.randn(n_events, 60, 3)
    mask = (torch.arange(60)[None, :] < counts[:, None]).float().unsqueeze(-1)
    y = torch.randint(0, 2, (n_events,))
    phi = nn.Sequential(nn.Linear(3, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU())
    f = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
    opt = torch.optim.Adam(list(phi.parameters()) + list(f.parameters()), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def epoch():
        for i in range(0, n_events, 256):
            opt.zero_grad()
            pooled = (phi(x[i:i + 256]) * mask[i:i + 256]).sum(1)
            loss_fn(f(pooled), y[i:i + 256]).backward()
            opt.step()

    epoch()
    best = min(timed(epoch) for _ in range(3))
    return f"W7 torch {n_events / best:,.0f} events/s (padded to 60, mean {counts.float().mean():.1f} particles)"


def timed(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


WORKLOADS = {"W2": w2, "W3": w3, "W4": w4, "W5": w5, "W7": w7}

if __name__ == "__main__":
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    names = sys.argv[2:] or list(WORKLOADS)
    if len(names) == 1 and names[0].startswith("--one="):
        torch.set_num_threads(threads)
        name = names[0][6:]
        line = WORKLOADS[name](threads)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{line}; peak RSS {peak:.0f} MiB; torch {torch.__version__}, {threads} threads", flush=True)
    else:
        for name in names:
            subprocess.run([sys.executable, __file__, str(threads), f"--one={name}"], check=True)
