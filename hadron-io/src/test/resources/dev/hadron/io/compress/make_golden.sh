#!/bin/sh
# Makes the Zstandard golden files for ZstdTest with the reference zstd command-line tool (Debian's zstd).
# Inputs are made by numpy (fixed seed): text-like records, float32 physics-like columns, random bytes;
# only their sizes and SHA-256 digests are kept (expected.txt), not the inputs themselves.
set -e
/usr/bin/python3 - <<'PY'
import numpy as np
rng = np.random.default_rng(7)
lines = []
for i in range(3000):
    lines.append(f"{i},{rng.normal(50, 10):.3f},{rng.choice(['mu', 'e', 'tau'])},{rng.integers(0, 5)}\n")
open("text.bin", "w").write("".join(lines))
pt = rng.exponential(30, 8000).astype(np.float32)
open("floats.bin", "wb").write(pt.tobytes())
open("random.bin", "wb").write(rng.integers(0, 256, 5000, dtype=np.uint8).tobytes())
open("tiny.bin", "wb").write(b"abc")
open("empty.bin", "wb").write(b"")
open("runs.bin", "wb").write(b"\x00" * 300000 + b"\x01\x02" * 1000)
PY
for f in text floats random tiny empty runs; do
  zstd -q -f -1 --no-check "$f.bin" -o "$f.1.zst"
  zstd -q -f -19 "$f.bin" -o "$f.19.zst"
done
zstd -q -f --ultra -22 --long=27 text.bin -o text.22.zst
zstd -q -f -3 --no-content-size floats.bin -o floats.nosize.zst
cat text.1.zst floats.1.zst > multi.zst
cat text.bin floats.bin > multi.bin
: > expected.txt
for f in text floats random tiny empty runs multi; do
  echo "$f $(stat -c %s $f.bin) $(sha256sum $f.bin | cut -d' ' -f1)" >> expected.txt
done
rm -f *.bin
zstd --version
