"""Restoring a backup is an operation with an inverse: restoring the checked copy of the
state it replaced. Undo and redo are restores, each recorded in the change log."""

from __future__ import annotations

from pathlib import Path

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.maintenance import RestoreBackup
from aipdesk.services.operation import ReplacingOperation
from aipdesk.services.values import get_value, log_value
from aipdesk.store import restore as restore_module
from aipdesk.store.backup import backup, backup_dir
from aipdesk.store.database import open_database
from tests.conftest import snapshot

ANNA = Actor("anna", "gui")
JAN, FEB = Month(2021, 1), Month(2021, 2)


def _values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = open_database(path)
    try:
        return snapshot(db)
    finally:
        db.close()


def _without_version(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return sorted(row[:7] for row in rows)  # id … note; version and writer follow


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, Path]:
    """A database with two values, its backup, then a third value and a change."""
    path = tmp_path / "aipdesk.sqlite"
    db = open_database(path)
    load_catalogue(db, ANNA)
    log_value(db, ANNA, "NEUSTART", "integrations", JAN, 10, "alt")
    log_value(db, ANNA, "LIA", "job_starts", JAN, 4)
    copy = backup(db)
    log_value(db, ANNA, "NEUSTART", "integrations", JAN, 99, "neu")
    log_value(db, ANNA, "NEUSTART", "integrations", FEB, 5)
    db.close()
    return path, copy


def test_undo_and_redo_of_a_restore_are_restores(saved: tuple[Path, Path]) -> None:
    path, copy = saved
    edited = _values(path)
    op = RestoreBackup(str(copy))
    assert isinstance(op, ReplacingOperation)
    assert op.label() == (f"Sicherung {copy.name} wiederherstellen", f"Restore backup {copy.name}")
    done = op.replace(str(path), ANNA)
    assert done.detail.verified and done.detail.backup_of_current is not None
    assert "NEUSTART" in done.changes.projects and "integrations" in done.changes.metrics
    restored = _values(path)
    db = open_database(path)
    assert get_value(db, "NEUSTART", "integrations", JAN) == (10, "alt")
    assert get_value(db, "NEUSTART", "integrations", FEB) is None
    db.close()

    assert isinstance(done.inverse, RestoreBackup)
    assert Path(done.inverse.source) == done.detail.backup_of_current
    undone = done.inverse.replace(str(path), ANNA)
    back = _values(path)
    assert _without_version(back["monthly_values"]) == _without_version(edited["monthly_values"])
    # Each state's change log only grows: the undo's restore is recorded on top of the
    # state it brings back, the restore itself on top of the backup's.
    assert set(edited["change_log"]) < set(back["change_log"])
    added = set(back["change_log"]) - set(edited["change_log"])
    assert [(row[2], row[4], row[5]) for row in added] == [("anna", "restore", "database")]
    # Versions never repeat: every cell is above what it ever had before.
    assert min(r[7] for r in back["monthly_values"]) > max(
        r[7] for r in edited["monthly_values"] + restored["monthly_values"]
    )

    assert isinstance(undone.inverse, RestoreBackup)
    undone.inverse.replace(str(path), ANNA)  # redo
    again = _values(path)
    assert set(restored["change_log"]) < set(again["change_log"])
    assert _without_version(again["monthly_values"]) == _without_version(restored["monthly_values"])


def test_run_inside_a_unit_of_work_is_a_programming_error(saved: tuple[Path, Path]) -> None:
    path, copy = saved
    db = open_database(path)
    try:
        with pytest.raises(TypeError, match="replace"):
            RestoreBackup(str(copy)).run(db, ANNA)
    finally:
        db.close()


def test_a_copy_of_the_replaced_state_that_is_incomplete_stops_the_restore(
    saved: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy that would undo the restore is checked before anything is replaced: one
    that differs from the live database stops the restore, and is not left behind."""
    path, copy = saved
    before = _values(path)
    counts = iter([(1,), (2,)])  # the copy's row counts, then the live database's
    monkeypatch.setattr(restore_module, "_counts", lambda conn: next(counts))
    kept = set(backup_dir().glob("*vor-wiederherstellung*"))
    with pytest.raises(RuntimeError, match="incomplete"):
        RestoreBackup(str(copy)).replace(str(path), ANNA)
    assert _values(path) == before
    assert set(backup_dir().glob("*vor-wiederherstellung*")) == kept


def test_a_refused_restore_has_nothing_to_undo(saved: tuple[Path, Path], tmp_path: Path) -> None:
    path, _ = saved
    foreign = tmp_path / "notizen.sqlite"
    foreign.write_text("keine Datenbank", encoding="utf-8")
    before = _values(path)
    with pytest.raises(DomainError) as caught:
        RestoreBackup(str(foreign)).replace(str(path), ANNA)
    assert caught.value.code == "restore_refused"
    assert _values(path) == before
