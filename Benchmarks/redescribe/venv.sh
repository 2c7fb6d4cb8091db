#!/usr/bin/env bash
# Create (or reuse) the python-clired environment of the heuristic benchmark and print its
# python path: Benchmarks/redescribe/.venv (gitignored), from requirements-clired.txt (pinned).
# Rebuilt only when the requirements change (a stamp in the venv holds their checksum).
# Progress goes to stderr, the path to stdout. PYTHON selects the interpreter (python3, 3.11).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
req="$here/requirements-clired.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "$venv/bin/python"
    exit 0
fi
echo "creating $venv (python-clired, pinned)" >&2
"${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/pip" install -q -r "$req" >&2
echo "$want" > "$stamp"
echo "$venv/bin/python"
