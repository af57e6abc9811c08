"""An implausible value typed into a grid asks for a note; the list "Zur Klärung"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.services.plausibility import list_reviews
from aipdesk.services.values import get_value
from aipdesk.ui.backend import Backend
from aipdesk.ui.dialogs.reviews_dialog import ReviewsDialog
from aipdesk.ui.panes.grid import GridPane
from tests.ui.test_grid_pane import cell, type_into

DEC = Month(2021, 12)


@pytest.fixture
def pane(backend: Backend, qtbot: QtBot) -> GridPane:
    stack = QUndoStack()
    backend.undo_stack = stack
    pane = GridPane(backend, stack, Area.INTEGRATION)
    qtbot.addWidget(pane)
    backend.changed.connect(lambda *_: pane.set_snapshot(backend.snapshot(2021, DEC)))
    pane.set_snapshot(backend.snapshot(2021, DEC))
    pane.resize(1400, 600)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def dialog_of(pane: GridPane) -> QDialog:
    found = [d for d in pane.findChildren(QDialog, "plausibilityDialog") if d.isVisible()]
    assert len(found) == 1
    return found[0]


def test_cancel_stores_nothing(pane: GridPane, backend: Backend, qtbot: QtBot) -> None:
    before = get_value(backend.db, "NEUSTART", "integrations", DEC)
    type_into(qtbot, pane, cell(pane, "NEUSTART", "integrations", 12), "590")
    dialog = dialog_of(pane)
    assert "NeuStart · Integrationen · Dezember 2021: 590 (üblich bis 77)" in (
        dialog.findChild(QLabel, "plausibilityValues").text()
    )
    ok = dialog.findChild(QPushButton, "okButton")
    assert not ok.isEnabled()  # no note yet
    qtbot.mouseClick(dialog.findChild(QPushButton, "cancelButton"), Qt.MouseButton.LeftButton)
    assert get_value(backend.db, "NEUSTART", "integrations", DEC) == before
    assert list_reviews(backend.db) == []


def test_confirm_stores_with_note_lists_it_and_undo_takes_it_back(
    pane: GridPane, backend: Backend, qtbot: QtBot, qtmodeltester: object
) -> None:
    before = get_value(backend.db, "NEUSTART", "integrations", DEC)
    type_into(qtbot, pane, cell(pane, "NEUSTART", "integrations", 12), "590")
    dialog = dialog_of(pane)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "plausibilityNote"), "Sammelmeldung")
    qtbot.mouseClick(dialog.findChild(QPushButton, "okButton"), Qt.MouseButton.LeftButton)
    assert get_value(backend.db, "NEUSTART", "integrations", DEC) == (590, "Sammelmeldung")
    assert cell(pane, "NEUSTART", "integrations", 12).data() == "590"

    reviews = ReviewsDialog(backend, pane)
    qtbot.addWidget(reviews)
    assert reviews.objectName() == "reviewsDialog"
    qtmodeltester.check(reviews.model)  # type: ignore[attr-defined]
    assert reviews.model.rowCount() == 1
    assert reviews.model.index(0, 0).data() == "NeuStart"
    assert reviews.model.index(0, 4).data() == "Sammelmeldung"
    check = reviews.findChild(QPushButton, "reviewCheckButton")
    assert check.isEnabled()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert reviews.model.rowCount() == 0 and list_reviews(backend.db) == []
    assert backend.undo_stack is not None
    backend.undo_stack.undo()  # the check
    assert reviews.model.rowCount() == 1
    backend.undo_stack.undo()  # the forced write: value and entry gone
    assert get_value(backend.db, "NEUSTART", "integrations", DEC) == before
    assert list_reviews(backend.db) == [] and reviews.model.rowCount() == 0
    reviews.close()


def test_the_menu_action_opens_the_list(window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, "actionReviews")
    assert action is not None
    qtbot.waitUntil(lambda: window.backend.is_open)
    action.trigger()
    dialog = window.findChild(QDialog, "reviewsDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.findChild(QLabel, "reviewsEmpty").isVisible()
    dialog.close()
