#!/usr/bin/env python3
"""Seeded mutation fuzzing of every reader of `backbones`, through the command line.

Each case takes a small valid seed file of one format, mutates its bytes (bit flips, byte
replacements with interesting values, deletions, duplications, truncation, splices, numbers
swapped for extreme ones), runs the command that reads that format, and checks what the tool
promises: exit 0 or 2 (never a signal, never another code), within a time limit (no hang),
every exit-2 message one line starting `backbones: error:` with no raw control character, and
no temporary file left beside the output. A failing input is kept in --failures with the
command that broke, so it becomes a reproducer (and then a regression test).

    fuzz/fuzz.py --bin .build/debug/backbones --cases 300 --seed 1      # make fuzz-quick (make test)
    fuzz/fuzz.py --bin .build/release/backbones --cases 5000 --seed 7   # make fuzz (a few minutes)

Python standard library only (no venv): the seeds are written by this script.
"""
import argparse
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = {}


# ---- seeds: one small valid file per format -------------------------------------------------

def npy_bytes(values, shape, dtype="<f8"):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }" % (
        dtype, ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else ""))
    pad = 64 - (10 + len(header) + 1) % 64
    header = header + " " * pad + "\n"
    fmt = {"<f8": "d", "<i8": "q"}[dtype]
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + struct.pack("<%d%s" % (len(values), fmt), *values)


