"""The undo of a batch (an import, a merge, a paste): its inverse writes every cell back in
bulk, with the semantics of a write cell by cell."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, WriteValues
from aipdesk.services.operation import Operation
from aipdesk.services.values import SetCells, get_value, log_value
from aipdesk.store.database import Database
from tests.conftest import snapshot

JAN, FEB, MAR = Month(2021, 1), Month(2021, 2), Month(2021, 3)
ANNA = Actor("anna", "gui")
BERND = Actor("bernd", "gui")


def _cells(db: Database) -> dict[tuple[str, str, int, int], tuple[int, str | None, int]]:
    """(project, metric, year, month) -> (value, note, version) of every stored value."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT p.code, m.code, v.year, v.month, v.value, v.note, v.version "
                "FROM monthly_values v JOIN projects p ON p.id = v.project_id "
                "JOIN metrics m ON m.id = v.metric_id"
            )
        ).all()
    return {(r[0], r[1], r[2], r[3]): (r[4], r[5], r[6]) for r in rows}


def _log(db: Database, after: int = 0) -> list[tuple[Any, ...]]:
    """The change-log rows after id `after`, but their ids and time stamps."""
    with db.engine.connect() as conn:
        return [
            tuple(row)
            for row in conn.execute(
                text(
                    'SELECT "user", source, action, entity, project, metric, year, month, old, '
                    "new FROM change_log WHERE id > :after ORDER BY id"
                ),
                {"after": after},
            ).all()
        ]


