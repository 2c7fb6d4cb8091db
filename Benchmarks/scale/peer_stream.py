"""The peer of `backbones transactions --stream`: NumPy reading the same .npy a block of rows at
a time (np.load with mmap_mode) and keeping, per row and layer, the floor(k·w_l/n) largest
activations (ties: the lower neuron id, as ours), written as FIMI lines.

    python peer_stream.py BIG.npy --layers 4000,3000,2000,1000 --k 50 --output peer.dat
"""
import argparse

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("npy")
ap.add_argument("--layers", required=True)
ap.add_argument("--k", type=int, default=50)
ap.add_argument("--output", required=True)
ap.add_argument("--block", type=int, default=8 << 20, help="values per block (as ours)")
a = ap.parse_args()
widths = [int(w) for w in a.layers.split(",")]
n = sum(widths)
counts = [a.k * w // n for w in widths]
x = np.load(a.npy, mmap_mode="r")
rows = x.shape[0]
block = max(1, a.block // x.shape[1])
starts = np.cumsum([0] + widths)
with open(a.output, "w") as out:
    for s in range(0, rows, block):
        chunk = np.asarray(x[s:s + block], dtype=np.float64)
        parts = []
        for l, c in enumerate(counts):
            if c == 0:
                continue
            layer = chunk[:, starts[l]:starts[l + 1]]
            # Stable descending order: equal values keep the lower id first.
            top = np.argsort(-layer, axis=1, kind="stable")[:, :c] + starts[l]
            parts.append(top)
        ids = np.sort(np.concatenate(parts, axis=1), axis=1)
        out.write("\n".join(" ".join(map(str, r)) for r in ids.tolist()) + "\n")
