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
#   make test         the README's command: everything but bench, soak, external and the long
#                     tier (about five minutes): the fast tier, plus
#                       slow    starts no server but takes seconds: whole builds of the release,
#                               SHACL validation of the whole graph;
#                       live    a real server process on loopback: `publisher serve`, gunicorn,
#                               headless Chromium (tests/liveserver.py starts the publisher);
#                       remote  a real oxigraph server (tests/remote/servers.py).
#   make test-long    the tests that take tens of seconds each (long) and those that bound how
#                     long a server takes (timing): about four minutes; CI runs it.
#   make test-remote  the remote tests alone; make soak, make bench, make external,
#                     make test-workbench: their own marks, left out of `make test` (see each
#                     target below).
# No test writes into the checkout: the run fails if it changed (tests/checkout.py).
PYTHON ?= python3
# Compiled modules are kept in __pycache__ (ignored by git, allowed by the checkout guard) even
# where the environment says not to (PYTHONDONTWRITEBYTECODE): otherwise every pytest run
# rewrites and compiles every test module again (collection 6.3 s -> 3.9 s), and every process
# a test, the harness or `make run` starts compiles the package from source.
unexport PYTHONDONTWRITEBYTECODE
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# What serving needs alone: the package and its dependencies, no test or benchmark extras.
SERVE_STAMP := $(VENV)/.installed-serve
# The query page's editor, installed by npm from web-assets/package-lock.json.
ASSETS_STAMP := web-assets/node_modules/.installed

# Where `make run` listens and the base its IRIs are minted under:
# make run PORT=8090, make run HOST=0.0.0.0 BASE=https://kg.example.org/
HOST ?= 127.0.0.1
PORT ?= 8080
BASE ?= http://$(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST)):$(PORT)/

.PHONY: run test test-fast check build bench soak clean external lint assets engines
FAST := not live and not remote and not slow and not long and not bench and not soak and not external and not stores and not workbench and not engines

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,lint,bench]'  # bench: tests/test_benchmarks.py runs a small benchmark
	touch $(STAMP)

$(SERVE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(SERVE_STAMP)

# The release is (re)built for BASE when it was minted under another, so that every IRI the
# server shows dereferences on it; the server says so at start when they still differ.
run: $(SERVE_STAMP) $(ASSETS_STAMP)
	$(BIN)/publisher serve --host $(HOST) --port $(PORT) --base $(BASE) --build-for-base

# The editor of the query page (YASQE), from the lock file, with npm ci; without npm the query
# page is a plain form, and this says how to get the editor.
assets: $(ASSETS_STAMP)

$(ASSETS_STAMP): web-assets/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		cd web-assets && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; \
	else \
		echo "make assets: npm is not installed, so the query page is a plain form; install Node.js and npm, then run make assets"; \
	fi

# The tests run in two processes (pytest-xdist), a test file each at a time, so that a file's
# module fixtures start once; the session's release is built once for both
# (tests/sessionbuild.py). `make test WORKERS=0` runs them in this process alone. The tests
# that take long and those that bound how long a server takes (markers long and timing) are
# `make test-long`'s. DEFAULT is pyproject's addopts selection.
WORKERS ?= 2
PARALLEL := $(if $(filter 0,$(WORKERS)),,-n $(WORKERS) --dist loadfile)
LONG := not bench and not soak and not external and not stores and not workbench and not engines
DEFAULT := $(LONG) and not long

# The assets: the browser tests type into the query page's editor.
test: $(STAMP) $(ASSETS_STAMP)
	$(BIN)/python -m pytest $(PARALLEL) -m '$(DEFAULT) and not timing'

# The tests that take long (about five minutes): those that take tens of seconds each (marker
# long: whole releases compared with and without the cache, pySHACL on a whole release, a small
# benchmark run, a 200 MB answer, whole builds, drafting every development article), then the
# tier that bounds how long a server takes (marker timing), in one process so that the other
# worker's load cannot fail them. CI runs it after `make test`.
.PHONY: test-long
test-long: $(STAMP) $(ASSETS_STAMP)
	$(BIN)/python -m pytest $(PARALLEL) -m '$(LONG) and long and not timing'
	$(BIN)/python -m pytest -m '$(LONG) and timing'

test-fast: $(STAMP) $(ASSETS_STAMP)
	$(BIN)/python -m pytest -q -m '$(FAST)' --reuse-build-cache $(PARALLEL)

check: lint test-fast

# One style and the architecture: ruff (lint and format), mypy, and the import contract of
# pyproject.toml (imports only go down the flow of packages).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The build's SHACL engine (pyshacl-turbo) and the reference (pySHACL) on every case of
# tests/test_shapes.py and on the whole release, results compared (about five minutes; make
# test runs a few broken cases on both).
engines: $(STAMP)
	$(BIN)/python -m pytest -q -m engines tests/test_shacl_engines.py

# Third-party clients (rdflib, SPARQLWrapper, Comunica, N3.js, jsonld.js, rdf-validate-shacl,
# rapper, Chromium) against a real server: scripts/setup-external.sh installs them first.
external: $(STAMP)
	bash scripts/setup-external.sh
	$(BIN)/python -m pytest -m external tests/external

# The curation workbench (`publisher curate`) driven in headless Chromium as a curator uses it
# (tests/workbench/test_browser.py, marker workbench): about two minutes, so left out of
# `make test`; `make browser` first, so it runs rather than skips.
.PHONY: test-workbench
test-workbench: $(STAMP) browser
	$(BIN)/python -m pytest -m workbench tests/workbench

# Headless Chromium for the page tests (tests/pages/test_browser.py and test_query_browser.py,
# marked live; they skip, saying so, only when chromium is missing): Debian's package (and
# DejaVu, a font with Arabic letters, for the screenshots), and npm for the query page's editor
# (make assets), installed only when missing. CI calls this before `make test`.
.PHONY: browser
browser:
	# Only what is missing: a Node.js from elsewhere brings its own npm, which Debian's conflicts with.
	missing="$$(command -v chromium >/dev/null 2>&1 || echo chromium fonts-dejavu-core) $$(command -v npm >/dev/null 2>&1 || echo npm)"; \
	if [ -n "$$(echo $$missing)" ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; fi
	$(MAKE) assets

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

# The cross-store suite (tests/stores, marker stores): the web suite, the W3C protocol tests,
# the competency questions and answer-by-answer comparisons on the embedded store, on two
# Oxigraph replicas behind HAProxy and on Virtuoso 7.2; releases switched blue-green under load,
# a replica killed under load, runaway queries stopped. Debian's haproxy and
# virtuoso-opensource are installed when missing; the oxigraph server comes with the test
# extra; the query page's editor (make assets), which the web suite checks. Every process is
# started and stopped by the tests, on loopback.
.PHONY: test-stores
test-stores: $(STAMP) $(ASSETS_STAMP)
	{ command -v haproxy && command -v virtuoso-t && command -v isql-vt; } >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends haproxy virtuoso-opensource; }
	$(BIN)/python -m pytest -m stores tests/stores

# Two Oxigraph replicas of the release behind HAProxy and `publisher serve` in front, on
# loopback (docs/deployment.md, "Oxigraph replicas behind HAProxy"); Ctrl-C stops them all.
.PHONY: cluster
cluster: $(STAMP)
	command -v haproxy >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends haproxy; }
	bash deploy/cluster.sh

clean:
	rm -rf release release.d .pytest_cache
