"""The monthly close in the window: the Meldestand's context menu reports, approves and
reopens a month (each one undo step), the matrix shows the states and timeliness, an
approved month is read-only in the grid, and the status table marks provisional figures."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from aipdesk.domain.closing import MonthState
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.closing import ApproveMonth, ReportMonth
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.models.grid_model import FIRST_MONTH
from aipdesk.ui.models.reporting_model import COL_TIMELY, ReportingModel
from aipdesk.ui.models.reporting_model import FIRST_MONTH as MATRIX_FIRST
from aipdesk.ui.month_close import ReopenDialog

MAY = Month(2021, 5)


def matrix_index(window: MainWindow, project: str, month: int) -> object:
    view = window.dashboard.matrix
    model: ReportingModel = view.model_
    row = next(r for r in range(model.rowCount()) if model.row_at(r).project.code == project)
    return view.proxy.mapFromSource(model.index(row, MATRIX_FIRST + month - 1))


def trigger(window: MainWindow, qtbot: QtBot, project: str, name: str) -> None:
    view = window.dashboard.matrix
    index = matrix_index(window, project, 5)
    menu = view.month_menu(index, QPoint(0, 0))
    assert isinstance(menu, QMenu)
    action = menu.findChild(type(menu.menuAction()), name)
    assert action is not None and action.isEnabled(), name
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        action.trigger()
    menu.close()


def state(window: MainWindow, project: str) -> MonthState:
    return window.snapshot.closing[(project, MAY)].state


def test_report_approve_reopen_from_the_matrix(window: MainWindow, qtbot: QtBot) -> None:
    trigger(window, qtbot, "NEUSTART", "actionReportMonth")
    assert state(window, "NEUSTART") is MonthState.REPORTED
    cell = matrix_index(window, "NEUSTART", 5)
    # Reported today, years after the Meldeschluss of June 2021: late.
    assert cell.data() == "☑!"
    assert "verspätet (Meldeschluss 10.06.2021)" in cell.data(Qt.ItemDataRole.ToolTipRole)
    trigger(window, qtbot, "NEUSTART", "actionApproveMonth")
    assert state(window, "NEUSTART") is MonthState.APPROVED
    assert matrix_index(window, "NEUSTART", 5).data() == "✔!"

    # The grid: May of NeuStart is read-only now, June is not.
    model = window.integrations.model
    row = model.find("NEUSTART", "integrations")
    may = model.index(row, FIRST_MONTH + 4)
    june = model.index(row, FIRST_MONTH + 5)
    assert not may.flags() & Qt.ItemFlag.ItemIsEditable
    assert june.flags() & Qt.ItemFlag.ItemIsEditable
    assert "gesperrt" in may.data(Qt.ItemDataRole.ToolTipRole)

    # One undo step each: Ctrl+Z takes the approval back, the cell is editable again.
    assert window.undo_stack.undoText().startswith("NeuStart Mai 2021 freigeben")
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.undo_stack.undo()
    assert state(window, "NEUSTART") is MonthState.REPORTED
    assert model.index(row, FIRST_MONTH + 4).flags() & Qt.ItemFlag.ItemIsEditable


def test_reopen_asks_for_a_reason(window: MainWindow, qtbot: QtBot) -> None:
    backend = window.backend
    ReportMonth("LIA", MAY).run(backend.db, Actor("teamleitung", "cli"))
    ApproveMonth("LIA", MAY).run(backend.db, Actor("koordination", "cli"))
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.reload()
    assert state(window, "LIA") is MonthState.APPROVED
    view = window.dashboard.matrix
    menu = view.month_menu(matrix_index(window, "LIA", 5), QPoint(0, 0))
    assert menu is not None
    report = menu.findChild(type(menu.menuAction()), "actionReportMonth")
    assert report is not None and not report.isEnabled()  # approved: nothing to report
    reopen = menu.findChild(type(menu.menuAction()), "actionReopenMonth")
    reopen.trigger()
    menu.close()
    dialog = window.findChild(ReopenDialog, "reopenDialog")
    assert dialog is not None and not dialog.ok.isEnabled()  # no reason, no reopening
    qtbot.keyClicks(dialog.reason, "Nachmeldung des Traegers")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        dialog.ok.click()
    assert state(window, "LIA") is MonthState.OPEN
    history = backend.history("LIA", None, MAY)
    assert history[-1].new == {"state": "open", "reason": "Nachmeldung des Traegers"}


def test_timeliness_and_provisional_figures(window: MainWindow, qtbot: QtBot) -> None:
    view = window.dashboard.matrix
    model: ReportingModel = view.model_
    row = next(r for r in range(model.rowCount()) if model.row_at(r).project.code == "GUIDE")
    # The demo year 2021: every Meldeschluss has passed and nothing was reported.
    assert model.index(row, COL_TIMELY).data() == "0 von 12"
    table = window.dashboard.model
    italic = [table.index(r, 4).data(Qt.ItemDataRole.FontRole) for r in range(table.rowCount())]
    # Nothing approved: every figure is provisional, set in italics and said so.
    assert italic and all(font is not None and font.italic() for font in italic)
    tip = table.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "0 von 12 Monaten freigegeben: die Zahlen sind vorläufig" in tip


def test_the_chart_in_ibcs_notation(window: MainWindow, qtbot: QtBot) -> None:
    """View ▸ IBCS notation: Ist solid and dark, Soll outlined (hollow points), Vorjahr
    solid grey; off again: the colours. The choice is kept for the next start."""
    from PySide6.QtGui import QAction

    chart = window.dashboard.chart
    chart.draw_pending()
    qtbot.waitUntil(lambda: chart.actual_item is not None, timeout=20_000)
    action = window.findChild(QAction, "actionIbcs")
    assert action is not None and action.isCheckable() and not action.isChecked()
    colour = chart.actual_item.opts["pen"].color().name()
    assert colour == "#0072b2"  # the colours: Okabe–Ito blue
    action.trigger()
    assert chart.ibcs
    assert chart.actual_item.opts["pen"].color().name() == "#262626"
    assert chart.plan_item.opts["symbol"] == "o"  # outlined
    assert chart.plan_item.opts["pen"].style() == Qt.PenStyle.SolidLine
    assert chart.previous_item.opts["pen"].style() == Qt.PenStyle.SolidLine
    window.state.save()
    assert window.state.settings().value("chart/ibcs") in (True, "true")
    action.trigger()
    assert chart.actual_item.opts["pen"].color().name() == "#0072b2"
    assert chart.plan_item.opts["symbol"] is None


def test_a_coordinator_moves_the_deadline_from_the_matrix(window: MainWindow, qtbot: QtBot) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from aipdesk.ui.month_close import DeadlineDialog

    view = window.dashboard.matrix
    menu = view.month_menu(matrix_index(window, "NEUSTART", 5), QPoint(0, 0))
    assert menu is not None
    action = menu.findChild(type(menu.menuAction()), "actionSetDeadline")
    assert action is not None
    action.trigger()
    menu.close()
    dialog = window.findChild(DeadlineDialog, "deadlineDialog")
    assert dialog is not None and dialog.due() == date(2021, 6, 10)  # the default
    dialog.edit.setDate(QDate(2021, 6, 15))
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        dialog.accept()
    # Every project's May follows it.
    assert window.snapshot.closing[("NEUSTART", MAY)].due == date(2021, 6, 15)
    assert window.snapshot.closing[("LIA", MAY)].due == date(2021, 6, 15)
    assert window.undo_stack.undoText().startswith("Meldeschluss Mai 2021")
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.undo_stack.undo()
    assert window.snapshot.closing[("NEUSTART", MAY)].due == date(2021, 6, 10)
