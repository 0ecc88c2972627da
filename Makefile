# The quick start: `make run` builds the graph and serves it; `make test` runs the tests.
# Both create the virtual environment in .venv on first use, so a fresh clone needs nothing else.
#
# The tiers of tests (markers declared in pyproject.toml; tests/markers.py says how a test gets
# live and remote, and checks them while the tests run):
#   make check        lint, then the fast tier: the tests that start no server process and are
#                     not slow; about a minute on two cores, for every change.
#   make test-fast    that fast tier alone: -m 'not live and not remote and not slow ...';
#                     it builds the session's release from the build cache the last run kept
#                     in .pytest_cache (--reuse-build-cache, tests/conftest.py), so from the
#                     second run on the build takes a second, not ten.
#   make test         the README's command: everything but bench, soak and external (about five
#                     minutes): the fast tier, plus
#                       slow    starts no server but takes seconds: whole builds of the release,
#                               SHACL validation of the whole graph;
#                       live    a real server process on loopback: `publisher serve`, gunicorn,
#                               headless Chromium (tests/liveserver.py starts the publisher);
#                       remote  a real oxigraph server (tests/remote/servers.py).
#   make test-remote  the remote tests alone; make soak, make bench, make external: their own
#                     marks, left out of `make test` (see each target below).
# No test writes into the checkout: the run fails if it changed (tests/checkout.py).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast check build bench soak clean external lint engines
FAST := not live and not remote and not slow and not bench and not soak and not external and not engines

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,lint,bench]'  # bench: tests/test_benchmarks.py runs a small benchmark
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/publisher serve --host 127.0.0.1 --port 8080

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m '$(FAST)' --reuse-build-cache

check: lint test-fast

# One style and the architecture: ruff (lint and format), mypy, and the import contract of
# pyproject.toml (imports only go down the flow of packages).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The build's SHACL engine (pyshacl-turbo) and the reference (pySHACL) on every case of
# tests/test_shapes.py, results compared (about four minutes; make test runs a few of them).
engines: $(STAMP)
	$(BIN)/python -m pytest -q -m engines tests/test_shacl_engines.py

# Third-party clients (rdflib, SPARQLWrapper, Comunica, N3.js, jsonld.js, rdf-validate-shacl,
# rapper, Chromium) against a real server: scripts/setup-external.sh installs them first.
external: $(STAMP)
	bash scripts/setup-external.sh
	$(BIN)/python -m pytest -m external tests/external

# Headless Chromium for the page tests (tests/pages/test_browser.py, marked live): Debian's
# package (and DejaVu, a font with Arabic letters, for the screenshots), installed only when
# missing. CI calls this before `make test`.
.PHONY: browser
browser:
	command -v chromium >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core; }

build: $(STAMP)
	$(BIN)/publisher build

# The benchmarks at scale (benchmarks/README.md): corpora of about 165 thousand to 1 million
# triples generated in /tmp, the build, the store and the HTTP layer measured side by side with
# an Oxigraph server, rdflib-endpoint and rdflib; about an hour and a half on two cores. wrk comes from
# Debian's packages, rdflib-endpoint and matplotlib from the `bench` extra. BENCH_ARGS passes
# options (python -m benchmarks.run --help), e.g. BENCH_ARGS='--sizes 100,300,620,6200'.
bench: $(STAMP)
	command -v wrk >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; }
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# The long robustness runs (docs/operations.md): three-minute soaks against `publisher serve`
# and gunicorn, and `publisher build` killed at random moments twenty times. A short soak and
# the hostile suite run in `make test`.
soak: $(STAMP)
	$(BIN)/python -m pytest -m soak -s tests/soak tests/test_atomic_release.py

# The remote-store tests alone (they also run in `make test`): a real oxigraph server on
# loopback, filled by `publisher load`, under the web suite, the fault tests and gunicorn.
.PHONY: test-remote
test-remote: $(STAMP)
	$(BIN)/python -m pytest -m remote tests/web tests/conformance tests/remote

clean:
	rm -rf release release.d .pytest_cache
