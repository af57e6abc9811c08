"""Merging another aipdesk database: values with notes, conflicts, preferences, all or nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Project
from aipdesk.domain.months import Month
from aipdesk.exchange.merge import MergeConflictError, all_cells, merge_database
from aipdesk.services.base import Actor
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.database import SCHEMA_HEAD, Database, open_database
from aipdesk.services.maintenance import history
from aipdesk.services.projects import add_project
from aipdesk.services.values import get_value, log_value
from tests.conftest import snapshot, sqlite_only

JC_NAME = "Jobcenter Kreis Unna (gesamt)"
LIA = "LiA – Langzeitarbeitslose in Arbeit / Arbeitsaufnahmen"

JAN, FEB, MAR = Month(2021, 1), Month(2021, 2), Month(2021, 3)
ANNA = Actor("anna", "gui")
BERND = Actor("bernd", "gui")
MERGE = Actor("anna", "merge")


@pytest.fixture
def other_path(tmp_path: Path) -> Path:
    return tmp_path / "other.sqlite"


@pytest.fixture
def other(other_path: Path) -> Iterator[Database]:
    """The colleague's database with the same catalogue; closed before the merge."""
    database = open_database(other_path)
    load_catalogue(database, BERND)
    yield database
    database.close()


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and what lies beside it (no -wal, no -shm may appear)."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(
        p.name for p in path.parent.iterdir() if p.name.startswith(path.name)
    )


def test_merge_takes_new_values_and_notes(db: Database, other: Database, other_path: Path) -> None:
    log_value(db, ANNA, "NEUSTART", "integrations", JAN, 50)
    log_value(db, ANNA, "NEUSTART", "integrations", Month(2021, 4), 40, note="nur hier")
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50, note="Ferienzeit")
    log_value(other, BERND, "NEUSTART", "integrations", FEB, 60, note="Jobmesse")
    log_value(other, BERND, "LIA", "job_starts", MAR, 20)
    log_value(other, BERND, "JC", "training_entries", MAR, 12)
    log_value(other, BERND, "JC", "training_entries_degree", MAR, 5)
    other.close()

    report = merge_database(db, MERGE, other_path)

    assert (report.new, report.unchanged, report.notes_taken, report.taken) == (4, 1, 1, 5)
    assert report.conflicts == () and report.note_differences == ()
    assert get_value(db, "NEUSTART", "integrations", JAN) == (50, "Ferienzeit")
    assert get_value(db, "NEUSTART", "integrations", FEB) == (60, "Jobmesse")
    assert get_value(db, "LIA", "job_starts", MAR) == (20, None)
    assert get_value(db, "JC", "training_entries_degree", MAR) == (5, None)
    assert get_value(db, "NEUSTART", "integrations", Month(2021, 4)) == (40, "nur hier")
    assert report.changes.values == {
        ("NEUSTART", "integrations", JAN),
        ("NEUSTART", "integrations", FEB),
        ("LIA", "job_starts", MAR),
        ("JC", "training_entries", MAR),
        ("JC", "training_entries_degree", MAR),
    }
    note = history(db, "NEUSTART", "integrations", JAN)[-1]
    assert (note.user, note.source) == ("anna", "merge")
    assert (note.old, note.new) == (
        {"value": 50, "note": None},
        {"value": 50, "note": "Ferienzeit", "file": "other.sqlite"},  # which file
    )
    new = history(db, "NEUSTART", "integrations", FEB)[-1]
    assert (new.user, new.source, new.old) == ("anna", "merge", None)
    assert report.summary() == (
        "other.sqlite: 5 Werte übernommen (neu: 4, nur Bemerkung: 1), gleiche Zahl: 1, Konflikte: 0"
    )
    # Merging again finds everything equal and writes nothing.
    again = merge_database(db, MERGE, other_path)
    assert (again.new, again.unchanged, again.taken, bool(again.changes)) == (0, 5, 0, False)


