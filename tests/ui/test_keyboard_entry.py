"""Entry without the mouse, as in a spreadsheet: each key on the real widgets by name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QCursor, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.services.targets import list_targets
from aipdesk.services.values import get_value
from aipdesk.ui.backend import Backend
from aipdesk.ui.dialogs.copy_targets_dialog import CopyTargetsDialog
from aipdesk.ui.dialogs.note_dialog import NoteDialog
from aipdesk.ui.models.grid_model import FIRST_MONTH
from aipdesk.ui.panes.grid import GridPane
from aipdesk.ui.panes.targets import COL_PROJECT, COL_VALUE, TargetsPane
from tests.conftest import snapshot

MAY = Month(2021, 5)


@pytest.fixture
def pane(backend: Backend, qtbot: QtBot) -> Iterator[GridPane]:
    widget = GridPane(backend, QUndoStack(), Area.INTEGRATION)
    qtbot.addWidget(widget)
    month = Month(2021, 12)
    backend.changed.connect(lambda *_: widget.set_snapshot(backend.snapshot(2021, month)))
    widget.set_snapshot(backend.snapshot(2021, month))
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` key by key; QTest knows only ASCII, so umlauts come as key events
    with their text (as a German keyboard sends them)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def grid(pane: GridPane) -> QTableView:
    view = pane.findChild(QTableView, "integrationsTable")
    assert view is not None
    return view


def go_to(pane: GridPane, project: str, metric: str, month: int) -> QTableView:
    row = pane.model.find(project, metric)
    assert row is not None
    view = grid(pane)
    view.setFocus()
    view.setCurrentIndex(pane.model.index(row, FIRST_MONTH + month - 1))
    return view


def editor_of(view: QTableView) -> QLineEdit:
    editor = view.findChild(QLineEdit, "cellEditor")
    assert editor is not None and editor.isVisible()
    return editor


# -- a refused value ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("-5", '"-5" ist keine gültige Anzahl: Werte dürfen nicht negativ sein'),
        ("zwölf", '"zwölf" ist keine gültige Anzahl'),
        ("12,5", '"12,5" ist keine gültige Anzahl'),
    ],
)
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Tab])
def test_a_refused_value_keeps_the_editor_open_with_the_text_and_says_why(
    pane: GridPane, backend: Backend, qtbot: QtBot, typed: str, reason: str, key: Qt.Key
) -> None:
    before = snapshot(backend.db)
    view = go_to(pane, "NEUSTART", "integrations", 5)
    qtbot.keyClicks(view, typed[0])
    editor = editor_of(view)
    type_text(qtbot, editor, typed[1:])
    qtbot.keyClick(editor, key)

    assert QApplication.activeModalWidget() is None  # nothing took the keyboard away
    assert editor_of(view) is editor and editor.text() == typed
    beside = view.findChild(QLabel, "cellMessage")
    assert beside is not None and beside.isVisible() and reason in beside.text()
    assert beside.geometry().top() >= editor.geometry().bottom()  # under the cell
    line = pane.findChild(QLabel, "integrationsMessage").text()
    assert "NeuStart · Integrationen · Mai 2021" in line and reason in line
    assert snapshot(backend.db) == before

    # The text is selected: typing replaces it, and Enter stores and moves down.
    qtbot.keyClicks(editor, "12")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) == (12, None)
    assert view.findChild(QLineEdit, "cellEditor") is None or not editor.isVisible()
    assert not beside.isVisible()
    assert pane.findChild(QLabel, "integrationsMessage").text() == ""
    assert pane.undo_stack.count() == 1


def test_escape_gives_up_a_refused_value(pane: GridPane, backend: Backend, qtbot: QtBot) -> None:
    view = go_to(pane, "NEUSTART", "integrations", 5)
    qtbot.keyClicks(view, "x")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Return)
    assert view.findChild(QLabel, "cellMessage").isVisible()
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Escape)
    assert not view.findChild(QLabel, "cellMessage").isVisible()
    assert view.state() != QTableView.State.EditingState
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) == (55, None)


# -- the note dialog ------------------------------------------------------------------------


def open_note(qtbot: QtBot, pane: GridPane, view: QTableView) -> NoteDialog:
    qtbot.keyClick(view, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    dialog = pane.findChild(NoteDialog, "noteDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # as the window manager does; the offscreen platform does not
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_shift_f2_note_saved_with_ctrl_enter_tab_leaves_the_text(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    view = go_to(pane, "NEUSTART", "integrations", 5)
    dialog = open_note(qtbot, pane, view)
    text = dialog.findChild(QPlainTextEdit, "noteEdit")
    assert dialog.findChild(QLineEdit, "noteValueEdit") is None  # the cell has a value
    text.setFocus()
    qtbot.keyClicks(text, "Urlaub")
    qtbot.keyClick(text, Qt.Key.Key_Return)  # Enter is a new line, not "save"
    qtbot.keyClicks(text, "im Team")
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert text.toPlainText() == "Urlaub\nim Team"  # no tab typed into the note
    assert isinstance(QApplication.focusWidget(), QPushButton)  # the buttons have it
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) == (55, "Urlaub\nim Team")
    assert pane.undo_stack.count() == 1


def test_escape_cancels_the_note(pane: GridPane, backend: Backend, qtbot: QtBot) -> None:
    view = go_to(pane, "NEUSTART", "integrations", 5)
    dialog = open_note(qtbot, pane, view)
    text = dialog.findChild(QPlainTextEdit, "noteEdit")
    qtbot.keyClicks(text, "verworfen")
    qtbot.keyClick(text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) == (55, None)
    assert pane.undo_stack.count() == 0


def test_shift_f2_on_an_empty_cell_asks_for_the_value_too(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    backend.clear_value("EXG", "integrations", MAY)
    view = go_to(pane, "EXG", "integrations", 5)
    dialog = open_note(qtbot, pane, view)
    value = dialog.findChild(QLineEdit, "noteValueEdit")
    text = dialog.findChild(QPlainTextEdit, "noteEdit")
    assert value is not None and value.hasFocus()
    type_text(qtbot, text, "Gründerseminar ausgefallen")
    qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # a note needs a value
    assert "Monatswert" in dialog.findChild(QLabel, "noteMessage").text()
    qtbot.keyClicks(value, "-1")
    qtbot.keyClick(value, Qt.Key.Key_Return)
    assert dialog.isVisible() and "negativ" in dialog.findChild(QLabel, "noteMessage").text()
    value.clear()
    qtbot.keyClicks(value, "4")
    qtbot.keyClick(value, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert get_value(backend.db, "EXG", "integrations", MAY) == (4, "Gründerseminar ausgefallen")


# -- the context menu from the keyboard -----------------------------------------------------


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ],
)
def test_menu_key_opens_the_menu_of_the_current_cell_at_the_cell(
    pane: GridPane, qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    view = go_to(pane, "JC", "integrations_women", 2)
    QCursor.setPos(view.viewport().mapToGlobal(QPoint(5, view.viewport().height() - 5)))
    qtbot.keyClick(view, key, modifier)
    menus = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMenu) and w.objectName() == "gridContextMenu" and w.isVisible()
    ]
    assert len(menus) == 1
    menu = menus[0]
    cell = view.visualRect(view.currentIndex())
    assert menu.pos() == view.viewport().mapToGlobal(cell.bottomLeft())
    texts = [a.text() for a in menu.actions() if a.text()]
    assert "&Bemerkung bearbeiten…" in texts and "&Einfügen" in texts
    menu.close()


# -- the targets table ----------------------------------------------------------------------


@pytest.fixture
def targets(backend: Backend, qtbot: QtBot) -> Iterator[TargetsPane]:
    widget = TargetsPane(backend)
    qtbot.addWidget(widget)
    backend.undo_stack = QUndoStack(widget)  # the main window's, in production
    backend.changed.connect(lambda c: widget.set_snapshot(backend.snapshot(2021), c))
    widget.set_snapshot(backend.snapshot(2021))
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def neustart_target(backend: Backend) -> float | None:
    return next(
        t.value
        for t in list_targets(backend.db)
        if (t.project, t.metric, t.first) == ("NEUSTART", "integrations", Month(2021, 1))
    )


@pytest.mark.parametrize("start", ["digit", "f2"])
def test_typing_anywhere_in_a_target_row_edits_its_value(
    targets: TargetsPane, backend: Backend, qtbot: QtBot, start: str
) -> None:
    view = targets.findChild(QTableView, "targetsTable")
    targets.select(("NEUSTART", "integrations", Month(2021, 1)))
    view.setFocus()
    view.setCurrentIndex(view.currentIndex().siblingAtColumn(COL_PROJECT))
    if start == "digit":
        qtbot.keyClicks(view, "8")
        editor = view.findChild(QLineEdit)
        assert editor is not None and editor.text() == "8"
        qtbot.keyClicks(editor, "10")
    else:
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = view.findChild(QLineEdit)
        assert editor is not None and editor.text() == "700"
        editor.selectAll()
        qtbot.keyClicks(editor, "810")
    assert view.currentIndex().column() == COL_VALUE
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt's own editor commits a moment later
    qtbot.waitUntil(lambda: neustart_target(backend) == 810)


# -- the plan curve -------------------------------------------------------------------------


def test_enter_in_the_plan_curve_moves_to_the_next_month(
    targets: TargetsPane, qtbot: QtBot
) -> None:
    targets.select(("NEUSTART", "integrations", Month(2021, 1)))
    qtbot.mouseClick(targets.findChild(QPushButton, "editCurveButton"), Qt.MouseButton.LeftButton)
    dialog = targets.findChild(QTableView, "weightsTable").window()
    view = dialog.findChild(QTableView, "weightsTable")
    view.setFocus()
    view.setCurrentIndex(dialog.model.index(0, 1))
    for month, typed in enumerate(("10", "5", "0")):
        qtbot.keyClicks(view, typed[0])
        editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
        qtbot.keyClicks(editor, typed[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert view.currentIndex().row() == month + 1
    assert dialog.model.percents()[:3] == (10, 5, 0)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # not editing: down as well, the dialog stays
    assert view.currentIndex().row() == 4 and dialog.isVisible()
    dialog.reject()


# -- copying the targets to the next year ---------------------------------------------------


def copy_dialog(targets: TargetsPane, qtbot: QtBot) -> CopyTargetsDialog:
    targets.findChild(QPushButton, "copyTargetsButton").setFocus()
    qtbot.keyClick(targets.findChild(QPushButton, "copyTargetsButton"), Qt.Key.Key_Space)
    shown = [
        d for d in targets.findChildren(CopyTargetsDialog, "copyTargetsDialog") if d.isVisible()
    ]
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.waitExposed(dialog)
    return dialog


def items(dialog: CopyTargetsDialog, name: str) -> list[str]:
    widget = dialog.findChild(QListWidget, name)
    return [widget.item(n).text() for n in range(widget.count())]


def test_copy_to_the_next_year_says_what_and_why_first(
    targets: TargetsPane, backend: Backend, qtbot: QtBot
) -> None:
    before = snapshot(backend.db)
    dialog = copy_dialog(targets, qtbot)
    copies, skipped = items(dialog, "copyList"), items(dialog, "skipList")
    assert len(copies) == 12
    assert "NeuStart – Integrationen: 700" in copies
    assert "Jobcenter Kreis Unna (gesamt) – Integrationsquote: 24,6 %" in copies
    assert skipped == [
        "GUIDE (rehapro) – Teilnehmende (Eintritte): der Zielzeitraum 2019-11 – 2024-04 ist kein "
        "Kalenderjahr und bleibt, wie er ist",
        "Integration Point – Integrationen: der Projektzeitraum endet Dez 2021",
    ]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and snapshot(backend.db) == before

    dialog = copy_dialog(targets, qtbot)
    qtbot.keyClick(dialog.findChild(QListWidget, "copyList"), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    copied = [t for t in list_targets(backend.db) if t.first == Month(2022, 1)]
    assert len(copied) == 12
    assert "nach 2022 kopiert: 12" in targets.findChild(QLabel, "targetsMessage").text()
    assert backend.undo_stack is not None and backend.undo_stack.count() == 1
    backend.undo_stack.undo()
    assert snapshot(backend.db)["targets"] == before["targets"]


def test_a_second_copy_lists_every_target_as_present(
    targets: TargetsPane, backend: Backend, qtbot: QtBot
) -> None:
    backend.copy_targets(2021)
    dialog = copy_dialog(targets, qtbot)
    assert items(dialog, "copyList") == []
    assert "Kein Zielwert von 2021" in dialog.findChild(QLabel, "copyIntro").text()
    assert "NeuStart – Integrationen: hat für 2022 schon einen Zielwert" in items(
        dialog, "skipList"
    )
    assert not dialog.findChild(QPushButton, "okButton").isEnabled()
    dialog.reject()
