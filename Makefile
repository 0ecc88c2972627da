# The quick start: `make run` builds the graph and serves it; `make test` runs the tests.
# Both create the virtual environment in .venv on first use, so a fresh clone needs nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test build bench soak clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/publisher serve --host 127.0.0.1 --port 8080

test: $(STAMP)
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/publisher build

clean:
	rm -rf release release.d .pytest_cache
