# eportal: `make run` serves the demo portal, `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
THREADS ?= 4
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# DEMO=province: a province installation (province portal, a commune site, the archived
# Kế Sách portal) in its own var/province, so it never mixes with the Kế Sách demo.
DEMO ?= kesach
ifeq ($(DEMO),province)
VAR ?= var/province
export EPORTAL_VAR_DIR := $(abspath $(VAR))
DEMO_FLAGS := --province
else ifeq ($(DEMO),kesach)
VAR ?= var
DEMO_FLAGS :=
else
$(error DEMO must be kesach (the default) or province)
endif

.DEFAULT_GOAL := help
.PHONY: help install node setup run serve test test-faults test-browser lock clean bench bench-search

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/.installed ## Create .venv and install the pinned dependencies

setup: install ## Migrate the database, collect static files, load the demo, create the admin
	mkdir -p $(VAR)/media
	$(MANAGE) migrate --no-input
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) load_demo $(DEMO_FLAGS)
	$(MANAGE) ensure_admin

run: setup serve ## Set everything up and serve http://$(HOST):$(PORT)/ (make run PORT=8010; make run DEMO=province)

serve: ## Serve with granian and run the periodic jobs beside it (no setup)
	@echo "eportal: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) run_timers & timers=$$!; trap 'kill $$timers 2>/dev/null' EXIT INT TERM; \
	$(BIN)/granian --interface wsgi --host $(HOST) --port $(PORT) \
		--workers $(WORKERS) --blocking-threads $(THREADS) --no-ws \
		--static-path-route /static --static-path-mount $(VAR)/static \
		--static-path-route /media --static-path-mount $(VAR)/media \
		eportal.wsgi:application

TEST_WORKERS ?= 2
NODE_MODULES := node_modules/.package-lock.json

# axe-core (accessibility tests) and the font sources come from package-lock.json. Without
# npm the axe tests are skipped and say why; nothing at run time downloads anything.
$(NODE_MODULES): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the accessibility (axe) tests will be skipped"; fi

node: $(NODE_MODULES) ## Install the front-end test tools (axe-core) from package-lock.json

test: install node ## Run the test suite in TEST_WORKERS processes (browser tests need /usr/bin/chromium)
	$(BIN)/pytest -n $(TEST_WORKERS)

test-browser: install node ## Run only the browser tests: axe, keyboard, page weight; screenshots in build/screenshots
	$(BIN)/pytest -n $(TEST_WORKERS) -m browser

test-faults: install ## Kill and restart Redis, PostgreSQL and app workers under load (needs their Debian binaries)
	$(BIN)/pytest -m faults -p no:xdist tests/faults

ARTICLES ?= 10000

bench: install ## Benchmark behind nginx, as deploy/ runs it (make bench ARTICLES=N; needs Debian's nginx and wrk)
	$(BIN)/python -m bench.run --articles $(ARTICLES)

SEARCH_ARTICLES ?= 1000,10000,100000
BENCH_PG ?= postgresql://postgres@127.0.0.1:5432/eportal_bench_search

bench-search: install ## Search latency on SQLite and PostgreSQL (SEARCH_ARTICLES=1000,10000,100000)
	$(BIN)/python -m bench.search --articles $(SEARCH_ARTICLES)
	psql "$(dir $(BENCH_PG))postgres" -qc "CREATE DATABASE $(notdir $(BENCH_PG))" 2>/dev/null || true
	DATABASE_URL=$(BENCH_PG) $(BIN)/python -m bench.search --articles $(SEARCH_ARTICLES)

FONTSOURCE := node_modules/@fontsource/noto-sans
FONTS_DIR := eportal/static/fonts

.PHONY: fonts
fonts: ## Re-copy Noto Sans (latin + vietnamese, 400/700, normal/italic) from node_modules (npm ci first)
	mkdir -p $(FONTS_DIR)
	for subset in latin vietnamese; do for weight in 400 700; do for style in normal italic; do \
		cp $(FONTSOURCE)/files/noto-sans-$$subset-$$weight-$$style.woff2 $(FONTS_DIR)/ || exit 1; \
	done; done; done
	cp $(FONTSOURCE)/LICENSE $(FONTS_DIR)/OFL.txt

lock: ## Re-pin dependencies after editing pyproject.toml
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes -o requirements.lock

clean: ## Remove the virtualenv and local data (database, media, cache)
	rm -rf $(VENV) $(VAR)
