"""Export, template and import from the window, driven like a user (file dialogs skipped)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from aipdesk.cli import main
from aipdesk.domain.months import Month
from aipdesk.services.batch import Incoming, Kind, Plan, PlanItem, Stored
from aipdesk.services.values import get_value
from aipdesk.ui.dialogs.import_dialog import ImportPreviewDialog
from aipdesk.ui.main_window import MainWindow
from tests.conftest import snapshot
from tests.test_template_import import daten


def test_export_runs_in_the_background_and_offers_the_folder(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "AIP.xlsx"
    with qtbot.waitSignal(window.exported, timeout=60_000) as signal:
        window.exchange.export(str(out))
    assert signal.args == [str(out)]
    assert load_workbook(out, read_only=True).sheetnames[0] == "Übersicht"
    box = window.findChild(QMessageBox, "exportDoneMessage")
    assert box is not None and str(out) in box.text()
    assert any(b.objectName() == "openFolderButton" for b in box.buttons())
    box.close()


def test_template_then_import_with_preview(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "Erfassung.xlsx"
    window.exchange.template(str(path), project="LIA")
    qtbot.waitUntil(path.exists, timeout=30_000)
    qtbot.waitUntil(lambda: window.exchange._progress is None, timeout=30_000)
    book = load_workbook(path)
    sheet = book["Erfassung"]
    assert [c.value for c in sheet[1][:4]] == ["Projekt", "Kennzahl", "Bezeichnung", "2021-01"]
    assert sheet["A2"].value == "LIA" and sheet["B2"].value == "job_starts"
    sheet["D2"] = 99  # January
    book.save(path)

    window.exchange.import_(str(path))
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is not None, timeout=30_000)
    dialog = window.findChild(ImportPreviewDialog)
    assert "1 geändert" in dialog.findChild(QLabel, "importSummary").text()
    assert get_value(window.backend.db, "LIA", "job_starts", Month(2021, 1))[0] != 99  # type: ignore[index]
    dialog.accept()
    assert get_value(window.backend.db, "LIA", "job_starts", Month(2021, 1))[0] == 99  # type: ignore[index]
    assert (
        window.integrations.model.row_at(
            window.integrations.model.find("LIA", "job_starts")
        ).values[0]
        == 99
    )


def test_a_broken_file_is_refused_in_german(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "kaputt.xlsx"
    path.write_text("Projekt;Wert\n")
    before = snapshot(window.backend.db)
    window.exchange.import_(str(path))
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.activeModalWidget(), QMessageBox)
            or window.findChild(QMessageBox, "errorMessage") is not None
        ),
        timeout=30_000,
    )
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and "kaputt.xlsx" in box.text()
    box.close()
    assert snapshot(window.backend.db) == before


def _import_log(path: Path, after: int) -> list[tuple[object, ...]]:
    """The change-log rows after id `after`, but their time stamps."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT user, source, action, entity, project, metric, year, month, old, new "
            "FROM change_log WHERE id > ? ORDER BY id",
            (after,),
        ).fetchall()
    finally:
        conn.close()


def _last_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0])
    finally:
        conn.close()


def test_the_window_and_the_command_line_log_an_import_alike(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """One way to import: the same file, taken over in the window (preview, store) and
    by `aipdesk import` into a copy of the same database, leaves the same change-log
    rows; in the window it is one undo step that puts every value back."""
    ours = Path(window.backend.db.path or "")
    theirs = tmp_path / "kommandozeile.sqlite"
    source, copy = sqlite3.connect(ours), sqlite3.connect(theirs)
    source.backup(copy)
    source.close()
    copy.close()
    path = daten(
        tmp_path / "Daten.xlsx",
        [
            [2021, 1, "LIA", "job_starts", 66, "LiA", "Januar neu gezählt", "x"],  # update
            [2022, 2, "LIA", "job_starts", 7, "LiA", None, "x"],  # insert
        ],
    )
    before = _last_id(ours), _last_id(theirs)
    assert main(["import", "--db", str(theirs), str(path), "--user", "tester"]) == 0

    steps = window.undo_stack.count()
    window.exchange.import_(str(path))
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is not None, timeout=30_000)
    dialog = window.findChild(ImportPreviewDialog)
    assert dialog is not None
    dialog.accept()

    logged = _import_log(ours, before[0])
    assert [row[2] for row in logged] == ["update", "insert"]
    assert {(row[0], row[1]) for row in logged} == {("tester", "import")}
    assert '"file": "Daten.xlsx"' in str(logged[0][9])
    assert logged == _import_log(theirs, before[1])

    assert window.undo_stack.count() == steps + 1
    window.undo_stack.undo()
    db = window.backend.db
    assert get_value(db, "LIA", "job_starts", Month(2022, 2)) is None
    assert get_value(db, "LIA", "job_starts", Month(2021, 1))[0] != 66  # type: ignore[index]


def test_the_preview_of_a_large_file_summarises(qtbot: QtBot) -> None:
    """12,000 values: one line per project and metric, the first conflicts listed on top,
    not one line per value."""
    items = []
    for project in range(50):
        for metric in range(20):
            for month in range(1, 13):
                incoming = Incoming(
                    f"P{project:02d}", f"m{metric:02d}", Month(2021, month), month, where="x"
                )
                conflict = project == 7 and metric == 3 and month in (4, 5)
                stored = Stored(1, None, "kollegin", None) if conflict else None
                items.append(PlanItem(incoming, stored, Kind.CONFLICT if conflict else Kind.NEW))
    dialog = ImportPreviewDialog(Plan(tuple(items)), "gross.xlsx")
    qtbot.addWidget(dialog)
    assert dialog.groups.rowCount() == 1_000
    first = [dialog.groups.item(0, column).text() for column in range(7)]
    assert first == ["P00", "m00", "2021-01 – 2021-12", "12", "0", "0", "0"]
    assert dialog.table.rowCount() == 50
    assert [dialog.table.item(row, 0).text() for row in range(3)] == [
        "Konflikt",
        "Konflikt",
        "neu",
    ]
    assert "11950" in dialog.findChild(QLabel, "importListed").text()
    assert dialog.skip.isVisibleTo(dialog)
