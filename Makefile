# Backbones — the two commands a new user needs:
#   make demo   install system packages, build in release, run the main job on bundled real data
#   make test   install system packages, build and run the whole test suite, then the quick
#               paper reproduction with its structural checks (paper-repro/README.md)
#   make repro  the paper's experiments on real networks and data (full; ~6 min on 2 cores)
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN := .build/release/backbones
DEBIAN_PACKAGES := libglpk-dev coinor-libcbc-dev zlib1g-dev glpk-utils coinor-cbc pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test demo selftest clean bench bench-quick bench-mining bench-shares repro repro-quick repro-check fuzz fuzz-quick

# Install the Debian packages only when one is missing (apt-get update first).
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

# The release binary links the Swift runtime and Foundation statically (--static-swift-stdlib):
# `--help` takes 8 ms task-clock instead of 14 (and 4 ms since GLPK and CBC are opened only on
# the first solve, docs/solvers.md). The tests use the debug build, linked dynamically.
build: deps
	$(SWIFT) build -c release --static-swift-stdlib

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	$(MAKE) fuzz-quick
	$(MAKE) repro-check

# Mutation fuzzing of every reader through the command line (fuzz/fuzz.py, seeded; a failing
# input is kept in fuzz/failures/ with its command). fuzz-quick is the short pass `make test`
# runs on the debug build; fuzz a longer one on the release build (a few minutes).
fuzz-quick:
	python3 fuzz/fuzz.py --bin .build/debug/backbones --cases 300 --seed 1
fuzz: build
	python3 fuzz/fuzz.py --bin $(RELEASE_BIN) --cases 5000 --seed $${FUZZ_SEED:-7}

# The paper's experiments (paper-repro/README.md). repro: every fold of every case into
# paper-repro/results/ and paper-repro/RESULTS.md; repro-quick: fold 0 of the --quick exports
# into paper-repro/results-quick/. Both check the structural facts and fail if one is violated.
# repro-check is what `make test` (and so CI) runs: repro-quick with the debug build that the
# tests just made, so CI builds nothing twice.
REPRO_BIN ?= $(RELEASE_BIN)
REPRO_CHECK_BIN ?= .build/debug/backbones
repro: build
	py="$$(paper-repro/venv.sh)" && "$$py" paper-repro/repro.py --bin $(REPRO_BIN)

repro-quick: build
	py="$$(paper-repro/venv.sh)" && "$$py" paper-repro/repro.py --quick --bin $(REPRO_BIN)

repro-check:
	py="$$(paper-repro/venv.sh)" && "$$py" paper-repro/repro.py --quick --bin $(REPRO_CHECK_BIN)

# The instance regression suite on all 83 public instances of ../shared/reference/instances
# (index.csv; docs/solvers.md "Instance suite"): every file reads, both backends match the known
# optima, our LP and MPS files read back by us, glpsol and cbc to the same optimum; 10 s per
# solve (about 12 min on 2 cores). `make test` runs the same checks on 15 fast instances.
.PHONY: instances
instances: deps
	$(SWIFT) build --build-tests
	BACKBONES_INSTANCES=all $(SWIFT) test --skip-build --disable-xctest --filter 'InstanceSuiteTests|InstanceFormatTests'

# A one-node Slurm cluster on this machine (root, Debian; installs slurm-wlm and munge when
# missing), the digits plan run through it as a job array and compared with one pareto process,
# a lost job resubmitted, a cancelled task named by the merge (cluster/slurm-test.sh,
# docs/cluster.md). Not part of `make test`. BACKBONES_BIN=... uses that binary instead.
.PHONY: test-slurm
test-slurm:
	cluster/slurm-test.sh

selftest: build
	$(RELEASE_BIN) selftest --solver both

# The main job: backbones of all ten digit classes of the bundled MLP (64-32-16 on scikit-learn's
# digits), the paper's heuristic beside the exact coverage-vs-size fronts (q = 1 and 0.5),
# report files and SVG plots in out/digits. Every point is proven by the search (no solver);
# one stopped by the 10 s limit per point would show its bound and gap.
DEMO_OUT ?= out/digits
demo: build
	$(RELEASE_BIN) pareto --activations data/digits/train.csv --layers 64,32,16 \
	  --weights data/digits/weights.csv --groups correct --q 1,0.5 \
	  --time-limit 10 --jobs 2 --output $(DEMO_OUT)

# Ours against the Python stack (ILP stacks, fronts, heuristic, scaling): Benchmarks/RESULTS.md.
bench: deps
	Benchmarks/run.sh

bench-quick: deps
	Benchmarks/run.sh --quick

bench-mining: deps
	Benchmarks/mining/run.sh

# Whole exact fronts at q = 0.5, 0.7, 0.9 (digits, MNIST-5k fold 0, breast cancer fold 0): the
# search against GLPK, CBC, python-mip/CBC and HiGHS on the same cover ILP (~3 h on 2 cores).
bench-shares: deps
	Benchmarks/run.sh --case shares

clean:
	rm -rf .build

# The CNN track of issue 12 (paper-repro/cnn/README.md): its own pinned venv (JAX + Keras, CPU),
# `backbones units` on the committed exports and the comparison table; CNN_TRAIN=1 retrains and
# re-exports first (a few minutes). Not part of `make test`: the tests read the committed exports.
.PHONY: cnn
cnn: build
	BACKBONES_BIN=$(RELEASE_BIN) paper-repro/cnn/run.sh $(if $(CNN_TRAIN),--train)
