"""The status of a year: one row per target, all figures from `compute_progress`."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from aipdesk.domain.months import Month
from aipdesk.domain.progress import Totals, compute_progress
from aipdesk.services.results import StatusReport, StatusRow
from aipdesk.store.database import Database
from aipdesk.store.queries import (
    Catalog,
    latest_month,
    load_catalog,
    targets_overlapping,
    totals_for_targets,
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
    """Progress of every target whose period overlaps `year`, at the report month.

    A fixed number of statements, however many targets (seven with the catalog,
    the latest month and the targets), one of them aggregating all the values.
    """
    with db.read() as session:
        return status_in(session, load_catalog(session), year, month)


def status_in(
    session: Session, catalog: Catalog, year: int, month: Month | None = None
) -> StatusReport:
    """`status` inside an open read (the window reads it with the rest of a snapshot)."""
    report = month or latest_month(session, year) or fallback_report_month(year)
    totals = totals_for_targets(session, year, report)
    rows = tuple(
        StatusRow(
            catalog.projects[target.project],
            catalog.metrics[target.metric],
            target,
            compute_progress(
                catalog.metrics[target.metric], target, report, totals.get(target_id, NO_TOTALS)
            ),
        )
        for target_id, target in targets_overlapping(session, catalog, year)
    )
    return StatusReport(year, report, rows)


NO_TOTALS = Totals()
