# The two commands a newcomer needs: `make demo` and `make test`. Both build .venv if missing.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint schemas clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (Python 3.11) on PATH"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: install
	$(BIN)/civicpulse demo

test: install lint
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check contracts config ingest classifiers workers sinks insights civicpulse samples bench tests
	$(BIN)/ruff format --check contracts config ingest classifiers workers sinks insights civicpulse bench tests
	$(BIN)/mypy

schemas: install
	$(BIN)/civicpulse schemas --out schemas

clean:
	rm -rf $(VENV) .pytest_cache
