# The two commands a newcomer needs: `make demo` and `make test`. Both build .venv if missing.
# .venv's interpreter: the first Python 3.11 that can make a venv, trying first where optimised
# builds live (python.org's and Docker's in /usr/local, the distribution's in /usr). Built with
# profile-guided and link-time optimisation, they spent 7-10% less CPU on the worker's batches
# here than pyenv's default build (bench/PROFILE.md), and the Docker image runs such a build.
# `make PYTHON=/path/to/python3.11 install` chooses another.
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell for p in /usr/local/bin/python3.11 /usr/bin/python3.11 python3.11; do \
	"$$p" -c 'import ensurepip, venv' >/dev/null 2>&1 && { echo "$$p"; break; }; done)
endif
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint a11y-tools schemas clean

install: $(STAMP)

# Installing compiles the redaction passes with mypyc (setup.py), so a change to them installs again
$(STAMP): pyproject.toml setup.py $(wildcard classifiers/redaction.py classifiers/_redaction_*.py classifiers/ascii_words.py)
	@test -n "$(PYTHON)" || { echo "needs Python 3.11 with its venv module (python3.11 on PATH)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,embedded]'
	@touch $(STAMP)

demo: install
	$(BIN)/civicpulse demo

test: install lint a11y-tools
	$(BIN)/python -m pytest

# The accessibility check of published pages: axe-core (npm) in Debian's headless Chromium.
A11Y_STAMP := tests/a11y/node_modules/.installed
a11y-tools: $(A11Y_STAMP)

$(A11Y_STAMP): tests/a11y/package.json tests/a11y/package-lock.json
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the accessibility check"; \
	  apt-get install -y -q chromium >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; } || true; \
	fi
	@command -v chromium >/dev/null 2>&1 || { echo "the accessibility check needs Debian's chromium: apt-get install chromium"; exit 1; }
	npm ci --prefix tests/a11y --no-audit --no-fund --loglevel=error
	@touch $@

lint: install
	$(BIN)/ruff check contracts config ingest classifiers workers sinks insights delivery civicpulse web samples bench tests
	$(BIN)/ruff format --check contracts config ingest classifiers workers sinks insights delivery civicpulse web samples bench tests
	$(BIN)/lint-imports
	$(BIN)/mypy

schemas: install
	$(BIN)/civicpulse schemas --out schemas

clean:
	rm -rf $(VENV) .pytest_cache build classifiers/*.so classifiers_redaction__mypyc.*.so \
	  classifiers/compiled-sources.sha256
