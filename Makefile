# Two entry points: `make run` (the app on its offline defaults) and `make test`.
# `run` installs the runtime only (offline: no torch, no LangChain); `test` adds the dev extra
# (the llm and integrations extras, and torch for training, export and parity checks).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test test-fast lint install install-dev clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# uv resolves the same versions as pip and fetches them in parallel: about 20 s against
	# 50 s from empty caches on 2 cores. It is removed after use (37 MB); pip does the work
	# where uv cannot be installed or fails. No byte-compiling at install (neither compiles by
	# default): Python compiles what it imports on first use, and most of the dependency tree
	# (kubernetes, pandas, ...) is never imported; ~200 MB and a minute less.
	$(BIN)/pip install -q uv && \
	  $(BIN)/uv pip install -q --native-tls --python $(BIN)/python -e . || \
	  { $(BIN)/pip install -q --upgrade pip && $(BIN)/pip install -q --no-compile -e .; }
	$(BIN)/pip uninstall -q -y uv
	# ... but what the app imports is compiled now (~40 MB), even where PYTHONDONTWRITEBYTECODE
	# is set: the first `crosscheck ask` then starts as fast as later ones.
	$(BIN)/python scripts/compile_imports.py
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	# torch first, pinned to the CPU build: an unpinned torch pulls a multi-GB CUDA build.
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev]"
	touch $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

run: $(STAMP)
	$(BIN)/crosscheck serve

test: $(DEV_STAMP)
	$(BIN)/python -m pytest -q

# The daily loop: everything but the slow and browser tests (under a minute on 2 cores).
test-fast: $(DEV_STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

lint: $(DEV_STAMP)
	$(BIN)/ruff check bot retrieval tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .crosscheck
