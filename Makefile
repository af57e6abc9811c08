# Two commands to start: `make run` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test check demo lint typecheck pytest bench build clean translations screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/aipdesk

demo: $(VENV)/.installed
	$(BIN)/aipdesk demo --db demo.sqlite

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

pytest: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint typecheck pytest

# The fast lane for everyday work: lint, types and the tests not marked slow.
check: lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow"

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/status_scale.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/edit_latency.py

# Qt Linguist: collect the tr() strings into the .ts (translations kept), then compile the .qm.
TS := resources/translations/aipdesk_de.ts
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate $$(find aipdesk/ui -name '*.py' | sort) -ts $(TS) -source-language en -target-language de -no-obsolete
	$(BIN)/pyside6-lrelease $(TS) -qm resources/translations/aipdesk_de.qm

# The pictures in docs/, made with the real application on the demo database.
screenshots: $(VENV)/.installed
	rm -f /tmp/aipdesk-shots.sqlite
	$(BIN)/aipdesk demo --db /tmp/aipdesk-shots.sqlite
	for pane in dashboard projects integrations training targets; do \
	  QT_QPA_PLATFORM=offscreen $(BIN)/aipdesk --db /tmp/aipdesk-shots.sqlite --screenshot docs/$$pane.png --pane $$pane || exit 1; \
	done

build: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.5"
	$(BIN)/pyinstaller --noconfirm aipdesk.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
