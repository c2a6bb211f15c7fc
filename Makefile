# berita: `make run` sets up and starts the console; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install run test bench check clean

install: $(VENV)/.installed

# torch first, pinned to the local CPU wheel: an unpinned torch pulls GBs of CUDA.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test,bench,dev]'
	touch $@

run: install
	$(BIN)/berita index
	$(BIN)/berita chat

test: install
	$(BIN)/python -m pytest -q

check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) data bench/results/*.tmp
