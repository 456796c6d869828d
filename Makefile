# The README's two commands: `make build` and `make test`.
#
# Three install sets, each locked with hashes from pyproject.toml (`make locks`):
#   requirements.lock        the runtime (what `make build` and the published site need)
#   requirements-test.lock   the runtime and the test tools (`make test`)
#   requirements-bench.lock  the runtime and the benchmark's baseline (`make bench`)
# Each set is installed with `--require-hashes --no-deps`: exactly the locked
# files, nothing resolved on the fly.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
LOCKED_INSTALL := $(PIP) install --quiet --require-hashes --no-deps
BUILD_SET := $(VENV)/.build-set
PROJECT := $(VENV)/.project
TEST_SET := $(VENV)/.test-set
BENCH_SET := $(VENV)/.bench-set
BENCH_ARGS ?= --sizes 200,1000,2000 --generator-only-sizes 10000

.PHONY: build test check serve bench locks clean world-outline

# A new runtime lock starts a new .venv, so that no package of an older set
# (or of the test and bench sets) stays behind.
$(BUILD_SET): requirements.lock
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(LOCKED_INSTALL) -r requirements.lock
	touch $@

# The project itself, editable; setuptools comes from the runtime lock (it is
# pyproject.toml's build requirement), hence no build isolation.
$(PROJECT): $(BUILD_SET) pyproject.toml
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(TEST_SET): $(BUILD_SET) requirements-test.lock
	$(LOCKED_INSTALL) -r requirements-test.lock
	touch $@

$(BENCH_SET): $(BUILD_SET) requirements-bench.lock
	$(LOCKED_INSTALL) -r requirements-bench.lock
	touch $@

build: $(PROJECT)
	$(BIN)/briefing build

test: $(PROJECT) $(TEST_SET) tests/browser/node_modules/.package-lock.json
	$(BIN)/python -m pytest -q

# axe-core for the browser tests, pinned by tests/browser/package-lock.json.
tests/browser/node_modules/.package-lock.json: tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund

check: $(PROJECT)
	$(BIN)/briefing check

serve: $(PROJECT)
	$(BIN)/briefing serve

bench: $(PROJECT) $(BENCH_SET)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# Regenerates the locks from pyproject.toml, keeping every pin they already
# hold; `make locks UPGRADE=--upgrade` (or `UPGRADE="--upgrade-package NAME"`)
# moves pins forward. The lock tool (pip-tools, itself locked with hashes in
# requirements-lock-tool.lock; its version is LOCK_TOOL) lives in a scratch
# venv, never in .venv. The locks are resolved against PyPI alone (no pip
# configuration, no local wheel folders), so that their hashes are those of
# PyPI's files, all of a release's files. The test and bench locks are
# constrained by the runtime lock (and bench by test) so that the sets
# installed into one .venv agree on every shared package.
LOCK_TOOL := pip-tools==7.6.2
UPGRADE ?=
PYPI_ONLY := env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null
COMPILE = $(PYPI_ONLY) CUSTOM_COMPILE_COMMAND="make locks" "$$tool/bin/pip-compile" --quiet \
	--generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(UPGRADE)
locks:
	tool=$$(mktemp -d) && trap 'rm -rf "$$tool"' EXIT && \
	$(PYTHON) -m venv "$$tool" && \
	$(PYPI_ONLY) "$$tool/bin/python" -m pip install --quiet --disable-pip-version-check \
		--require-hashes --no-deps -r requirements-lock-tool.lock && \
	$(COMPILE) --all-build-deps -o requirements.lock pyproject.toml && \
	$(COMPILE) --all-build-deps --extra test -c requirements.lock -o requirements-test.lock pyproject.toml && \
	$(COMPILE) --all-build-deps --extra bench -c requirements.lock -c requirements-test.lock \
		-o requirements-bench.lock pyproject.toml && \
	echo "$(LOCK_TOOL)" | $(COMPILE) -o requirements-lock-tool.lock -

# The map's country outlines (templates/assets/world.svg), drawn again from
# Natural Earth as shipped by the npm package world-atlas, at the pinned
# version (npm checks the package's integrity); the site ships the result.
WORLD_ATLAS := world-atlas@2.0.2
world-outline: $(PROJECT)
	work=$$(mktemp -d) && trap 'rm -rf "$$work"' EXIT && \
	npm pack --silent --pack-destination "$$work" $(WORLD_ATLAS) >/dev/null && \
	tar -xzf "$$work"/world-atlas-*.tgz -C "$$work" && \
	$(BIN)/python -m tools.world_outline "$$work/package/countries-50m.json" > templates/assets/world.svg

clean:
	rm -rf site .build
