# The two-command promise: `make run` sets everything up and serves the portal on SQLite;
# `make test` runs the whole suite (SQLite by default, PostgreSQL when DATABASE_URL is set).

# Any Python from 3.11 to 3.13 (Django 5.2's, from 3.11 up): `make run PYTHON=python3.12`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The Python version PYTHON names, e.g. 3.12; the .venv remembers the one that made it, and a
# .venv made by another Python (or by an attempt that failed) is made anew.
PYTHON_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
VENV_MADE_BY := $(VENV)/.made-by-python$(PYTHON_VERSION)
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install check-pythons run test screenshots seed serve backup restore audit bench lighthouse lint format messages clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml $(VENV_MADE_BY)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(VENV_MADE_BY):
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 14))' 2>/dev/null || { \
	  echo "'$(PYTHON)' is not Python 3.11, 3.12 or 3.13: choose one, e.g. make run PYTHON=python3.12" >&2; \
	  exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	touch $@

# Python 3.12 and 3.13 cannot be installed on CI's machine (Debian 12 ships 3.11 only): this
# checks instead that every dependency, development tools included, installs on each of them
# from PyPI as a ready-built wheel (pip resolves the whole set for that version, installs nothing).
check-pythons: install
	for version in 3.12 3.13; do \
	  $(BIN)/python -m pip install --quiet --dry-run --ignore-installed --only-binary=:all: \
	    --python-version $$version --target "$$(mktemp -d)" '.[dev]' || exit 1; \
	  echo "Python $$version: every dependency installs"; \
	done

run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_seed
	$(MANAGE) runserver $(HOST):$(PORT)

# The Nu HTML checker's vnu.jar for the HTML test, when npm is here; without npm (or java,
# or /usr/bin/chromium) `make test` still runs and says which checks it skipped.
NPM := $(shell command -v npm 2>/dev/null)

# Two processes (pytest-xdist), each with a test database of its own (test_<name>_gw0, _gw1):
# the suite is as much waiting (servers starting, Chromium, nginx) as computing. Each module
# stays in one process (--dist loadscope), the ones with the most tests handed out first: the
# servers a module's fixtures start (nginx, moto, the admin accounts) start once. (xdist_group
# marks would split finer, but pytest-xdist 3.8 cannot apply them under pytest 9.)
# TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= 2

test: install $(if $(NPM),node_modules/.installed)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadscope

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the system's is used.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

seed: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_seed

# Production: gunicorn with DEBUG off. Refuses to start without DJANGO_SECRET_KEY.
serve: install
	DJANGO_SETTINGS_MODULE=rosario_intl.settings.prod $(MANAGE) check --deploy --fail-level WARNING
	DJANGO_SETTINGS_MODULE=rosario_intl.settings.prod $(MANAGE) collectstatic --no-input --verbosity 0
	DJANGO_SETTINGS_MODULE=rosario_intl.settings.prod $(MANAGE) migrate --no-input
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn --config gunicorn.conf.py rosario_intl.wsgi:application

# PostgreSQL only: DATABASE_URL (environment or .env) into backups/<UTC time>.dump and the
# uploaded files (DJANGO_MEDIA_ROOT) into backups/<UTC time>.media.tar.gz, and back. The
# restore replaces the database's content and the media folder without asking: stop the
# portal first. With DJANGO_MEDIA_STORAGE=s3 the bucket is left out (README).
backup:
	bash scripts/backup.sh

restore:
	bash scripts/restore.sh "$(FILE)"

# Known vulnerabilities in the installed dependencies (asks PyPI's advisory database).
audit: install
	$(BIN)/python scripts/audit.py

# The production stack under load (gunicorn + PostgreSQL, wrk): writes bench/results.md.
# Needs the PostgreSQL server on 127.0.0.1:5432 (BENCH_PG to change it) and wrk.
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py

# Lighthouse (mobile) on the production stack: scores, weight, third-party and render-blocking
# requests of the home page, a project page and the map; writes bench/lighthouse.md. Needs the
# PostgreSQL server as for `bench`, npm and /usr/bin/chromium.
lighthouse: install node_modules/.installed
	test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/python bench/lighthouse.py

# Whole-page screenshots of home, a project page and the map, in Spanish at 1280 and 375 px,
# into docs/screenshots/ (Chromium at /usr/bin/chromium).
screenshots: install
	test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/python scripts/screenshots.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/hadolint Dockerfile

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Needs GNU gettext. The compiled .mo files are committed, so `make run` does not;
# tests/test_locale.py checks that they match the .po files.
messages: install
	$(MANAGE) makemessages --locale es --locale en --no-obsolete --ignore '.venv/*' --ignore 'node_modules/*'
	$(MANAGE) compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
