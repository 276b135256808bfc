# Two commands on a fresh machine: `make edition` and `make test`. Both set up first:
# a virtualenv with the locked stack (uv, bytecode compiled), and the system fonts.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UV     := $(BIN)/uv
YEAR   ?= 2024
CORPUS ?= ../shared/corpus
LOCK   := requirements.lock
UV_VERSION := 0.13.9
UV_INSTALL := $(UV) pip install --quiet --python $(BIN)/python --compile-bytecode -c $(LOCK)

.PHONY: setup system browser edition test bench lab corpus clean help
help:
	@echo "make edition [YEAR=2024]  set up, then build outputs/\$$YEAR"
	@echo "make test                 set up, then run every test"
	@echo "make bench                set up (with the bench extra), then print the measurements"
	@echo "make lab                  set up with jupyterlab, to open the notebooks"
	@echo "make corpus               every report of \$$CORPUS, both years, and the page comparing them"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(UV): | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml $(LOCK) | $(UV)
	$(UV_INSTALL) -e '.[test]'
	@touch $@

$(VENV)/.installed-bench: $(VENV)/.installed
	$(UV_INSTALL) -e '.[test,bench]'
	@touch $@

system:
	@scripts/install-system-deps

# the browser test drives Debian's chromium with chromedriver (no downloaded browsers here)
browser:
	@scripts/install-system-deps --browser

setup: $(VENV)/.installed system

edition: setup
	$(BIN)/reportfigures build --year $(YEAR)

test: setup browser
	$(BIN)/python -m pytest

# the package's own source compiled too: where PYTHONDONTWRITEBYTECODE is set, every start
# would otherwise compile it again (~10 ms of each `reportfigures extract`)
bench: setup $(VENV)/.installed-bench
	$(BIN)/python -m compileall -q src >/dev/null
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/edition_bench.py
	$(BIN)/python bench/nextyear_bench.py

corpus: setup
	$(BIN)/reportfigures corpus $(CORPUS)/gov-work-reports-2025 $(CORPUS)/gov-work-reports-2026

lab: setup
	$(UV_INSTALL) -e '.[test,lab]'
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) outputs/[0-9]* outputs/.[0-9]*
