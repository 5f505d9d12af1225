# The two commands a new machine needs: `make serve` and `make test`.
PYTHON ?= python3
BENCH_COUNTS ?= 10 100 1000 5000
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build check test lint system-deps node-deps browser-deps clean bench lighthouse \
	publish publish-address offline release

serve: $(STAMP) node-deps
	$(BIN)/python build_edition.py serve

build: $(STAMP) node-deps
	$(BIN)/python build_edition.py build

# The site for publication: every citation and canonical link names the address it is
# published at, e.g. `make publish EDITION_URL=https://example.org/korkmaz/`.
publish: publish-address $(STAMP) node-deps
	EDITION_URL="$(EDITION_URL)" $(BIN)/python build_edition.py build

# Freeze the current version (the first under `versions` in sources/edition.yaml): its site
# kept in releases/<version>/ and served at /surum/<version>/ by every later build.
release: publish-address $(STAMP) node-deps
	EDITION_URL="$(EDITION_URL)" $(BIN)/python build_edition.py release

publish-address:
	@case "$(EDITION_URL)" in http://?*|https://?*) ;; \
	  *) echo "make publish needs EDITION_URL, the address the edition is published at:" \
	       "make publish EDITION_URL=https://example.org/korkmaz/" >&2; exit 2;; esac

# A copy to read from disk: dist/<edition id>-offline.zip (see README, "Offline copy").
offline: build
	$(BIN)/python build_edition.py offline

check: $(STAMP)
	$(BIN)/python build_edition.py check

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check edition build_edition.py tests bench
	$(BIN)/mypy

# The environment: a virtualenv with the project installed (PyICU compiles against the
# system's ICU, which system-deps provides when it is missing).
$(STAMP): pyproject.toml | system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@sh .ci/system-deps.sh build

# Node.js and the npm packages: citeproc-js formats the citations; the test tools come along.
node-deps:
	@sh .ci/system-deps.sh node
	@test -f node_modules/.package-lock.json -a node_modules/.package-lock.json -nt package-lock.json \
		|| npm ci --loglevel=error --no-audit --no-fund

browser-deps: node-deps
	@sh .ci/system-deps.sh browser

clean:
	rm -rf site .site-* artifacts dist

# The benchmark (not part of the tests): synthetic editions of N documents, built and measured.
bench: $(STAMP) node-deps
	cd bench && ../$(BIN)/python run.py $(BENCH_COUNTS)

# Lighthouse scores of the built site (reported, not asserted: they vary between runs).
# Lighthouse stays out of package-lock.json: a dependency of it asks for "latest" of another
# package, which would break `npm ci` whenever that package is released.
lighthouse: $(STAMP) browser-deps build
	npm install --no-save --no-audit --no-fund lighthouse@12.8.2
	$(BIN)/python bench/lighthouse.py