def _conflicting(db: Database, other: Database) -> None:
    log_value(db, ANNA, "NEUSTART", "integrations", MAR, 58, note="hier gezählt")
    log_value(db, ANNA, "LIA", "job_starts", JAN, 20)
    log_value(db, ANNA, "NEUSTART", "integrations", JAN, 50)
    log_value(other, BERND, "NEUSTART", "integrations", MAR, 61)
    log_value(other, BERND, "LIA", "job_starts", JAN, 22, note="Nachmeldung")
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50)
    log_value(other, BERND, "NEUSTART", "integrations", FEB, 45)  # new
    other.close()


def test_conflicts_without_preference_list_all_and_change_nothing(
    db: Database, other: Database, other_path: Path
) -> None:
    _conflicting(db, other)
    before = snapshot(db)
    with pytest.raises(MergeConflictError) as caught:
        merge_database(db, MERGE, other_path)
    error = caught.value
    assert isinstance(error, DomainError)
    lines = str(error).splitlines()
    assert lines[0].startswith("other.sqlite: 2 Konflikte")
    assert lines[1:] == [
        f"{LIA} / Januar 2021: hier 20 (anna), dort 22 (bernd)",
        "NeuStart / Integrationen / März 2021: hier 58 (anna), dort 61 (bernd)",
    ]
    assert error.text("en").splitlines()[2] == (
        "NeuStart / Integrationen / March 2021: here 58 (anna), there 61 (bernd)"
    )
    assert [(c.project, c.ours.value, c.theirs.value) for c in error.conflicts] == [
        ("LIA", 20, 22),
        ("NEUSTART", 58, 61),
    ]
    assert snapshot(db) == before  # not even the new February value


def test_prefer_theirs(db: Database, other: Database, other_path: Path) -> None:
    _conflicting(db, other)
    report = merge_database(db, MERGE, other_path, prefer="theirs")
    assert len(report.conflicts) == 2 and (report.new, report.taken) == (1, 3)
    # Their number wins; without a note of theirs, ours stays on the cell.
    assert get_value(db, "NEUSTART", "integrations", MAR) == (61, "hier gezählt")
    assert get_value(db, "LIA", "job_starts", JAN) == (22, "Nachmeldung")
    assert get_value(db, "NEUSTART", "integrations", FEB) == (45, None)
    last = history(db, "NEUSTART", "integrations", MAR)[-1]
    assert (last.source, last.user, last.old, last.new) == (
        "merge",
        "anna",
        {"value": 58, "note": "hier gezählt"},
        {"value": 61, "note": "hier gezählt", "file": "other.sqlite"},
    )


def test_prefer_ours_keeps_ours_and_still_takes_new_values(
    db: Database, other: Database, other_path: Path
) -> None:
    _conflicting(db, other)
    report = merge_database(db, MERGE, other_path, prefer="ours")
    assert len(report.conflicts) == 2 and (report.new, report.taken) == (1, 1)
    assert get_value(db, "NEUSTART", "integrations", MAR) == (58, "hier gezählt")
    assert get_value(db, "LIA", "job_starts", JAN) == (20, None)
    assert get_value(db, "NEUSTART", "integrations", FEB) == (45, None)
    assert report.changes.values == {("NEUSTART", "integrations", FEB)}
    assert "(Vorrang hier)" in report.lines()[0]


def test_different_notes_are_no_conflict(db: Database, other: Database, other_path: Path) -> None:
    log_value(db, ANNA, "NEUSTART", "integrations", JAN, 50, note="unsere")
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50, note="eure")
    log_value(db, ANNA, "NEUSTART", "integrations", FEB, 60, note="nur hier")
    log_value(other, BERND, "NEUSTART", "integrations", FEB, 60)
    other.close()

    report = merge_database(db, MERGE, other_path)
    assert report.conflicts == () and report.taken == 0 and report.unchanged == 2
    assert [(d.ours.note, d.theirs.note, d.taken) for d in report.note_differences] == [
        ("unsere", "eure", False)
    ]
    assert report.lines()[1] == (
        'NeuStart / Integrationen / Januar 2021: Bemerkung hier "unsere" (anna), '
        'dort "eure" (bernd) – hier behalten'
    )
    assert get_value(db, "NEUSTART", "integrations", JAN) == (50, "unsere")
    assert get_value(db, "NEUSTART", "integrations", FEB) == (60, "nur hier")

    report = merge_database(db, MERGE, other_path, prefer="theirs")
    assert report.notes_taken == 1 and report.note_differences[0].taken
    assert get_value(db, "NEUSTART", "integrations", JAN) == (50, "eure")
    assert get_value(db, "NEUSTART", "integrations", FEB) == (60, "nur hier")


