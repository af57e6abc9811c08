"""The dashboard's Meldestand: the matrix model (qtmodeltester, marks, totals, sorting),
its tab beside the chart, the dashboard table's height at 1366×768, and the grid's
Summe / Ø labels."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from aipdesk.app import build_main_window
from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.services.reporting_matrix import reporting_matrix
from aipdesk.store.database import Database, open_database
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import ItemRole, SortRole
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.models.grid_model import COL_TOTAL, GridModel
from aipdesk.ui.models.reporting_model import COL_PROJECT, ReportingModel
from aipdesk.ui.models.reporting_model import COL_TOTAL as MATRIX_TOTAL

# Never reported (as in tests/test_reporting_matrix.py): JC one FbW sector in March,
# LiA November and December, the TaAM stock in September.
DROPPED = [
    ("JC", "training_care", Month(2021, 3)),
    ("LIA", "job_starts", Month(2021, 11)),
    ("LIA", "job_starts", Month(2021, 12)),
    ("TAAM", "taam_stock", Month(2021, 9)),
]


def drop_all(db: Database) -> None:
    with db.write() as session:
        for project, metric, month in DROPPED:
            session.connection().exec_driver_sql(
                "DELETE FROM monthly_values WHERE year = ? AND month = ? AND project_id = "
                "(SELECT id FROM projects WHERE code = ?) AND metric_id = "
                "(SELECT id FROM metrics WHERE code = ?)",
                (month.year, month.month, project, metric),
            )


def test_the_matrix_model(backend: Backend, demo_db: Database, qtmodeltester: object) -> None:
    drop_all(demo_db)
    matrix = reporting_matrix(backend.snapshot(2021, Month(2021, 12)))
    model = ReportingModel()
    model.set_matrix(matrix)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]

    assert model.rowCount() == 7 and model.columnCount() == 15
    rows = {model.index(r, 0).data(ItemRole).project.code: r for r in range(model.rowCount())}
    lia = rows["LIA"]
    assert [model.index(lia, c).data() for c in range(1, 13)] == ["✓"] * 10 + ["–", "–"]
    assert model.index(lia, MATRIX_TOTAL).data() == "10 von 12"
    assert model.index(rows["NEUSTART"], MATRIX_TOTAL).data() == "12 von 12"
    tip = model.index(lia, 11).data(Qt.ItemDataRole.ToolTipRole)
    where = "LiA – Langzeitarbeitslose in Arbeit · Nov 2021"
    assert tip == f"{where}: nicht vollständig: Arbeitsaufnahmen"
    # Totals per month in the header (sorting never moves them), all in the total's tip.
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(14)]
    assert header[0] == "Projekt" and header[13] == "Gemeldet"
    assert header[3] == "Mär\n6/7" and header[1] == "Jan\n7/7" and header[12] == "Dez\n6/7"
    assert model.headerData(13, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Gemeldete von fälligen Monaten, alle Projekte: 80 von 84"
    )
    assert model.headerData(9, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Sep 2021: 6 von 7 Projekten gemeldet"
    )

    # Sorting: by the total, fewest reported first; by a month, the missing first.
    proxy.sort(MATRIX_TOTAL, Qt.SortOrder.AscendingOrder)
    order = [proxy.index(r, COL_PROJECT).data(ItemRole).project.code for r in range(7)]
    assert order[:3] == ["LIA", "JC", "TAAM"] or order[:3] == ["LIA", "TAAM", "JC"]
    assert set(order[3:]) == {"NEUSTART", "GUIDE", "IP", "EXG"}
    proxy.sort(9, Qt.SortOrder.AscendingOrder)  # September
    assert proxy.index(0, COL_PROJECT).data() == "Teilhabe am Arbeitsmarkt (§ 16i SGB II)"
    proxy.sort(COL_PROJECT, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, COL_PROJECT).data() for r in range(7)]
    assert names == sorted(names, key=str.casefold)


def test_later_months_are_greyed_and_not_counted(backend: Backend, demo_db: Database) -> None:
    drop_all(demo_db)
    model = ReportingModel()
    model.set_matrix(reporting_matrix(backend.snapshot(2021, Month(2021, 6))))
    rows = {model.index(r, 0).data(ItemRole).project.code: r for r in range(model.rowCount())}
    lia = rows["LIA"]
    assert [model.index(lia, c).data() for c in range(7, 13)] == ["✓"] * 4 + ["", ""]
    assert model.index(lia, 7).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(lia, 6).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(lia, MATRIX_TOTAL).data() == "6 von 6"
    assert model.index(rows["JC"], MATRIX_TOTAL).data() == "5 von 6"
    assert model.headerData(8, Qt.Orientation.Horizontal) == "Aug"  # nothing due: no total


def test_the_window_shows_the_matrix_on_a_tab_and_the_table_keeps_its_rows(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "w.sqlite"
    shutil.copy(demo_template, path)
    db = open_database(path)
    drop_all(db)
    db.close()
    window = build_main_window(str(path), user="tester")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.show()
    window.resize(1366, 768)
    qtbot.wait(1)  # a layout pass for the new size
    tabs = window.findChild(QTabWidget, "dashboardTabs")
    matrix = window.findChild(QTableView, "reportingMatrix")
    table = window.findChild(QTableView, "dashboardTable")
    assert tabs is not None and matrix is not None and table is not None
    # Meldeschluss is August (the TaAM stock misses September; the FbW sector holds up no
    # target): up to then only the Jobcenter's March is missing.
    assert window.snapshot is not None and window.snapshot.report_month == Month(2021, 8)
    assert tabs.tabText(1) == "Meldestand (1 fehlt)"
    # December chosen: four months are missing.
    window.month_combo.setFocus()
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        qtbot.keyClick(window.month_combo, Qt.Key.Key_End)
    assert window.snapshot.report_month == Month(2021, 12)
    assert tabs.tabText(1) == "Meldestand (4 fehlen)"
    strip = window.dashboard.reporting.text().split("\n")
    assert len(strip) == 2
    assert strip[1] == (
        "Meldestand bis Dez 2021: 4 von 7 Projekten vollständig; es fehlen Monate: "
        "Jobcenter Kreis Unna (gesamt) (1), LiA – Langzeitarbeitslose in Arbeit (2), "
        "Teilhabe am Arbeitsmarkt (§ 16i SGB II) (1) – siehe Reiter „Meldestand“."
    )
    tabs.setCurrentWidget(matrix)
    assert matrix.isVisible() and matrix.model().rowCount() == 7
    # Double-clicking a target brings the chart back.
    centre = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert tabs.currentWidget() is window.dashboard.chart
    # At 1366×768 at least eight rows of the dashboard table are whole on screen.
    viewport = table.viewport().rect()
    whole = [
        r
        for r in range(table.model().rowCount())
        if viewport.contains(table.visualRect(table.model().index(r, 0)))
    ]
    assert len(whole) >= 8
    assert window.dashboard.chart.height() >= 768 / 3
    window.close()


def test_the_grid_total_says_sum_or_average(backend: Backend) -> None:
    snap = backend.snapshot(2021, Month(2021, 12))
    model = GridModel()
    model.set_rows(snap.grids[Area.INTEGRATION].rows)
    assert model.headerData(COL_TOTAL, Qt.Orientation.Horizontal) == "Summe / Ø"
    rows = {model.index(r, 0).data(ItemRole).key(): r for r in range(model.rowCount())}
    stock = rows[("TAAM", "taam_stock")]
    flow = rows[("TAAM", "taam_new")]
    assert model.index(stock, COL_TOTAL).data() == "Ø 348,4"
    assert model.index(stock, COL_TOTAL).data(Qt.ItemDataRole.ToolTipRole) == (
        "Durchschnitt (Ø) der gemeldeten Monate 2021: 348,4"
    )
    assert model.index(flow, COL_TOTAL).data() == "79"
    assert model.index(flow, COL_TOTAL).data(Qt.ItemDataRole.ToolTipRole) == (
        "Summe der gemeldeten Monate 2021: 79"
    )
    guide = rows[("GUIDE", "participants")]
    assert model.index(guide, COL_TOTAL).data() == "42"
    assert model.index(guide, COL_TOTAL).data(Qt.ItemDataRole.ToolTipRole) == (
        "Summe der gemeldeten Monate 2021: 42\n"
        "Zielwert und Zielerreichung: Zeitraum Nov 2019 – Apr 2024 bis zum Berichtsmonat – "
        "Ist 87, Soll 113, Zielwert 235"
    )
