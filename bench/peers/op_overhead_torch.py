#!/usr/bin/env python3
"""PyTorch peer of dev.hadron.bench.OpOverhead: the same tiny ops, timed with timeit (ns per op)."""
import sys
import timeit

import torch

torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
a = torch.tensor([1.0, 2, 3, 4])
b = torch.tensor([5.0, 6, 7, 8])
w = torch.tensor([1.0, 2, 3, 4], requires_grad=True)


def add_no_grad():
    with torch.no_grad():
        return a + b


def add_constants():
    return a + b


def add_recorded():
    return w + b


def mul_sum_backward():
    loss = (w * b).sum()
    loss.backward()
    g = w.grad
    w.grad = None
    return g


print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
for name, fn in [("addNoGrad", add_no_grad), ("addConstants", add_constants), ("addRecorded", add_recorded),
                 ("mulSumBackward", mul_sum_backward)]:
    n = 20000
    for _ in range(3):
        fn()
    best = min(timeit.repeat(fn, number=n, repeat=5)) / n * 1e9
    print(f"torch.{name:<16} {best:10.1f} ns/op")
