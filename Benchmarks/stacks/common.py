"""Shared helpers of the stacks benchmark (Benchmarks/stacks): reading FIMI transaction files,
running a contender in its own process under a wall-clock limit with peak-memory measurement."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def read_fimi(path):
    """One transaction per line, neuron ids space-separated -> list of sorted int lists."""
    out = []
    with open(path) as f:
        for line in f:
            out.append(sorted({int(x) for x in line.split()}))
    return out


def run_process(cmd, limit_s, env=None, mem_cap_gb=20.0):
    """Run cmd (list) in a new process group under GNU time; kill the group at limit_s.
    Returns dict: wall_s, rc, timed_out, mem_capped, peak_mb, stdout, stderr."""
    with tempfile.NamedTemporaryFile(prefix="bb-time-", delete=False) as tf:
        tfile = tf.name
    full = ["/usr/bin/time", "-f", "%M", "-o", tfile] + list(cmd)
    t0 = time.monotonic()
    p = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                         start_new_session=True, text=True)
    state = {"timed_out": False, "mem": False}

    def watchdog():
        while p.poll() is None:
            if time.monotonic() - t0 > limit_s:
                state["timed_out"] = True
                break
            rss = 0
            try:  # sum of RSS over the group is costly; the contender is the child of time
                for pid in _children(p.pid):
                    with open(f"/proc/{pid}/status") as s:
                        for line in s:
                            if line.startswith("VmRSS:"):
                                rss += int(line.split()[1])
            except (FileNotFoundError, ProcessLookupError, PermissionError):
                pass
            if rss > mem_cap_gb * 1024 * 1024:
                state["mem"] = True
                break
            time.sleep(0.05)
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    w = threading.Thread(target=watchdog, daemon=True)
    w.start()
    out, err = p.communicate()
    wall = time.monotonic() - t0
    w.join()
    peak = None
    try:
        txt = Path(tfile).read_text().strip().splitlines()
        peak = int(txt[-1]) / 1024.0 if txt and txt[-1].isdigit() else None
    except (OSError, ValueError):
        pass
    os.unlink(tfile)
    return {"wall_s": wall, "rc": p.returncode, "timed_out": state["timed_out"],
            "mem_capped": state["mem"], "peak_mb": peak, "stdout": out, "stderr": err}


def _children(pid):
    """pid and its descendants (from /proc/*/stat ppid links)."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as s:
                    parts = s.read().rsplit(")", 1)[1].split()
                kids.setdefault(int(parts[1]), []).append(int(d))
            except (OSError, IndexError):
                pass
    todo, seen = [pid], []
    while todo:
        x = todo.pop()
        seen.append(x)
        todo.extend(kids.get(x, []))
    return seen


def last_json(text):
    """The JSON document a contender prints last on stdout."""
    text = text.strip()
    for start in ("{", "["):
        i = text.find(start)
        if i == 0:
            return json.loads(text)
    return json.loads(text[text.find("{"):])


def write_atomically(path, text):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def log(*a):
    print(*a, file=sys.stderr, flush=True)
