#!/usr/bin/env bash
# Create (or reuse) a pinned Python environment and print its python path:
#
#   paper-repro/pinned-venv.sh REQUIREMENTS VENV_DIR [CHECK]
#
# The venv is rebuilt only when REQUIREMENTS changes (a stamp file in the venv holds its
# checksum); CHECK is Python code run in the venv after the install (e.g. the imports that
# must work). Progress goes to stderr, the path to stdout. PYTHON selects the interpreter that
# creates the venv (default: python3, must be 3.11). The project's venvs (paper-repro/venv.sh,
# paper-repro/cnn/venv.sh, Benchmarks/redescribe/venv.sh) are made by this script.
set -euo pipefail
req="$1"
venv="$2"
check="${3:-pass}"
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
"$venv/bin/python" -c "$check" >&2
echo "$want" > "$stamp"
echo "$venv/bin/python"
