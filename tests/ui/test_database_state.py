"""What the window says and allows about its database: read-only, notices, backups."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.values import get_value
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.models.grid_model import FIRST_MONTH
from aipdesk.ui.panes.targets import COL_VALUE
from tests.conftest import snapshot


def open_window(path: Path, qtbot: QtBot) -> MainWindow:
    from aipdesk.app import build_main_window

    win = build_main_window(str(path), user="tester")
    assert isinstance(win, MainWindow)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded, timeout=20_000):
        win.show()
    return win


def without_version(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """Rows of monthly_values but their version: a restore lifts every version."""
    return [row[:7] + row[8:] for row in rows]


def demo_copy(demo_template: Path, folder: Path) -> Path:
    path = folder / "aipdesk.sqlite"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def read_only_window(
    demo_template: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The demo database without write permission (root ignores file modes, so the
    permission check itself is replaced; tests/test_safety.py tests that check)."""
    import aipdesk.store.database as database

    path = demo_copy(demo_template, tmp_path)
    monkeypatch.setattr(database, "can_write", lambda _path: False)
    win = open_window(path, qtbot)
    yield win
    win.close()


def test_read_only_database_shows_a_banner_and_disables_every_edit(
    read_only_window: MainWindow,
) -> None:
    win = read_only_window
    assert win.backend.read_only
    banner = win.findChild(QLabel, "readOnlyBanner")
    assert banner is not None and banner.isVisible()
    assert "Schreibgeschützt" in banner.text()
    before = snapshot(win.backend.db)
    # The grids: no cell is editable, so typing cannot start an editor.
    for pane in (win.integrations, win.training):
        model = pane.model
        assert model.rowCount() > 0
        for row in range(model.rowCount()):
            for month in range(12):
                assert not model.flags(model.index(row, FIRST_MONTH + month)) & (
                    model.flags(model.index(row, FIRST_MONTH + month)).ItemIsEditable
                )
        assert not model.setData(model.index(0, FIRST_MONTH), "5")
    # Targets and projects: no editable cell, no enabled edit button.
    targets = win.targets
    assert not targets.model.flags(targets.model.index(0, COL_VALUE)) & (
        targets.model.flags(targets.model.index(0, COL_VALUE)).ItemIsEditable
    )
    for name in (
        "newTargetButton",
        "editCurveButton",
        "removeTargetButton",
        "copyTargetsButton",
        "newProjectButton",
        "editProjectButton",
        "activeProjectButton",
    ):
        button = win.findChild(QPushButton, name)
        assert button is not None and not button.isEnabled(), name
    # The dialogs do not open either (double-click, Enter, shortcuts).
    assert win.projects.edit_project() is None and win.projects.new_project() is None
    assert win.projects.toggle_active() is None
    # Import and merge write: disabled. Export and the template only read: enabled.
    for name, enabled in (
        ("actionImport", False),
        ("actionMerge", False),
        ("actionExport", True),
        ("actionTemplate", True),
    ):
        action = win.findChild(QAction, name)
        assert action is not None and action.isEnabled() is enabled, name
    assert snapshot(win.backend.db) == before


def test_a_writable_database_shows_no_banner(window: MainWindow) -> None:
    assert not window.backend.read_only
    assert not window.findChild(QLabel, "readOnlyBanner").isVisible()
    assert not window.findChild(QLabel, "noticeBanner").isVisible()
    assert window.findChild(QPushButton, "newTargetButton").isEnabled()
    assert window.findChild(QAction, "actionImport").isEnabled()


