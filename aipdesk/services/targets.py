"""Setting and clearing targets (Zielwerte) with their period and plan curve."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Target
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_number
from aipdesk.services.base import Actor, Changes
from aipdesk.services.projects import ensure_tracked
from aipdesk.services.versions import check_version, fresh_version
from aipdesk.store.changelog import now, record
from aipdesk.store.database import Database
from aipdesk.store.models import TargetRow
from aipdesk.store.queries import Catalog, load_catalog, target_from_row


def _target_json(target: Target) -> dict[str, Any]:
    return {
        "first": str(target.first),
        "last": str(target.last),
        "value": target.value,
        "weights": list(target.weights) if target.weights else None,
        "change_pct": target.change_pct,
        "denominator_plan": target.denominator_plan,
    }


def _rows_for(session: Session, catalog: Catalog, project: str, metric: str) -> list[TargetRow]:
    return list(
        session.scalars(
            select(TargetRow).where(
                TargetRow.project_id == catalog.project_ids[project],
                TargetRow.metric_id == catalog.metric_ids[metric],
            )
        )
    )


def _check_version(
    session: Session,
    row: TargetRow | None,
    project: str,
    metric: str,
    first: Month,
    expected: int | None,
) -> None:
    def current() -> str | tuple[str, str]:
        value = target_from_row(row, project, metric).value if row else None
        return ("ohne Zahl", "without a number") if value is None else f"{value:g}"

    check_version(
        session, "target", row, (project, metric, first), expected, current, ("entfernt", "removed")
    )


def _row_starting(
    session: Session, catalog: Catalog, project: str, metric: str, first: Month
) -> TargetRow | None:
    for row in _rows_for(session, catalog, project, metric):
        if (row.first_year, row.first_month) == (first.year, first.month):
            return row
    return None


def apply_target(
    session: Session,
    catalog: Catalog,
    actor: Actor,
    target: Target,
    origin: str = "user",
    expected: int | None = None,
) -> int | None:
    """Insert or update the target starting at `target.first`.

    Returns the row's new version, None when nothing changed. With an `expected`
    version the write is refused if the stored one differs (someone else's edit).
    """
    catalog.project(target.project)
    catalog.metric(target.metric)
    target.validate()
    existing = _row_starting(session, catalog, target.project, target.metric, target.first)
    _check_version(session, existing, target.project, target.metric, target.first, expected)
    for row in _rows_for(session, catalog, target.project, target.metric):
        other = target_from_row(row, target.project, target.metric)
        if other.first == target.first:
            continue
        if other.first <= target.last and target.first <= other.last:
            raise DomainError(
                "target_overlap",
                project=target.project,
                metric=target.metric,
                period=str(target.period),
            )
    ensure_tracked(session, catalog, actor, target.project, target.metric)
    weights = json.dumps(list(target.weights)) if target.weights is not None else None
    stamp = now()
    if existing is None:
        existing = TargetRow(
            project_id=catalog.project_ids[target.project],
            metric_id=catalog.metric_ids[target.metric],
            first_year=target.first.year,
            first_month=target.first.month,
            last_year=target.last.year,
            last_month=target.last.month,
            value=target.value,
            weights=weights,
            change_pct=target.change_pct,
            denominator_plan=target.denominator_plan,
            origin=origin,
            version=fresh_version(session, "target", target.project, target.metric, target.first),
            updated_by=actor.user,
            updated_at=stamp,
        )
        session.add(existing)
        old = None
    else:
        before = target_from_row(existing, target.project, target.metric)
        if before == target:
            return None
        old = _target_json(before)
        existing.last_year, existing.last_month = target.last.year, target.last.month
        existing.value, existing.weights, existing.origin = target.value, weights, origin
        existing.change_pct, existing.denominator_plan = target.change_pct, target.denominator_plan
        existing.version += 1
        existing.updated_by, existing.updated_at = actor.user, stamp
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="update" if old else "insert",
        entity="target",
        project=target.project,
        metric=target.metric,
        month=target.first,
        old=old,
        new=_target_json(target),
        at=stamp,
    )
    session.flush()
    return existing.version


def set_target(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    first: Month,
    last: Month,
    value: float | str | None,
    weights: tuple[float, ...] | None = None,
    *,
    expected: int | None = None,
) -> Changes:
    """Set the target of `project`/`metric` starting at `first`.

    `expected`: the version the editor showed (0 for a new target); the write is
    refused with `target_conflict` when someone else has changed it since.
    """
    number = None if value is None or value == "" else parse_number(value)
    target = Target(project, metric, first, last, number, weights)
    with db.write() as session:
        version = apply_target(session, load_catalog(session), actor, target, expected=expected)
    return Changes(targets=frozenset({(project, metric)})) if version is not None else Changes()


def clear_target(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    first: Month,
    *,
    expected: int | None = None,
) -> Changes:
    with db.write() as session:
        catalog = load_catalog(session)
        catalog.project(project)
        catalog.metric(metric)
        row = _row_starting(session, catalog, project, metric, first)
        if row is None and expected is None:
            raise DomainError("no_target", project=project, metric=metric, period=str(first))
        _check_version(session, row, project, metric, first, expected)
        if row is None:
            return Changes()  # expected missing, and still missing
        record(
            session,
            user=actor.user,
            source=actor.source,
            action="delete",
            entity="target",
            project=project,
            metric=metric,
            month=first,
            old=_target_json(target_from_row(row, project, metric)),
        )
        session.delete(row)
    return Changes(targets=frozenset({(project, metric)}))


def list_targets(db: Database) -> list[Target]:
    from aipdesk.store.queries import all_targets

    with db.read() as session:
        return all_targets(session, load_catalog(session))


def copy_targets(db: Database, actor: Actor, year: int) -> Changes:
    """Copy every calendar-year target of `year` to `year + 1` (value and plan curve).

    Targets that span other periods (GUIDE's project period) stay as they are, and
    a pair that already has a target overlapping the next year is left alone.
    """
    from aipdesk.store.queries import all_targets

    copied: set[tuple[str, str]] = set()
    with db.write() as session:
        catalog = load_catalog(session)
        existing = all_targets(session, catalog)
        taken = {(t.project, t.metric) for t in existing if t.period.overlaps_year(year + 1)}
        for target in existing:
            whole_year = (target.first, target.last) == (Month(year, 1), Month(year, 12))
            if not whole_year or (target.project, target.metric) in taken:
                continue
            project = catalog.projects[target.project]
            if not project.active or not project.period.overlaps_year(year + 1):
                continue  # a project that has ended (Integration Point ends 2021-12)
            copy = Target(
                target.project,
                target.metric,
                Month(year + 1, 1),
                Month(year + 1, 12),
                target.value,
                target.weights,
            )
            if apply_target(session, catalog, actor, copy):
                copied.add((target.project, target.metric))
    return Changes(targets=frozenset(copied))
