"""The write of many values (import, merge) in bulk statements: the change log's text as
json.dumps writes it, the versions handed back as they are stored, the undo exact and a
colleague's later write still a conflict for it, statement after statement in one
transaction."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services import batch
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, WriteValues, write_values
from aipdesk.services.values import KEEP, clear_value, get_value, log_value
from aipdesk.store.database import Database
from aipdesk.store.models import ChangeRow, ValueRow
from aipdesk.store.queries import load_catalog

JAN, FEB, MAR = Month(2021, 1), Month(2021, 2), Month(2021, 3)
ODD = 'Zeile 1\nZeile 2 "zitiert" \\ ä €\u2028\t😀'  # what JSON escapes, and what it keeps


def log_rows(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(
                    ChangeRow.user,
                    ChangeRow.source,
                    ChangeRow.action,
                    ChangeRow.entity,
                    ChangeRow.project,
                    ChangeRow.metric,
                    ChangeRow.year,
                    ChangeRow.month,
                    ChangeRow.old,
                    ChangeRow.new,
                ).order_by(ChangeRow.id)
            )
        ]


def stored_versions(db: Database) -> dict[tuple[str, str, Month], int]:
    with db.read() as session:
        catalog = load_catalog(session)
        projects = {v: k for k, v in catalog.project_ids.items()}
        metrics = {v: k for k, v in catalog.metric_ids.items()}
        rows = session.execute(
            select(
                ValueRow.project_id,
                ValueRow.metric_id,
                ValueRow.year,
                ValueRow.month,
                ValueRow.version,
            )
        )
        return {(projects[p], metrics[m], Month(y, mo)): v for p, m, y, mo, v in rows}


def test_the_change_log_text_is_json_dumps_to_the_letter(db: Database) -> None:
    log_value(db, Actor("vorher", "cli"), "NEUSTART", "integrations", JAN, 5, note=ODD)
    log_value(db, Actor("vorher", "cli"), "LIA", "job_starts", FEB, 7)
    start = len(log_rows(db))
    incoming = [
        Incoming("NEUSTART", "integrations", JAN, 6, KEEP, "Daten!E2"),  # update, note kept
        Incoming("NEUSTART", "integrations", FEB, 0, ODD, "Daten!E3"),  # insert with a note
        Incoming("LIA", "job_starts", FEB, 8, None, 'Da"ten!E4'),  # update, note cleared
        Incoming("LIA", "job_starts", MAR, 9, KEEP, ""),  # insert, no place
    ]
    origin = 'Büro "Nord".xlsx'
    write_values(db, Actor("einer", "import"), incoming, origin=origin)
    rows = log_rows(db)[start:]

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    assert rows == [
        ("einer", "import", "update", "value", "NEUSTART", "integrations", 2021, 1,
         dumps({"note": ODD, "value": 5}),
         dumps({"note": ODD, "value": 6, "file": origin, "where": "Daten!E2"})),
        ("einer", "import", "insert", "value", "NEUSTART", "integrations", 2021, 2, None,
         dumps({"note": ODD, "value": 0, "file": origin, "where": "Daten!E3"})),
        ("einer", "import", "update", "value", "LIA", "job_starts", 2021, 2,
         dumps({"note": None, "value": 7}),
         dumps({"note": None, "value": 8, "file": origin, "where": 'Da"ten!E4'})),
        ("einer", "import", "insert", "value", "LIA", "job_starts", 2021, 3, None,
         dumps({"note": None, "value": 9, "file": origin})),
    ]  # fmt: skip
    # Without an origin (a paste), and a place that names the file itself (a merge).
    write_values(db, Actor("zwei", "gui"), [Incoming("LIA", "job_starts", MAR, 10)])
    write_values(
        db,
        Actor("drei", "merge"),
        [Incoming("LIA", "job_starts", MAR, 11, KEEP, "andere.sqlite (Zeile 3)")],
        origin="andere.sqlite",
    )
    assert [row[-1] for row in log_rows(db)[-2:]] == [
        dumps({"note": None, "value": 10}),
        dumps({"note": None, "value": 11, "file": "andere.sqlite"}),
    ]


def test_versions_handed_back_are_the_stored_ones(db: Database, actor: Actor) -> None:
    log_value(db, actor, "NEUSTART", "integrations", JAN, 5)
    log_value(db, actor, "NEUSTART", "integrations", JAN, 6)  # version 2
    log_value(db, actor, "LIA", "job_starts", JAN, 1)
    clear_value(db, actor, "LIA", "job_starts", JAN)  # re-created above its history
    incoming = (
        Incoming("NEUSTART", "integrations", JAN, 7),
        Incoming("LIA", "job_starts", JAN, 2),
        Incoming("LIA", "job_starts", FEB, 3),
    )
    result = WriteValues(incoming).run(db, actor)
    stored = stored_versions(db)
    assert dict(result.changes.versions) == {key: stored[key] for key in result.changes.values}
    assert result.changes.versions[("NEUSTART", "integrations", JAN)] == 3
    assert result.changes.versions[("LIA", "job_starts", JAN)] == 3  # above insert and clear
    assert {k: (s.value, s.note, s.version) for k, s in result.changes.cells.items() if s} == {
        k: (v, n, stored[k])
        for k, (v, n) in {
            ("NEUSTART", "integrations", JAN): (7, None),
            ("LIA", "job_starts", JAN): (2, None),
            ("LIA", "job_starts", FEB): (3, None),
        }.items()
    }
    # The undo expects those versions: a colleague's write in between is a conflict.
    assert result.inverse is not None
    log_value(db, Actor("kollege", "gui"), "LIA", "job_starts", FEB, 4)
    with pytest.raises(DomainError) as caught:
        result.inverse.run(db, actor)
    assert caught.value.code == "value_conflict"
    assert get_value(db, "NEUSTART", "integrations", JAN) == (7, None)  # nothing undone


def test_many_statements_one_transaction(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "CHUNK", 4)
    months = [Month(2021, m) for m in range(1, 13)]
    log_value(db, actor, "NEUSTART", "integrations", months[5], 1, note="alt")
    start = len(log_rows(db))
    incoming = [
        Incoming("NEUSTART", "integrations", month, 10 + i, KEEP, f"Daten!E{i + 2}")
        for i, month in enumerate(months)
    ]
    result = WriteValues(tuple(incoming), origin="f.xlsx").run(db, actor)
    assert len(result.changes.values) == 12
    rows = log_rows(db)[start:]
    assert [(row[7], json.loads(row[9])["where"]) for row in rows] == [
        (m.month, f"Daten!E{i + 2}") for i, m in enumerate(months)
    ]
    assert get_value(db, "NEUSTART", "integrations", months[5]) == (15, "alt")
    stored = stored_versions(db)
    assert dict(result.changes.versions) == {k: stored[k] for k in result.changes.values}
    # A refusal after the first statements leaves nothing of them.
    before = log_rows(db)
    bad = [
        *(Incoming("LIA", "job_starts", m, 1, KEEP, f"Daten!E{i}") for i, m in enumerate(months)),
        Incoming("LIA", "job_starts", months[0], 2, KEEP, "Daten!E99"),  # twice: refused
    ]
    with pytest.raises(DomainError):
        write_values(db, actor, bad, origin="f.xlsx")
    assert log_rows(db) == before
    assert get_value(db, "LIA", "job_starts", months[3]) is None


def test_skipped_cells_keep_their_value(db: Database, actor: Actor) -> None:
    log_value(db, actor, "NEUSTART", "integrations", JAN, 5)
    changes = write_values(
        db,
        actor,
        [Incoming("NEUSTART", "integrations", JAN, 6), Incoming("LIA", "job_starts", JAN, 1)],
        skip=[("NEUSTART", "integrations", JAN)],
    )
    assert changes.values == {("LIA", "job_starts", JAN)}
    assert get_value(db, "NEUSTART", "integrations", JAN) == (5, None)