def test_notices_about_the_database_are_shown(
    demo_template: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database on a network share: the window says that PostgreSQL is the right
    choice for shared use (the detection itself is tested in tests/test_safety.py)."""
    import aipdesk.store.database as database

    path = demo_copy(demo_template, tmp_path)
    monkeypatch.setattr(database, "network_share", lambda *_a, **_k: "nfs4")
    win = open_window(path, qtbot)
    banner = win.findChild(QLabel, "noticeBanner")
    assert banner.isVisible()
    assert "Netzlaufwerk" in banner.text() and "PostgreSQL" in banner.text()
    assert isinstance(win.backend.db.notices[0], DomainError)
    win.close()


def damage(path: Path) -> None:
    """Overwrite the root page of the monthly values with garbage, as a failing disk
    or an interrupted copy would."""
    import sqlite3

    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name='monthly_values'"
    ).fetchone()[0]
    conn.execute("PRAGMA journal_mode=DELETE")  # one file: nothing in a -wal
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xa5" * page_size)


def answer(qtbot: QtBot, window: MainWindow, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, name) is not None)
    box = window.findChild(QMessageBox, name)
    assert isinstance(box, QMessageBox)
    return box


def test_restore_a_backup_from_the_file_menu(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    from aipdesk.services.database import backup, backups_of

    path = demo_copy(demo_template, tmp_path)
    win = open_window(path, qtbot)
    saved = backup(win.backend.db)
    before = snapshot(win.backend.db)
    win.backend.log_value("NEUSTART", "integrations", Month(2021, 5), 999)
    assert get_value(win.backend.db, "NEUSTART", "integrations", Month(2021, 5)) == (999, None)
    assert win.findChild(QAction, "actionRestore").isEnabled()

    win.backups.restore(str(saved))
    box = answer(qtbot, win, "confirmRestore")
    assert saved.name in box.text()
    with qtbot.waitSignal(win.loaded, timeout=20_000):
        box.findChild(QPushButton, "restoreButton").click()
    done = answer(qtbot, win, "restoredMessage")
    assert saved.name in done.text()
    value = get_value(win.backend.db, "NEUSTART", "integrations", Month(2021, 5))
    assert value != (999, None)
    restored = snapshot(win.backend.db)
    assert without_version(restored["monthly_values"]) == without_version(before["monthly_values"])
    lifted = zip(restored["monthly_values"], before["monthly_values"], strict=True)
    assert all(int(str(new[7])) > int(str(old[7])) for new, old in lifted)
    added = set(restored["change_log"]) - set(before["change_log"])
    assert set(before["change_log"]) <= set(restored["change_log"])
    assert [(row[2], row[3], row[4]) for row in added] == [("tester", "gui", "restore")]
    # The state before the restore (with the 999) was saved first, and it is named.
    previous = [p for p in backups_of(path) if "vor-wiederherstellung" in p.name]
    assert previous and previous[0].name in done.text()
    assert win.undo_stack.count() == 2  # the edit, then the restore: one step each
    # The window works on the restored database: an edit goes through.
    win.backend.log_value("NEUSTART", "integrations", Month(2021, 5), 7)
    assert get_value(win.backend.db, "NEUSTART", "integrations", Month(2021, 5)) == (7, None)
    win.close()


def test_restoring_a_foreign_file_is_refused_and_changes_nothing(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    path = demo_copy(demo_template, tmp_path)
    win = open_window(path, qtbot)
    before = snapshot(win.backend.db)
    foreign = tmp_path / "notes.sqlite"
    foreign.write_text("keine Datenbank", encoding="utf-8")
    win.backups.restore(str(foreign))
    answer(qtbot, win, "confirmRestore").findChild(QPushButton, "restoreButton").click()
    error = answer(qtbot, win, "errorMessage")
    assert "notes.sqlite" in error.text()
    assert snapshot(win.backend.db) == before  # and the window still has its database
    win.close()


def test_a_damaged_database_offers_its_newest_backup(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    from aipdesk.services.database import backup, backups_of, open_database

    path = demo_copy(demo_template, tmp_path)
    db = open_database(path)
    saved = backup(db)
    expected = snapshot(db)["monthly_values"]
    db.close()
    damage(path)
    damaged_bytes = path.read_bytes()

    from aipdesk.app import build_main_window

    win = build_main_window(str(path), user="tester")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.load_failed, timeout=20_000):
        win.show()
    assert path.read_bytes() == damaged_bytes  # never written to
    offer = answer(qtbot, win, "offerBackup")
    assert "beschädigt" in offer.text() and saved.name in offer.text()
    with qtbot.waitSignal(win.loaded, timeout=20_000):
        offer.findChild(QPushButton, "restoreButton").click()
    assert without_version(snapshot(win.backend.db)["monthly_values"]) == without_version(expected)
    # The damaged file itself was kept, byte for byte.
    kept = [p for p in backups_of(path) if "vor-wiederherstellung" in p.name]
    assert kept and kept[0].read_bytes() == damaged_bytes
    win.close()
