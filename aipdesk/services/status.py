"""The status of a year: one row per target, all figures from `compute_progress`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from aipdesk.domain.model import Metric, MetricKind, Project, Target
from aipdesk.domain.months import Month
from aipdesk.domain.progress import Inputs, Progress, compute_progress
from aipdesk.store.database import Database
from aipdesk.store.queries import (
    latest_month,
    load_catalog,
    series_for_targets,
    targets_overlapping,
)


@dataclass(frozen=True)
class StatusRow:
    project: Project
    metric: Metric
    target: Target
    progress: Progress

    def to_json(self) -> dict[str, Any]:
        p = self.progress
        return {
            "project": self.project.code,
            "metric": self.metric.code,
            "target": p.target,
            "plan_to_date": p.plan_to_date,
            "actual_to_date": p.actual_to_date,
            "attainment_pct": p.attainment_pct,
            "deviation": p.deviation,
            "forecast": p.forecast,
            "status": p.status.value,
            # Compatible extensions of the contract:
            "project_name": self.project.name,
            "metric_name": self.metric.name,
            "period_first": str(self.target.first),
            "period_last": str(self.target.last),
            "previous_year_actual": p.previous_year_actual,
            "previous_year_change_pct": p.previous_year_change_pct,
            "months_reported": p.months_reported,
            "months_elapsed": p.months_elapsed,
        }


@dataclass(frozen=True)
class StatusReport:
    year: int
    report_month: Month
    rows: tuple[StatusRow, ...]

    def to_json(self) -> list[dict[str, Any]]:
        return [row.to_json() for row in self.rows]


def fallback_report_month(year: int, today: date | None = None) -> Month:
    """Without values: the previous calendar month, clamped into `year`."""
    today = today or date.today()
    previous = Month(today.year, today.month).shift(-1)
    if previous.year > year:
        return Month(year, 12)
    if previous.year < year:
        return Month(year, 1)
    return previous


def report_month_for(db: Database, year: int, today: date | None = None) -> Month:
    """The latest month of `year` with a logged value, else the previous calendar month."""
    with db.read() as session:
        return latest_month(session, year) or fallback_report_month(year, today)


def status(db: Database, year: int, month: Month | None = None) -> StatusReport:
    """Progress of every target whose period overlaps `year`, at the report month.

    A fixed number of statements, however many targets: the catalog, the
    targets, the latest month, and one query for all the monthly values.
    """
    with db.read() as session:
        catalog = load_catalog(session)
        report = month or latest_month(session, year) or fallback_report_month(year)
        targets = targets_overlapping(session, catalog, year)
        series = series_for_targets(session, year, report)
    rows = []
    for target_id, target in targets:
        metric = catalog.metrics[target.metric]
        found = series.get(target_id, {})
        if metric.kind is MetricKind.RATIO:
            assert metric.numerator and metric.denominator
            inputs = Inputs(
                numerator=found.get(metric.numerator, {}),
                denominator=found.get(metric.denominator, {}),
            )
        else:
            inputs = Inputs(values=found.get(metric.code, {}))
        rows.append(
            StatusRow(
                catalog.projects[target.project],
                metric,
                target,
                compute_progress(metric, target, report, inputs),
            )
        )
    return StatusReport(year, report, tuple(rows))
