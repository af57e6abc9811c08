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

# The window needs a few system libraries (X11/xcb, OpenGL, fonts) that the PySide6 wheel
# does not bring: installed with apt-get when run as root, else named in one line.
run: $(VENV)/.installed
	tools/qt-system-packages $(BIN)/python
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

# The pictures in docs/, made with the real application on the demo database: every pane
# at 1366×768 (an office laptop; docs/PANE.png, shown in the README) and at 1920×1080
# (docs/PANE-1920x1080.png), and the first start on an empty database (docs/welcome.png).
SHOTS := /tmp/aipdesk-shots
screenshots: $(VENV)/.installed
	rm -rf $(SHOTS) && mkdir -p $(SHOTS)
	$(BIN)/aipdesk demo --db $(SHOTS)/demo.sqlite
	$(BIN)/aipdesk init --db $(SHOTS)/empty.sqlite
	for pane in dashboard projects integrations training targets budget; do \
	  QT_QPA_PLATFORM=offscreen AIPDESK_SCREENSHOT_SIZE=1366x768 $(BIN)/aipdesk --db $(SHOTS)/demo.sqlite \
	    --screenshot docs/$$pane.png --pane $$pane || exit 1; \
	  QT_QPA_PLATFORM=offscreen AIPDESK_SCREENSHOT_SIZE=1920x1080 $(BIN)/aipdesk --db $(SHOTS)/demo.sqlite \
	    --screenshot docs/$$pane-1920x1080.png --pane $$pane || exit 1; \
	done
	QT_QPA_PLATFORM=offscreen AIPDESK_SCREENSHOT_SIZE=1366x768 $(BIN)/aipdesk --db $(SHOTS)/empty.sqlite \
	  --screenshot docs/welcome.png --pane dashboard

build: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.5"
	$(BIN)/pyinstaller --noconfirm aipdesk.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
