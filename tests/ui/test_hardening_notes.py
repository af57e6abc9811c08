"""Notes typed in the window follow the rules of every other path (break 4): a note that
could not come back unchanged from a workbook is refused with the reason, nothing stored."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.domain.text import NOTE_LIMIT
from aipdesk.services.values import get_value
from aipdesk.ui.backend import Backend
from aipdesk.ui.panes.grid import GridPane
from tests.conftest import snapshot

APRIL = Month(2021, 4)


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("x" * (NOTE_LIMIT + 1), f"höchstens {NOTE_LIMIT} Zeichen"),
        ("Zeilen\x0bumbruch aus Word", "nicht erlaubt ist (\\x0b, an Stelle 7)"),
    ],
)
def test_notes_lost_on_the_round_trip_are_refused_in_the_window(
    backend: Backend, qtbot: QtBot, note: str, message: str
) -> None:
    pane = GridPane(backend, QUndoStack(), Area.INTEGRATION)
    qtbot.addWidget(pane)
    pane.set_snapshot(backend.snapshot(2021, Month(2021, 12)))
    row = pane.model.row_at(pane.model.find("NEUSTART", "integrations"))
    before = snapshot(backend.db)
    pane.set_note(row, APRIL, note)
    box = QApplication.activeModalWidget() or pane.findChild(QMessageBox, "errorMessage")
    assert isinstance(box, QMessageBox)
    assert "Die Bemerkung" in box.text() and message in box.text()
    box.close()
    assert snapshot(backend.db) == before
    assert pane.undo_stack.count() == 0
    stored = get_value(backend.db, "NEUSTART", "integrations", APRIL)
    assert stored is not None and stored[1] is None
