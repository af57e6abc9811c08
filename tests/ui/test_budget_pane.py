"""The Budget pane and the dashboard's budget line, on the real window by object name."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from aipdesk.domain.money import format_cents
from aipdesk.services.budget_status import budget_status
from aipdesk.store.models import BudgetEntryRow
from aipdesk.ui.chart.budget_chart import BudgetChart
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.models.budget_model import BudgetGridModel, BudgetModel
from tests.ui.test_keyboard_entry import type_text

MARCH = 3
# The demo's FbW spending in March 2021 (services.budget_load.demo_budget_entries).
DEMO_MARCH_CENTS = 32_387_469


def pane_of(window: MainWindow) -> QWidget:
    window.show_pane("budget")
    pane = window.findChild(QWidget, "budgetPane")
    assert pane is not None and pane.isVisible()
    return pane


def table(pane: QWidget) -> QTableView:
    view = pane.findChild(QTableView, "budgetTable")
    assert view is not None
    return view


def cell(view: QTableView, row: int, column: int) -> str:
    return str(view.model().index(row, column).data())


def euros_text(value: float | int | None) -> str:
    """A JSON amount (euros, at most two decimals) as the window writes it."""
    if value is None:
        return "–"
    return format_cents(int(Decimal(str(value)) * 100))


def pct_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",") + " %"


def editor_of(grid: QTableView) -> QLineEdit:
    """The open cell editor (an earlier one may linger until it is deleted)."""
    shown = [e for e in grid.findChildren(QLineEdit, "cellEditor") if e.isVisible()]
    assert len(shown) == 1
    return shown[0]


def spent(window: MainWindow, month: int = MARCH, code: str = "FBW") -> int | None:
    with window.backend.db.read() as session:
        return session.scalar(
            select(BudgetEntryRow.amount_cents).where(
                BudgetEntryRow.instrument == code,
                BudgetEntryRow.year == 2021,
                BudgetEntryRow.month == month,
                BudgetEntryRow.kind == "spent",
            )
        )


def test_the_table_equals_budget_status_json(window: MainWindow) -> None:
    view = table(pane_of(window))
    expected = budget_status(window.backend.db, 2021).to_json()
    rows = expected["rows"]
    assert view.model().rowCount() == len(rows) == 27
    words = {"green": "grün", "amber": "gelb", "red": "rot", "none": "kein Status"}
    for number, row in enumerate(rows):
        shown = [cell(view, number, column) for column in range(12)]
        assert shown[1:6] == [
            euros_text(row[key])
            for key in ("plan", "plan_to_date", "committed", "spent_to_date", "available")
        ], row["code"]
        assert shown[6:8] == [pct_text(row["bindungsquote_pct"]), pct_text(row["ausgabequote_pct"])]
        assert shown[8] == euros_text(row["forecast"])
        assert shown[9].endswith(words[row["status"]])
        assert shown[10:12] == [
            euros_text(row["previous_year_spent"]),
            euros_text(row["cost_per_result"]),
        ]
    # By hand: the document's groups add up to 29,488,523 €; the demo's FbW spent
    # 4,048,433.65 € for 701 entries (5,775.23 € each); EVL is over-committed.
    assert cell(view, 0, 0) == "EGL-Leistungen"
    assert cell(view, 0, 1) == "29.488.523,00"
    fbw = next(n for n, row in enumerate(rows) if row["code"] == "FBW")
    assert cell(view, fbw, 0).strip() == "FbW"
    assert cell(view, fbw, 4) == "4.048.433,65"
    assert cell(view, fbw, 11) == "5.775,23"
    evl = next(n for n, row in enumerate(rows) if row["code"] == "EVL")
    assert cell(view, evl, 5) == "-47.152,93"


def go_to_fbw_march(window: MainWindow, qtbot: QtBot) -> QTableView:
    pane = pane_of(window)
    assert pane.select("FBW")  # type: ignore[attr-defined]
    grid = pane.findChild(QTableView, "budgetGrid")
    assert grid is not None and grid.isVisible()
    assert grid.model().index(0, 0).data() == "Ausgaben"
    assert grid.model().index(0, MARCH).data() == format_cents(DEMO_MARCH_CENTS)
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(0, MARCH))
    return grid


def test_typing_an_amount_stores_it_as_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    grid = go_to_fbw_march(window, qtbot)
    steps = window.undo_stack.count()
    qtbot.keyClicks(grid, "1")
    editor = editor_of(grid)
    type_text(qtbot, editor, ".234,56")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert spent(window) == 123_456
    assert window.undo_stack.count() == steps + 1
    assert grid.currentIndex().row() == 1  # Enter moved down
    assert grid.model().index(0, MARCH).data() == "1.234,56"
    view = table(pane_of(window))
    fbw = window.budget.model.find("FBW")  # type: ignore[attr-defined]
    # 4,048,433.65 − 323,874.69 + 1,234.56
    assert cell(view, fbw, 4) == "3.725.793,52"

    window.undo_stack.undo()
    assert spent(window) == DEMO_MARCH_CENTS
    assert cell(view, fbw, 4) == "4.048.433,65"

    # Plain form, Tab to the right; Delete clears (one step each).
    grid.setCurrentIndex(grid.model().index(0, MARCH))
    qtbot.keyClicks(grid, "4")
    type_text(qtbot, editor_of(grid), "00000.20")
    qtbot.keyClick(editor_of(grid), Qt.Key.Key_Tab)
    assert spent(window) == 40_000_020
    assert grid.currentIndex().column() == MARCH + 1  # Tab moved right
    if grid.state() == QTableView.State.EditingState:
        qtbot.keyClick(editor_of(grid), Qt.Key.Key_Escape)
    grid.setCurrentIndex(grid.model().index(0, MARCH))
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert spent(window) is None
    window.undo_stack.undo()
    assert spent(window) == 40_000_020


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("-5", "negativ"), ("zwölf", "zwölf"), ("1.234,567", "1.234,567")],
)
def test_a_bad_amount_is_refused_with_the_editor_open(
    window: MainWindow, qtbot: QtBot, typed: str, reason: str
) -> None:
    grid = go_to_fbw_march(window, qtbot)
    steps = window.undo_stack.count()
    type_text(qtbot, grid, typed[0])
    editor = editor_of(grid)
    type_text(qtbot, editor, typed[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert QApplication.activeModalWidget() is None
    assert editor.isVisible() and editor.text() == typed
    beside = grid.findChild(QLabel, "cellMessage")
    assert beside is not None and beside.isVisible() and reason in beside.text()
    line = window.findChild(QLabel, "budgetMessage").text()
    assert "FbW · Ausgaben · Mär 2021" in line and reason in line
    assert "\n" not in line
    assert spent(window) == DEMO_MARCH_CENTS
    assert window.undo_stack.count() == steps
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_the_dashboard_shows_the_budget_total(window: MainWindow) -> None:
    summary = window.findChild(QLabel, "budgetSummary")
    assert summary is not None and summary.isVisible()
    assert summary.text().startswith(
        "Budget EGL bis Dez 2021: 28.423.040,65 € von 29.488.523,00 € ausgegeben (96,4 %)"
    )
    assert "Hochrechnung 28.423.040,65 €" in summary.text()


def test_the_chart_follows_the_selected_line(window: MainWindow, qtbot: QtBot) -> None:
    pane = pane_of(window)
    pane.select("FBW")  # type: ignore[attr-defined]
    chart = pane.findChild(BudgetChart, "budgetChart")
    assert chart is not None and chart.data is not None
    data = chart.data
    assert len(data.plan) == 12 and data.plan[-1] == 470_748_100  # the year's plan
    assert data.plan[2] == 117_687_025  # linear: 3/12 of it
    assert data.spent[-1] == 404_843_365
    pane.findChild(QWidget, "budgetTabs").setCurrentIndex(1)
    assert chart.is_drawn


def test_the_budget_models_pass_the_qt_model_test(
    window: MainWindow, qtmodeltester: object
) -> None:
    pane = pane_of(window)
    pane.select("FBW")  # type: ignore[attr-defined]
    for model in (pane.model, pane.grid_model):  # type: ignore[attr-defined]
        assert isinstance(model, BudgetModel | BudgetGridModel)
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_ctrl_h_shows_the_history_of_an_entry_in_euros(window: MainWindow, qtbot: QtBot) -> None:
    from aipdesk.ui.dialogs.history_dialog import HistoryDialog

    grid = go_to_fbw_march(window, qtbot)
    qtbot.keyClicks(grid, "1")
    editor = editor_of(grid)
    type_text(qtbot, editor, ".234,56")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    grid.setCurrentIndex(grid.model().index(0, MARCH))
    pane = pane_of(window)
    pane.action_history.trigger()  # type: ignore[attr-defined]
    dialog = pane.findChild(HistoryDialog, "historyDialog")
    assert dialog is not None
    rows = dialog.table.rowCount()
    assert rows == 2  # the demo's entry, then the one just typed (newest first)
    newest = [dialog.table.item(0, c).text() for c in range(5)]
    assert newest[3] == format_cents(DEMO_MARCH_CENTS, symbol=True)
    assert newest[4] == "1.234,56 €"
    assert dialog.table.item(1, 3).text() == "–"
    dialog.close()


def test_ctrl_v_pastes_amounts_from_a_spreadsheet_as_one_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QApplication

    grid = go_to_fbw_march(window, qtbot)
    steps = window.undo_stack.count()
    QApplication.clipboard().setText("1.000,00\t2000.5\n")  # March and April, as Excel copies
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert spent(window) == 100_000
    assert spent(window, MARCH + 1) == 200_050
    assert window.undo_stack.count() == steps + 1  # both cells, one step
    window.undo_stack.undo()
    assert spent(window) == DEMO_MARCH_CENTS


def test_a_paste_with_a_bad_amount_stores_nothing(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    shown: list[str] = []
    monkeypatch.setattr("aipdesk.ui.panes.budget.show_error", lambda _w, text: shown.append(text))
    grid = go_to_fbw_march(window, qtbot)
    before = spent(window, MARCH + 1)
    QApplication.clipboard().setText("5\t-3\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert spent(window) == DEMO_MARCH_CENTS and spent(window, MARCH + 1) == before
    assert shown == [
        'FbW · Ausgaben · Apr 2021: Betrag "-3" darf nicht negativ sein – Nichts wurde gespeichert.'
    ]
    QApplication.clipboard().setText("\t".join(["1"] * 11))  # past December
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "enthält 1 Zeilen × 11 Spalten" in shown[-1] and "× 10 Monate" in shown[-1]
    assert spent(window) == DEMO_MARCH_CENTS


def ok_button(dialog: QWidget) -> Any:
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_the_plan_and_its_curve_are_edited_in_the_window(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    from aipdesk.ui.dialogs.budget_plan_dialog import BudgetPlanDialog

    pane = pane_of(window)
    go_to_fbw_march(window, qtbot)
    button = pane.findChild(QPushButton, "budgetPlanButton")
    assert button is not None and button.isEnabled()
    button.click()
    dialog = pane.findChild(BudgetPlanDialog, "budgetPlanDialog")
    assert dialog is not None
    assert dialog.amount.text() == "4.707.481,00"  # the catalogue's FbW plan
    dialog.amount.setText("1.200.000")
    # Nothing planned for January to November, everything in December.
    for month in range(12):
        dialog.table.item(month, 0).setText("0" if month < 11 else "1")
    steps = window.undo_stack.count()
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        ok_button(dialog).click()
    assert window.undo_stack.count() == steps + 1
    view = table(pane)
    fbw = window.budget.model.find("FBW")  # type: ignore[attr-defined]
    assert cell(view, fbw, 1) == "1.200.000,00"  # Plan
    assert cell(view, fbw, 2) == "1.200.000,00"  # plan to December: all of it
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.undo_stack.undo()
    assert cell(view, fbw, 1) == "4.707.481,00"


def test_a_bad_plan_or_weight_is_named_and_nothing_stored(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    from aipdesk.ui.dialogs.budget_plan_dialog import BudgetPlanDialog

    pane = pane_of(window)
    go_to_fbw_march(window, qtbot)
    pane.findChild(QPushButton, "budgetPlanButton").click()  # type: ignore[union-attr]
    dialog = pane.findChild(BudgetPlanDialog, "budgetPlanDialog")
    assert dialog is not None
    steps = window.undo_stack.count()
    dialog.amount.setText("-5")
    ok_button(dialog).click()
    assert dialog.isVisible() and "negativ" in dialog.message.text()
    dialog.amount.setText("100")
    dialog.table.item(3, 0).setText("viel")
    ok_button(dialog).click()
    assert dialog.isVisible() and "Apr: „viel“ ist kein Gewicht" in dialog.message.text()
    assert window.undo_stack.count() == steps
    dialog.reject()  # a modal dialog left open would stand before the next test's window
