"""Copy and paste in the window like in a spreadsheet, driven by the keyboard.

Ctrl+C puts the selected block on the clipboard as tab-separated text with German
numbers; Ctrl+V takes such text (from Excel, LibreOffice or aipdesk) into an entry grid
as one operation and one undo step, all cells or none.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.services.values import get_value
from aipdesk.ui.backend import Backend
from aipdesk.ui.models.grid_model import FIRST_MONTH
from aipdesk.ui.panes.grid import GridPane
from aipdesk.ui.panes.targets import TargetsPane
from tests.conftest import snapshot


def make_pane(backend: Backend, qtbot: QtBot, area: Area, year: int = 2021) -> GridPane:
    pane = GridPane(backend, QUndoStack(), area)
    qtbot.addWidget(pane)
    month = Month(year, 12)
    backend.changed.connect(lambda *_: pane.set_snapshot(backend.snapshot(year, month)))
    pane.set_snapshot(backend.snapshot(year, month))
    pane.resize(1400, 700)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


@pytest.fixture
def pane(backend: Backend, qtbot: QtBot) -> Iterator[GridPane]:
    widget = make_pane(backend, qtbot, Area.INTEGRATION)
    yield widget
    for box in widget.findChildren(QMessageBox):
        box.close()


def table(pane: GridPane) -> QTableView:
    view = pane.findChild(QTableView, "integrationsTable") or pane.findChild(
        QTableView, "trainingTable"
    )
    assert view is not None
    return view


def at(pane: GridPane, project: str, metric: str, month: int):  # type: ignore[no-untyped-def]
    row = pane.model.find(project, metric)
    assert row is not None, (project, metric)
    return pane.model.index(row, FIRST_MONTH + month - 1)


def select(pane: GridPane, first, last) -> None:  # type: ignore[no-untyped-def]
    view = table(pane)
    view.setFocus()
    view.setCurrentIndex(first)
    view.selectionModel().select(
        QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def paste(qtbot: QtBot, pane: GridPane, text: str) -> None:
    QApplication.clipboard().setText(text)
    qtbot.keyClick(table(pane), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def error_boxes(pane: GridPane) -> list[QMessageBox]:
    return [
        box
        for box in pane.findChildren(QMessageBox, "errorMessage")
        if box.isVisible() and box.text()
    ]


def one_refusal(pane: GridPane) -> str:
    boxes = error_boxes(pane)
    assert len(boxes) == 1, [b.text() for b in boxes]
    text = boxes[0].text()
    boxes[0].close()
    return text


def value(backend: Backend, project: str, metric: str, month: int) -> int | None:
    stored = get_value(backend.db, project, metric, Month(2021, month))
    return None if stored is None else stored[0]


# -- Ctrl+C ---------------------------------------------------------------------------------


def test_ctrl_c_copies_the_selected_block_as_tab_separated_german_numbers(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    backend.log_value("JC", "elb_stock", Month(2021, 1), 27222)  # as in the demo: 27.222
    select(pane, at(pane, "JC", "integrations", 1), at(pane, "JC", "elb_stock", 3))
    qtbot.keyClick(table(pane), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    # The demo's figures of January–March 2021 for the four rows (hand-copied from it).
    assert QApplication.clipboard().text() == (
        "446\t469\t667\n199\t214\t297\n247\t255\t370\n27.222\t27.138\t27.583"
    )


def test_an_empty_cell_is_copied_empty(pane: GridPane, backend: Backend, qtbot: QtBot) -> None:
    backend.clear_value("EXG", "integrations", Month(2021, 2))
    select(pane, at(pane, "EXG", "integrations", 1), at(pane, "EXG", "integrations", 3))
    qtbot.keyClick(table(pane), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "9\t\t10"


def test_ctrl_c_in_the_targets_table_copies_the_selected_rows(
    backend: Backend, qtbot: QtBot
) -> None:
    targets = TargetsPane(backend)
    qtbot.addWidget(targets)
    targets.set_snapshot(backend.snapshot(2021))
    targets.show()
    view = targets.findChild(QTableView, "targetsTable")
    assert view is not None
    view.setFocus()
    targets.select(("NEUSTART", "integrations", Month(2021, 1)))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # and LiA
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == (
        "NeuStart\tIntegrationen\t2021-01 – 2021-12\t700\tlinear\n"
        "LiA – Langzeitarbeitslose in Arbeit\tArbeitsaufnahmen\t2021-01 – 2021-12\t300\tlinear"
    )


def test_ctrl_c_in_the_dashboard_copies_the_selected_row(window: object, qtbot: QtBot) -> None:
    view = window.findChild(QTableView, "dashboardTable")  # type: ignore[attr-defined]
    assert view is not None
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    cells = QApplication.clipboard().text().split("\t")
    assert len(cells) == view.model().columnCount()
    assert cells[:2] == [view.model().index(0, 0).data(), view.model().index(0, 1).data()]


# -- Ctrl+V ---------------------------------------------------------------------------------


def test_paste_from_a_spreadsheet_is_one_step_and_one_undo(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    select(pane, at(pane, "NEUSTART", "integrations", 3), at(pane, "NEUSTART", "integrations", 3))
    # What LibreOffice puts on the clipboard: German grouping, Windows line ends, an
    # empty cell (clears the value), a trailing line end.
    paste(qtbot, pane, "1.234\t60\t\r\n22\t 23 \t24\r\n")
    # 1.234 lies far outside NeuStart's series: stored once confirmed with a note.
    (dialog,) = [d for d in pane.findChildren(QDialog, "plausibilityDialog") if d.isVisible()]
    qtbot.keyClicks(dialog.findChild(QLineEdit, "plausibilityNote"), "Sammelmeldung")
    qtbot.mouseClick(dialog.findChild(QPushButton, "okButton"), Qt.MouseButton.LeftButton)
    assert [value(backend, "NEUSTART", "integrations", m) for m in (3, 4, 5)] == [1234, 60, None]
    assert [value(backend, "LIA", "job_starts", m) for m in (3, 4, 5)] == [22, 23, 24]
    assert pane.undo_stack.count() == 1
    assert at(pane, "NEUSTART", "integrations", 3).data() == "1.234"
    assert not error_boxes(pane)

    pane.undo_stack.undo()
    assert [value(backend, "NEUSTART", "integrations", m) for m in (3, 4, 5)] == [72, 59, 55]
    assert [value(backend, "LIA", "job_starts", m) for m in (3, 4, 5)] == [28, 22, 24]
    pane.undo_stack.redo()
    assert value(backend, "NEUSTART", "integrations", 3) == 1234


def test_a_copied_block_pastes_back_elsewhere(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    """aipdesk to aipdesk: EXG's January–March copied onto TAAM's new entries."""
    select(pane, at(pane, "EXG", "integrations", 1), at(pane, "EXG", "integrations", 3))
    qtbot.keyClick(table(pane), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    select(pane, at(pane, "TAAM", "taam_new", 1), at(pane, "TAAM", "taam_new", 1))
    qtbot.keyClick(table(pane), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [value(backend, "TAAM", "taam_new", m) for m in (1, 2, 3)] == [9, 8, 10]


def test_a_whole_year_of_a_project_is_one_undo_step(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    rows = [("JC", m) for m in ("integrations", "integrations_women", "integrations_men")]
    text = "\n".join("\t".join(str(100 * n + m) for m in range(1, 13)) for n in (5, 2, 1))
    select(pane, at(pane, "JC", "integrations", 1), at(pane, "JC", "integrations", 1))
    paste(qtbot, pane, text)
    assert pane.undo_stack.count() == 1
    assert value(backend, "JC", "integrations", 12) == 512
    assert value(backend, "JC", "integrations_men", 1) == 101  # women + men ≤ all
    pane.undo_stack.undo()
    assert [value(backend, p, m, 1) for p, m in rows] == [446, 199, 247]
    assert [value(backend, p, m, 12) for p, m in rows] == [644, 287, 357]


def test_one_value_fills_the_selected_cells(pane: GridPane, backend: Backend, qtbot: QtBot) -> None:
    select(pane, at(pane, "GUIDE", "participants", 1), at(pane, "IP", "integrations", 2))
    paste(qtbot, pane, "7\n")
    assert [
        value(backend, p, m, n)
        for p, m in (("GUIDE", "participants"), ("IP", "integrations"))
        for n in (1, 2)
    ] == [7] * 4
    assert pane.undo_stack.count() == 1


def test_a_bad_cell_is_named_and_nothing_is_stored(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    before = snapshot(backend.db)
    select(pane, at(pane, "NEUSTART", "integrations", 1), at(pane, "NEUSTART", "integrations", 1))
    paste(qtbot, pane, "10\t11\n12\tzwölf")
    text = one_refusal(pane)
    assert 'LiA – Langzeitarbeitslose in Arbeit · Arbeitsaufnahmen · Feb 2021: "zwölf"' in text
    assert "Nichts wurde eingefügt" in text
    assert snapshot(backend.db) == before
    assert pane.undo_stack.count() == 0


def test_a_davon_value_above_its_parent_refuses_the_whole_paste(
    backend: Backend, qtbot: QtBot
) -> None:
    pane = make_pane(backend, qtbot, Area.TRAINING)
    before = snapshot(backend.db)
    select(pane, at(pane, "JC", "training_entries", 1), at(pane, "JC", "training_entries", 1))
    paste(qtbot, pane, "40\n41")  # davon abschlussorientiert 41 > 40 Eintritte
    assert "darf nicht größer sein" in one_refusal(pane)
    assert snapshot(backend.db) == before


def test_a_parent_and_its_davon_values_lowered_together_and_undone(
    backend: Backend, qtbot: QtBot
) -> None:
    """Checked on the state after the whole paste, so the order of the cells does not
    matter: each davon value is lowered below the parent's new value, and back."""
    pane = make_pane(backend, qtbot, Area.TRAINING)
    select(pane, at(pane, "JC", "training_entries", 9), at(pane, "JC", "training_entries", 9))
    paste(qtbot, pane, "\n".join(["6", "1", "1", "1", "1", "1", "1"]))  # Sep: 71 → 6
    assert not error_boxes(pane)
    assert get_value(backend.db, "JC", "training_entries", Month(2021, 9))[0] == 6  # type: ignore[index]
    pane.undo_stack.undo()
    assert not error_boxes(pane)
    assert get_value(backend.db, "JC", "training_entries", Month(2021, 9))[0] == 71  # type: ignore[index]
    assert get_value(backend.db, "JC", "training_care", Month(2021, 9))[0] == 16  # type: ignore[index]


