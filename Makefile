# Everything a fresh machine needs is done by these targets: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers; "auto" uses every core (2 on the project's machines).
WORKERS ?= auto

.PHONY: run test lint format check install browser clean

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
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq chromium >/dev/null

browser: $(CHROMIUM)

## Run the site with the demo newsroom on SQLite at http://$(HOST):$(PORT)/
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo ""
	@echo "  Newsroom CMS is starting. Open the editorial admin at http://$(HOST):$(PORT)/admin/"
	@echo "  Log in as editor / newsroom-demo (or writer, moderator, admin: same password)."
	@echo "  Stop with Ctrl-C."
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

## Install what the tests need and run the whole suite (DATABASE_URL picks the database).
test: install browser
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/pytest -n $(WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 media
