"""A merge of another database and a restore of a backup are undo steps like every other
write: Ctrl+Z puts back what they replaced, Ctrl+Y does them again; a refused one
changes nothing and pushes no step. The window and `aipdesk merge` log a merge alike."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from aipdesk.cli import main
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.values import get_value, log_value
from aipdesk.store.database import open_database
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.models.grid_model import FIRST_MONTH
from tests.conftest import snapshot
from tests.ui.test_database_state import answer, without_version
from tests.ui.test_exchange_gui import _import_log, _last_id
from tests.ui.test_undo_everything import stack_texts

MAY, JAN22, FEB22 = Month(2021, 5), Month(2022, 1), Month(2022, 2)


def _copy(source: Path, target: Path) -> Path:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def _team(
    window: MainWindow, folder: Path, *values: tuple[str, str, Month, int, str | None]
) -> Path:
    """team.sqlite: a copy of the window's database with `values` logged there by bernd."""
    team = _copy(Path(window.backend.db.path or ""), folder / "team.sqlite")
    other = open_database(team)
    for project, metric, month, value, note in values:
        log_value(other, Actor("bernd", "gui"), project, metric, month, value, note)
    other.close()
    return team


def undo(window: MainWindow, qtbot: QtBot) -> None:
    """Ctrl+Z: the window's Undo action (a message box just closed may have left no
    window active to take the key)."""
    window.activateWindow()
    action = window.findChild(QAction, "actionUndo")
    assert action is not None and action.isEnabled()
    action.trigger()


def redo(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    action = window.findChild(QAction, "actionRedo")
    assert action is not None and action.isEnabled()
    action.trigger()


def _click(qtbot: QtBot, box: QMessageBox, name: str) -> None:
    """Press the button `name` of `box` and wait until the box has gone (the window has
    the keyboard again)."""
    button = box.findChild(QPushButton, name)
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def _shown(window: MainWindow, project: str, metric: str, month: int) -> object:
    """What the monthly-values grid shows for (project, metric) in `month` of the year."""
    model = window.integrations.model
    row = model.find(project, metric)
    assert row is not None
    return model.index(row, FIRST_MONTH + month - 1).data()


def test_a_merge_is_one_undo_step_logged_as_by_the_command_line(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ours = Path(window.backend.db.path or "")
    team = _team(
        window,
        tmp_path,
        ("NEUSTART", "integrations", JAN22, 12, "vom Team"),
        ("LIA", "job_starts", FEB22, 7, None),
    )
    cli_copy = _copy(ours, tmp_path / "kommandozeile.sqlite")
    before = snapshot(window.backend.db)
    marks = _last_id(ours), _last_id(cli_copy)
    assert main(["merge", "--db", str(cli_copy), str(team), "--user", "tester"]) == 0

    steps = window.undo_stack.count()
    window.exchange.merge(str(team))
    box = answer(qtbot, window, "mergeQuestion")
    assert "team.sqlite: 2" in box.text()
    _click(qtbot, box, "mergeButton")

    db = window.backend.db
    assert get_value(db, "NEUSTART", "integrations", JAN22) == (12, "vom Team")
    assert get_value(db, "LIA", "job_starts", FEB22) == (7, None)
    logged = _import_log(ours, marks[0])
    assert [(r[0], r[1], r[2], r[4], r[6], r[7]) for r in logged] == [
        ("tester", "merge", "insert", "LIA", 2022, 2),
        ("tester", "merge", "insert", "NEUSTART", 2022, 1),
    ]
    assert '"file": "team.sqlite"' in str(logged[0][9])
    assert logged == _import_log(cli_copy, marks[1])
    assert window.undo_stack.count() == steps + 1
    assert stack_texts(window)[-1] == "Werte aus team.sqlite übernehmen"

    undo(window, qtbot)
    assert get_value(db, "NEUSTART", "integrations", JAN22) is None
    assert get_value(db, "LIA", "job_starts", FEB22) is None
    after = snapshot(db)
    assert {k: v for k, v in after.items() if k != "change_log"} == {
        k: v for k, v in before.items() if k != "change_log"
    }
    assert [r[2] for r in _import_log(ours, marks[0])][2:] == ["delete", "delete"]

    redo(window, qtbot)
    assert get_value(db, "NEUSTART", "integrations", JAN22) == (12, "vom Team")
    assert get_value(db, "LIA", "job_starts", FEB22) == (7, None)


def test_a_merge_with_conflicts_lists_them_by_name(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    team = _team(window, tmp_path, ("NEUSTART", "integrations", MAY, 999, None))
    window.exchange.merge(str(team))
    box = answer(qtbot, window, "mergeQuestion")
    assert "NeuStart / Integrationen / Mai 2021: hier" in box.detailedText()
    steps = window.undo_stack.count()
    _click(qtbot, box, "takeTheirsButton")
    assert get_value(window.backend.db, "NEUSTART", "integrations", MAY)[0] == 999  # type: ignore[index]
    assert _shown(window, "NEUSTART", "integrations", 5) == "999"
    undo(window, qtbot)
    assert window.undo_stack.count() == steps + 1
    assert get_value(window.backend.db, "NEUSTART", "integrations", MAY)[0] != 999  # type: ignore[index]


def test_a_restore_is_undone_and_redone(window: MainWindow, qtbot: QtBot) -> None:
    from aipdesk.services.database import backup

    backend = window.backend
    saved = backup(backend.db)
    original = get_value(backend.db, "NEUSTART", "integrations", MAY)
    backend.log_value("NEUSTART", "integrations", MAY, 999)  # after the backup: one step
    edited = snapshot(backend.db)
    steps = window.undo_stack.count()

    window.backups.restore(str(saved))
    answer(qtbot, window, "confirmRestore").findChild(QPushButton, "restoreButton").click()
    done = answer(qtbot, window, "restoredMessage")
    assert saved.name in done.text()
    done.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) == original
    assert window.undo_stack.count() == steps + 1
    assert stack_texts(window)[-1] == f"Sicherung {saved.name} wiederherstellen"
    restored = snapshot(backend.db)

    undo(window, qtbot)  # the values from before the restore
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) == (999, None)
    assert _shown(window, "NEUSTART", "integrations", 5) == "999"
    now = snapshot(backend.db)
    assert without_version(now["monthly_values"]) == without_version(edited["monthly_values"])
    assert now["targets"] == [] or len(now["targets"]) == len(edited["targets"])
    # Entries are only ever appended: the restore's entry, then the undo's.
    assert set(edited["change_log"]) <= set(now["change_log"])
    assert [r[4] for r in set(now["change_log"]) - set(edited["change_log"])] == ["restore"]

    undo(window, qtbot)  # the edit before the restore can still be undone
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) == original
    redo(window, qtbot)
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) == (999, None)
    redo(window, qtbot)  # the restored state again
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) == original
    assert _shown(window, "NEUSTART", "integrations", 5) != "999"
    again = snapshot(backend.db)
    assert without_version(again["monthly_values"]) == without_version(restored["monthly_values"])
    assert window.undo_stack.count() == steps + 1


