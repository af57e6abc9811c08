"""The entry grids, driven by keyboard like a team lead would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.services.values import get_value
from aipdesk.ui.backend import Backend
from aipdesk.ui.models.grid_model import FIRST_MONTH, GridModel
from aipdesk.ui.panes.grid import GridPane
from tests.conftest import snapshot


@pytest.fixture
def pane(backend: Backend, qtbot: QtBot) -> GridPane:
    stack = QUndoStack()
    pane = GridPane(backend, stack, Area.INTEGRATION)
    qtbot.addWidget(pane)
    month = Month(2021, 12)
    backend.changed.connect(lambda _c: pane.set_snapshot(backend.snapshot(2021, month)))
    pane.set_snapshot(backend.snapshot(2021, month))
    pane.resize(1400, 600)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def cell(pane: GridPane, project: str, metric: str, month: int):  # type: ignore[no-untyped-def]
    row = pane.model.find(project, metric)
    assert row is not None
    return pane.model.index(row, FIRST_MONTH + month - 1)


def type_into(qtbot: QtBot, pane: GridPane, index, text: str) -> None:  # type: ignore[no-untyped-def]
    view = pane.view
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, text[0])  # typing starts the editor with the first key
    editor = view.findChild(QLineEdit, "cellEditor")
    assert editor is not None
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_model_passes_qt_model_test(backend: Backend, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = GridModel()
    model.set_rows(backend.snapshot(2021).grids[Area.INTEGRATION].rows)
    qtmodeltester.check(model)
    training = GridModel()
    training.set_rows(backend.snapshot(2021).grids[Area.TRAINING].rows)
    qtmodeltester.check(training)


def test_typing_a_number_stores_it_and_enter_moves_down(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    index = cell(pane, "NEUSTART", "integrations", 5)
    type_into(qtbot, pane, index, "77")
    assert get_value(backend.db, "NEUSTART", "integrations", Month(2021, 5))[0] == 77  # type: ignore[index]
    assert index.data() == "77"
    assert pane.view.currentIndex().row() == index.row() + 1  # Enter moved down
    assert pane.view.currentIndex().column() == index.column()


def test_bad_value_is_refused_and_nothing_changes(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    index = cell(pane, "NEUSTART", "integrations", 5)
    old = index.data()
    before = snapshot(backend.db)
    type_into(qtbot, pane, index, "-3")
    # No box takes the keyboard away: the editor stays open with the text, the reason
    # beside it (tests/ui/test_keyboard_entry.py goes on from here).
    assert QApplication.activeModalWidget() is None
    editor = pane.view.findChild(QLineEdit, "cellEditor")
    assert editor is not None and editor.isVisible() and editor.text() == "-3"
    assert '"-3" ist keine gültige Anzahl' in pane.view.findChild(QLabel, "cellMessage").text()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert snapshot(backend.db) == before
    assert index.data() == old
    assert pane.undo_stack.count() == 0


def test_undo_and_redo_round_trip_in_the_database(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    month = Month(2021, 5)
    original = get_value(backend.db, "LIA", "job_starts", month)
    type_into(qtbot, pane, cell(pane, "LIA", "job_starts", 5), "66")
    assert get_value(backend.db, "LIA", "job_starts", month)[0] == 66  # type: ignore[index]
    pane.undo_stack.undo()
    assert get_value(backend.db, "LIA", "job_starts", month) == original
    assert cell(pane, "LIA", "job_starts", 5).data() == str(original[0])  # type: ignore[index]
    pane.undo_stack.redo()
    assert get_value(backend.db, "LIA", "job_starts", month)[0] == 66  # type: ignore[index]


def test_delete_clears_and_undo_restores(pane: GridPane, backend: Backend, qtbot: QtBot) -> None:
    month = Month(2021, 3)
    original = get_value(backend.db, "EXG", "integrations", month)
    assert original is not None
    pane.view.setFocus()
    pane.view.setCurrentIndex(cell(pane, "EXG", "integrations", 3))
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert get_value(backend.db, "EXG", "integrations", month) is None
    assert cell(pane, "EXG", "integrations", 3).data() == ""
    pane.undo_stack.undo()
    assert get_value(backend.db, "EXG", "integrations", month) == original


def test_tab_moves_right(pane: GridPane, qtbot: QtBot) -> None:
    index = cell(pane, "NEUSTART", "integrations", 2)
    pane.view.setFocus()
    pane.view.setCurrentIndex(index)
    qtbot.keyClick(pane.view, Qt.Key.Key_Tab)
    assert pane.view.currentIndex().column() == index.column() + 1


def test_cells_outside_the_project_period_are_not_editable(backend: Backend, qtbot: QtBot) -> None:
    stack = QUndoStack()
    pane = GridPane(backend, stack, Area.INTEGRATION)
    qtbot.addWidget(pane)
    pane.set_snapshot(backend.snapshot(2022, Month(2022, 1)))
    ip = cell(pane, "IP", "integrations", 1)  # Integration Point ends 2021-12
    assert not ip.flags() & Qt.ItemFlag.ItemIsEditable
    assert "not editable" in ip.data(Qt.ItemDataRole.ToolTipRole) or "nicht" in ip.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert cell(pane, "NEUSTART", "integrations", 1).flags() & Qt.ItemFlag.ItemIsEditable


def test_note_is_stored_shown_and_undoable(pane: GridPane, backend: Backend) -> None:
    index = cell(pane, "NEUSTART", "integrations", 4)
    row = pane.model.row_at(index.row())
    pane.set_note(row, Month(2021, 4), "Ostern: weniger Termine")
    stored = get_value(backend.db, "NEUSTART", "integrations", Month(2021, 4))
    assert stored is not None and stored[1] == "Ostern: weniger Termine"
    index = cell(pane, "NEUSTART", "integrations", 4)
    assert "Ostern: weniger Termine" in index.data(Qt.ItemDataRole.ToolTipRole)
    pane.undo_stack.undo()
    assert get_value(backend.db, "NEUSTART", "integrations", Month(2021, 4))[1] is None  # type: ignore[index]


def test_davon_rows_are_indented_under_their_parent(backend: Backend, qtbot: QtBot) -> None:
    pane = GridPane(backend, QUndoStack(), Area.TRAINING)
    qtbot.addWidget(pane)
    pane.set_snapshot(backend.snapshot(2021))
    metrics = [pane.model.index(r, 1).data() for r in range(pane.model.rowCount())]
    assert metrics[0] == "Eintritte in berufliche Weiterbildung"
    assert all(m.startswith("    davon") for m in metrics[1:])
    assert pane.objectName() == "trainingPane" and pane.view.objectName() == "trainingTable"
