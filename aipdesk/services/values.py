"""Logging and clearing monthly values."""

from __future__ import annotations

from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.domain.rules import check_davon, check_loggable, parse_count
from aipdesk.services.base import Actor, Changes
from aipdesk.store.changelog import now, record
from aipdesk.store.database import Database
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
    """The davon rule against what is stored for the same project and month."""
    m = catalog.metric(metric)
    parent_row = _stored(session, catalog, project, m.parent, month) if m.parent else None
    children = []
    for child in catalog.children(metric):
        row = _stored(session, catalog, project, child.code, month)
        if row is not None:
            children.append((child, row.value))
    check_davon(project, month, m, value, parent_row.value if parent_row else None, children)


def apply_value(
    session: Session,
    catalog: Catalog,
    actor: Actor,
    project: str,
    metric: str,
    month: Month,
    value: int,
    note: str | _Keep | None = KEEP,
) -> bool:
    """Write one validated value inside an open unit of work; True if anything changed."""
    _check_cell(catalog, project, metric, month)
    _check_family(session, catalog, project, metric, month, value)
    row = _stored(session, catalog, project, metric, month)
    new_note = (row.note if row else None) if isinstance(note, _Keep) else (note or None)
    if row is not None and row.value == value and row.note == new_note:
        return False
    old = {"value": row.value, "note": row.note} if row else None
    stamp = now()
    if row is None:
        session.add(
            ValueRow(
                project_id=catalog.project_ids[project],
                metric_id=catalog.metric_ids[metric],
                year=month.year,
                month=month.month,
                value=value,
                note=new_note,
                version=1,
                updated_by=actor.user,
                updated_at=stamp,
            )
        )
    else:
        row.value, row.note = value, new_note
        row.version += 1
        row.updated_by, row.updated_at = actor.user, stamp
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="update" if row else "insert",
        entity="value",
        project=project,
        metric=metric,
        month=month,
        old=old,
        new={"value": value, "note": new_note},
        at=stamp,
    )
    session.flush()
    return True


def log_value(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    month: Month,
    value: str | int,
    note: str | _Keep | None = KEEP,
) -> Changes:
    """Log (or correct) the value of one project, metric and month."""
    count = parse_count(value)
    with db.write() as session:
        catalog = load_catalog(session)
        changed = apply_value(session, catalog, actor, project, metric, month, count, note)
    return Changes(values=frozenset({(project, metric, month)})) if changed else Changes()


def clear_value(db: Database, actor: Actor, project: str, metric: str, month: Month) -> Changes:
    """Remove a logged value: the month becomes missing again (never a silent zero)."""
    with db.write() as session:
        catalog = load_catalog(session)
        _check_cell(catalog, project, metric, month)
        row = _stored(session, catalog, project, metric, month)
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
    return Changes(values=frozenset({(project, metric, month)}))


def get_value(
    db: Database, project: str, metric: str, month: Month
) -> tuple[int, str | None] | None:
    with db.read() as session:
        catalog = load_catalog(session)
        catalog.project(project)
        catalog.metric(metric)
        row = _stored(session, catalog, project, metric, month)
        return (row.value, row.note) if row else None
