# Two commands a newcomer needs: `make demo` and `make test`. Both set up .venv first.
# Deployments: `make install-locked` installs the hash-checked versions of requirements.lock.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install install-locked lock clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Exactly the versions (and file hashes) of requirements.lock, then the bot itself without
# resolving anything again; no dev tools. For servers: the same install on every machine.
install-locked:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .

# Re-pin requirements.lock after a change to pyproject's dependencies (needs the dev extra).
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --extra demo --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml

demo: $(STAMP)
	$(BIN)/newsbot demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
