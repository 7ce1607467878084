"""Zstandard frames made by the reference implementation (the `zstd` command-line tool) for the
tests of Hadron's own decoder. Inputs are generated deterministically here; only the frames and the
SHA-256 and length of each input are kept (manifest.json).

    python3 make_frames.py        # in this folder; needs `zstd` on PATH
"""
import hashlib
import json
import random
import struct
import subprocess


def inputs():
    rnd = random.Random(2026)
    words = b"muon electron jet photon tau vertex track cluster calorimeter trigger "
    yield "text", bytes(words[(i * 7 + rnd.randrange(3)) % len(words)] for i in range(60000))
    runs = bytearray()
    while len(runs) < 50000:
        runs += bytes([rnd.randrange(4)]) * (1 + rnd.randrange(300))
    yield "runs", bytes(runs)
    yield "floats", b"".join(struct.pack(">f", rnd.gauss(50, 10)) for _ in range(8000))
    yield "random", bytes(rnd.randrange(256) for _ in range(20000))
    yield "counter", bytes((i // 13) % 256 for i in range(70000))
    yield "mixed-large", bytes(i % 251 if rnd.random() < 0.95 else rnd.randrange(256) for i in range(200000))
    yield "tiny", b"Z"
    yield "empty", b""


def main():
    manifest = []
    for name, data in inputs():
        for level in (1, 3, 9, 19):
            args = ["zstd", "-q", "-c", f"-{level}", "--no-check" if level % 2 else "--check"]
            frame = subprocess.run(args, input=data, capture_output=True, check=True).stdout
            fname = f"{name}-{level}.zst"
            with open(fname, "wb") as f:
                f.write(frame)
            manifest.append({"frame": fname, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    with open("manifest.json", "w") as f:
        json.dump(manifest, f, indent=1)


main()