def test_dry_run_changes_nothing(db: Database, other: Database, other_path: Path) -> None:
    _conflicting(db, other)
    before = snapshot(db)
    with pytest.raises(MergeConflictError):
        merge_database(db, MERGE, other_path, dry_run=True)
    report = merge_database(db, MERGE, other_path, prefer="theirs", dry_run=True)
    assert (report.new, report.taken, len(report.conflicts)) == (1, 3, 2)
    assert not report.changes
    assert report.lines()[0] == (
        "other.sqlite: 3 Werte würden übernommen (neu: 1, nur Bemerkung: 0), gleiche Zahl: 1, "
        "Konflikte: 2 (Vorrang dort)"
    )
    assert report.lines("en")[1] == f"{LIA} / January 2021: here 20 (anna), there 22 (bernd)"
    assert snapshot(db) == before


# `sqlite_only`: tests of the other file itself (an SQLite file, whatever this database is).
# The merge proper runs into SQLite and into PostgreSQL (the other tests).
@sqlite_only
def test_other_file_is_never_written(db: Database, other: Database, other_path: Path) -> None:
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50)
    other.close()
    before = fingerprint(other_path)
    assert before[1] == ["other.sqlite"]
    merge_database(db, MERGE, other_path)
    assert fingerprint(other_path) == before


@sqlite_only
def test_backup_file_keeps_its_journal_mode(
    db: Database, other: Database, other_path: Path
) -> None:
    """A backup is in journal mode DELETE: opening it directly would rewrite its header."""
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50)
    other.close()
    conn = sqlite3.connect(other_path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = fingerprint(other_path)
    report = merge_database(db, MERGE, other_path)
    assert report.new == 1
    assert fingerprint(other_path) == before


@sqlite_only
def test_other_database_still_open_elsewhere(
    db: Database, other: Database, other_path: Path
) -> None:
    """Values still in the other file's WAL are read; the file and its WAL stay as they are."""
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50)
    with other.engine.connect() as conn:  # the colleague's aipdesk is still running
        wal = other_path.with_name("other.sqlite-wal")
        assert wal.stat().st_size > 0
        before = fingerprint(other_path), hashlib.sha256(wal.read_bytes()).hexdigest()
        report = merge_database(db, MERGE, other_path)
        assert report.new == 1
        assert (fingerprint(other_path), hashlib.sha256(wal.read_bytes()).hexdigest()) == before
        conn.exec_driver_sql("SELECT 1")
    assert get_value(db, "NEUSTART", "integrations", JAN) == (50, None)


def test_merging_a_database_into_itself_is_refused(sqlite_db: Database) -> None:
    db = sqlite_db
    assert db.path is not None
    before = snapshot(db)
    for spelling in (db.path, str(db.path.parent / "." / db.path.name)):
        with pytest.raises(DomainError, match="nicht mit sich selbst zusammenführen"):
            merge_database(db, MERGE, spelling)
    assert snapshot(db) == before


@sqlite_only
def test_files_that_are_no_aipdesk_database_are_refused(db: Database, tmp_path: Path) -> None:
    text_file = tmp_path / "notizen.txt"
    text_file.write_text("keine Datenbank", encoding="utf-8")
    foreign = tmp_path / "fremd.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE kunden (name TEXT)")
    conn.commit()
    conn.close()
    empty = tmp_path / "leer.sqlite"
    empty.touch()
    for path in (text_file, foreign, empty):
        before = fingerprint(path)
        with pytest.raises(DomainError) as caught:
            merge_database(db, MERGE, path)
        assert caught.value.code == "not_aipdesk_db"
        assert str(caught.value).startswith(f"{path} ist keine aipdesk-Datenbank")
        assert fingerprint(path) == before
    with pytest.raises(DomainError, match="die Datei gibt es nicht"):
        merge_database(db, MERGE, tmp_path / "fehlt.sqlite")
    assert not (tmp_path / "fehlt.sqlite").exists()


