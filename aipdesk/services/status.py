"""The status of a year: one row per target, all figures from `compute_progress`."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from aipdesk.domain.model import MetricKind, Target
from aipdesk.domain.months import Month
from aipdesk.domain.progress import ROLLING_MONTHS, Observed, compute_progress
from aipdesk.domain.reporting import ReportMonthChoice, meldeschluss
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
    targets = [target for _, target in targets_overlapping(session, catalog, year)]
    first = min([Month(year, 1).shift(-2 * ROLLING_MONTHS)] + [t.first.shift(-12) for t in targets])
    last = max(Month(year, 12), month or Month(year, 12))
    if month is not None:
        first = min(first, month.shift(-2 * ROLLING_MONTHS))
    values = series_values(session, catalog, series_needed(catalog, targets), first, last)
    observed = [observed_for(catalog, target, values) for target in targets]
    choice: ReportMonthChoice | None = None
    if month is None:
        choice = meldeschluss(
            year,
            (
                (target, seen, catalog.projects[target.project].period)
                for target, seen in zip(targets, observed, strict=True)
                if catalog.projects[target.project].active
            ),
        )
        report = choice.month if choice else fallback_report_month(year)
    else:
        report = month
    rows = tuple(
        StatusRow(
            catalog.projects[target.project],
            catalog.metrics[target.metric],
            target,
            compute_progress(
                catalog.metrics[target.metric],
                target,
                report,
                seen,
                catalog.projects[target.project].period,
            ),
            report,
        )
        for target, seen in zip(targets, observed, strict=True)
    )
    return StatusReport(year, report, rows, choice)


def observed_for(
    catalog: Catalog, target: Target, values: dict[tuple[str, str], dict[int, float]]
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