def test_past_the_edge_of_the_grid_is_refused(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    before = snapshot(backend.db)
    select(pane, at(pane, "NEUSTART", "integrations", 11), at(pane, "NEUSTART", "integrations", 11))
    paste(qtbot, pane, "1\t2\t3")
    text = one_refusal(pane)
    # From NeuStart (the 8th of 14 rows) in November: 7 rows, 2 months.
    assert "1 Zeilen × 3 Spalten" in text and "Platz für 7 Zeilen × 2 Monate" in text
    last = pane.model.rowCount() - 1
    select(pane, pane.model.index(last, FIRST_MONTH), pane.model.index(last, FIRST_MONTH))
    paste(qtbot, pane, "1\n2")
    assert "Platz für 1 Zeilen" in one_refusal(pane)
    assert snapshot(backend.db) == before


def test_outside_the_project_period_is_refused(backend: Backend, qtbot: QtBot) -> None:
    pane = make_pane(backend, qtbot, Area.INTEGRATION, 2022)
    before = snapshot(backend.db)
    select(pane, at(pane, "GUIDE", "participants", 1), at(pane, "GUIDE", "participants", 1))
    paste(qtbot, pane, "1\n2")  # GUIDE takes it, Integration Point ended in December 2021
    text = one_refusal(pane)
    assert "Integration Point · Integrationen · Jan 2022" in text
    assert "außerhalb des Projektzeitraums" in text
    assert snapshot(backend.db) == before


def test_pasting_into_a_name_column_is_refused(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    index = pane.model.index(0, 1)
    select(pane, index, index)
    paste(qtbot, pane, "5")
    assert "Monatszelle" in one_refusal(pane)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("1\t" * 300_000, "mehr als 200.000 Zeichen"),
        ("\t".join(["1"] * 10_000), "mehr als 100 Spalten"),
        ("\n".join(["1"] * 5_000), "mehr als 1.000 Zeilen"),
        ("12\t1\x1b[31m3", "Zeile 1, Spalte 2"),
        ("1\t=1+1", "Formel (=1+1)"),
        ('=HYPERLINK("http://example.invalid")', "Formel"),
        ("\x00", "Steuerzeichen"),
        ("   \r\n", "keinen Text"),
    ],
    ids=["huge", "10000-columns", "5000-rows", "escape", "formula", "hyperlink", "nul", "blank"],
)
def test_a_hostile_clipboard_is_refused_with_one_message(
    pane: GridPane, backend: Backend, qtbot: QtBot, text: str, said: str
) -> None:
    before = snapshot(backend.db)
    select(pane, at(pane, "NEUSTART", "integrations", 1), at(pane, "NEUSTART", "integrations", 1))
    paste(qtbot, pane, text)
    message = one_refusal(pane)
    assert said in message and "Nichts wurde eingefügt" in message
    assert snapshot(backend.db) == before
    assert pane.undo_stack.count() == 0


def test_pasting_the_same_values_changes_nothing(
    pane: GridPane, backend: Backend, qtbot: QtBot
) -> None:
    select(pane, at(pane, "NEUSTART", "integrations", 1), at(pane, "NEUSTART", "integrations", 1))
    paste(qtbot, pane, "55\t57")
    assert pane.undo_stack.count() == 0 and not error_boxes(pane)
    assert "nichts geändert" in pane.findChild(QLabel, "integrationsMessage").text()
