"""Peers for IoBench: numpy.loadtxt on the HIGGS TSV and numpy.load on the same .npy (median of runs)."""
import sys, time, os
import numpy as np

data, scratch = sys.argv[1], sys.argv[2]


def median(f, warmup, runs):
    for _ in range(warmup):
        f()
    t = []
    for _ in range(runs):
        s = time.perf_counter(); f(); t.append((time.perf_counter() - s) * 1e3)
    return sorted(t)[runs // 2]


def report(name, ms, nbytes):
    print(f"{name:<28} {ms:10.2f} ms {nbytes / 1e6 / (ms / 1e3):10.1f} MB/s")


higgs = os.path.join(data, "csv/higgs-uci/binary.train")
report("numpy.loadtxt higgs-uci", median(lambda: np.loadtxt(higgs), 2, 7), os.path.getsize(higgs))
npy = os.path.join(scratch, "big.npy")
report("numpy.load 64 MB float32", median(lambda: np.load(npy), 3, 9), os.path.getsize(npy))
print("numpy", np.__version__)
