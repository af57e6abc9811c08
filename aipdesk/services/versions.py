"""Optimistic concurrency: every monthly value and target carries a version.

An editor (the window) remembers the version it showed and hands it back with
its write; the write is refused when the stored version differs, that is when
someone else has changed (or removed) the row since it was shown. Two
coordinators editing the same cell therefore never overwrite each other
unseen; writes without an expected version (command line, import with its own
conflict check) are not checked.

Versions never repeat for a cell, not even when it is removed and logged anew:
a new row starts above every version the cell has had, which is at most the
number of its change-log entries (each write adds one). So a stale editor
cannot mistake a re-created value for the one it showed. A restore lifts every
version of the restored content above every version the replaced database had,
and leaves that bound as the floor new cells start above (settings key
``version_floor``, aipdesk.store.restore).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Protocol

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Phrase
from aipdesk.domain.months import Month
from aipdesk.format import ENGLISH, GERMAN
from aipdesk.store.models import ChangeRow, SettingRow
from aipdesk.store.restore import VERSION_FLOOR

MISSING = 0  # the version of a cell without a value (or a pair without that target)


def _cell(entity: str, project: str, metric: str, month: Month) -> tuple[ColumnElement[bool], ...]:
    return (
        ChangeRow.entity == entity,
        ChangeRow.project == project,
        ChangeRow.metric == metric,
        ChangeRow.year == month.year,
        ChangeRow.month == month.month,
    )


def _floor(session: Session) -> int:
    """The version floor a restore left (0: none): versions of new cells start above it."""
    value = session.scalar(select(SettingRow.value).where(SettingRow.key == VERSION_FLOOR))
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0


def fresh_version(session: Session, entity: str, project: str, metric: str, month: Month) -> int:
    """The version of a row created now: above every version the cell has ever had."""
    count = session.scalar(
        select(func.count()).select_from(ChangeRow).where(*_cell(entity, project, metric, month))
    )
    return max(int(count or 0), _floor(session)) + 1


def fresh_versions(
    session: Session, entity: str, keys: Iterable[tuple[str, str, Month]]
) -> dict[tuple[str, str, Month], int]:
    """`fresh_version` of many cells in one statement per chunk (imports, merges)."""
    wanted = set(keys)
    if not wanted:
        return {}
    floor = _floor(session)
    result = dict.fromkeys(wanted, floor + 1)
    projects = sorted({p for p, _, _ in wanted})
    metrics = sorted({m for _, m, _ in wanted})
    years = sorted({m.year for _, _, m in wanted})
    query = (
        select(ChangeRow.project, ChangeRow.metric, ChangeRow.year, ChangeRow.month, func.count())
        .where(
            ChangeRow.entity == entity,
            ChangeRow.project.in_(projects),
            ChangeRow.metric.in_(metrics),  # one new cell: its own entries only
            ChangeRow.year.in_(years),
        )
        .group_by(ChangeRow.project, ChangeRow.metric, ChangeRow.year, ChangeRow.month)
    )
    for project, metric, year, month, count in session.execute(query):
        if project is None or metric is None or year is None or month is None:
            continue
        key = (project, metric, Month(year, month))
        if key in result:
            result[key] = max(int(count), floor) + 1
    return result


def last_writer(
    session: Session, entity: str, project: str, metric: str, month: Month
) -> tuple[str, datetime | None]:
    """Who made the cell's latest change, and when (from the change log)."""
    row = session.execute(
        select(ChangeRow.user, ChangeRow.at)
        .where(*_cell(entity, project, metric, month))
        .order_by(ChangeRow.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else ("?", None)


def when(at: datetime | None) -> tuple[str, str]:
    """A change time for a message, in local time, in German and English."""
    if at is None:
        return ("?", "?")
    return (GERMAN.timestamp(at), ENGLISH.timestamp(at))


class Versioned(Protocol):
    """A stored row under optimistic concurrency: a monthly value or a target."""

    version: int
    updated_by: str
    updated_at: datetime | None


Text = str | tuple[str, str] | Phrase  # one text, German and English, or a catalogue text


def check_version(
    session: Session,
    entity: str,
    row: Versioned | None,
    key: tuple[str, str, Month],
    expected: int | None,
    current: Callable[[], Text],
    removed: Text,
    names: tuple[str, str] | None = None,
) -> None:
    """Refuse a write based on `expected`, a version that is no longer stored.

    The refusal (`value_conflict`, `target_conflict`) says what is stored now
    (`current()`, or `removed` when the row is gone), who wrote it and when.
    Without an `expected` version nothing is checked. `names`: the project's and the
    metric's names for the message (else their codes).
    """
    if expected is None or (row.version if row else MISSING) == expected:
        return
    project, metric, month = key
    if row is not None:
        user, at, now_text = row.updated_by, row.updated_at, current()
    else:
        (user, at), now_text = last_writer(session, entity, *key), removed
    project, metric = names or (project, metric)
    raise DomainError(
        Code.value_conflict if entity == "value" else Code.target_conflict,
        project=project,
        metric=metric,
        month=str(month),
        current=now_text,
        user=user,
        at=when(at),
    )
