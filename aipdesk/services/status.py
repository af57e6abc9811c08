"""The status of a year: one row per target, all figures from `compute_progress`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from sqlalchemy.orm import Session

from aipdesk.domain.model import MetricKind, Target
from aipdesk.domain.months import Month, Period
from aipdesk.domain.progress import ROLLING_MONTHS, Observed, compute_progress
from aipdesk.domain.reporting import ReportMonthChoice, Span, choose, span_of
from aipdesk.services.base import CellKey, CellState
from aipdesk.services.month_status import approved_months
from aipdesk.services.results import StatusReport, StatusRow
from aipdesk.store.database import Database
from aipdesk.store.queries import (
    Catalog,
    load_catalog,
    series_needed,
    series_values,
    targets_overlapping,
)

__all__ = ["StatusReport", "StatusRow", "fallback_report_month", "status", "status_in"]


def fallback_report_month(year: int, today: date | None = None) -> Month:
    """Without values: the previous calendar month, clamped into `year`."""
    today = today or date.today()
    previous = Month(today.year, today.month).shift(-1)
    if previous.year > year:
        return Month(year, 12)
    if previous.year < year:
        return Month(year, 1)
    return previous


def status(db: Database, year: int, month: Month | None = None) -> StatusReport:
    """Progress of every target whose period overlaps `year`, at the report month
    (without `month`: the Meldeschluss month, DESIGN §3).

    A fixed number of statements, however many targets: the catalog (cached), the
    targets, and one read of the values their series hold.
    """
    with db.read() as session:
        return status_in(session, load_catalog(session), year, month)


def status_in(
    session: Session, catalog: Catalog, year: int, month: Month | None = None
) -> StatusReport:
    """`status` inside an open read (the window reads it with the rest of a snapshot)."""
    return report_of(catalog, read_year(session, catalog, year, month), month)


Pair = tuple[str, str]


@dataclass(frozen=True)
class YearData:
    """What the status of a year is computed from: the targets overlapping it and the
    logged values of their series over the months the figures need (`first` … `last`).
    The window keeps it and applies its own writes to it, so that an edit is shown
    without reading the year again."""

    year: int
    first: Month
    last: Month
    targets: tuple[Target, ...]
    values: Mapping[Pair, Mapping[int, float]]
    observed: tuple[Observed, ...]  # one per target
    spans: tuple[Span | None, ...]  # one per target, None for inactive projects too
    # The approved months (project, month index) between `first` and `last`.
    approved: frozenset[tuple[str, int]] = frozenset()
    # The targets (indexes) each series feeds: made with the targets, handed on to the
    # data after a write (same targets), so that a written cell finds its targets at once.
    uses: Mapping[Pair, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)


def read_year(
    session: Session, catalog: Catalog, year: int, month: Month | None = None
) -> YearData:
    """The targets of `year` and their values, in a fixed number of statements."""
    targets = tuple(target for _, target in targets_overlapping(session, catalog, year))
    first = min([Month(year, 1).shift(-2 * ROLLING_MONTHS)] + [t.first.shift(-12) for t in targets])
    last = max(Month(year, 12), month or Month(year, 12))
    if month is not None:
        first = min(first, month.shift(-2 * ROLLING_MONTHS))
    values = series_values(session, catalog, series_needed(catalog, targets), first, last)
    approved = approved_months(session, catalog, first, last)
    return year_data(catalog, year, first, last, targets, values, approved=approved)


def year_data(
    catalog: Catalog,
    year: int,
    first: Month,
    last: Month,
    targets: tuple[Target, ...],
    values: Mapping[Pair, Mapping[int, float]],
    keep: YearData | None = None,
    affected: set[int] | None = None,
    approved: frozenset[tuple[str, int]] | None = None,
) -> YearData:
    """The year data of `targets` over `values`; with `keep`, the observed values and
    spans of every target but the `affected` ones (and the approved months) are taken
    from there."""
    observed: list[Observed | None] = [None] * len(targets)
    spans: list[Span | None] = [None] * len(targets)
    indexes: Iterable[int] = range(len(targets))
    if keep is not None and affected is not None:  # the others taken over at once
        observed, spans, indexes = list(keep.observed), list(keep.spans), sorted(affected)
    for index in indexes:
        target = targets[index]
        seen = observed_for(catalog, target, values)
        project = catalog.projects[target.project]
        observed[index] = seen
        spans[index] = span_of(year, target, seen, project.period) if project.active else None
    uses = keep.uses if keep is not None and keep.targets is targets else _uses(catalog, targets)
    seen_all = tuple(cast(list[Observed], observed))
    if approved is None:
        approved = keep.approved if keep is not None else frozenset()
    return YearData(year, first, last, targets, values, seen_all, tuple(spans), approved, uses)


def _uses(catalog: Catalog, targets: tuple[Target, ...]) -> dict[Pair, tuple[int, ...]]:
    uses: dict[Pair, list[int]] = {}
    for index, target in enumerate(targets):
        for pair in series_needed(catalog, [target]):
            uses.setdefault(pair, []).append(index)
    return {pair: tuple(indexes) for pair, indexes in uses.items()}


def report_of(
    catalog: Catalog,
    data: YearData,
    month: Month | None = None,
    before: StatusReport | None = None,
    affected: set[int] | None = None,
) -> StatusReport:
    """The status of `data`'s year at `month` (None: the Meldeschluss month). With the
    report `before` of the same targets and month, only the `affected` rows are
    computed anew."""
    choice: ReportMonthChoice | None = None
    if month is None:
        choice = choose(data.spans)
        report = choice.month if choice else fallback_report_month(data.year)
    else:
        report = month
    kept = (
        before.rows
        if before is not None and affected is not None and before.report_month == report
        else None
    )
    # The rows kept are taken over at once: no loop over every target after an edit.
    rows: list[StatusRow | None] = list(kept) if kept is not None else [None] * len(data.targets)
    for index in sorted(affected or ()) if kept is not None else range(len(data.targets)):
        target, seen = data.targets[index], data.observed[index]
        project, metric = catalog.projects[target.project], catalog.metrics[target.metric]
        progress = compute_progress(metric, target, report, seen, project.period)
        approved = approved_of(target, project.period, report, data.approved)
        rows[index] = StatusRow(project, metric, target, progress, report, approved)
    last = before.last if before is not None and kept is not None else {}
    return StatusReport(data.year, report, tuple(cast(list[StatusRow], rows)), choice, last)


def approved_of(
    target: Target, period: Period, report: Month, approved: frozenset[tuple[str, int]]
) -> int:
    """How many of `target`'s months up to `report` (inside `period`) are approved."""
    if not approved:
        return 0
    last = min(target.last, report)
    return sum(
        1
        for index in range(target.first.index, last.index + 1)
        if (target.project, index) in approved and period.contains(Month.from_index(index))
    )


