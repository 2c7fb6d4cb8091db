"""Structured synthetic activations for the scaling case (benchmark only).

    synth.py --instances N --neurons M --groups G --seed S --out DIR

Writes DIR/activations.npy (float32, N x M), DIR/labels.npy (int64 group of each instance).
Structure (planted class backbones + noise), with 4 hidden layers of M/4 neurons and the
authors' top-k binarization in mind (k = 50: floor(50/4) = 12 active per layer):
  - each group g has a planted backbone: 12 neurons per layer, and a fringe of 2 neurons per
    layer, drawn at random (groups may share neurons);
  - instance of group g (groups of equal size, round-robin): each planted neuron is "on" with
    probability 0.99 (activation U(1.5, 2.5)); fringe neurons get U(0.5, 1.0), every other
    neuron U(0, 0.3). So the top 12 of a layer are the planted neurons that are on, topped up
    from the fringe when one is off: transactions are the planted backbone with rare
    substitutions, every group's union of active neurons has 56 neurons.
Deterministic for a given seed.
"""
import argparse
from pathlib import Path

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--instances", type=int, required=True)
ap.add_argument("--neurons", type=int, required=True)
ap.add_argument("--groups", type=int, required=True)
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--out", type=Path, required=True)
a = ap.parse_args()
if a.neurons % 4 or a.neurons < 4 * 14:
    raise SystemExit("synth.py: --neurons must be a multiple of 4 and at least 56")
if a.groups < 1 or a.instances < a.groups:
    raise SystemExit("synth.py: need 1 <= groups <= instances")
rng = np.random.default_rng(a.seed)
w = a.neurons // 4
planted, fringe = [], []
for g in range(a.groups):
    p, f = [], []
    for l in range(4):
        pick = rng.choice(w, 14, replace=False) + l * w
        p.extend(pick[:12])
        f.extend(pick[12:])
    planted.append(np.array(p))
    fringe.append(np.array(f))
labels = np.arange(a.instances) % a.groups
X = np.empty((a.instances, a.neurons), dtype=np.float32)
chunk = 5000
for s in range(0, a.instances, chunk):
    e = min(a.instances, s + chunk)
    block = rng.uniform(0, 0.3, size=(e - s, a.neurons)).astype(np.float32)
    for r in range(e - s):
        g = labels[s + r]
        on = rng.random(48) < 0.99
        block[r, planted[g][on]] = rng.uniform(1.5, 2.5, size=int(on.sum()))
        block[r, fringe[g]] = rng.uniform(0.5, 1.0, size=8)
    X[s:e] = block
a.out.mkdir(parents=True, exist_ok=True)
np.save(a.out / "activations.npy", X)
np.save(a.out / "labels.npy", labels.astype(np.int64))