def _last(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM change_log")).scalar_one())


def _batch(db: Database) -> WriteValues:
    """Two values changed (one keeps its note, one gets a new one), two new, one as it is."""
    log_value(db, ANNA, "NEUSTART", "integrations", JAN, 50, "alt")
    log_value(db, ANNA, "NEUSTART", "integrations", FEB, 40)
    log_value(db, ANNA, "LIA", "job_starts", JAN, 9, "bleibt")
    return WriteValues(
        (
            Incoming("NEUSTART", "integrations", JAN, 55, "neu gezählt", "Daten!E2"),
            Incoming("NEUSTART", "integrations", FEB, 41, where="Daten!E3"),
            Incoming("NEUSTART", "integrations", MAR, 60, "neu", "Daten!E4"),
            Incoming("LIA", "job_starts", FEB, 3, where="Daten!E5"),
            Incoming("LIA", "job_starts", JAN, 9, "bleibt", "Daten!E6"),
        ),
        origin="Daten.xlsx",
    )


def test_undo_of_a_batch_restores_values_notes_and_logs_each_cell(db: Database) -> None:
    op = _batch(db)
    before = _cells(db)
    done = op.run(db, BERND)
    assert done.inverse is not None and len(done.changes.values) == 4
    mark = _last(db)
    undone = done.inverse.run(db, BERND)

    now = _cells(db)
    assert {k: v[:2] for k, v in now.items()} == {k: v[:2] for k, v in before.items()}
    # Each write counts the version up; a cell cleared again has none (0 in the changes).
    jan, feb = ("NEUSTART", "integrations", 2021, 1), ("NEUSTART", "integrations", 2021, 2)
    assert now[jan][2] == before[jan][2] + 2 and now[feb][2] == before[feb][2] + 2
    assert undone.changes.versions[("NEUSTART", "integrations", MAR)] == 0
    assert undone.changes.versions[("NEUSTART", "integrations", JAN)] == now[jan][2]
    assert _log(db, mark) == [
        (
            "bernd",
            "gui",
            "update",
            "value",
            "NEUSTART",
            "integrations",
            2021,
            1,
            '{"note": "neu gezählt", "value": 55}',
            '{"note": "alt", "value": 50}',
        ),
        (
            "bernd",
            "gui",
            "update",
            "value",
            "NEUSTART",
            "integrations",
            2021,
            2,
            '{"note": null, "value": 41}',
            '{"note": null, "value": 40}',
        ),
        (
            "bernd",
            "gui",
            "delete",
            "value",
            "NEUSTART",
            "integrations",
            2021,
            3,
            '{"note": "neu", "value": 60}',
            None,
        ),
        (
            "bernd",
            "gui",
            "delete",
            "value",
            "LIA",
            "job_starts",
            2021,
            2,
            '{"note": null, "value": 3}',
            None,
        ),
    ]

    assert undone.inverse is not None
    undone.inverse.run(db, BERND)  # redo: the batch's values again
    assert get_value(db, "NEUSTART", "integrations", JAN) == (55, "neu gezählt")
    assert get_value(db, "NEUSTART", "integrations", MAR) == (60, "neu")
    assert get_value(db, "LIA", "job_starts", FEB) == (3, None)
    again = _cells(db)
    # A cell logged anew starts above every version it has had (never one seen before).
    assert (
        again[("NEUSTART", "integrations", 2021, 3)][2]
        > done.changes.versions[("NEUSTART", "integrations", MAR)]
    )


def test_a_colleagues_change_in_between_refuses_the_whole_undo(db: Database) -> None:
    done = _batch(db).run(db, BERND)
    log_value(db, ANNA, "LIA", "job_starts", FEB, 4)  # one cell of the batch, changed since
    before = snapshot(db)
    assert done.inverse is not None
    with pytest.raises(DomainError) as caught:
        done.inverse.run(db, BERND)
    assert caught.value.code == "value_conflict"
    assert "LiA" in str(caught.value) and "anna" in str(caught.value)
    assert snapshot(db) == before


def test_a_colleagues_removal_in_between_refuses_the_whole_undo(db: Database) -> None:
    done = _batch(db).run(db, BERND)
    SetCells({("NEUSTART", "integrations", MAR): None}).run(db, ANNA)
    before = snapshot(db)
    assert done.inverse is not None
    with pytest.raises(DomainError, match="leer") as caught:
        done.inverse.run(db, BERND)
    assert caught.value.code == "value_conflict"
    assert snapshot(db) == before


def _one_by_one(cells: SetCells) -> list[Operation]:
    return [
        SetCells({key: wanted}, None if cells.expected is None else {key: cells.expected[key]})
        for key, wanted in cells.cells.items()
    ]


@pytest.mark.parametrize("db_backend", ["sqlite"])
def test_bulk_write_is_the_cell_by_cell_write(db: Database, tmp_path: Any) -> None:
    """The same cells written at once and one at a time leave the same rows, versions and
    change-log entries (but their time stamps)."""
    import shutil

    from aipdesk.store.database import open_database

    op = _batch(db)
    done = op.run(db, BERND)
    assert db.path is not None and isinstance(done.inverse, SetCells)
    db.close()
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(db.path, copy)
    ours, theirs = open_database(db.path), open_database(copy)
    try:
        mark = _last(ours), _last(theirs)
        done.inverse.run(ours, BERND)
        for step in _one_by_one(done.inverse):
            step.run(theirs, BERND)
        assert _cells(ours) == _cells(theirs)
        assert _log(ours, mark[0]) == _log(theirs, mark[1])
    finally:
        ours.close()
        theirs.close()


def test_a_bad_note_or_an_untracked_cell_refuses_everything(db: Database) -> None:
    log_value(db, ANNA, "NEUSTART", "integrations", JAN, 50)
    before = snapshot(db)
    with pytest.raises(DomainError) as caught:
        SetCells(
            {
                ("NEUSTART", "integrations", JAN): (51, None),
                ("NEUSTART", "job_starts", JAN): (1, None),
            }
        ).run(db, ANNA)
    assert caught.value.code == "metric_not_tracked"
    with pytest.raises(DomainError):
        SetCells(
            {
                ("NEUSTART", "integrations", JAN): (51, None),
                ("NEUSTART", "integrations", FEB): (1, "a\x00b"),
            }
        ).run(db, ANNA)
    assert snapshot(db) == before


def test_a_parent_lowered_with_its_davon_value_in_any_order(db: Database) -> None:
    log_value(db, ANNA, "JC", "training_entries", JAN, 40)
    log_value(db, ANNA, "JC", "training_entries_degree", JAN, 30)
    child, parent = ("JC", "training_entries_degree", JAN), ("JC", "training_entries", JAN)
    SetCells({parent: (10, None), child: (5, None)}).run(db, ANNA)
    assert get_value(db, *parent) == (10, None) and get_value(db, *child) == (5, None)
    before = snapshot(db)
    with pytest.raises(DomainError) as caught:
        SetCells({parent: (3, None), ("NEUSTART", "integrations", JAN): (1, None)}).run(db, ANNA)
    assert caught.value.code == "child_exceeds_parent"
    assert snapshot(db) == before
