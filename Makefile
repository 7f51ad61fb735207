# Two commands on a fresh machine: `make run` (set up, load the seed article, audit, serve) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test setup browser report-deps lint worker clean

BROKER ?= redis://127.0.0.1:6379/0

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# The statement parser compiled with mypyc (about 1.6 times faster; scripts/build_parser.py), again whenever
# its sources change. Without a C compiler and Python's headers it is not compiled and runs as Python, and
# a build of other sources is never loaded (registry/parsing/compiling.py).
build/.parser-attempted: $(VENV)/.installed scripts/build_parser.py $(wildcard registry/parsing/*.py)
	$(PY) scripts/build_parser.py || echo "The statement parser was not compiled: it runs as Python."
	@mkdir -p $(@D) && touch $@

setup: $(VENV)/.installed build/.parser-attempted

# Page tests drive Debian's Chromium; installed here when missing (needs root, as on the project's machines).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } || \
	  echo "Could not install chromium and chromium-driver: the browser tests will be skipped."

# PDF reports are laid out by WeasyPrint, which needs Pango and HarfBuzz; installed here when missing (as root).
REPORT_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
report-deps:
	@dpkg -s $(REPORT_LIBS) >/dev/null 2>&1 || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(REPORT_LIBS) >/dev/null; } || \
	  echo "Could not install $(REPORT_LIBS): PDF reports will fail."

run: setup report-deps
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_organizations
	$(PY) manage.py load_seed
	$(PY) manage.py run_audit --no-progress
	$(PY) manage.py create_demo_users
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production: gunicorn with WEB_CONCURRENCY workers, static files by WhiteNoise. Needs DEBUG=false,
# SECRET_KEY, ALLOWED_HOSTS and (for teams) DATABASE_URL, CELERY_BROKER_URL and CACHE_URL; see the README.
serve: setup
	$(PY) manage.py collectstatic --no-input -v0
	$(PY) manage.py migrate --no-input
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py coi.wsgi

# The suite runs in one process per core (pytest-xdist), each with its own test database;
# PYTEST_WORKERS=0 runs it in this one process (as a bare `pytest` does).
PYTEST_WORKERS ?= auto
test: setup browser report-deps
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

# A Celery worker for background audits; start the web app with CELERY_BROKER_URL=$(BROKER) to use it.
worker: setup
	CELERY_BROKER_URL=$${CELERY_BROKER_URL:-$(BROKER)} $(VENV)/bin/celery -A coi worker --loglevel=info --concurrency=2

clean:
	rm -rf $(VENV) build db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles
