# Vitrine: `make demo` runs the demo museum, `make test` runs the whole test suite.
# Both start from a fresh clone: they create .venv and install everything they need.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/vitrine
PORT ?= 8000
# The demo listens on loopback only: `make demo HOST=0.0.0.0` shows it to the network
# (DEBUG is on: only on a network you trust). Not `?=`: some shells export HOST (the
# machine's name), which must not open the demo to the network.
HOST = 127.0.0.1
STRIPE_PORT ?= 8420

# The reference frontend (frontend/): `npm ci` from its lockfile when that changed, and
# a production build into frontend/dist (served by Django) when any source changed.
FRONTEND_MODULES := frontend/node_modules/.package-lock.json
FRONTEND_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
	frontend/index.html frontend/vite.config.ts frontend/tsconfig.json frontend/package.json

.PHONY: demo test test-postgres test-sqlite lint schema bench install browser-deps frontend frontend-check

$(BIN)/.installed: pyproject.toml
	bash deploy/system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed

# Browser and Node tests: Debian's Chromium (apt-get, if missing), the tour viewers and
# @saleor/sdk and graphql-http (the GraphQL-over-HTTP audit) from npm, each as its
# lockfile pins them; Hugin's nona (apt-get, if
# missing), the oracle the tiler's faces are checked against.
browser-deps: $(FRONTEND_MODULES)
	bash tests/e2e/install.sh
	bash tests/e2e/saleor_sdk/install.sh
	bash tests/site/graphql_http/install.sh
	bash tests/tours/install.sh
	bash tests/ldes/node/install.sh


$(FRONTEND_MODULES): frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: $(FRONTEND_MODULES) $(FRONTEND_SOURCES)
	cd frontend && npm run build

frontend: frontend/dist/index.html

# Generated GraphQL types must match schema.graphql; type check, unit tests, build.
frontend-check: $(FRONTEND_MODULES)
	cd frontend && npm run codegen:check && npm run typecheck && npm test
	$(MAKE) frontend

demo: install frontend
	$(BIN)/python manage.py migrate --no-input -v0
	DEMO_HOST=$(HOST) PORT=$(PORT) $(BIN)/python manage.py load_demo
	$(BIN)/python manage.py prepare_renditions
	# runserver, with localstripe on 127.0.0.1:$(STRIPE_PORT) and its signed webhook registered
	SINGLE_PROCESS=true $(BIN)/python manage.py rundemo $(HOST):$(PORT) --stripe-port $(STRIPE_PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The whole suite runs on the PostgreSQL server of the machine (row locks and concurrency
# are only real there); what can differ on SQLite (the embedded demo database) runs there
# too: everything but the browser tests and the modules marked database_neutral (the
# tiler, catalogue files, Node clients, IIIF images and documents, object storage, the
# Termennetwerk client, which museum answers which host, and the schema fuzz, whose
# strictest database is PostgreSQL), which behave the same on both. The demo itself
# loads on SQLite too (tests/site/test_demo.py): it is what `make demo` runs on. One test process per core (pytest-xdist), each with its own database. Tests are
# handed out one by one in the suite's order (`--dist load`, not by module):
# pytest-django runs transactional tests last because they leave the database empty, and
# handing out whole modules would run a module's transactional test before another
# module's ordinary ones. The 30 slowest tests are listed at the end of each run: where
# CI time goes.
TEST_WORKERS ?= auto
PYTEST = $(BIN)/pytest -p no:cacheprovider -n $(TEST_WORKERS) --dist load --durations=30

test: lint browser-deps frontend-check test-postgres test-sqlite

test-postgres: install
	DATABASE_URL=$(PG_URL) $(PYTEST)

test-sqlite: install
	env -u DATABASE_URL $(PYTEST) -m "not e2e and not database_neutral"

schema: install
	$(BIN)/python manage.py graphql_schema --out schema.graphql

bench: install
	$(BIN)/python bench/graphql_read.py
