"""The dashboard model, keyboard and screen-reader access, larger fonts, cell history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from aipdesk.app import build_main_window
from aipdesk.domain.months import Month
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import SortRole, number_text
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.models.status_model import (
    COL_ACTUAL,
    COL_ATTAINMENT,
    COL_STATUS,
    COL_YOY,
    StatusModel,
)

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView,
               QAbstractSpinBox)


def test_status_model_passes_qt_model_test(backend: Backend, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = StatusModel()
    model.set_rows(backend.snapshot(2021).status.rows)
    qtmodeltester.check(model)
    model.set_rows(backend.snapshot(2021, Month(2021, 3)).status.rows)  # in place
    qtmodeltester.check(model)


def test_status_is_text_not_colour_alone_and_sorts_numerically(backend: Backend) -> None:
    model = StatusModel()
    model.set_rows(backend.snapshot(2021).status.rows)
    texts = {model.index(r, COL_STATUS).data() for r in range(model.rowCount())}
    assert {"● grün", "▲ gelb", "■ rot"} <= texts
    values = [model.index(r, COL_ATTAINMENT).data(SortRole) for r in range(model.rowCount())]
    assert all(isinstance(v, float) for v in values)  # numbers, so 104,9 % sorts after 96,6 %


def test_an_edit_repaints_only_the_columns_it_changes(backend: Backend) -> None:
    """A new Ist moves the Ist and what follows from it; the row's names, target and Soll
    stay as they are and are not painted again."""
    model = StatusModel()
    model.set_rows(backend.snapshot(2021).status.rows)
    told: list[tuple[int, int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: told.append((a.row(), a.column(), b.column())))
    rows = [(r.project.code, r.metric.code) for r in model.rows()]
    row = rows.index(("NEUSTART", "integrations"))
    old = backend.value("NEUSTART", "integrations", Month(2021, 3))
    assert old is not None
    backend.log_value("NEUSTART", "integrations", Month(2021, 3), old[0] + 5)
    model.set_rows(backend.snapshot(2021).status.rows)
    (first, last) = next((a, b) for n, a, b in told if n == row)
    assert first == COL_ACTUAL and COL_YOY <= last <= COL_STATUS
    assert model.index(row, COL_ACTUAL).data() == number_text(
        model.row_at(row).progress.actual_to_date, model.row_at(row).metric
    )


def test_every_interactive_widget_has_an_accessible_name(window: MainWindow) -> None:
    unnamed = []
    for pane in window.panes.values():
        window.tabs.setCurrentWidget(pane)
        for widget in window.findChildren(QWidget):
            if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
                continue
            if not widget.isVisibleTo(window):
                continue
            if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
                continue  # a combo box's own popup view
            labelled = any(isinstance(label, QLabel) and label.buddy() is widget
                           for label in window.findChildren(QLabel))
            has_text = isinstance(widget, QAbstractButton) and widget.text().replace("&", "")
            if not (widget.accessibleName() or labelled or has_text):
                unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert unnamed == []


def test_panes_and_actions_reachable_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    for index, name in enumerate(("dashboard", "projects", "integrations", "training",
                                  "targets"), start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + index), Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentWidget() is window.panes[name]
    assert window.action_undo.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Y" in [s.toString() for s in window.action_redo.shortcuts()]
    assert window.action_quit.shortcut().toString() == "Ctrl+Q"
    assert window.action_export.shortcut().toString() == "Ctrl+E"
    assert window.action_import.shortcut().toString() == "Ctrl+I"


def test_usable_at_150_percent_font(demo_template: Path, tmp_path: Path, qtbot: QtBot) -> None:
    import shutil

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    bigger = QFont(original)
    bigger.setPointSizeF(original.pointSizeF() * 1.5)
    app.setFont(bigger)
    try:
        path = tmp_path / "demo.sqlite"
        shutil.copy(demo_template, path)
        win = build_main_window(str(path))
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.loaded, timeout=20_000):
            win.show()
        for pane in win.panes.values():
            win.tabs.setCurrentWidget(pane)
            hint = win.minimumSizeHint()
            assert hint.width() <= 1920 and hint.height() <= 1080  # fits a full-HD laptop
        row_height = win.dashboard.table.verticalHeader().defaultSectionSize()
        assert row_height >= win.dashboard.table.fontMetrics().height()
        win.close()
    finally:
        app.setFont(original)


def test_cell_history_from_the_grid(window: MainWindow, qtbot: QtBot) -> None:
    window.show_pane("integrations")
    pane = window.integrations
    row = pane.model.find("LIA", "job_starts")
    assert row is not None
    index = pane.model.index(row, 2 + 4)  # May
    pane.view.setCurrentIndex(index)
    assert pane.model.setData(index, "31")
    assert pane.model.setData(pane.model.index(row, 6), "32")
    pane.show_history()
    dialog = pane.findChild(QWidget, "historyDialog")
    assert dialog is not None
    title = dialog.findChild(QLabel, "historyTitle").text()
    assert title == "LiA – Langzeitarbeitslose in Arbeit · Arbeitsaufnahmen · Mai 2021"
    table = dialog.findChild(QTableWidget, "historyTable")
    assert table.rowCount() == 3  # demo insert, two edits; newest first
    assert table.item(0, 1).text() == "tester"
    assert table.item(0, 3).text() == "31" and table.item(0, 4).text() == "32"
    assert table.item(2, 2).text() == "Demodaten" or table.item(2, 3).text() == "–"
    dialog.close()