def with_cells(
    catalog: Catalog, data: YearData, cells: Mapping[CellKey, CellState | None]
) -> tuple[YearData, set[int]]:
    """`data` with the written `cells` applied (new series dicts where they changed), and
    the indexes of the targets they concern."""
    touched: dict[Pair, dict[int, float]] = {}
    lo, hi = data.first.index, data.last.index
    for (project, metric, month), state in cells.items():
        pair = (project, metric)
        if pair not in data.values or not lo <= month.index <= hi:
            continue
        series = touched.get(pair)
        if series is None:
            series = touched[pair] = dict(data.values[pair])
        if state is None:
            series.pop(month.index, None)
        else:
            series[month.index] = state.value
    if not touched:
        return data, set()
    values = {**data.values, **touched}
    uses = data.uses or _uses(catalog, data.targets)
    affected = {index for pair in touched for index in uses.get(pair, ())}
    fresh = year_data(
        catalog, data.year, data.first, data.last, data.targets, values, data, affected
    )
    return fresh, affected


def observed_for(
    catalog: Catalog, target: Target, values: Mapping[tuple[str, str], Mapping[int, float]]
) -> Observed:
    """The logged values of a target's series (a ratio: numerator and denominator)."""
    metric = catalog.metrics[target.metric]
    if metric.kind is MetricKind.RATIO:
        assert metric.numerator and metric.denominator
        return Observed(
            values[(target.project, metric.numerator)],
            values[(target.project, metric.denominator)],
        )
    return Observed(values[(target.project, target.metric)])
