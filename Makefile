# Gridportal: `make run` starts the portal with demo data, `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install migrate demo lint format messages bench-address clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Gridportal needs Python 3.11 or newer; set PYTHON=/path/to/python3.x"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo --scale small --if-empty
	$(BIN)/python manage.py seed_capacity_demo --if-empty
	$(BIN)/python manage.py seed_outages_demo --if-empty
	$(BIN)/python manage.py seed_appeals_demo --if-empty
	$(BIN)/python manage.py seed_surveys_demo --if-empty
	$(BIN)/python manage.py seed_offices_demo --if-empty
	$(BIN)/python manage.py seed_reliability_demo --if-empty
	$(BIN)/python manage.py seed_learn_demo --if-empty
	$(BIN)/python manage.py seed_disclosure_demo --if-empty
	$(BIN)/python manage.py seed_connection_demo --if-empty

run: demo
	@echo "Gridportal: http://$(HOST):$(PORT)/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate each app's Russian catalogue, then compile them all.
messages: install
	for app in gridportal/*/locale; do \
	  (cd $$(dirname $$app) && ../../$(BIN)/python ../../manage.py makemessages -l ru --no-obsolete --no-location) ; \
	done
	$(BIN)/python manage.py compilemessages --ignore=.venv

bench-address: install
	$(BIN)/python bench/address_search.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
