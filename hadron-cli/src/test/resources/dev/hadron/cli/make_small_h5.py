"""Writes small.h5, the HDF5 file of the `hadron inspect` tests (run with /usr/bin/python3; needs h5py, numpy)."""
import h5py
import numpy as np

rng = np.random.default_rng(7)
with h5py.File("small.h5", "w") as f:
    f.attrs["title"] = "hadron-cli inspect test"
    g = f.create_group("jets")
    g.create_dataset("pt", data=rng.uniform(500, 650, 6).astype(np.float32))
    g.create_dataset("label", data=np.array([0, 1, 0, 1, 1, 0], dtype=np.int64))
    g.create_dataset("constituents", data=rng.normal(size=(6, 10, 4)).astype(np.float32), compression="gzip")
    f.create_dataset("weights", data=np.ones(6))