def test_a_refused_restore_changes_nothing_and_pushes_no_step(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    foreign = tmp_path / "notizen.sqlite"
    foreign.write_text("keine Datenbank", encoding="utf-8")
    backend = window.backend
    backend.log_value("NEUSTART", "integrations", MAY, 998)
    before = snapshot(backend.db)
    steps = window.undo_stack.count()
    window.backups.restore(str(foreign))
    answer(qtbot, window, "confirmRestore").findChild(QPushButton, "restoreButton").click()
    error = answer(qtbot, window, "errorMessage")
    assert "notizen.sqlite" in error.text()
    error.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert snapshot(backend.db) == before
    assert window.undo_stack.count() == steps
    undo(window, qtbot)  # the step before is still the one undone
    assert get_value(backend.db, "NEUSTART", "integrations", MAY) != (998, None)


def test_a_restore_of_a_copy_that_lost_its_backup_is_refused_on_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The backup an undo would restore was deleted meanwhile: the undo is refused with
    its reason, the step dropped, and the database stays as it is."""
    from aipdesk.services.database import backup

    backend = window.backend
    saved = backup(backend.db)
    backend.log_value("NEUSTART", "integrations", MAY, 997)
    backend.restore(str(saved))
    command = window.undo_stack.command(window.undo_stack.count() - 1)
    previous = Path(command.backward.source)  # type: ignore[attr-defined]
    shutil.move(previous, previous.with_suffix(".weg"))
    before = snapshot(backend.db)
    with qtbot.waitSignal(backend.failed) as failed:
        undo(window, qtbot)
    assert previous.name in str(failed.args[0])
    assert snapshot(backend.db) == before
