"""Concurrent users: optimistic concurrency on values and targets, and no lost update
between two processes writing the same database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, write_values
from aipdesk.services.targets import clear_target, list_targets, set_target
from aipdesk.services.values import clear_value, get_value, log_value
from aipdesk.services.views import year_cells
from aipdesk.store.database import Database
from tests.conftest import snapshot
from tests.support.incrementer import INCREMENTER

ALICE, BOB = Actor("alice", "gui"), Actor("bob", "gui")
JAN = Month(2021, 1)
P, M = "NEUSTART", "integrations"
CELL = (P, M, JAN)


def version(db: Database, project: str, metric: str, month: Month) -> int:
    for cell in year_cells(db, month.year):
        if (cell.project, cell.metric, cell.month) == (project, metric, month):
            return cell.version
    return 0


def test_a_write_based_on_a_shown_version_succeeds_and_returns_the_new_one(db: Database) -> None:
    changes = log_value(db, ALICE, *CELL, 10, expected=0)
    first = changes.versions[CELL]
    assert first == version(db, *CELL) > 0
    changes = log_value(db, ALICE, *CELL, 11, expected=first)
    assert changes.versions[CELL] == first + 1
    assert clear_value(db, ALICE, *CELL, expected=first + 1).versions == {CELL: 0}
    assert get_value(db, *CELL) is None


def test_a_stale_edit_is_refused_and_names_the_other_value_and_writer(db: Database) -> None:
    shown = log_value(db, ALICE, *CELL, 10).versions[CELL]
    log_value(db, BOB, *CELL, 12, expected=shown)  # Bob was quicker
    before = snapshot(db)
    with pytest.raises(DomainError) as refused:
        log_value(db, ALICE, *CELL, 15, expected=shown)
    assert refused.value.code == "value_conflict"
    text = refused.value.text("de")
    assert "bob" in text and "jetzt 12" in text and "NeuStart / Integrationen / 2021-01" in text
    assert "now 12" in refused.value.text("en")
    assert snapshot(db) == before  # nothing written, nothing logged
    with pytest.raises(DomainError, match="nicht gespeichert"):
        clear_value(db, ALICE, *CELL, expected=shown)
    assert get_value(db, *CELL) == (12, None)


def test_a_value_logged_meanwhile_in_an_empty_cell_is_a_conflict(db: Database) -> None:
    log_value(db, BOB, *CELL, 7)
    with pytest.raises(DomainError, match="bob") as refused:
        log_value(db, ALICE, *CELL, 9, expected=0)
    assert refused.value.code == "value_conflict"


def test_a_removed_value_is_a_conflict_that_says_so(db: Database) -> None:
    shown = log_value(db, ALICE, *CELL, 10).versions[CELL]
    clear_value(db, BOB, *CELL)
    with pytest.raises(DomainError) as refused:
        log_value(db, ALICE, *CELL, 11, expected=shown)
    assert "entfernt" in refused.value.text("de") and "bob" in refused.value.text("de")
    assert "removed" in refused.value.text("en")


@pytest.mark.parametrize("recreate", ["log", "import"])
def test_a_recreated_value_never_reuses_a_version(db: Database, recreate: str) -> None:
    """Removed and logged anew by someone else: a stale editor must not take it for the
    value it showed, even though the row is new."""
    shown = log_value(db, ALICE, *CELL, 10).versions[CELL]
    clear_value(db, BOB, *CELL)
    if recreate == "log":
        log_value(db, BOB, *CELL, 10)
    else:
        write_values(db, Actor("bob", "import"), [Incoming(*CELL, 10, "X!A1")])
    assert version(db, *CELL) > shown
    with pytest.raises(DomainError, match="bob"):
        log_value(db, ALICE, *CELL, 11, expected=shown)


def test_an_import_changes_the_version_a_window_holds(db: Database) -> None:
    shown = log_value(db, ALICE, *CELL, 10).versions[CELL]
    write_values(db, Actor("bob", "import"), [Incoming(*CELL, 20, "X!A1")])
    with pytest.raises(DomainError, match="jetzt 20"):
        log_value(db, ALICE, *CELL, 11, expected=shown)


def _target(db: Database, project: str, metric: str) -> tuple[int, float | None]:
    for target in list_targets(db):
        if (target.project, target.metric) == (project, metric) and target.first.year == 2021:
            return target.version, target.value
    raise AssertionError("no target")


def test_targets_carry_versions_and_refuse_stale_edits(db: Database) -> None:
    shown, value = _target(db, P, M)
    assert shown > 0 and value == 700
    first, last = Month(2021, 1), Month(2021, 12)
    set_target(db, BOB, P, M, first, last, 720, expected=shown)
    before = snapshot(db)
    with pytest.raises(DomainError) as refused:
        set_target(db, ALICE, P, M, first, last, 750, expected=shown)
    assert refused.value.code == "target_conflict"
    assert "bob" in refused.value.text("de") and "jetzt 720" in refused.value.text("de")
    with pytest.raises(DomainError, match="nicht gespeichert"):
        clear_target(db, ALICE, P, M, first, expected=shown)
    assert snapshot(db) == before
    current, _ = _target(db, P, M)
    set_target(db, ALICE, P, M, first, last, 750, expected=current)
    assert _target(db, P, M) == (current + 1, 750)


def test_a_recreated_target_never_reuses_a_version(db: Database) -> None:
    shown, _ = _target(db, P, M)
    first, last = Month(2021, 1), Month(2021, 12)
    clear_target(db, BOB, P, M, first)
    with pytest.raises(DomainError, match="entfernt"):
        set_target(db, ALICE, P, M, first, last, 1, expected=shown)
    set_target(db, BOB, P, M, first, last, 700)
    assert _target(db, P, M)[0] > shown
    with pytest.raises(DomainError, match="geändert"):
        set_target(db, ALICE, P, M, first, last, 1, expected=shown)


def test_writes_without_an_expected_version_are_not_checked(db: Database) -> None:
    """The command line logs what the user typed, whatever was there (and logs it)."""
    log_value(db, BOB, *CELL, 7)
    log_value(db, ALICE, *CELL, 8)
    assert get_value(db, *CELL) == (8, None)


@pytest.mark.slow
def test_two_processes_lose_no_update(db: Database) -> None:
    count = 60
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", INCREMENTER, db.url, user, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for user in ("alice", "bob")
    ]
    conflicts = 0
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        conflicts += int(out.strip())
    print(f"{conflicts} conflicts detected and retried")
    assert get_value(db, P, M, Month(2021, 3)) == (2 * count, None)
    # Every increment is in the change log, from both writers.
    from aipdesk.services.maintenance import history

    entries = history(db, P, M, Month(2021, 3))
    assert len(entries) == 2 * count
    assert {e.user for e in entries} == {"alice", "bob"}


def test_a_note_with_a_nul_character_is_refused_on_every_backend(db: Database) -> None:
    before = snapshot(db)
    with pytest.raises(DomainError) as refused:
        log_value(db, ALICE, *CELL, 5, note="Ostern\x00")
    assert refused.value.code == "text_nul"
    assert snapshot(db) == before


@pytest.mark.slow
def test_several_first_opens_at_once_all_succeed(
    db_backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Three people open a new shared database at the same moment: none fails."""
    from aipdesk.store.database import open_database

    if db_backend == "sqlite":
        target = str(tmp_path / "fresh.sqlite")
    else:
        target = request.getfixturevalue("pg_database")("blank")
    script = (
        "import sys; from aipdesk.cli import main; sys.exit(main(['init', '--db', sys.argv[1]]))"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, target], stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    fresh = open_database(target, create=False)
    assert fresh.revision() is not None
    fresh.close()
