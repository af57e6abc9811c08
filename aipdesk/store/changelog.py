"""Writing and reading the append-only change log."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from aipdesk.domain.audit import Change
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.months import Month
from aipdesk.store.checks import damaged
from aipdesk.store.locations import display_url
from aipdesk.store.models import ChangeRow


def now() -> datetime:
    return datetime.now(UTC)


def record(
    session: Session,
    *,
    user: str,
    source: str,
    action: str,
    entity: str,
    project: str | None = None,
    metric: str | None = None,
    month: Month | None = None,
    old: Any = None,
    new: Any = None,
    at: datetime | None = None,
) -> None:
    session.add(
        ChangeRow(
            at=at or now(),
            user=user,
            source=source,
            action=action,
            entity=entity,
            project=project,
            metric=metric,
            year=month.year if month else None,
            month=month.month if month else None,
            old=None if old is None else json.dumps(old, ensure_ascii=False, sort_keys=True),
            new=None if new is None else json.dumps(new, ensure_ascii=False, sort_keys=True),
        )
    )


def record_many(session: Session, rows: list[dict[str, Any]]) -> None:
    """Bulk variant of :func:`record` for imports and demo data (dicts of ChangeRow columns,
    `old` and `new` as JSON text): one Core executemany, no ORM objects."""
    if rows:
        session.flush()  # ORM objects pending in the session go first, as they would
        session.connection().execute(insert(ChangeRow), rows)


def history(
    session: Session,
    project: str | None = None,
    metric: str | None = None,
    month: Month | None = None,
    limit: int | None = None,
) -> list[Change]:
    query = select(ChangeRow).order_by(ChangeRow.id)
    if project:
        query = query.where(ChangeRow.project == project)
    if metric:
        query = query.where(ChangeRow.metric == metric)
    if month:
        query = query.where(ChangeRow.year == month.year, ChangeRow.month == month.month)
    if limit:
        query = query.limit(limit)
    try:
        return [_change(row) for row in session.scalars(query)]
    except (ValueError, TypeError, DomainError) as exc:
        # A timestamp or JSON that does not parse, a month 13: the file is damaged (the
        # full check finds it too; a large file has it once a day only).
        raise _unreadable(session, exc) from None


def _change(row: ChangeRow) -> Change:
    return Change(
        at=row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC),
        user=row.user,
        source=row.source,
        action=row.action,
        entity=row.entity,
        project=row.project,
        metric=row.metric,
        month=Month(row.year, row.month) if row.year and row.month else None,
        old=json.loads(row.old) if row.old else None,
        new=json.loads(row.new) if row.new else None,
    )


def _unreadable(session: Session, exc: Exception) -> DomainError:
    if isinstance(exc, DomainError) and exc.code == "db_damaged":
        return exc
    detail = f"Änderungsprotokoll unlesbar: {type(exc).__name__}"
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return damaged(Path(url.database), detail)
    return DomainError(
        Code.db_damaged, path=display_url(url), detail=detail, backup=None, offer=("", "")
    )
