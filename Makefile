# collective.confrecap developer commands. `make help` lists them.
#
# Everything is installed into .venv (Python $(PYTHON_VERSION)) from the pins in
# constraints.txt. uv is used when it is on PATH; otherwise a pinned uv is
# bootstrapped into .tools/ with the system python3.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3
PYTHON_VERSION ?= 3.11
UV_VERSION ?= 0.13.9
EXCLUDE_NEWER ?= 2026-09-12

VENV := .venv
VENV_PYTHON := $(VENV)/bin/python
INSTALL_STAMP := $(VENV)/.install-stamp

# The pure tier: collective.confrecap.formats and tests/unit need only these
# (no Plone, no Zope but zope.i18nmessageid); `make test-pure` proves it.
PURE_VENV := .venv-pure
PURE_STAMP := $(PURE_VENV)/.install-stamp
PURE_DEPS := markdown-it-py PyYAML ftfy markdownify zope.i18nmessageid defusedxml tzdata \
	pytest hypothesis

INSTANCE ?= instance
PORT ?= 8080
HOST ?= 127.0.0.1
SITE_ID ?= Plone
ADMIN_PASSWORD ?= admin
export ADMIN_PASSWORD SITE_ID

PYTEST_ARGS ?=

# uv: the one on PATH, or a pinned copy in .tools/ (bootstrapped on demand).
UV_ON_PATH := $(shell command -v uv 2>/dev/null)
ifeq ($(UV_ON_PATH),)
UV := .tools/bin/uv
UV_DEP := $(UV)
else
UV := $(UV_ON_PATH)
UV_DEP :=
endif
export UV_NO_PROGRESS := 1

LINT_DIRS := $(wildcard src tests scripts benchmarks)
ZPRETTY_FILES = $(shell find src -name '*.zcml' -o -name '*.xml' | sort)
SPELL_PATHS := $(LINT_DIRS) $(wildcard docs news README.rst CHANGES.rst Makefile setup.py pyproject.toml)

.PHONY: help
help: ## Show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

# --- environment -------------------------------------------------------------

.tools/bin/uv:
	@echo "==> Bootstrapping uv $(UV_VERSION) into .tools/ (uv is not on PATH)"
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(INSTALL_STAMP): setup.py constraints.txt Makefile $(UV_DEP)
	@echo "==> Installing collective.confrecap[test,dev,cluster] into $(VENV) (pins: constraints.txt)"
	@if [ ! -x $(VENV_PYTHON) ]; then \
		$(UV) venv --python $(PYTHON_VERSION) $(VENV); \
	fi
	$(UV) pip install --python $(VENV_PYTHON) --exclude-newer $(EXCLUDE_NEWER) \
		-c constraints.txt Plone -e ".[test,dev,cluster]"
	@touch $@

# Node tooling for the browser tests (axe-core), when the repo has a package.json.
ifneq ($(wildcard package.json),)
NODE_STAMP := node_modules/.install-stamp
$(NODE_STAMP): package.json $(wildcard package-lock.json)
	@command -v npm >/dev/null || { echo "npm is needed for the browser tests' node tooling (Debian: apt-get install nodejs npm)"; exit 1; }
	@echo "==> Installing node tooling from package.json into node_modules/"
	@if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	@touch $@
endif

.PHONY: install
install: $(INSTALL_STAMP) $(NODE_STAMP) ## Create .venv (Plone + the add-on with test/dev/cluster extras, pinned) and node_modules

# --- running -----------------------------------------------------------------

