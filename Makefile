# Everything a fresh machine needs is done by these targets: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers; "auto" uses every core (2 on the project's machines).
WORKERS ?= auto

.PHONY: run test lint format check install browser java audit bench bench-import clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet --upgrade "pip>=25"
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
CHROMIUM ?= /usr/bin/chromium
$(CHROMIUM):
	@echo "Installing Chromium for the browser tests (apt-get)..."
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium >/dev/null

# Run as root, or through sudo.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# The Nu HTML checker (vnu.jar) runs on Java; Debian's headless JRE if there is none.
java:
	@command -v java >/dev/null || { echo "Installing Java for the HTML checker (apt-get)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; }

# axe-core and the Nu HTML checker, pinned in tests/e2e/package-lock.json.
E2E := tests/e2e
$(E2E)/node_modules/.installed: $(E2E)/package.json $(E2E)/package-lock.json
	npm ci --prefix $(E2E) --no-audit --no-fund --silent
	touch $@

browser: $(CHROMIUM) java $(E2E)/node_modules/.installed

## Run the site with the demo newsroom on SQLite at http://$(HOST):$(PORT)/
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo ""
	@echo "  Newsroom CMS is starting. The reader's site: http://$(HOST):$(PORT)/"
	@echo "  The editorial admin: http://$(HOST):$(PORT)/admin/"
	@echo "  Log in as editor / newsroom-demo (or writer, moderator, admin: same password)."
	@echo "  Background jobs (digest emails, printed here) run in a worker beside the server."
	@echo "  Stop with Ctrl-C."
	@echo ""
	@export NEWSROOM_SITE_URL=http://$(HOST):$(PORT); \
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## Install what the tests need and run the whole suite (DATABASE_URL picks the database).
test: install browser
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/pytest -n $(WORKERS)

# Lighthouse (pinned in tests/perf/package-lock.json) on the home, article and show pages.
PERF := tests/perf
$(PERF)/node_modules/.installed: $(PERF)/package.json $(PERF)/package-lock.json
	npm ci --prefix $(PERF) --no-audit --no-fund --silent
	touch $@

## Lighthouse scores (performance, accessibility, best practices, SEO) of the demo site.
audit: install $(CHROMIUM) $(PERF)/node_modules/.installed
	CHROMIUM_PATH=$(CHROMIUM) $(PY) $(PERF)/audit.py

## Benchmarks: the large newsroom on PostgreSQL + Redis under gunicorn, measured with wrk.
bench: install
	@command -v wrk >/dev/null || { echo "Installing wrk for the benchmarks (apt-get)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk >/dev/null; }
	$(PY) tests/perf/bench.py

## The WordPress import at scale: 10,000 posts into PostgreSQL, twice (tests/perf/bench_import.py)
bench-import: install
	$(PY) tests/perf/bench_import.py

## ruff, and the layers' import contracts (pyproject.toml, docs/architecture.md)
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 media $(E2E)/node_modules $(PERF)/node_modules
