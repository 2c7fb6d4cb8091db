#!/usr/bin/env bash
# Create (or reuse) the python-clired environment of the heuristic benchmark and print its
# python path: Benchmarks/redescribe/.venv (gitignored), from requirements-clired.txt (pinned),
# made by paper-repro/pinned-venv.sh (rebuilt only when the requirements change).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../../paper-repro/pinned-venv.sh" "$here/requirements-clired.txt" "$here/.venv" 'from blocks.mine import exec_clired'