@sqlite_only
@pytest.mark.parametrize(
    ("revision", "expected"),
    [
        (
            "0001",
            f"die Datenbank hat ein älteres Schema (0001, aktuell {SCHEMA_HEAD}); bitte einmal mit",
        ),
        ("0099", "wurde mit einer neueren aipdesk-Version angelegt (Schema 0099)"),
    ],
)
def test_other_schema_is_refused_not_migrated(
    db: Database, other: Database, other_path: Path, revision: str, expected: str
) -> None:
    other.close()
    conn = sqlite3.connect(other_path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = fingerprint(other_path)
    with pytest.raises(DomainError) as caught:
        merge_database(db, MERGE, other_path)
    assert str(caught.value).startswith(str(other_path))
    assert expected in str(caught.value)
    assert fingerprint(other_path) == before


def test_unknown_project_in_other_is_refused(
    db: Database, other: Database, other_path: Path
) -> None:
    add_project(other, BERND, Project("NEU", "Neues Projekt"), ("integrations",))
    add_project(other, BERND, Project("LEER", "Ohne Werte"), ("integrations",))
    log_value(other, BERND, "NEU", "integrations", JAN, 3)
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50)
    other.close()
    before = snapshot(db)
    with pytest.raises(DomainError) as caught:
        merge_database(db, MERGE, other_path)
    message = str(caught.value)
    assert message.startswith("other.sqlite: die Kataloge passen nicht zusammen")
    assert "Projekte nur dort: Neues Projekt." in message and "Ohne Werte" not in message
    assert snapshot(db) == before


def test_project_only_there_without_values_is_fine(
    db: Database, other: Database, other_path: Path
) -> None:
    add_project(other, BERND, Project("LEER", "Ohne Werte"), ("integrations",))
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50)
    other.close()
    assert merge_database(db, MERGE, other_path).new == 1


def test_davon_violation_after_merge_is_rejected(
    db: Database, other: Database, other_path: Path
) -> None:
    log_value(db, ANNA, "JC", "training_entries", JAN, 20)
    log_value(other, BERND, "JC", "training_entries_degree", JAN, 30)  # no parent there
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50)
    other.close()
    before = snapshot(db)
    for dry_run in (True, False):
        with pytest.raises(DomainError) as caught:
            merge_database(db, MERGE, other_path, dry_run=dry_run)
        assert str(caught.value) == (
            f"other.sqlite: {JC_NAME} / Eintritte in berufliche Weiterbildung "
            f"(abschlussorientiert) / Januar 2021: {JC_NAME}, Januar 2021: "
            "Eintritte in berufliche Weiterbildung (abschlussorientiert) (30) darf nicht "
            "größer sein als Eintritte in berufliche Weiterbildung (20)"
        )
    assert snapshot(db) == before


def test_preferring_theirs_may_break_the_davon_rule(
    db: Database, other: Database, other_path: Path
) -> None:
    log_value(db, ANNA, "JC", "training_entries", JAN, 40)
    log_value(db, ANNA, "JC", "training_entries_degree", JAN, 30)
    log_value(other, BERND, "JC", "training_entries", JAN, 10)
    log_value(other, BERND, "NEUSTART", "integrations", JAN, 50)
    other.close()
    before = snapshot(db)
    with pytest.raises(DomainError) as caught:
        merge_database(db, MERGE, other_path, prefer="theirs")
    assert caught.value.text("en").startswith(
        f"other.sqlite: {JC_NAME} / Eintritte in berufliche Weiterbildung / January 2021: "
    )
    assert snapshot(db) == before
    assert merge_database(db, MERGE, other_path, prefer="ours").taken == 1
    assert get_value(db, "JC", "training_entries", JAN) == (40, None)


def test_all_cells_reads_every_year(db: Database) -> None:
    log_value(db, ANNA, "NEUSTART", "integrations", Month(2019, 5), 7, note="alt")
    log_value(db, ANNA, "NEUSTART", "integrations", JAN, 50)
    cells = all_cells(db)
    assert [(c.month, c.value, c.note, c.updated_by) for c in cells] == [
        (Month(2019, 5), 7, "alt", "anna"),
        (JAN, 50, None, "anna"),
    ]
