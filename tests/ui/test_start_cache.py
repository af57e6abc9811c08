"""The window on a warm start: the figures of the start-up cache at once, nothing
editable, then the real read; a database that fails to open is not hidden by them."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from aipdesk.app import build_main_window
from aipdesk.services import startcache
from aipdesk.ui.backend import Backend
from aipdesk.ui.main_window import MainWindow
from tests.ui.test_database_state import damage


def started(path: Path, qtbot: QtBot) -> MainWindow:
    win = build_main_window(str(path), user="tester")
    assert isinstance(win, MainWindow)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def warm(demo_template: Path, tmp_path: Path, qtbot: QtBot) -> Path:
    """A copy of the demo that one window has shown (and so stored) and closed."""
    path = tmp_path / "window.sqlite"
    shutil.copy(demo_template, path)
    first = started(path, qtbot)
    with qtbot.waitSignal(first.loaded, timeout=20_000):
        first.show()
    assert not first.showing_cache  # nothing stored before: a cold start
    first.close()
    assert startcache.lookup(str(path), None) is not None
    return path


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The database worker waits before it reads (and opens the database) until set."""
    release = threading.Event()
    read = Backend.read_snapshot

    def waiting(self: Backend, *args: Any, **kwargs: Any) -> Any:
        release.wait(20)
        return read(self, *args, **kwargs)

    monkeypatch.setattr(Backend, "read_snapshot", waiting)
    yield release
    release.set()


def test_the_cached_figures_are_shown_before_the_database_is_read(
    warm: Path, held: threading.Event, qtbot: QtBot
) -> None:
    win = started(warm, qtbot)
    with qtbot.waitSignal(win.cache_shown, timeout=20_000):
        win.show()
    assert win.showing_cache and not win.backend.is_open
    assert win.dashboard.model.rowCount() == 14
    assert win.integrations.model.rowCount() > 0 and win.projects.model.rowCount() > 0
    # Nothing can be changed or exported until the database is open and checked.
    assert win.backend.read_only
    grid = win.integrations.model
    assert not any(
        grid.flags(grid.index(row, column)) & Qt.ItemFlag.ItemIsEditable
        for row in range(grid.rowCount())
        for column in range(grid.columnCount())
    )
    assert not win.action_export.isEnabled() and not win.action_import.isEnabled()
    assert not win.projects.new_button.isEnabled()
    cached = win.snapshot
    with qtbot.waitSignal(win.loaded, timeout=20_000):
        held.set()
    assert not win.showing_cache and win.backend.is_open
    assert win.snapshot is not cached and win.snapshot == cached
    assert win.snapshot is not None and win.snapshot.data is not None  # the real read
    assert not win.backend.read_only and win.action_export.isEnabled()
    qtbot.waitUntil(lambda: win.dashboard.chart.data is not None, timeout=20_000)
    win.close()


def test_a_change_since_is_not_shown_from_the_cache(warm: Path, qtbot: QtBot) -> None:
    from aipdesk.domain.months import Month
    from aipdesk.services.base import Actor
    from aipdesk.services.database import open_database
    from aipdesk.services.values import log_value

    db = open_database(warm)
    log_value(db, Actor("tester", "cli"), "NEUSTART", "integrations", Month(2021, 3), 4711)
    db.close()
    win = started(warm, qtbot)
    shown: list[bool] = []
    win.cache_shown.connect(lambda: shown.append(True))
    with qtbot.waitSignal(win.loaded, timeout=20_000):
        win.show()
    assert shown == [] and not win.showing_cache
    win.close()  # stores the new state for the next start
    assert startcache.lookup(str(warm), None) is not None


def test_a_damaged_database_is_not_hidden_by_the_cached_figures(
    warm: Path, held: threading.Event, qtbot: QtBot
) -> None:
    damage(warm)  # the same file, the same change log: the key still matches
    win = started(warm, qtbot)
    with qtbot.waitSignal(win.cache_shown, timeout=20_000):
        win.show()
    assert win.dashboard.model.rowCount() == 14
    with qtbot.waitSignal(win.load_failed, timeout=20_000):
        held.set()
    assert win.snapshot is None and not win.showing_cache
    for model in (
        win.dashboard.model,
        win.projects.model,
        win.integrations.model,
        win.training.model,
        win.targets.model,
    ):
        assert model.rowCount() == 0
    assert win.dashboard.reporting.text() == ""
    assert win.year_combo.count() == 0
    assert not win.action_export.isEnabled()
    win.close()


def test_no_cache_when_switched_off(
    warm: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(startcache.DISABLE, "1")
    win = started(warm, qtbot)
    shown: list[bool] = []
    win.cache_shown.connect(lambda: shown.append(True))
    with qtbot.waitSignal(win.loaded, timeout=20_000):
        win.show()
    assert shown == []
    win.close()


def test_the_chart_follows_the_real_read_on_a_warm_start(warm: Path, qtbot: QtBot) -> None:
    win = started(warm, qtbot)
    with qtbot.waitSignal(win.cache_shown, timeout=20_000):
        win.show()
    chart = win.dashboard.chart
    qtbot.waitUntil(lambda: chart.is_drawn and not chart.is_pending, timeout=20_000)
    assert chart.data is not None and win.backend.is_open
    win.close()
