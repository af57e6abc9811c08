"""The real main window, driven by object name (DESIGN §6 GUI contract)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from aipdesk.app import build_main_window
from aipdesk.domain.months import Month
from aipdesk.services.database import open_database
from aipdesk.services.targets import list_targets
from aipdesk.services.values import get_value
from aipdesk.ui.common import ItemRole
from aipdesk.ui.main_window import MainWindow

OBJECT_NAMES = {
    QWidget: [
        "dashboardPane",
        "projectsPane",
        "integrationsPane",
        "trainingPane",
        "targetsPane",
        "progressChart",
    ],
    QComboBox: ["yearCombo", "monthCombo"],
    QTableView: ["dashboardTable", "integrationsTable", "trainingTable", "targetsTable"],
    QAction: ["actionExport", "actionImport", "actionUndo", "actionRedo"],
}


def wait_reload(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        pass


def rows(model: QAbstractItemModel) -> list[object]:
    return [model.index(r, 0).data(ItemRole) for r in range(model.rowCount())]


def dashboard_row(window: MainWindow, project: str, metric: str):  # type: ignore[no-untyped-def]
    for row in rows(window.dashboard.model):
        if (row.project.code, row.metric.code) == (project, metric):  # type: ignore[attr-defined]
            return row
    raise AssertionError((project, metric))


def test_contracted_object_names(window: MainWindow) -> None:
    assert window.objectName() == "mainWindow"
    assert isinstance(window, QMainWindow)
    for kind, names in OBJECT_NAMES.items():
        for name in names:
            assert window.findChild(kind, name) is not None, name
    for name in ("actionExport", "actionImport", "actionTemplate", "actionMerge"):
        action = window.findChild(QAction, name)
        assert action.isEnabled() and action.toolTip(), name


def test_opens_on_latest_month_with_values(window: MainWindow) -> None:
    assert window.findChild(QComboBox, "yearCombo").currentData() == 2021
    assert window.findChild(QComboBox, "monthCombo").currentData() == Month(2021, 12)
    assert window.dashboard.model.rowCount() == 14


def test_german_by_default(window: MainWindow) -> None:
    assert window.tabs.tabText(0).replace("&", "") == "Übersicht"
    header = window.dashboard.model.headerData(3, Qt.Orientation.Horizontal)
    assert header == "Soll"


def test_typing_in_the_grid_updates_dashboard_and_chart(window: MainWindow, qtbot: QtBot) -> None:
    window.show_pane("integrations")
    view = window.findChild(QTableView, "integrationsTable")
    row = window.integrations.model.find("NEUSTART", "integrations")
    index = window.integrations.model.index(row, 2 + 11)  # December
    before = dashboard_row(window, "NEUSTART", "integrations").progress.actual_to_date
    december = get_value(window.backend.db, "NEUSTART", "integrations", Month(2021, 12))
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, "1")
    editor = view.findChild(QLineEdit, "cellEditor")
    qtbot.keyClicks(editor, "00")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert get_value(window.backend.db, "NEUSTART", "integrations", Month(2021, 12))[0] == 100  # type: ignore[index]
    after = dashboard_row(window, "NEUSTART", "integrations").progress.actual_to_date
    assert after == before - december[0] + 100  # type: ignore[index,operator]
    window.dashboard.select("NEUSTART", "integrations")
    assert window.dashboard.chart.data is not None
    assert window.dashboard.chart.data.cumulative[-1] == after
    # Undo through the window's action (Ctrl+Z) restores the database and the dashboard.
    window.findChild(QAction, "actionUndo").trigger()
    assert get_value(window.backend.db, "NEUSTART", "integrations", Month(2021, 12)) == december
    assert dashboard_row(window, "NEUSTART", "integrations").progress.actual_to_date == before
    window.findChild(QAction, "actionRedo").trigger()
    assert dashboard_row(window, "NEUSTART", "integrations").progress.actual_to_date == after


def test_switching_year_refreshes_every_pane(window: MainWindow, qtbot: QtBot) -> None:
    combo = window.findChild(QComboBox, "yearCombo")
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        combo.activated.emit(combo.findData(2020))
    assert window.snapshot is not None and window.snapshot.year == 2020
    assert window.findChild(QComboBox, "monthCombo").currentData() == Month(2020, 12)
    neustart = window.integrations.model.row_at(
        window.integrations.model.find("NEUSTART", "integrations")
    )
    assert neustart.months[0] == Month(2020, 1)
    assert all(r.target.first.year <= 2020 for r in rows(window.dashboard.model))  # type: ignore[attr-defined]
    targets_model = window.findChild(QTableView, "targetsTable").model()
    periods = {targets_model.index(r, 2).data() for r in range(targets_model.rowCount())}
    assert "2019-11 – 2024-04" in periods and "2021-01 – 2021-12" not in periods
    training = window.training.model.row_at(0)
    assert training.months[0] == Month(2020, 1)


def test_switching_month_changes_plan(window: MainWindow, qtbot: QtBot) -> None:
    combo = window.findChild(QComboBox, "monthCombo")
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        combo.activated.emit(5)  # June
    row = dashboard_row(window, "NEUSTART", "integrations")
    assert row.progress.plan_to_date == pytest.approx(350)


def test_the_status_bar_names_the_period_when_it_is_read_not_after_every_edit(
    window: MainWindow, qtbot: QtBot
) -> None:
    bar = window.statusBar()
    assert bar.currentMessage() == "Jahr 2021, Berichtsmonat Dez 2021"
    bar.clearMessage()
    model = window.integrations.model
    index = model.index(model.find("NEUSTART", "integrations"), 2 + 10)  # November
    before = dashboard_row(window, "NEUSTART", "integrations").progress.actual_to_date
    november = get_value(window.backend.db, "NEUSTART", "integrations", Month(2021, 11))
    assert november is not None and before is not None
    assert model.setData(index, "77")
    after = dashboard_row(window, "NEUSTART", "integrations").progress.actual_to_date
    assert after == before - november[0] + 77  # the figures follow the edit
    assert bar.currentMessage() == ""  # the same period: nothing new to say
    combo = window.findChild(QComboBox, "monthCombo")
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        combo.activated.emit(5)  # June
    assert bar.currentMessage() == "Jahr 2021, Berichtsmonat Jun 2021"


def test_editing_a_target_changes_the_dashboard(window: MainWindow, qtbot: QtBot) -> None:
    window.show_pane("targets")
    view = window.findChild(QTableView, "targetsTable")
    model = view.model()
    (number,) = [
        r for r in range(model.rowCount()) if model.index(r, 0).data(ItemRole).project == "NEUSTART"
    ]
    index = model.index(number, 3)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "650")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    def stored() -> list[float | None]:
        return [
            t.value
            for t in list_targets(window.backend.db)
            if (t.project, t.metric) == ("NEUSTART", "integrations")
        ]

    qtbot.waitUntil(lambda: stored() == [650], timeout=5000)  # the pane writes after setData
    row = dashboard_row(window, "NEUSTART", "integrations")
    assert row.progress.target == 650 and row.progress.plan_to_date == pytest.approx(650)


def test_double_click_shows_the_chart_of_that_target(window: MainWindow, qtbot: QtBot) -> None:
    table = window.findChild(QTableView, "dashboardTable")
    model = table.model()
    (number,) = [
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(ItemRole).project.code == "GUIDE"
    ]
    rect = table.visualRect(model.index(number, 1))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    data = window.dashboard.chart.data
    assert data is not None and data.project.code == "GUIDE" and len(data.months) == 54


def test_english_with_lang_en(demo_template: Path, tmp_path: Path, qtbot: QtBot) -> None:
    import shutil

    from aipdesk.ui import i18n

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    win = build_main_window(str(path), lang="en")
    qtbot.addWidget(win)
    try:
        assert win.tabs.tabText(0).replace("&", "") == "Overview"
    finally:
        win.close()
        i18n.install(QApplication.instance(), "de")  # back to the default for later tests


def test_first_start_creates_the_database_with_the_catalogue(tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "fresh.sqlite"
    win = build_main_window(str(path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded, timeout=20_000):
        win.show()
    assert win.dashboard.model.rowCount() >= 12
    assert any(t.project == "NEUSTART" for t in list_targets(open_database(path)))
    win.close()


@pytest.mark.slow
def test_screenshot_command_writes_a_png(demo_template: Path, tmp_path: Path) -> None:
    png = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "aipdesk",
            "--db",
            str(demo_template),
            "--screenshot",
            str(png),
            "--pane",
            "integrations",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1366, 768)  # an office laptop's screen
