# Mobile Athlete Desktop: the two commands (`make run`, `make test`) and a few more.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
export QT_QPA_PLATFORM ?= offscreen
# Test processes (pytest-xdist); PYTEST_WORKERS=0 runs the suite in this process (for pdb).
PYTEST_WORKERS ?= auto

.PHONY: run test check lint typecheck layers pytest bench bench-large package forms catalogs translations demo clean help

help:
	@echo "make run    - set up .venv and open the program on a demo clinic"
	@echo "make test   - set up .venv with test extras and run every check offscreen"
	@echo "make check  - the quick loop: lint, types, layers and the tests not marked slow"
	@echo "make bench  - build a large synthetic clinic and measure speed and memory"
	@echo "make bench-large - the same at ten times the clinic (50,000 clients; slow, once)"
	@echo "make package - build a self-contained bundle for this machine"
	@echo "make forms  - compile the Designer forms (ui/forms/*.ui) with pyside6-uic"
	@echo "make catalogs - extract, update and compile the gettext catalogues (locale/)"
	@echo "make translations - update the window's .ts files (lupdate) and compile the .qm"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	rm -f $(VENV)/.installed-*
	touch $@

run: $(STAMP)
	env -u QT_QPA_PLATFORM $(BIN)/mobileathlete --demo

test: $(STAMP)
	bash scripts/system-deps.sh || true
	$(MAKE) lint typecheck layers pytest

check: $(STAMP)
	$(MAKE) lint typecheck layers
	$(BIN)/python -m pytest -p no:cacheprovider -q -x -n $(PYTEST_WORKERS) -m "not slow and not postgres" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check mobileathlete_desktop tests bench
	$(BIN)/ruff format --check mobileathlete_desktop tests bench

typecheck: $(STAMP)
	$(BIN)/mypy mobileathlete_desktop

layers: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m bench.run

bench-large: $(STAMP)
	$(BIN)/python -m bench.run --large

forms: $(STAMP)
	$(BIN)/python scripts/build_forms.py

catalogs: $(STAMP)
	$(BIN)/python scripts/build_catalogs.py

translations: $(STAMP)
	$(BIN)/python scripts/build_translations.py

package: $(STAMP)
	bash packaging/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
