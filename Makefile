# Two commands for a fresh machine: `make run` and `make test`. Everything installs from this repo.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench install install-test clean package package-check

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test]'
	touch $@

$(VENV)/.installed-package: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[package]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: $(VENV)/.installed
	$(VENV)/bin/cxworkshop --demo

test: $(VENV)/.installed-test lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check cxworkshop tests benchmarks
	$(VENV)/bin/lint-imports

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

# The desktop bundle for facilitators, in dist/cxworkshop/ (docs/packaging.md); not part of
# `make test`. package-check runs that bundle on its own, outside the source tree.
package: $(VENV)/.installed-package
	$(VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/cxworkshop.spec

package-check:
	sh packaging/check-bundle.sh dist/cxworkshop

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
