"""Makes the NumPy golden files for NpyTest / NpzTest.

Run with the system Python (numpy 1.24):  /usr/bin/python3 make_golden.py
Each array is a simple formula so the test can also reason about it; expected.json holds, for every
file, the dtype numpy reports, the shape and the values as float64 (strings for 'nan'/'inf').
"""
import json
import numpy as np

out = {}


def record(name, a):
    flat = np.asarray(a).astype(np.float64).ravel(order="C")
    vals = [v if np.isfinite(v) else str(v) for v in flat.tolist()]
    out[name] = {"dtype": a.dtype.name, "shape": list(a.shape), "values": vals}


base = np.arange(24).reshape(2, 3, 4)
cases = {
    "bool": (base % 3 == 0),
    "int8": (base - 12).astype(np.int8),
    "int16": (base * 1000 - 12000).astype(np.int16),
    "int32": (base * 100000 - 1200000).astype(np.int32),
    "int64": (base * 10**12 - 12 * 10**12).astype(np.int64),
    "uint8": (base * 10).astype(np.uint8),
    "uint16": (base * 2700).astype(np.uint16),
    "uint32": (base.astype(np.uint64) * 180000000).astype(np.uint32),
    "uint64": (base.astype(np.uint64) * 10**15).astype(np.uint64),
    "float16": (base / 7 - 1).astype(np.float16),
    "float32": (base / 7 - 1).astype(np.float32),
    "float64": (base / 7 - 1).astype(np.float64),
}
for name, a in cases.items():
    np.save(f"{name}.npy", a)
    record(f"{name}.npy", a)
    if a.dtype.itemsize > 1:
        b = a.astype(a.dtype.newbyteorder(">"))
        np.save(f"{name}_be.npy", b)
        record(f"{name}_be.npy", b)

f = np.asfortranarray((base / 3).astype(np.float64))
np.save("fortran.npy", f)
record("fortran.npy", f)
fi = np.asfortranarray(base.astype(np.int32).reshape(4, 6))
np.save("fortran_int32.npy", fi)
record("fortran_int32.npy", fi)

special = np.array([0.0, -0.0, np.nan, np.inf, -np.inf, 1e-310, 1.7976931348623157e308])
np.save("special.npy", special)
record("special.npy", special)
np.save("scalar.npy", np.float64(2.5))
record("scalar.npy", np.array(np.float64(2.5)))
np.save("empty.npy", np.zeros((0, 3), dtype=np.float32))
record("empty.npy", np.zeros((0, 3), dtype=np.float32))

# the exact bytes numpy writes for Hadron's own dtypes: the writer must reproduce them
for name in ["bool", "int32", "int64", "float32", "float64"]:
    np.save(f"write_{name}.npy", cases[name])
np.save("write_1d.npy", np.arange(5, dtype=np.float64))
np.save("write_scalar.npy", np.float32(1.5))

pt = (np.arange(10) * 1.5).astype(np.float32)
eta = np.linspace(-2, 2, 10)
label = (np.arange(10) % 2).astype(np.int64)
np.savez("stored.npz", pt=pt, eta=eta, label=label)
np.savez_compressed("deflated.npz", pt=pt, eta=eta, label=label, image=base.astype(np.float32))
for n, a in {"pt": pt, "eta": eta, "label": label, "image": base.astype(np.float32)}.items():
    record(f"npz:{n}", a)

# malformed inputs
np.save("object.npy", np.array([1, "a", None], dtype=object), allow_pickle=True)
np.save("structured.npy", np.zeros(3, dtype=[("x", "<f4"), ("y", "<i8")]))
np.save("unicode.npy", np.array(["ab", "c"]))
np.save("complex.npy", np.array([1 + 2j]))
np.save("uint64_big.npy", np.array([1, 2**63 + 5], dtype=np.uint64))

with open("expected.json", "w") as fh:
    json.dump(out, fh, indent=1, sort_keys=True)
print(np.__version__, len(out), "arrays")
