"""Makes the HDF5 golden file for Hdf5FileTest with h5py (3.7, HDF5 1.10).

Run with the system Python:  /usr/bin/python3 make_golden.py
expected.json holds, per dataset path, the numpy dtype name, the shape and the values as float64.
"""
import json
import numpy as np
import h5py

out = {}


def record(name, a):
    a = np.asarray(a)
    flat = a.astype(np.float64).ravel()
    out[name] = {"dtype": a.dtype.name, "shape": list(a.shape),
                 "values": [v if np.isfinite(v) else str(v) for v in flat.tolist()]}


base = np.arange(24).reshape(4, 6)
with h5py.File("golden.h5", "w") as f:
    f.attrs["title"] = "Hadron HDF5 golden file"
    f.attrs["version"] = np.int64(3)
    f.attrs["lumi"] = 59.7
    f.attrs["bins"] = np.array([0.0, 0.5, 1.0])
    data = {
        "int8": (base - 12).astype(np.int8),
        "int16": (base * 1000 - 12000).astype(np.int16),
        "int32": (base * 100000).astype(np.int32),
        "int64": (base.astype(np.int64) * 10**12),
        "uint8": (base * 10).astype(np.uint8),
        "uint16": (base * 2700).astype(np.uint16),
        "uint32": (base.astype(np.uint64) * 180000000).astype(np.uint32),
        "uint64": (base.astype(np.uint64) * 10**15),
        "float16": (base / 7 - 1).astype(np.float16),
        "float32": (base / 7 - 1).astype(np.float32),
        "float64": (base / 7 - 1),
        "bool": base % 3 == 0,
        "big_endian": (base / 3).astype(">f8"),
    }
    g = f.create_group("types")
    for k, v in data.items():
        g.create_dataset(k, data=v)
        record("/types/" + k, v)
    ev = f.create_group("events")
    ev.attrs["generator"] = "toy"
    n = 50
    pt = (np.arange(n) * 1.25 + 20).astype(np.float32)
    eta = np.linspace(-2.5, 2.5, n)
    label = (np.arange(n) % 2).astype(np.int64)
    ev.create_dataset("pt", data=pt, chunks=(16,), compression="gzip", compression_opts=4)
    ev.create_dataset("eta", data=eta, chunks=(10,), shuffle=True, compression="gzip")
    ev.create_dataset("label", data=label)
    ev.create_dataset("p4", data=np.stack([pt, pt, pt, pt * 2], axis=1).astype(np.float32))
    for k in ["pt", "eta", "label", "p4"]:
        record("/events/" + k, ev[k][()])
    f.create_dataset("scalar", data=np.float64(91.1876))
    record("/scalar", np.float64(91.1876))
    f.create_dataset("names", data=np.array([b"mu", b"e", b"tau"]))
    comp = np.zeros(5, dtype=[("px", "<f4"), ("q", "<i4")])
    comp["px"] = [1.5, 2.5, 3.5, 4.5, 5.5]
    comp["q"] = [1, -1, 1, -1, 1]
    f.create_dataset("particles", data=comp)
    record("/particles.px", comp["px"])
    record("/particles.q", comp["q"])
    vl = f.create_dataset("constituents", (4,), dtype=h5py.vlen_dtype(np.float32))
    for i, row in enumerate([[1, 2], [], [3, 4, 5], [6]]):
        vl[i] = np.array(row, dtype=np.float32)
    out["/constituents"] = {"counts": [2, 0, 3, 1], "values": [1, 2, 3, 4, 5, 6]}
    f.create_dataset("empty", shape=(0, 3), dtype=np.float32)

with open("expected.json", "w") as fh:
    json.dump(out, fh, indent=1, sort_keys=True)
print(h5py.version.version, h5py.version.hdf5_version, len(out))

# An LZ4-filtered dataset (HDF5 filter 32004). h5py has no LZ4 codec without hdf5plugin, so the chunk
# is encoded here: the filter's framing around hand-made LZ4 blocks (a 4-byte literal, a long match
# repeating it, 8 closing literals), written with write_direct_chunk.
import struct


def lz4_block(data):
    n = len(data)
    out = bytearray()
    ml = n - 4 - 8
    out.append((4 << 4) | 15)
    out += data[:4]
    out += struct.pack("<H", 4)
    v = ml - 4 - 15
    while v >= 255:
        out.append(255)
        v -= 255
    out.append(v)
    out.append(8 << 4)
    out += data[n - 8:]
    return bytes(out)


def lz4_filter(data, block=1024):
    out = bytearray(struct.pack(">QI", len(data), block))
    for i in range(0, len(data), block):
        b = lz4_block(data[i:i + block])
        out += struct.pack(">I", len(b)) + b
    return bytes(out)


vals = np.full(1000, 1.5, dtype="<f4")
vals[-2:] = [7.0, 8.0]
with h5py.File("lz4.h5", "w") as f:
    d = f.create_dataset("x", shape=(1000,), dtype="<f4", chunks=(1000,), compression=32004, allow_unknown_filter=True)
    d.id.write_direct_chunk((0,), lz4_filter(vals.tobytes()))
print("lz4.h5 written")
