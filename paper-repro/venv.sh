#!/usr/bin/env bash
# Create (or reuse) the project's pinned Python environment and print its python path.
#
#   paper-repro/venv.sh            -> prints /…/paper-repro/.venv/bin/python
#
# One environment serves both paper-repro/ and Benchmarks/ (Benchmarks/mining/run.sh calls
# this script), from paper-repro/requirements.txt; made by pinned-venv.sh (rebuilt only when the
# requirements change). Progress goes to stderr, the path to stdout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/pinned-venv.sh" "$here/requirements.txt" "$here/.venv" 'import numpy, scipy, sklearn, mlxtend, fim, mip, pulp, highspy'
