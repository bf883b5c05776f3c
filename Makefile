# Vitrine: `make demo` runs the demo museum, `make test` runs the whole test suite.
# Both start from a fresh clone: they create .venv and install everything they need.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/vitrine
PORT ?= 8000

.PHONY: demo test test-postgres test-sqlite lint schema bench install browser-deps

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed

# Browser and Node tests: Debian's Chromium (apt-get, if missing), the tour viewers and
# @saleor/sdk from npm, each as its lockfile pins them; Hugin's nona (apt-get, if
# missing), the oracle the tiler's faces are checked against.
browser-deps:
	bash tests/e2e/install.sh
	bash tests/e2e/saleor_sdk/install.sh
	bash tests/tours/install.sh

demo: install
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver 0.0.0.0:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The suite runs twice: on the PostgreSQL server of the machine (row locks and
# concurrency are only real there) and on SQLite (the embedded demo database).
test: lint browser-deps test-postgres test-sqlite

test-postgres: install
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -p no:cacheprovider

test-sqlite: install
	env -u DATABASE_URL $(BIN)/pytest -p no:cacheprovider

schema: install
	$(BIN)/python manage.py graphql_schema --out schema.graphql

bench: install
	$(BIN)/python bench/graphql_read.py
