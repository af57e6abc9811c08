"""Setting and clearing targets (Zielwerte) with their period and plan curve."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.catalogue import KIND_NAMES, named
from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import MetricKind, Target
from aipdesk.domain.months import Month, Period
from aipdesk.domain.plan import (
    HISTORY_YEARS,
    normalise_weights,
    parse_weight,
    weights_from_history,
)
from aipdesk.domain.rules import parse_number
from aipdesk.services.base import Actor, Changes
from aipdesk.services.projects import ensure_tracked
from aipdesk.services.values import KEEP, _Keep
from aipdesk.services.versions import check_version, fresh_version
from aipdesk.store.changelog import now, record
from aipdesk.store.database import Database
from aipdesk.store.models import TargetRow
from aipdesk.store.queries import (
    Catalog,
    all_targets,
    load_catalog,
    target_from_row,
    targets_overlapping,
    values_in,
)


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


class _FromHistory:
    def __repr__(self) -> str:
        return "FROM_HISTORY"


FROM_HISTORY: Final = _FromHistory()  # "the plan curve of the previous years' shares"
Weights = Sequence[float | str] | _Keep | _FromHistory | None


def set_target(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    first: Month,
    last: Month,
    value: float | str | None,
    weights: Weights = None,
    *,
    change_pct: float | str | _Keep | None = KEEP,
    denominator_plan: float | str | _Keep | None = KEEP,
    expected: int | None = None,
) -> Changes:
    """Set the target of `project`/`metric` starting at `first`.

    `weights`: the plan curve, any non-negative numbers (one per period month, scaled
    to add up to 1); None linear; `FROM_HISTORY` the previous years' monthly shares
    (`aipdesk.domain.plan.weights_from_history`); `KEEP` the stored curve while the
    period keeps its length, else linear. `change_pct` (the planned Veränderungsrate,
    %) and `denominator_plan` (a ratio's planned mean denominator): `KEEP` leaves what
    the stored target has, None clears it.
    `expected`: the version the editor showed (0 for a new target); the write is
    refused with `target_conflict` when someone else has changed it since.
    """
    number = _number(value)
    change = _number(change_pct)
    plan = _number(denominator_plan)
    with db.write() as session:
        catalog = load_catalog(session)
        catalog.project(project)
        kind = catalog.metric(metric).kind
        row = _row_starting(session, catalog, project, metric, first)
        before = target_from_row(row, project, metric) if row is not None else None
        months = last.index - first.index + 1
        curve = _curve(session, catalog, weights, before, project, metric, first, months)
        if isinstance(change, _Keep):
            change = before.change_pct if before else None
        if isinstance(plan, _Keep):
            plan = before.denominator_plan if before else None
        elif plan is not None and kind is not MetricKind.RATIO:
            raise DomainError(
                "denominator_plan_not_ratio",
                metric=named(catalog.metrics[metric], catalog.metrics),
                kind=KIND_NAMES[kind],
            )
        target = Target(
            project,
            metric,
            first,
            last,
            None if isinstance(number, _Keep) else number,
            curve,
            change_pct=change,
            denominator_plan=plan,
        )
        version = apply_target(session, catalog, actor, target, expected=expected)
    return Changes(targets=frozenset({(project, metric)})) if version is not None else Changes()


def _number(value: float | str | _Keep | None) -> float | _Keep | None:
    if value is None or isinstance(value, _Keep):
        return value
    return None if value == "" else parse_number(value)


def _curve(
    session: Session,
    catalog: Catalog,
    weights: Weights,
    before: Target | None,
    project: str,
    metric: str,
    first: Month,
    months: int,
) -> tuple[float, ...] | None:
    if weights is None:
        return None
    if isinstance(weights, _Keep):
        return before.weights if before is not None and before.months == months else None
    if isinstance(weights, _FromHistory):
        return history_weights(session, catalog, project, metric, first, months)
    return normalise_weights([parse_weight(w) for w in weights], first, months)


def history_weights(
    session: Session, catalog: Catalog, project: str, metric: str, first: Month, months: int
) -> tuple[float, ...]:
    """ "Plankurve aus Vorjahr": the monthly shares of the same months in up to three
    earlier years, of the metric's series in `project` (a ratio: its numerator)."""
    chosen = catalog.metric(metric)
    series = chosen.numerator if chosen.kind is MetricKind.RATIO and chosen.numerator else metric
    earliest = first.shift(-12 * HISTORY_YEARS)
    latest = first.shift(months - 1 - 12)
    values = {
        cell.month: float(cell.value)
        for cell in values_in(session, catalog, earliest, latest, [project])
        if cell.metric == series
    }
    name = f"{project} {named(catalog.metrics[series], catalog.metrics)}"
    return weights_from_history(first, months, values, name)


def history_curve(
    db: Database, project: str, metric: str, first: Month, months: int
) -> tuple[float, ...]:
    """`history_weights` in a read of its own: the "Plankurve aus Vorjahr" a plan-curve
    editor shows before anything is stored."""
    with db.read() as session:
        catalog = load_catalog(session)
        catalog.project(project)
        return history_weights(session, catalog, project, metric, first, months)


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


def remove_target(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    year: int,
    first: Month | None = None,
) -> Changes:
    """Remove the target of `project`/`metric` whose period overlaps `year` (where several
    do, the one starting at `first`)."""
    with db.read() as session:
        catalog = load_catalog(session)
        catalog.project(project)
        catalog.metric(metric)
        found = [
            t
            for t in all_targets(session, catalog)
            if (t.project, t.metric) == (project, metric) and t.period.overlaps_year(year)
        ]
    if first is not None:
        found = [t for t in found if t.first == first]
    if not found:
        period = str(first) if first is not None else str(Period.year(year))
        raise DomainError("no_target", project=project, metric=metric, period=period)
    if len(found) > 1:
        raise DomainError(
            "several_targets",
            project=project,
            metric=metric,
            year=year,
            periods=", ".join(str(t.period) for t in found),
        )
    return clear_target(db, actor, project, metric, found[0].first, expected=found[0].version)


def targets_of_year(db: Database, year: int) -> list[Target]:
    """The targets whose period overlaps `year`, in display order (project, metric)."""
    with db.read() as session:
        return [t for _, t in targets_overlapping(session, load_catalog(session), year)]


def list_targets(db: Database) -> list[Target]:
    with db.read() as session:
        return all_targets(session, load_catalog(session))


def copy_targets(db: Database, actor: Actor, year: int) -> Changes:
    """Copy every calendar-year target of `year` to `year + 1` (value and plan curve).

    Targets that span other periods (GUIDE's project period) stay as they are, and
    a pair that already has a target overlapping the next year is left alone.
    """

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
