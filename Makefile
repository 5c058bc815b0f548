# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po locale/*/LC_MESSAGES/djangojs.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: run test bench relevance install messages makemessages migrate demo index serve check lint format clean backup restore
BENCH_COUNT ?= 10000
BENCH_LOAD_SECONDS ?= 60
BENCH_PG ?= postgres://postgres@127.0.0.1:5432/bp_bench

## run: install, migrate, load the demo content, build the search index and serve on http://127.0.0.1:8000
run: install messages migrate demo index
	@$(MANAGE) demo_logins
	$(MANAGE) runserver $(HOST):$(PORT)

## test: the whole suite (SQLite unless DATABASE_URL names another database; CI uses PostgreSQL)
test: install messages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## bench: search page vs the engine work under it, on SQLite, PostgreSQL and Elasticsearch-on-osmem (own databases), then 50 clients for 60 s
bench: install messages
	command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null || echo "wrk not installed: the load runs will be skipped"
	DATABASE_URL=sqlite:///bench.sqlite3 $(MANAGE) migrate --noinput -v0
	DATABASE_URL=sqlite:///bench.sqlite3 $(MANAGE) bench --settings config.settings.bench --count $(BENCH_COUNT) --load-seconds $(BENCH_LOAD_SECONDS)
	DATABASE_URL=sqlite:///bench.sqlite3 $(MANAGE) bench --settings config.settings.bench --count $(BENCH_COUNT) --load-seconds $(BENCH_LOAD_SECONDS) --engine osmem
	-createdb -h 127.0.0.1 -U postgres bp_bench 2>/dev/null
	DATABASE_URL=$(BENCH_PG) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_PG) $(MANAGE) bench --settings config.settings.bench --count $(BENCH_COUNT) --load-seconds $(BENCH_LOAD_SECONDS)

## relevance: the judged query set (search/relevance/) on SQLite, Elasticsearch-on-osmem and PostgreSQL (own databases; docs/search.md)
RELEVANCE_PG ?= postgres://postgres@127.0.0.1:5432/bp_relevance
relevance: install messages
	rm -f relevance.sqlite3
	DATABASE_URL=sqlite:///relevance.sqlite3 $(MANAGE) migrate --noinput -v0
	DATABASE_URL=sqlite:///relevance.sqlite3 $(MANAGE) setup_site
	DATABASE_URL=sqlite:///relevance.sqlite3 $(MANAGE) load_demo --force
	DATABASE_URL=sqlite:///relevance.sqlite3 $(MANAGE) update_index -v0
	DATABASE_URL=sqlite:///relevance.sqlite3 $(MANAGE) relevance
	DATABASE_URL=sqlite:///relevance.sqlite3 $(MANAGE) relevance --engine osmem
	-dropdb -h 127.0.0.1 -U postgres --if-exists $(notdir $(RELEVANCE_PG)) 2>/dev/null
	createdb -h 127.0.0.1 -U postgres $(notdir $(RELEVANCE_PG))
	DATABASE_URL=$(RELEVANCE_PG) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(RELEVANCE_PG) $(MANAGE) setup_site
	DATABASE_URL=$(RELEVANCE_PG) $(MANAGE) load_demo --force
	DATABASE_URL=$(RELEVANCE_PG) $(MANAGE) update_index -v0
	DATABASE_URL=$(RELEVANCE_PG) $(MANAGE) relevance

install: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

# .mo files are built, not committed: Babel compiles them without needing GNU gettext.
messages: install $(MO_FILES)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	$(BIN)/pybabel compile --domain django --input-file $< --output-file $@ --statistics

# Wagtail's admin JavaScript strings its own catalogues leave untranslated (docs/editor.md).
locale/%/LC_MESSAGES/djangojs.mo: locale/%/LC_MESSAGES/djangojs.po
	$(BIN)/pybabel compile --domain djangojs --input-file $< --output-file $@ --statistics

## makemessages: extract marked strings into the .po files (needs GNU gettext)
makemessages: install
	$(MANAGE) makemessages --locale es --locale en --locale pt --ignore '.venv/*' --no-obsolete
	$(MANAGE) makemessages --domain djangojs --locale es --locale en --locale pt --ignore '.venv/*' --ignore 'staticfiles/*' --no-obsolete

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) setup_site
	$(MANAGE) load_demo

index: install
	$(MANAGE) update_index

BACKUP_DIR ?= var/backups
## backup: the database and media in one archive, var/backups/backup-<UTC time>.tar.gz (docs/operations.md, Backups)
backup: install
	$(MANAGE) backup_site --output-dir $(BACKUP_DIR)

## restore: ARCHIVE=var/backups/backup-….tar.gz replaces the database and media, then rebuilds the search index
restore: install
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=$(BACKUP_DIR)/backup-<time>.tar.gz"; exit 2; }
	$(MANAGE) restore_site $(ARCHIVE)

## check: Django system checks and no missing migrations
check: install messages
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(64))") ALLOWED_HOSTS=example.org CACHE_URL=redis://127.0.0.1:6379/0 $(MANAGE) check --deploy --fail-level WARNING

TEMPLATES := $(shell git ls-files '*/templates/*.html' 2>/dev/null)

## lint: ruff (code and format), djhtml (template indentation), import contracts (.importlinter: apps import only the layers below)
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@$(BIN)/djhtml --check $(TEMPLATES)
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml $(TEMPLATES)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .test-media test-artifacts