$(INSTANCE)/etc/zope.conf: scripts/make_instance.py $(wildcard instance-templates/*) | $(INSTALL_STAMP)
	$(VENV_PYTHON) scripts/make_instance.py $(INSTANCE)

.PHONY: instance
instance: $(INSTANCE)/etc/zope.conf ## Create the Zope instance (FileStorage + blobs in instance/var)

.PHONY: start
start: install instance ## Create/update the site and serve http://localhost:PORT/Plone (PORT=8080)
	@echo "==> Preparing Plone site '$(SITE_ID)' (created only if missing; content is kept)"
	$(VENV)/bin/zconsole run $(INSTANCE)/etc/zope.conf scripts/setup_site.py
	@echo
	@echo "  Plone site:  http://localhost:$(PORT)/$(SITE_ID)"
	@echo "  Zope root:   http://localhost:$(PORT)/  (ZMI: /manage)"
	@echo "  Login:       admin / $(ADMIN_PASSWORD)   (password fixed when $(INSTANCE)/ was created)"
	@echo "  Logs:        $(INSTANCE)/var/log/   Stop with Ctrl-C."
	@echo
	$(VENV)/bin/runwsgi $(INSTANCE)/etc/zope.ini http_port=$(PORT) http_host=$(HOST)

# --- cluster: RelStorage/PostgreSQL, two Zope instances, HAProxy --------------

CLUSTER ?= cluster

.PHONY: cluster
cluster: install ## PostgreSQL+RelStorage in cluster/, Zope on PORT+1 and PORT+2, HAProxy on PORT; Ctrl-C stops
	$(VENV_PYTHON) scripts/cluster.py start --dir $(CLUSTER) --port $(PORT) --host $(HOST) --site $(SITE_ID)

.PHONY: cluster-stop
cluster-stop: ## Stop what make cluster started (from another terminal)
	$(PYTHON) scripts/cluster.py stop --dir $(CLUSTER)

.PHONY: bench-cluster
bench-cluster: install ## Benchmark (not a test): wrk through HAProxy with 1 and 2 instances, 4 concurrent writers
	$(VENV_PYTHON) benchmarks/bench_cluster.py

# --- quality -----------------------------------------------------------------

$(PURE_STAMP): constraints.txt Makefile $(UV_DEP)
	@echo "==> Creating $(PURE_VENV): only the pure formats' dependencies (pins: constraints.txt)"
	rm -rf $(PURE_VENV)
	$(UV) venv --python $(PYTHON_VERSION) $(PURE_VENV)
	$(UV) pip install --python $(PURE_VENV)/bin/python --exclude-newer $(EXCLUDE_NEWER) \
		-c constraints.txt $(PURE_DEPS)
	@touch $@

.PHONY: test-pure
test-pure: $(PURE_STAMP) ## Run tests/unit in .venv-pure (formats' deps only, no Plone, add-on not installed)
	PYTHONPATH=src $(PURE_VENV)/bin/python -m pytest -rs tests/unit

# pytest's testpaths (pyproject.toml) is tests/. Plain `make test` runs the
# unit tier without Plone (test-pure), then every other tier; PYTEST_ARGS
# (a path, -k, -m, -x) runs just that in the full environment. -rs lists every
# skipped test with its reason.
.PHONY: test
test: install ## Unit tier without Plone, then the rest (PYTEST_ARGS='tests/browser -x' runs only that)
ifeq ($(strip $(PYTEST_ARGS)),)
	@$(MAKE) test-pure
	$(VENV_PYTHON) -m pytest -rs tests --ignore=tests/unit
else
	$(VENV_PYTHON) -m pytest -rs $(PYTEST_ARGS)
endif

.PHONY: bench
bench: install ## Benchmarks (not tests): views vs summary_view, @recap vs @search fullobjects
	$(VENV_PYTHON) benchmarks/bench_views.py
	$(VENV_PYTHON) benchmarks/bench_rest.py

.PHONY: bench-load
bench-load: install ## wrk on loopback (DURATION=60 s) vs our pages and Plone's front page, with 2 writers
	@command -v wrk >/dev/null || apt-get install -y wrk
	$(VENV_PYTHON) benchmarks/bench_load.py
.PHONY: bench-programme
bench-programme: install ## Benchmark: import one pyvideo conference (~120 talks) into Plone, then sync it
	$(VENV_PYTHON) benchmarks/bench_programme.py $(BENCH_ARGS)

.PHONY: bench-archive
bench-archive: install ## Benchmark (not a test): the whole pyvideo.org archive in a real site; aggregates vs @search, quarter -> full
	$(VENV_PYTHON) benchmarks/bench_archive.py $(BENCH_ARGS)

.PHONY: lint
lint: install ## ruff check (incl. bandit S, bugbear B), ruff format --check, zpretty --check, codespell (runs all, fails if any fails)
	@status=0; \
	echo "==> ruff check $(LINT_DIRS)"; $(VENV)/bin/ruff check $(LINT_DIRS) || status=1; \
	echo "==> ruff format --check $(LINT_DIRS)"; $(VENV)/bin/ruff format --check $(LINT_DIRS) || status=1; \
	echo "==> zpretty --check (*.zcml, *.xml under src/)"; $(VENV)/bin/zpretty --check $(ZPRETTY_FILES) || status=1; \
	echo "==> codespell"; $(VENV)/bin/codespell $(SPELL_PATHS) || status=1; \
	exit $$status

.PHONY: format
format: install ## ruff check --fix (imports etc.), ruff format, zpretty -i
	$(VENV)/bin/ruff check --fix $(LINT_DIRS)
	$(VENV)/bin/ruff format $(LINT_DIRS)
	$(VENV)/bin/zpretty -i $(ZPRETTY_FILES)

.PHONY: changelog
changelog: install ## Preview the next CHANGES.rst section from the news/ fragments (towncrier --draft)
	$(VENV)/bin/towncrier build --draft --version "$$($(VENV_PYTHON) setup.py --version 2>/dev/null | sed 's/\.dev.*//')"

# --- translations ------------------------------------------------------------

LOCALES := src/collective/confrecap/locales

.PHONY: i18n
i18n: install ## Rebuild locales/collective.confrecap.pot from code, templates and profiles; sync each .po
	$(VENV)/bin/i18ndude rebuild-pot --pot $(LOCALES)/collective.confrecap.pot \
		--create collective.confrecap src/collective/confrecap
	@for po in $(LOCALES)/*/LC_MESSAGES/collective.confrecap.po; do \
		$(VENV)/bin/i18ndude sync --pot $(LOCALES)/collective.confrecap.pot $$po; \
	done


# --- pins --------------------------------------------------------------------

.PHONY: constraints
constraints: $(UV_DEP) ## Re-pin constraints.txt from requirements.in, then versions.cfg
	$(UV) pip compile --python $(PYTHON_VERSION) --exclude-newer $(EXCLUDE_NEWER) \
		--no-header requirements.in -o constraints.txt
	@$(MAKE) versions

.PHONY: versions
versions: ## Regenerate buildout's versions.cfg from constraints.txt
	$(PYTHON) scripts/constraints_to_versions.py constraints.txt versions.cfg

# --- housekeeping ------------------------------------------------------------

.PHONY: clean
clean: ## Remove .venv, .tools, instance/, cluster/ (stopped first), buildout artefacts and caches
	@if [ -d $(CLUSTER) ]; then $(PYTHON) scripts/cluster.py stop --dir $(CLUSTER); fi
	rm -rf $(VENV) $(PURE_VENV) .tools $(INSTANCE) $(CLUSTER) node_modules
	rm -rf bin develop-eggs eggs parts downloads var .installed.cfg .mr.developer.cfg
	rm -rf .pytest_cache .ruff_cache .hypothesis test-results build dist
	find src tests scripts -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null || true
	find src -name '*.egg-info' -type d -prune -exec rm -rf {} + 2>/dev/null || true
