"""Two coordinators on one database: the window never overwrites a colleague's newer
value unseen. The colleague writes through a database connection of their own, as a
second aipdesk process would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.database import Database, open_database
from aipdesk.services.targets import list_targets, set_target
from aipdesk.services.values import clear_value, get_value, log_value
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.models.grid_model import FIRST_MONTH
from tests.conftest import snapshot

BOB = Actor("bob", "gui")
MAY = Month(2021, 5)
CELL = ("NEUSTART", "integrations", MAY)


@pytest.fixture
def colleague(window: MainWindow) -> Iterator[Database]:
    db = open_database(window.backend.db.url, create=False)
    yield db
    db.close()


def grid_index(window: MainWindow, project: str, metric: str, month: int):  # type: ignore[no-untyped-def]
    model = window.integrations.model
    row = model.find(project, metric)
    assert row is not None
    return model.index(row, FIRST_MONTH + month - 1)


def type_into_grid(window: MainWindow, qtbot: QtBot, text: str) -> None:
    window.show_pane("integrations")
    view = window.findChild(QTableView, "integrationsTable")
    view.setFocus()
    view.setCurrentIndex(grid_index(window, "NEUSTART", "integrations", 5))
    qtbot.keyClicks(view, text[0])
    editor = QApplication.focusWidget()  # an earlier editor may await its deletion
    assert isinstance(editor, QLineEdit) and editor.objectName() == "cellEditor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def error_box(window: MainWindow) -> QMessageBox:
    box = QApplication.activeModalWidget() or window.findChild(QMessageBox, "errorMessage")
    assert isinstance(box, QMessageBox), "no error message shown"
    return box


def test_an_edit_of_a_value_changed_meanwhile_is_refused_and_the_window_reloads(
    window: MainWindow, colleague: Database, qtbot: QtBot
) -> None:
    shown = grid_index(window, "NEUSTART", "integrations", 5).data()
    log_value(colleague, BOB, *CELL, 123)  # Bob, in his own aipdesk, was quicker
    assert grid_index(window, "NEUSTART", "integrations", 5).data() == shown  # not seen yet
    before = snapshot(colleague)

    type_into_grid(window, qtbot, "99")

    box = error_box(window)
    assert "bob" in box.text() and "jetzt 123" in box.text()
    assert "nicht gespeichert" in box.text() and "aktuellen Stand" in box.text()
    box.close()
    assert snapshot(colleague) == before  # Bob's value stands, nothing logged
    # The window shows the current state: Bob's value, in the grid and in the dashboard.
    assert grid_index(window, "NEUSTART", "integrations", 5).data() == "123"
    assert window.undo_stack.count() == 0
    # Now that the window shows 123, the user's edit goes through.
    type_into_grid(window, qtbot, "99")
    assert get_value(colleague, *CELL) == (99, None)


def test_a_value_removed_meanwhile_is_a_conflict_too(
    window: MainWindow, colleague: Database, qtbot: QtBot
) -> None:
    clear_value(colleague, BOB, *CELL)
    type_into_grid(window, qtbot, "5")
    box = error_box(window)
    assert "entfernt" in box.text() and "bob" in box.text()
    box.close()
    assert get_value(colleague, *CELL) is None
    assert grid_index(window, "NEUSTART", "integrations", 5).data() == ""


def test_undo_does_not_overwrite_a_colleagues_later_value(
    window: MainWindow, colleague: Database, qtbot: QtBot
) -> None:
    type_into_grid(window, qtbot, "77")
    assert get_value(colleague, *CELL) == (77, None)
    log_value(colleague, BOB, *CELL, 80)  # Bob corrects it afterwards
    window.findChild(QAction, "actionUndo").trigger()
    box = error_box(window)
    assert "bob" in box.text() and "jetzt 80" in box.text()
    box.close()
    assert get_value(colleague, *CELL) == (80, None)
    assert grid_index(window, "NEUSTART", "integrations", 5).data() == "80"


def test_undo_and_redo_of_ones_own_edits_still_work(
    window: MainWindow, colleague: Database, qtbot: QtBot
) -> None:
    old = get_value(colleague, *CELL)
    type_into_grid(window, qtbot, "77")
    undo = window.findChild(QAction, "actionUndo")
    redo = window.findChild(QAction, "actionRedo")
    undo.trigger()
    assert get_value(colleague, *CELL) == old
    redo.trigger()
    assert get_value(colleague, *CELL) == (77, None)
    undo.trigger()
    assert get_value(colleague, *CELL) == old


def test_a_target_changed_meanwhile_is_not_overwritten(
    window: MainWindow, colleague: Database, qtbot: QtBot
) -> None:
    from tests.ui.test_targets_pane import NEUSTART, type_into_value

    window.show_pane("targets")
    pane = window.targets
    set_target(colleague, BOB, "NEUSTART", "integrations", Month(2021, 1), Month(2021, 12), 710)
    type_into_value(qtbot, pane, NEUSTART, "650")
    # The pane stores the typed value once the editor has closed (a queued call).
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None)
    box = error_box(window)
    assert "bob" in box.text() and "jetzt 710" in box.text()
    box.close()
    stored = [t for t in pane.snapshot.targets if (t.project, t.metric) == NEUSTART[:2]]
    assert stored and stored[0].value == 710  # the pane shows Bob's target now
    in_db = [t for t in list_targets(colleague) if (t.project, t.metric) == NEUSTART[:2]]
    assert [t.value for t in in_db] == [710]
