# Two entry points for people: `make chat` (talk to the skill) and `make test` (every check CI runs).
# Each sets up what it needs on a fresh machine: a virtual environment, node for the device tests,
# and Chromium with Amazon's APL engine (an npm package) for the screen tests.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp

.PHONY: chat serve test lint typecheck cfn-lint pytest bench model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json scripts/ensure-node scripts/ensure-chromium
	scripts/ensure-node
	scripts/ensure-chromium
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

chat: $(STAMP)
	$(PY) -m skill chat

serve: $(STAMP)
	$(PY) -m skill serve

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

cfn-lint: $(STAMP)
	$(VENV)/bin/cfn-lint template.yaml

pytest: $(STAMP) $(NODE_STAMP)
	$(VENV)/bin/pytest

test: lint typecheck cfn-lint pytest

bench: $(STAMP)
	$(PY) -m bench

# Rewrite the committed interaction model JSON from skill/interaction_model/definition.toml.
model: $(STAMP)
	$(PY) -m skill.interaction_model

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis .aws-sam
