"""Writes a large float32 activation matrix as .npy, a block of rows at a time (never the whole
matrix in memory): rows × neurons of ReLU-like activations (a quarter exactly 0), seeded.

    python make_big_npy.py OUT.npy [--rows 1000000] [--neurons 10000]
"""
import argparse

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--rows", type=int, default=1_000_000)
ap.add_argument("--neurons", type=int, default=10_000)
a = ap.parse_args()
header = {"descr": "<f4", "fortran_order": False, "shape": (a.rows, a.neurons)}
rng = np.random.default_rng(0)
with open(a.out, "wb") as f:
    np.lib.format.write_array_header_1_0(f, header)
    block = max(1, 2_000_000 // a.neurons)
    for start in range(0, a.rows, block):
        n = min(block, a.rows - start)
        x = rng.random((n, a.neurons), dtype=np.float32)
        x[x < 0.25] = 0
        f.write(x.tobytes())
