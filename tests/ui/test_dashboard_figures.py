"""The dashboard shows what a controller defends: incomplete rows said in words and a
symbol, the official rolling figures beside the cumulative ones, and why the report
month is the one it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot

from aipdesk.domain.months import Month
from aipdesk.services.status import status
from aipdesk.store.database import Database
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import ItemRole
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.models.status_model import (
    COL_ACTUAL,
    COL_REPORTED,
    COL_ROLLING,
    COL_STATUS,
    COL_YOY,
    StatusModel,
)


def _drop(db: Database, project: str, metric: str, month: Month) -> None:
    """A month that was never reported."""
    with db.write() as session:
        session.connection().exec_driver_sql(
            "DELETE FROM monthly_values WHERE year = ? AND month = ? AND project_id = "
            "(SELECT id FROM projects WHERE code = ?) AND metric_id = "
            "(SELECT id FROM metrics WHERE code = ?)",
            (month.year, month.month, project, metric),
        )


def _row(model: StatusModel, project: str, metric: str) -> int:
    return next(
        r
        for r in range(model.rowCount())
        if (lambda row: (row.project.code, row.metric.code))(model.index(r, 0).data(ItemRole))
        == (project, metric)
    )


def test_an_incomplete_row_says_so_in_words_and_symbol(
    backend: Backend, demo_db: Database, qtmodeltester: object
) -> None:
    _drop(demo_db, "NEUSTART", "integrations", Month(2021, 4))
    model = StatusModel()
    model.set_rows(backend.snapshot(2021, Month(2021, 6)).status.rows)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    row = _row(model, "NEUSTART", "integrations")
    assert model.index(row, COL_REPORTED).data() == "⚠ 5/6"
    words = model.index(row, COL_REPORTED).data(Qt.ItemDataRole.AccessibleTextRole)
    assert words == "5 von 6 Monaten gemeldet, unvollständig: es fehlt Apr 2021"
    tip = model.index(row, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Es fehlt: Apr 2021 – Soll und Ist zählen nur die gemeldeten Monate" in tip
    assert model.index(row, COL_STATUS).data() == "● grün"  # 296 of 291.7 is on plan
    other = _row(model, "LIA", "job_starts")
    assert model.index(other, COL_REPORTED).data() == "✓ 6/6"


def test_the_official_k2_stands_beside_the_cumulative_quote(
    backend: Backend, demo_db: Database
) -> None:
    model = StatusModel()
    model.set_rows(backend.snapshot(2021, Month(2021, 6)).status.rows)
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal) for c in (COL_ACTUAL, COL_ROLLING, COL_YOY)
    ]
    assert headers == ["Ist\n(kumuliert)", "Gleitend\n12 Monate", "ggü. Vor-\njahresmonat"]
    want = {
        (r.project.code, r.metric.code): r.progress
        for r in status(demo_db, 2021, Month(2021, 6)).rows
    }
    row = _row(model, "JC", "integration_rate")
    quote = want[("JC", "integration_rate")]
    assert quote.rolling_12m is not None and quote.actual_to_date is not None
    # Both shown, each as the status computes it: 11,4 % since January, 21,1 % over 12 months.
    assert model.index(row, COL_ACTUAL).data() == f"{quote.actual_to_date:.1f} %".replace(".", ",")
    assert model.index(row, COL_ROLLING).data() == f"{quote.rolling_12m:.1f} %".replace(".", ",")
    lzb = want[("JC", "lzb_stock")]
    assert lzb.yoy_month_change_pct is not None
    expected = f"{lzb.yoy_month_change_pct:+.1f} %".replace(".", ",")
    assert model.index(_row(model, "JC", "lzb_stock"), COL_YOY).data() == expected


def _window_without(
    demo_template: Path, tmp_path: Path, qtbot: QtBot, unreported: list[tuple[str, str]]
) -> MainWindow:
    """The window on a copy of the demo in which `unreported` (project, metric) pairs
    have not logged November 2021."""
    import shutil

    from aipdesk.app import build_main_window
    from aipdesk.store.database import open_database

    path = tmp_path / "w.sqlite"
    shutil.copy(demo_template, path)
    db = open_database(path)
    for project, metric in unreported:
        _drop(db, project, metric, Month(2021, 11))
    db.close()
    window = build_main_window(str(path), user="tester")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.show()
    return window


def test_the_window_says_why_it_chose_the_report_month(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    window = _window_without(demo_template, tmp_path, qtbot, [("LIA", "job_starts")])
    assert window.snapshot is not None
    assert window.snapshot.report_month == Month(2021, 10)  # LiA has not reported November
    strip = window.findChild(QLabel, "reportingStrip")
    assert strip is not None
    assert strip.text().startswith(
        "Berichtsmonat Okt 2021 – Meldeschluss: bis Okt 2021 vollständig gemeldet; es fehlt "
        "noch: LiA – Langzeitarbeitslose in Arbeit (Arbeitsaufnahmen) Nov 2021 "
        "(Werte liegen bis Dez 2021 vor)."
    )
    # The user can still pick another month; the window then says it was chosen.
    window.month_combo.setFocus()
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        qtbot.keyClick(window.month_combo, Qt.Key.Key_End)
    assert window.snapshot.report_month == Month(2021, 12)
    assert strip.text().startswith("Berichtsmonat Dez 2021, wie gewählt.")
    table = window.findChild(QTableView, "dashboardTable")
    assert table is not None
    window.close()


def test_the_strip_names_three_targets_behind_and_counts_the_rest(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    """With hundreds of projects behind, naming each one filled the window and left the
    table one row tall: the strip names three and counts the others."""
    behind = [
        ("LIA", "job_starts"),
        ("GUIDE", "participants"),
        ("IP", "integrations"),
        ("EXG", "integrations"),
        ("TAAM", "taam_new"),
    ]
    window = _window_without(demo_template, tmp_path, qtbot, behind)
    assert window.snapshot is not None and window.snapshot.status.choice is not None
    assert len(window.snapshot.status.choice.holdups) == 5  # the five dropped Novembers
    strip = window.findChild(QLabel, "reportingStrip")
    assert strip is not None
    why = strip.text().split("\n")[0]
    assert why.startswith("Berichtsmonat Okt 2021 – Meldeschluss: bis Okt 2021 vollständig")
    assert why.count("Nov 2021") == 3
    assert why.endswith("Nov 2021; und 2 weitere (Werte liegen bis Dez 2021 vor).")
    window.close()
