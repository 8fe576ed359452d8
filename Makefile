# The AICT site. `make run` serves it, `make test` runs the whole suite. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help install install-test run serve prepare test test-sqlite test-postgres lint fmt superuser messages messages-update check-messages bench bench-workers profile backup restore requirements screenshots

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	@scripts/system-packages.sh python
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

$(VENV)/.installed-bench: requirements-bench.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the site's requirements

requirements: | $(BIN)/python ## Pin each requirements*.in into its requirements*.txt, with hashes
	$(BIN)/pip install --quiet --disable-pip-version-check pip-tools==7.4.1
	for name in requirements requirements-test requirements-bench requirements-s3; do \
	  CUSTOM_COMPILE_COMMAND="make requirements" $(BIN)/pip-compile --quiet --generate-hashes \
	    --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	    -o $$name.txt $$name.in || exit 1; \
	done

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --silent
	@touch $@

install-test: $(VENV)/.installed-test ## Install what the tests need, system packages included
	@scripts/system-packages.sh test
	@$(MAKE) --no-print-directory node_modules/.installed

prepare: install messages
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) load_initial_content
	DEBUG=1 $(MANAGE) load_territories

run: prepare ## Serve the site on http://127.0.0.1:8000 (development server, SQLite)
	DEBUG=1 PORT=$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

serve: prepare ## Serve with gunicorn, DEBUG off, HTTPS off, on 127.0.0.1:$(PORT)
	@export DEBUG=0 HTTPS=0 PORT=$(PORT) \
	  ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	  SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}; \
	$(MANAGE) collectstatic --noinput -v0 && exec $(BIN)/gunicorn -c gunicorn.conf.py aict_site.wsgi

messages: | $(BIN)/python ## Compile the French translations
	@scripts/system-packages.sh gettext
	@DEBUG=1 $(MANAGE) compilemessages -v0 --ignore=.venv

messages-update: | $(BIN)/python ## Refresh the French catalogue from the code; new strings come empty, to translate
	DEBUG=1 $(MANAGE) makemessages -l fr --ignore=.venv --ignore=node_modules --no-location
	msgattrib --no-obsolete -o locale/fr/LC_MESSAGES/django.po locale/fr/LC_MESSAGES/django.po

check-messages: messages ## Fail when the French catalogue lacks, leaves untranslated or no longer uses a string
	@scripts/check-messages.sh

lint: install-test ## ruff check, ruff format --check, and djLint on the templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint --quiet

fmt: install-test ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: install-test lint check-messages ## Install everything the tests need and run the suite on SQLite and PostgreSQL
	@DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	scripts/run-tests.sh

test-sqlite: install-test ## The suite on SQLite only
	scripts/run-tests.sh sqlite

test-postgres: install-test ## The suite on PostgreSQL only
	scripts/run-tests.sh postgres

backup: install ## Back up the database and media into BACKUP_DIR (keeps BACKUP_KEEP archives)
	$(MANAGE) backup

restore: install ## Restore FILE=… into an empty database and media folder (FORCE=1 to overwrite)
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/aict-backup-….tar.gz" >&2; exit 2; }
	$(MANAGE) restore "$(FILE)" $(if $(FORCE),--force,)

screenshots: install-test ## Full-page screenshots of the main pages at 375 and 1280 px (docs/screenshots/)
	$(BIN)/python scripts/screenshots.py

bench: install ## Benchmark the site under load on SQLite and PostgreSQL (writes bench/results/)
	@scripts/system-packages.sh bench
	$(BIN)/python bench/run.py

bench-workers: install ## Compare gunicorn worker types and counts under the bench's load (SQLite)
	@scripts/system-packages.sh bench
	$(BIN)/python bench/workers.py

profile: $(VENV)/.installed-bench ## Profile each benchmarked page with pyinstrument (writes bench/results/)
	$(BIN)/python bench/profile.py

superuser: prepare ## Create the first staff account (without a terminal: DJANGO_SUPERUSER_USERNAME, _EMAIL, _PASSWORD)
	@DEBUG=1 scripts/superuser.sh