def seeds(root):
    rng = random.Random(0)
    rows = [[round(rng.random(), 4) if rng.random() > 0.3 else 0.0 for _ in range(9)] for _ in range(6)]
    labels = [r % 3 for r in range(6)]
    files = {}

    def put(name, data):
        path = os.path.join(root, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        files[name] = path

    put("act.csv", "label,predicted," + ",".join(f"n{i}" for i in range(9)) + "\n"
        + "".join(f"{l},{(l + (i == 2)) % 3}," + ",".join(str(v) for v in r) + "\n" for i, (l, r) in enumerate(zip(labels, rows))))
    put("act.txt", "".join(f"{l} " + " ".join(str(v) for v in r) + "\n" for l, r in zip(labels, rows)))
    put("act.npy", npy_bytes([v for r in rows for v in r], (6, 9)))
    put("labels.npy", npy_bytes(labels, (6,), "<i8"))
    put("labels.txt", "".join(f"{l}\n" for l in labels))
    buf = os.path.join(root, "act.npz")
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("activations.npy", npy_bytes([v for r in rows for v in r], (6, 9)))
        z.writestr("labels.npy", npy_bytes(labels, (6,), "<i8"))
    files["act.npz"] = buf
    net = os.path.join(root, "net.npz")
    with zipfile.ZipFile(net, "w", zipfile.ZIP_STORED) as z:
        for i, (a, b) in enumerate([(5, 4), (4, 3), (3, 2), (2, 3)]):
            z.writestr(f"W{i}.npy", npy_bytes([rng.uniform(-1, 1) for _ in range(a * b)], (a, b)))
            z.writestr(f"b{i}.npy", npy_bytes([rng.uniform(-1, 1) for _ in range(b)], (b,)))
    files["net.npz"] = net
    put("weights.csv", ",".join(str(round(rng.random(), 3)) for _ in range(9)) + "\n")
    put("tx.dat", "".join(" ".join(str(i) for i in sorted(rng.sample(range(12), rng.randint(1, 6)))) + "\n" for _ in range(20)))
    put("model.lp", "Maximize\n obj: 3 x + 2 y + z\nSubject To\n c1: x + y + z <= 2\n c2: x - y >= -1\nBounds\n 0 <= x <= 1\n"
        "General\n y\nBinary\n x z\nEnd\n")
    put("model.mps", "NAME t\nROWS\n N obj\n L c1\n G c2\nCOLUMNS\n    M1 'MARKER' 'INTORG'\n    x obj 3 c1 1\n    x c2 1\n"
        "    y obj 2 c1 1\n    y c2 -1\n    M2 'MARKER' 'INTEND'\nRHS\n    rhs c1 2 c2 -1\nBOUNDS\n UP bnd x 1\n UP bnd y 1\nENDATA\n")
    put("cover.txt", " 5 6\n 1 2 3 1 2 3\n 2\n 1 2\n 2\n 2 3\n 2\n 3 4\n 2\n 1 4\n 1\n 2\n")
    return files


# ---- what runs each format --------------------------------------------------------------------

def commands(s, f, out):
    """The command lines that read file `f` of format `s` (the seed's name)."""
    tx = ["transactions", "--output", out]
    return {
        "act.csv": [tx + ["--activations", f, "--layers", "4,3,2"]],
        "act.txt": [tx + ["--activations", f, "--layers", "4,3,2"]],
        "act.npy": [tx + ["--activations", f, "--labels", SEEDS["labels.txt"], "--layers", "4,3,2"]],
        "labels.npy": [tx + ["--activations", SEEDS["act.npy"], "--labels", f, "--layers", "4,3,2"]],
        "labels.txt": [tx + ["--activations", SEEDS["act.npy"], "--labels", f, "--layers", "4,3,2"]],
        "act.npz": [tx + ["--activations", f, "--layers", "4,3,2"]],
        "net.npz": [tx + ["--activations", SEEDS["act.csv"], "--network", f]],
        "weights.csv": [tx + ["--activations", SEEDS["act.csv"], "--layers", "4,3,2", "--weights", f]],
        "tx.dat": [["mine", f, "--min-count", "2", "--limit", "200000"]],
        "model.lp": [["solve", f, "--solver", "glpk", "--time-limit", "2"], ["solve", f, "--solver", "cbc", "--time-limit", "2"]],
        "model.mps": [["solve", f, "--solver", "glpk", "--time-limit", "2"], ["solve", f, "--solver", "cbc", "--time-limit", "2"]],
        "cover.txt": [["solve", f, "--format", "orlib", "--solver", "both", "--time-limit", "2"]],
    }[s]


# ---- mutations --------------------------------------------------------------------------------

INTERESTING = [b"0", b"-1", b"1e308", b"-1e308", b"1e400", b"nan", b"inf", b"-0", b"9223372036854775807",
               b"18446744073709551616", b"4294967295", b"1e-320", b"", b"\x00", b"\xff\xff\xff\xff", b"\x1b[2J",
               b"\r\n", b",", b" ", b":", b"\"", b"'", b"(", b")", b"{", b"}"]


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.choice([1, 1, 1, 2, 3, 8])):
        op = rng.randrange(8)
        n = len(data)
        if n == 0:
            data += rng.choice(INTERESTING)
            continue
        i = rng.randrange(n)
        if op == 0:
            data[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            data[i] = rng.choice([0, 0xff, 0x7f, 0x80, ord("\n"), ord(","), ord(" "), ord("-"), ord("9")])
        elif op == 2:
            del data[i:i + rng.randint(1, 16)]
        elif op == 3:
            j = rng.randrange(n)
            data[i:i] = data[j:j + rng.randint(1, 64)]
        elif op == 4:
            del data[rng.randrange(n):]
        elif op == 5:
            # A number token replaced by an extreme one.
            j = i
            while j < n and chr(data[j]) in "0123456789.-+e":
                j += 1
            data[i:j] = rng.choice(INTERESTING)
        elif op == 6:
            data[i:i] = rng.choice(INTERESTING)
        else:
            # Little-endian 32/64-bit fields (zip sizes, offsets, npy header length).
            width = rng.choice([2, 4, 8])
            value = rng.choice([0, 1, 0x7fffffff, 0xffffffff, 0xfffffffe, (1 << (8 * width)) - 1, rng.getrandbits(8 * width)])
            data[i:i + width] = (value & ((1 << (8 * width)) - 1)).to_bytes(width, "little")
    return bytes(data)


# ---- one case ---------------------------------------------------------------------------------

def check(binary, args, out, limit):
    """None if the run kept the promises, else what broke."""
    started = time.monotonic()
    try:
        p = subprocess.run([binary] + args, capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return f"no answer within {limit} s (hang)"
    seconds = time.monotonic() - started
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0:
        return f"killed by signal {-p.returncode} after {seconds:.1f} s"
    if p.returncode not in (0, 2):
        return f"exit {p.returncode}: {err.strip()[:300]}"
    if p.returncode == 2:
        errors = [l for l in err.splitlines() if l.startswith("backbones: error:")]
        if len(errors) != 1:
            return f"exit 2 with {len(errors)} 'backbones: error:' lines: {err[:300]!r}"
        if any(ord(c) < 32 and c not in "\t" for c in errors[0]):
            return f"control character in the message: {errors[0][:200]!r}"
        if len(errors[0]) > 2000:
            return f"message of {len(errors[0])} characters"
    folder = os.path.dirname(out)
    left = [n for n in os.listdir(folder) if ".tmp-" in n]
    if left:
        return f"temporary files left: {left}"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(HERE, "..", ".build", "debug", "backbones"))
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--time-limit", type=float, default=20, help="seconds a run may take before it counts as a hang")
    ap.add_argument("--failures", default=os.path.join(HERE, "failures"))
    ap.add_argument("--only", help="formats to fuzz (comma-separated seed names, e.g. model.lp,act.npz)")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"fuzz.py: no backbones binary at {binary} (build it first)")
    work = tempfile.mkdtemp(prefix="backbones-fuzz-")
    global SEEDS
    os.makedirs(os.path.join(work, "seeds"))
    SEEDS = seeds(os.path.join(work, "seeds"))
    names = sorted(SEEDS) if not a.only else a.only.split(",")
    # The seeds must be accepted as they are, or the fuzzing would only ever reach error paths.
    for name in names:
        out = os.path.join(work, "seed-out", name, "result")
        os.makedirs(os.path.dirname(out))
        for args in commands(name, SEEDS[name], out):
            p = subprocess.run([binary] + args, capture_output=True, timeout=a.time_limit)
            if p.returncode != 0:
                shutil.rmtree(work, ignore_errors=True)
                sys.exit(f"fuzz.py: the seed {name} is not accepted ({' '.join(args)}): {p.stderr.decode()[:300]}")
    rng = random.Random(a.seed)
    failures, counts = [], {}
    started = time.monotonic()
    try:
        for case in range(a.cases):
            name = names[case % len(names)]
            with open(SEEDS[name], "rb") as f:
                data = mutate(f.read(), rng)
            case_dir = os.path.join(work, f"case{case}")
            os.makedirs(case_dir)
            path = os.path.join(case_dir, "input" + os.path.splitext(name)[1])
            with open(path, "wb") as f:
                f.write(data)
            out = os.path.join(case_dir, "out", "result")
            os.makedirs(os.path.dirname(out))
            for args in commands(name, path, out):
                problem = check(binary, args, out, a.time_limit)
                counts[name] = counts.get(name, 0) + 1
                if problem:
                    os.makedirs(a.failures, exist_ok=True)
                    keep = os.path.join(a.failures, f"seed{a.seed}-case{case}-{name}")
                    shutil.copy(path, keep)
                    line = " ".join(["backbones"] + [keep if x == path else x for x in args])
                    failures.append(f"{problem}\n    {line}")
                    print(f"FAIL case {case} ({name}): {problem}\n    {line}", flush=True)
            shutil.rmtree(case_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    runs = sum(counts.values())
    print(f"fuzz: {a.cases} cases, {runs} runs over {len(counts)} formats, seed {a.seed}, "
          f"{time.monotonic() - started:.0f} s: {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
