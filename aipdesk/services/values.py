"""Logging and clearing monthly values."""

from __future__ import annotations

from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.domain.rules import check_loggable, parse_count
from aipdesk.domain.text import check_note
from aipdesk.services.base import Actor, CellKey, Changes
from aipdesk.services.families import cell_values, check_cell, members
from aipdesk.services.versions import MISSING, check_version, fresh_version
from aipdesk.store.changelog import now, record
from aipdesk.store.database import Database
from aipdesk.store.integrity import check_cells_unique
from aipdesk.store.models import ValueRow
from aipdesk.store.queries import Catalog, load_catalog


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()  # "leave the note as it is"


def _stored(
    session: Session, catalog: Catalog, project: str, metric: str, month: Month
) -> ValueRow | None:
    return session.scalar(
        select(ValueRow).where(
            ValueRow.project_id == catalog.project_ids[project],
            ValueRow.metric_id == catalog.metric_ids[metric],
            ValueRow.year == month.year,
            ValueRow.month == month.month,
        )
    )


def _check_cell(catalog: Catalog, project: str, metric: str, month: Month) -> None:
    p = catalog.project(project)
    m = catalog.metric(metric)
    check_loggable(p, m, month)
    if metric not in catalog.tracked.get(project, ()):
        raise DomainError("metric_not_tracked", metric=metric, project=project)


def _check_family(
    session: Session, catalog: Catalog, project: str, metric: str, month: Month, value: int
) -> None:
    """The davon rule (child <= parent, partition <= parent) against what is stored for
    the same project and month, with `value` written."""
    values = cell_values(session, catalog, project, month, members(catalog, [metric]))
    values[metric] = value
    check_cell(catalog, project, month, [metric], values)


def _check_version(
    session: Session, row: ValueRow | None, key: CellKey, expected: int | None
) -> None:
    check_version(
        session,
        "value",
        row,
        key,
        expected,
        lambda: str(row.value) if row else "",
        ("leer (der Wert wurde entfernt)", "empty (the value was removed)"),
    )


def apply_value(
    session: Session,
    catalog: Catalog,
    actor: Actor,
    project: str,
    metric: str,
    month: Month,
    value: int,
    note: str | _Keep | None = KEEP,
    expected: int | None = None,
) -> int | None:
    """Write one validated value inside an open unit of work.

    Returns the cell's new version, or None when nothing changed. With an
    `expected` version the write is refused if the stored one differs.
    """
    _check_cell(catalog, project, metric, month)
    if isinstance(note, str):  # the same rule on every path (window, log, import, merge)
        check_note(note)
    row = _stored(session, catalog, project, metric, month)
    _check_version(session, row, (project, metric, month), expected)
    _check_family(session, catalog, project, metric, month, value)
    new_note = (row.note if row else None) if isinstance(note, _Keep) else (note or None)
    if row is not None and row.value == value and row.note == new_note:
        return None
    old = {"value": row.value, "note": row.note} if row else None
    stamp = now()
    if row is None:
        row = ValueRow(
            project_id=catalog.project_ids[project],
            metric_id=catalog.metric_ids[metric],
            year=month.year,
            month=month.month,
            value=value,
            note=new_note,
            version=fresh_version(session, "value", project, metric, month),
            updated_by=actor.user,
            updated_at=stamp,
        )
        session.add(row)
    else:
        row.value, row.note = value, new_note
        row.version += 1
        row.updated_by, row.updated_at = actor.user, stamp
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="update" if old else "insert",
        entity="value",
        project=project,
        metric=metric,
        month=month,
        old=old,
        new={"value": value, "note": new_note},
        at=stamp,
    )
    session.flush()
    if old is None:  # a new row: is it the only one of its cell?
        check_cells_unique(session, [(row.project_id, row.metric_id, row.year, row.month)])
    return row.version


def log_value(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    month: Month,
    value: str | int,
    note: str | _Keep | None = KEEP,
    *,
    expected: int | None = None,
) -> Changes:
    """Log (or correct) the value of one project, metric and month.

    `expected`: the version the editor showed (0 for an empty cell); the write is
    refused with `value_conflict` when someone else has changed the cell since.
    """
    count = parse_count(value)
    with db.write() as session:
        catalog = load_catalog(session)
        version = apply_value(
            session, catalog, actor, project, metric, month, count, note, expected
        )
    if version is None:
        return Changes()
    key = (project, metric, month)
    return Changes(values=frozenset({key}), versions={key: version})


def clear_value(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    month: Month,
    *,
    expected: int | None = None,
) -> Changes:
    """Remove a logged value: the month becomes missing again (never a silent zero).

    Clearing a parent leaves its davon values as they are: a parent without a value
    bounds nothing, and the rule applies again to the value it is logged with next.
    """
    with db.write() as session:
        catalog = load_catalog(session)
        _check_cell(catalog, project, metric, month)
        row = _stored(session, catalog, project, metric, month)
        _check_version(session, row, (project, metric, month), expected)
        if row is None:
            return Changes()
        record(
            session,
            user=actor.user,
            source=actor.source,
            action="delete",
            entity="value",
            project=project,
            metric=metric,
            month=month,
            old={"value": row.value, "note": row.note},
            new=None,
        )
        session.delete(row)
    key = (project, metric, month)
    return Changes(values=frozenset({key}), versions={key: MISSING})


def get_value(
    db: Database, project: str, metric: str, month: Month
) -> tuple[int, str | None] | None:
    with db.read() as session:
        catalog = load_catalog(session)
        catalog.project(project)
        catalog.metric(metric)
        row = _stored(session, catalog, project, metric, month)
        return (row.value, row.note) if row else None
