"""Target rows written and read inside an open unit of work: the one place a target
is inserted or changed (its version check, the overlap rule, the change-log entry),
and the plan curve a target gets. The operations of `aipdesk.services.targets`
compose these."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.catalogue import named
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, phrase
from aipdesk.domain.model import MetricKind, Target
from aipdesk.domain.months import Month, period_words
from aipdesk.domain.plan import (
    HISTORY_YEARS,
    normalise_weights,
    parse_weight,
    weights_from_history,
)
from aipdesk.services.base import Actor
from aipdesk.services.catalog_rows import ensure_tracked
from aipdesk.services.naming import metric_name, project_name
from aipdesk.services.values import _Keep
from aipdesk.services.versions import Text, check_version, fresh_version
from aipdesk.store.changelog import now, record
from aipdesk.store.models import TargetRow
from aipdesk.store.queries import Catalog, target_from_row, values_in


def target_json(target: Target) -> dict[str, Any]:
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


def check_target_version(
    session: Session,
    row: TargetRow | None,
    project: str,
    metric: str,
    first: Month,
    expected: int | None,
    catalog: Catalog | None = None,
) -> None:
    def current() -> Text:
        value = target_from_row(row, project, metric).value if row else None
        return phrase(Note.now_target_without_number) if value is None else f"{value:g}"

    names = (project_name(catalog, project), metric_name(catalog, metric)) if catalog else None
    check_version(
        session,
        "target",
        row,
        (project, metric, first),
        expected,
        current,
        phrase(Note.now_target_removed),
        names,
    )


def row_starting(
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
    existing = row_starting(session, catalog, target.project, target.metric, target.first)
    check_target_version(
        session, existing, target.project, target.metric, target.first, expected, catalog
    )
    for row in _rows_for(session, catalog, target.project, target.metric):
        other = target_from_row(row, target.project, target.metric)
        if other.first == target.first:
            continue
        if other.first <= target.last and target.first <= other.last:
            raise DomainError(
                Code.target_overlap,
                project=project_name(catalog, target.project),
                metric=metric_name(catalog, target.metric),
                period=period_words(target.first, target.last),
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
        old = target_json(before)
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
        new=target_json(target),
        at=stamp,
    )
    session.flush()
    return existing.version


class _FromHistory:
    def __repr__(self) -> str:
        return "FROM_HISTORY"


FROM_HISTORY: Final = _FromHistory()  # "the plan curve of the previous years' shares"
Weights = Sequence[float | str] | _Keep | _FromHistory | None


def plan_curve(
    session: Session,
    catalog: Catalog,
    weights: Weights,
    before: Target | None,
    project: str,
    metric: str,
    first: Month,
    months: int,
) -> tuple[float, ...] | None:
    """The plan curve of a target of `months` months from `first`: `weights` scaled to
    add up to 1, None for linear; `KEEP` the curve of `before` while the period keeps
    its length; `FROM_HISTORY` the earlier years' monthly shares."""
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
    name = f"{project_name(catalog, project)} / {named(catalog.metrics[series], catalog.metrics)}"
    return weights_from_history(first, months, values, name)
